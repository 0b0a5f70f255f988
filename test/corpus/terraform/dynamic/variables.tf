variable "name" {
  description = "Name of the role and prefix of the policies."
  type        = string
}

variable "create_role" {
  description = "Whether to create the role. When false only the policy documents are built."
  type        = bool
  default     = true
}

variable "trusted_principals" {
  description = "Principals that may assume the role, by type (AWS, Service, Federated), with the action each needs."
  type = list(object({
    type        = string
    identifiers = list(string)
    actions     = optional(list(string), ["sts:AssumeRole"])
  }))
  default = []
}

variable "trust_conditions" {
  description = "Conditions added to every trust statement."
  type = list(object({
    test     = string
    variable = string
    values   = list(string)
  }))
  default = []
}

variable "policy_statements" {
  description = "Statements of the role's permission policy, in the shape of the aws_iam_policy_document statement block."
  type = list(object({
    sid           = optional(string)
    effect        = optional(string, "Allow")
    actions       = optional(list(string))
    not_actions   = optional(list(string))
    resources     = optional(list(string))
    not_resources = optional(list(string))
    conditions = optional(list(object({
      test     = string
      variable = string
      values   = list(string)
    })), [])
  }))
  default = []
}

variable "source_documents" {
  description = "JSON policy documents merged into the permission policy first; statements with the same Sid must differ."
  type        = list(string)
  default     = []
}

variable "override_documents" {
  description = "JSON policy documents whose statements replace those of the permission policy with the same Sid."
  type        = list(string)
  default     = []
}

variable "resource_policy_principals" {
  description = "Principals of the resource policy statements, as {type, identifiers}."
  type = list(object({
    type        = string
    identifiers = list(string)
  }))
  default = []
}

variable "resource_policy_actions" {
  description = "Actions the resource policy grants to resource_policy_principals."
  type        = list(string)
  default     = []
}

variable "resource_policy_resources" {
  description = "Resources the resource policy applies to."
  type        = list(string)
  default     = ["*"]
}

variable "statements" {
  description = "Statements of an extra managed policy, already in IAM JSON shape (Sid, Effect, Action, Resource, Condition)."
  type        = any
  default     = []
}

variable "assumable_role_arns" {
  description = "Roles the role may assume, by a name of letters and digits (used in the Sid) to the role ARN."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.assumable_role_arns) : can(regex("^[A-Za-z0-9]+$", name))])
    error_message = "The names must be letters and digits only: they become statement ids."
  }
}

variable "actions" {
  description = "Actions of the conditional managed policy."
  type        = list(string)
  default     = []
}

variable "resources" {
  description = "Resources of the conditional managed policy."
  type        = list(string)
  default     = []
}

variable "conditions" {
  description = "Condition block of the conditional managed policy, in IAM JSON shape: { Operator = { key = [values] } }."
  type        = map(map(list(string)))
  default = {
    StringEquals = {
      "aws:RequestedRegion" = ["eu-west-1"]
    }
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
