variable "name" {
  description = "Name of the key, used in its alias (alias/NAME)."
  type        = string
}

variable "description" {
  description = "Description of the key."
  type        = string
  default     = "Customer managed key for application data and logs"
}

variable "deletion_window_in_days" {
  description = "Waiting period before the key is deleted, in days (7 to 30)."
  type        = number
  default     = 30
}

variable "key_administrator_arns" {
  description = "ARNs of the roles that administer the key (rotate, tag, schedule deletion) but cannot use it."
  type        = list(string)

  validation {
    condition     = length(var.key_administrator_arns) > 0
    error_message = "At least one key administrator is needed."
  }
}

variable "key_user_arns" {
  description = "ARNs of the roles that use the key through the AWS services listed in via_services."
  type        = list(string)

  validation {
    condition     = length(var.key_user_arns) > 0
    error_message = "At least one key user is needed."
  }
}

variable "via_services" {
  description = "Services (endpoint prefixes) through which the key users may use the key."
  type        = list(string)
  default     = ["s3", "secretsmanager", "sqs"]
}

variable "log_group_name_prefix" {
  description = "Prefix of the names of the CloudWatch Logs log groups that may be encrypted with the key."
  type        = string
  default     = "/app/"
}

variable "log_retention_in_days" {
  description = "Retention of the application log group, in days."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
