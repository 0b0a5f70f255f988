output "ebs_csi_role_arn" {
  description = "ARN of the EBS CSI controller role, for the eks.amazonaws.com/role-arn annotation of kube-system/ebs-csi-controller-sa."
  value       = aws_iam_role.ebs_csi.arn
}

output "external_dns_role_arn" {
  description = "ARN of the external-dns role, for the eks.amazonaws.com/role-arn annotation of its service account."
  value       = aws_iam_role.external_dns.arn
}

output "oidc_provider" {
  description = "The OIDC provider of the cluster without its scheme, as used in the trust conditions."
  value       = local.oidc_provider
}
