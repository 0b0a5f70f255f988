output "key_arn" {
  description = "ARN of the key."
  value       = aws_kms_key.this.arn
}

output "key_id" {
  description = "ID of the key."
  value       = aws_kms_key.this.key_id
}

output "alias_arn" {
  description = "ARN of the key's alias."
  value       = aws_kms_alias.this.arn
}

output "use_key_policy_arn" {
  description = "ARN of the managed policy that lets a role use the key through the allowed services."
  value       = aws_iam_policy.use_key.arn
}
