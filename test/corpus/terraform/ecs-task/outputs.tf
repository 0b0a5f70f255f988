output "execution_role_arn" {
  description = "ARN of the task execution role (execution_role_arn of the task definition)."
  value       = aws_iam_role.execution.arn
}

output "task_role_arn" {
  description = "ARN of the task role (task_role_arn of the task definition)."
  value       = aws_iam_role.task.arn
}

output "deploy_policy_arn" {
  description = "ARN of the managed policy for the pipeline that deploys the service."
  value       = aws_iam_policy.deploy.arn
}

output "log_group_name" {
  description = "Log group of the containers (awslogs-group)."
  value       = aws_cloudwatch_log_group.this.name
}
