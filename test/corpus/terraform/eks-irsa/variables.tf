variable "cluster_name" {
  description = "Name of the EKS cluster, used in the names of the roles and policies."
  type        = string
}

variable "oidc_provider_arn" {
  description = "ARN of the IAM OIDC provider of the cluster (arn:aws:iam::ACCOUNT:oidc-provider/oidc.eks.REGION.amazonaws.com/id/ID)."
  type        = string
}

variable "oidc_provider_url" {
  description = "Issuer URL of the cluster's OIDC provider, e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE."
  type        = string

  validation {
    condition     = startswith(var.oidc_provider_url, "https://oidc.eks.")
    error_message = "The OIDC provider URL must be the issuer of an EKS cluster (https://oidc.eks.REGION.amazonaws.com/id/ID)."
  }
}

variable "ebs_csi_kms_key_arns" {
  description = "ARNs of the customer managed KMS keys the EBS CSI driver may use to encrypt volumes."
  type        = list(string)
  default     = []
}

variable "external_dns_namespace" {
  description = "Namespace of the external-dns service account."
  type        = string
  default     = "external-dns"
}

variable "external_dns_service_account" {
  description = "Name of the external-dns service account."
  type        = string
  default     = "external-dns"
}

variable "external_dns_hosted_zone_ids" {
  description = "IDs of the Route 53 hosted zones external-dns may change."
  type        = list(string)

  validation {
    condition     = length(var.external_dns_hosted_zone_ids) > 0
    error_message = "At least one hosted zone is needed."
  }
}

variable "external_dns_record_types" {
  description = "Record types external-dns may create, update or delete."
  type        = list(string)
  default     = ["A", "AAAA", "CNAME", "TXT"]
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
