output "audit_role_arn" {
  description = "ARN of the audit role in the client account."
  value       = aws_iam_role.audit.arn
}

output "vendor_role_arn" {
  description = "ARN of the role to give to the monitoring vendor, with the external ID."
  value       = aws_iam_role.vendor.arn
}

output "scanner_role_arn" {
  description = "ARN of the security scanner role in the client account."
  value       = aws_iam_role.scanner.arn
}

output "auditors_group_name" {
  description = "Group of the auditors account whose members may assume the audit role."
  value       = aws_iam_group.auditors.name
}
