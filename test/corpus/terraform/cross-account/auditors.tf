################################################################################
# Auditors account side
################################################################################

resource "aws_iam_group" "auditors" {
  provider = aws.auditors

  name = "client-auditors"
}

data "aws_iam_policy_document" "auditors_assume_audit_role" {
  statement {
    sid       = "AssumeClientAuditRoles"
    effect    = "Allow"
    actions   = ["sts:AssumeRole"]
    resources = concat([aws_iam_role.audit.arn], var.additional_audit_role_arns)

    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["3600"]
    }
  }
}

resource "aws_iam_group_policy" "auditors" {
  provider = aws.auditors

  name   = "assume-client-audit-role"
  group  = aws_iam_group.auditors.name
  policy = data.aws_iam_policy_document.auditors_assume_audit_role.json
}

data "aws_iam_policy_document" "security_automation_assume" {
  statement {
    sid     = "LambdaService"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "security_automation" {
  provider = aws.auditors

  name               = "security-automation"
  assume_role_policy = data.aws_iam_policy_document.security_automation_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "security_automation" {
  provider = aws.auditors

  name = "assume-client-scanner"
  role = aws_iam_role.security_automation.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AssumeClientScanner"
        Effect   = "Allow"
        Action   = "sts:AssumeRole"
        Resource = aws_iam_role.scanner.arn
      },
    ]
  })
}
