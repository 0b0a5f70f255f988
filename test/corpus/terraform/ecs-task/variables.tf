variable "name" {
  description = "Name of the service; prefixes the roles and policies."
  type        = string
}

variable "cluster_name" {
  description = "Name of the ECS cluster that runs the service."
  type        = string
}

variable "ecr_repository_names" {
  description = "ECR repositories the task pulls its images from."
  type        = list(string)
}

variable "secret_arns" {
  description = "ARNs of the Secrets Manager secrets injected into the containers."
  type        = list(string)

  validation {
    condition     = length(var.secret_arns) > 0
    error_message = "At least one secret is needed."
  }
}

variable "secrets_kms_key_arn" {
  description = "ARN of the customer managed KMS key that encrypts the secrets. Null when they use the AWS managed key."
  type        = string
  default     = null
}

variable "ssm_parameter_prefix" {
  description = "Prefix (without the leading slash) of the SSM parameters injected into the containers."
  type        = string
  default     = null
}

variable "data_bucket_name" {
  description = "S3 bucket the application reads."
  type        = string
}

variable "enable_execute_command" {
  description = "Whether the task role allows ECS Exec (SSM Session Manager channels)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
