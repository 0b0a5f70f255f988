# Two accounts: the client account (default provider), where the roles live, and the auditors
# account (aws.auditors), whose people and automation assume them.

data "aws_partition" "current" {}

data "aws_caller_identity" "client" {}

data "aws_caller_identity" "auditors" {
  provider = aws.auditors
}

locals {
  partition           = data.aws_partition.current.partition
  client_account_id   = data.aws_caller_identity.client.account_id
  auditors_account_id = data.aws_caller_identity.auditors.account_id

  audit_managed_policies = toset([
    "arn:${local.partition}:iam::aws:policy/SecurityAudit",
    "arn:${local.partition}:iam::aws:policy/job-function/ViewOnlyAccess",
  ])
}
