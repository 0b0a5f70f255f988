# GitHub Actions deploys the web app from the main branch of example-org/web-app, and only from it.

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "github_deploy_trust" {
  statement {
    sid     = "GitHubActionsDeployFromMain"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:example-org/web-app:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "github_deploy" {
  name               = "github-actions-deploy"
  assume_role_policy = data.aws_iam_policy_document.github_deploy_trust.json
}

resource "aws_iam_role_policy" "github_deploy_site" {
  name = "deploy-site"
  role = aws_iam_role.github_deploy.id

  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "UploadSite",
          "Effect": "Allow",
          "Action": ["s3:PutObject", "s3:DeleteObject"],
          "Resource": "${aws_s3_bucket.site.arn}/*"
        },
        {
          "Sid": "ListSite",
          "Effect": "Allow",
          "Action": "s3:ListBucket",
          "Resource": "${aws_s3_bucket.site.arn}"
        }
      ]
    }
  EOF
}

resource "aws_s3_bucket" "site" {
  bucket = "example-org-web-app-site"
}
