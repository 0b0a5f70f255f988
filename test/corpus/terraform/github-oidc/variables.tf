variable "name" {
  description = "Name of the IAM role that GitHub Actions assumes to deploy the site."
  type        = string
  default     = "github-actions-site-deploy"
}

variable "create_oidc_provider" {
  description = "Whether to create the GitHub Actions OIDC provider. Set to false when the account already has one."
  type        = bool
  default     = true
}

variable "oidc_provider_arn" {
  description = "ARN of an existing GitHub Actions OIDC provider, used when create_oidc_provider is false."
  type        = string
  default     = null
}

variable "github_thumbprints" {
  description = "Thumbprints of the certificates of token.actions.githubusercontent.com (ignored by IAM for this provider, but required by older AWS providers)."
  type        = list(string)
  default     = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
}

variable "additional_subjects" {
  description = "Further exact token subjects allowed to deploy, e.g. repo:example-org/web-app:environment:staging."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for subject in var.additional_subjects : startswith(subject, "repo:example-org/web-app:")])
    error_message = "Only subjects of the example-org/web-app repository are allowed."
  }
}

variable "max_session_duration" {
  description = "Maximum session duration of the deploy role, in seconds."
  type        = number
  default     = 3600
}

variable "site_bucket_name" {
  description = "Name of the S3 bucket that holds the static site."
  type        = string
}

variable "cloudfront_distribution_id" {
  description = "ID of the CloudFront distribution in front of the site bucket."
  type        = string
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
