data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name

  # oidc.eks.REGION.amazonaws.com/id/ID: the prefix of the claims in the trust conditions.
  oidc_provider = replace(var.oidc_provider_url, "https://", "")

  hosted_zone_arns = [for id in var.external_dns_hosted_zone_ids : "arn:${local.partition}:route53:::hostedzone/${id}"]
}

################################################################################
# EBS CSI driver
################################################################################

resource "aws_iam_role" "ebs_csi" {
  name               = "${var.cluster_name}-ebs-csi-driver"
  description        = "IRSA role of the EBS CSI controller of ${var.cluster_name}"
  assume_role_policy = data.aws_iam_policy_document.ebs_csi_assume.json

  tags = var.tags
}

resource "aws_iam_policy" "ebs_csi" {
  name        = "${var.cluster_name}-ebs-csi-driver"
  description = "Lets the EBS CSI controller of ${var.cluster_name} manage the volumes and snapshots it creates"
  policy      = data.aws_iam_policy_document.ebs_csi.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  role       = aws_iam_role.ebs_csi.name
  policy_arn = aws_iam_policy.ebs_csi.arn
}

################################################################################
# external-dns
################################################################################

resource "aws_iam_role" "external_dns" {
  name               = "${var.cluster_name}-external-dns"
  description        = "IRSA role of external-dns in ${var.cluster_name}"
  assume_role_policy = data.aws_iam_policy_document.external_dns_assume.json

  tags = var.tags
}

resource "aws_iam_role_policy" "external_dns" {
  name   = "route53-records"
  role   = aws_iam_role.external_dns.id
  policy = data.aws_iam_policy_document.external_dns.json
}
