data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.oidc_provider_arn

  repository = "example-org/web-app"

  site_bucket_arn  = "arn:${local.partition}:s3:::${var.site_bucket_name}"
  distribution_arn = "arn:${local.partition}:cloudfront::${local.account_id}:distribution/${var.cloudfront_distribution_id}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = var.github_thumbprints

  tags = var.tags
}

resource "aws_iam_role" "deploy" {
  name                 = var.name
  description          = "Assumed by GitHub Actions in ${local.repository} to publish the site"
  assume_role_policy   = data.aws_iam_policy_document.trust.json
  max_session_duration = var.max_session_duration

  tags = var.tags
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy-site"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

resource "aws_iam_role_policy" "invalidate" {
  name = "invalidate-cache"
  role = aws_iam_role.deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "InvalidateDistribution"
        Effect = "Allow"
        Action = [
          "cloudfront:CreateInvalidation",
          "cloudfront:GetInvalidation",
          "cloudfront:ListInvalidations",
        ]
        Resource = local.distribution_arn
      },
      {
        Sid      = "ReadDistribution"
        Effect   = "Allow"
        Action   = "cloudfront:GetDistribution"
        Resource = "arn:${local.partition}:cloudfront::${local.account_id}:distribution/${var.cloudfront_distribution_id}"
      },
    ]
  })
}
