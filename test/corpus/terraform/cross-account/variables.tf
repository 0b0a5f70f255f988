variable "audit_role_name" {
  description = "Name of the role the auditors assume in the client account."
  type        = string
  default     = "ExternalAuditor"
}

variable "additional_audit_role_arns" {
  description = "ARNs of the audit roles of other client accounts that the auditors group may also assume (arn:aws:iam::ACCOUNT:role/NAME)."
  type        = list(string)
  default     = []
}

variable "vendor_account_id" {
  description = "AWS account of the monitoring vendor."
  type        = string
  default     = "777788889999"

  validation {
    condition     = can(regex("^[0-9]{12}$", var.vendor_account_id))
    error_message = "The vendor account id must be 12 digits."
  }
}

variable "vendor_external_id" {
  description = "External ID the vendor gave us for this account; it must send it when it assumes the vendor role."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.vendor_external_id) >= 2 && length(var.vendor_external_id) <= 1224 && can(regex("^[A-Za-z0-9+=,.@:/-]+$", var.vendor_external_id))
    error_message = "The external ID must be 2 to 1224 characters among letters, digits and +=,.@:/-."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
