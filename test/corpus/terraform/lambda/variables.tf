variable "function_name" {
  description = "Name of the Lambda function."
  type        = string
}

variable "package_path" {
  description = "Path of the zip file with the function's code."
  type        = string
}

variable "handler" {
  description = "Function entry point."
  type        = string
  default     = "app.handler"
}

variable "runtime" {
  description = "Lambda runtime."
  type        = string
  default     = "python3.12"
}

variable "timeout" {
  description = "Function timeout, in seconds. The queue's visibility timeout is six times this."
  type        = number
  default     = 30
}

variable "dynamodb_table_name" {
  description = "Name of the DynamoDB table the function reads and writes."
  type        = string
}

variable "log_retention_in_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
