# The security scanner of the auditors account: one named role, no one else in that account.

resource "aws_iam_role" "scanner" {
  name        = "SecurityScanner"
  description = "Assumed by the security automation role of the auditors account"

  assume_role_policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "SecurityAutomationRole",
          "Effect": "Allow",
          "Principal": {
            "AWS": "arn:${local.partition}:iam::${local.auditors_account_id}:role/${aws_iam_role.security_automation.name}"
          },
          "Action": "sts:AssumeRole"
        }
      ]
    }
  EOF

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "scanner" {
  role       = aws_iam_role.scanner.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/SecurityAudit"
}
