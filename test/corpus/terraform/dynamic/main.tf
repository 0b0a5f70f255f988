locals {
  create_raw_policy         = length(var.statements) > 0
  create_conditional_policy = length(var.actions) > 0 && length(var.resources) > 0
}

resource "aws_iam_role" "this" {
  count = var.create_role ? 1 : 0

  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json

  tags = var.tags
}

resource "aws_iam_role_policy" "this" {
  count = var.create_role && length(var.policy_statements) + length(var.source_documents) + length(var.override_documents) > 0 ? 1 : 0

  name   = "${var.name}-permissions"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.permissions.json
}

resource "aws_iam_policy" "raw" {
  count = local.create_raw_policy ? 1 : 0

  name = "${var.name}-raw"

  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = var.statements
  })

  tags = var.tags
}

resource "aws_iam_policy" "conditional" {
  count = local.create_conditional_policy ? 1 : 0

  name = "${var.name}-conditional"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "ConditionalAccess"
        Effect    = "Allow"
        Action    = var.actions
        Resource  = var.resources
        Condition = var.conditions
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "assume_roles" {
  count = var.create_role && length(var.assumable_role_arns) > 0 ? 1 : 0

  name = "${var.name}-assume-roles"
  role = aws_iam_role.this[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      for name, arn in var.assumable_role_arns : {
        Sid      = "Assume${name}"
        Effect   = "Allow"
        Action   = ["sts:AssumeRole", "sts:TagSession"]
        Resource = arn
      }
    ]
  })
}
