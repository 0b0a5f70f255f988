# People in the auditors account, signed in with MFA within the last hour.

data "aws_iam_policy_document" "audit_assume" {
  statement {
    sid     = "AuditorsAccountWithRecentMfa"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.auditors_account_id}:root"]
    }

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

resource "aws_iam_role" "audit" {
  name                 = var.audit_role_name
  description          = "Read-only access for the auditors of account ${local.auditors_account_id}"
  assume_role_policy   = data.aws_iam_policy_document.audit_assume.json
  max_session_duration = 3600

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "audit" {
  for_each = local.audit_managed_policies

  role       = aws_iam_role.audit.name
  policy_arn = each.value
}
