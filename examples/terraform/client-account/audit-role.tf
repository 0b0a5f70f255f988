# The auditors' account (444455556666) reads this account's configuration through a role that
# only people signed in with MFA within the last hour can assume.

data "aws_iam_policy_document" "security_audit_trust" {
  statement {
    sid     = "AuditorsWithMfa"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.auditors_account_id}:root"]
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

resource "aws_iam_role" "security_audit" {
  name                 = "security-audit"
  description          = "Read-only audit access for the auditors' account"
  assume_role_policy   = data.aws_iam_policy_document.security_audit_trust.json
  max_session_duration = 3600
}

resource "aws_iam_role_policy_attachment" "security_audit" {
  role       = aws_iam_role.security_audit.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
