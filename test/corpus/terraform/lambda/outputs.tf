output "function_arn" {
  description = "ARN of the function."
  value       = aws_lambda_function.this.arn
}

output "role_arn" {
  description = "ARN of the function's execution role."
  value       = aws_iam_role.this.arn
}

output "topic_arn" {
  description = "ARN of the SNS topic to publish events to."
  value       = aws_sns_topic.events.arn
}

output "results_queue_url" {
  description = "URL of the queue the function sends its results to."
  value       = aws_sqs_queue.results.url
}
