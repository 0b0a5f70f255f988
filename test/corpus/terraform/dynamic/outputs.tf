output "role_arn" {
  description = "ARN of the role, or null when create_role is false."
  value       = try(aws_iam_role.this[0].arn, null)
}

output "trust_policy_json" {
  description = "The trust policy built from trusted_principals and trust_conditions."
  value       = data.aws_iam_policy_document.trust.json
}

output "permissions_policy_json" {
  description = "The permission policy built from policy_statements, source_documents and override_documents."
  value       = data.aws_iam_policy_document.permissions.json
}

output "resource_policy_json" {
  description = "A resource policy granting resource_policy_actions to resource_policy_principals, to attach to a bucket, queue, key or topic."
  value       = data.aws_iam_policy_document.resource.json
}

output "raw_policy_arn" {
  description = "ARN of the managed policy made of statements, or null."
  value       = try(aws_iam_policy.raw[0].arn, null)
}

output "conditional_policy_arn" {
  description = "ARN of the managed policy made of actions, resources and conditions, or null."
  value       = try(aws_iam_policy.conditional[0].arn, null)
}
