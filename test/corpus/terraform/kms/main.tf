data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  via_service_endpoints = [for service in var.via_services : "${service}.${local.region}.amazonaws.com"]
}

resource "aws_kms_key" "this" {
  description             = var.description
  deletion_window_in_days = var.deletion_window_in_days
  enable_key_rotation     = true
  policy                  = data.aws_iam_policy_document.key.json

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "${var.log_group_name_prefix}${var.name}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = aws_kms_key.this.arn

  tags = var.tags
}

resource "aws_iam_policy" "use_key" {
  name        = "${var.name}-kms-use"
  description = "Use the ${var.name} key through ${join(", ", var.via_services)}"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "UseKeyThroughServices"
        Effect = "Allow"
        Action = [
          "kms:Decrypt",
          "kms:GenerateDataKey",
          "kms:DescribeKey",
        ]
        Resource = aws_kms_key.this.arn
        Condition = {
          StringEquals = {
            "kms:ViaService" = local.via_service_endpoints
          }
        }
      },
      {
        Sid      = "ListAliases"
        Effect   = "Allow"
        Action   = "kms:ListAliases"
        Resource = "*"
      },
    ]
  })

  tags = var.tags
}
