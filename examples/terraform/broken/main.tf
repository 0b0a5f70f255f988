# Mistakes seen in real modules, one per policy: each is marked by the extension and the CLI.

# GitHub trust without a subject: any repository on GitHub can assume the role.
resource "aws_iam_role" "deploy_any_repo" {
  name = "deploy-any-repo"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

# A vendor's account trusted with no ExternalId: the quick fix adds one.
data "aws_iam_policy_document" "vendor_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::777788889999:root"]
    }
  }
}

resource "aws_iam_role" "vendor" {
  name               = "vendor-no-external-id"
  assume_role_policy = data.aws_iam_policy_document.vendor_trust.json
}

# "allow" is not an Effect (terraform#10057): IAM wants exactly Allow or Deny.
data "aws_iam_policy_document" "lowercase_effect" {
  statement {
    effect    = "allow"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-reports/*"]
  }
}

resource "aws_iam_policy" "lowercase_effect" {
  name   = "lowercase-effect"
  policy = data.aws_iam_policy_document.lowercase_effect.json
}

# A trailing comma in heredoc JSON (terraform#11906), a misspelt action, and PassRole on everything.
resource "aws_iam_policy" "ci_runner" {
  name   = "ci-runner"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:RunTask", "ecs:DescribeTask", "iam:PassRole"],
      "Resource": "*",
    }
  ]
}
EOF
}

# A bucket anyone can read.
resource "aws_s3_bucket_policy" "public" {
  bucket = "example-public-assets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::example-public-assets/*"
    }]
  })
}
