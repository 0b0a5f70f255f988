variable "bucket_name" {
  description = "Name of the bucket."
  type        = string
}

variable "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution that reads the bucket through an origin access control."
  type        = string
}

variable "partner_prefix" {
  description = "Key prefix the analytics partner may read, with a trailing slash."
  type        = string
  default     = "exports/"

  validation {
    condition     = endswith(var.partner_prefix, "/")
    error_message = "The prefix must end with a slash."
  }
}

variable "app_prefix" {
  description = "Key prefix the application reads and writes, with a trailing slash."
  type        = string
  default     = "app/"
}

variable "app_role_names" {
  description = "Names of the application roles that get read and write access to the objects under app_prefix."
  type        = set(string)
  default     = []
}

variable "force_destroy" {
  description = "Whether to delete every object when the bucket is destroyed."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
