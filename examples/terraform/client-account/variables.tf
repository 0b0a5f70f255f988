variable "auditors_account_id" {
  description = "The auditors' AWS account"
  type        = string
  default     = "444455556666"
}

variable "vendor_account_id" {
  description = "The monitoring vendor's AWS account"
  type        = string
  default     = "777788889999"
}

variable "vendor_external_id" {
  description = "The ExternalId the monitoring vendor gave us"
  type        = string
  default     = "7f3c9a2e-5b14-4d8f-a6c1-93e0b2d47f18"
}
