# In the auditors' account: the auditors group may assume the client's audit role, with MFA.

resource "aws_iam_group" "auditors" {
  name = "auditors"
}

resource "aws_iam_group_policy" "assume_client_audit" {
  name  = "assume-client-audit-role"
  group = aws_iam_group.auditors.name

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "AssumeClientAuditRole"
        Effect   = "Allow"
        Action   = "sts:AssumeRole"
        Resource = "arn:aws:iam::111122223333:role/security-audit"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = "true" }
        }
      }
    ]
  })
}
