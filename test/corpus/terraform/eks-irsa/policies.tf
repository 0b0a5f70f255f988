################################################################################
# Trust policies
################################################################################

data "aws_iam_policy_document" "ebs_csi_assume" {
  statement {
    sid     = "EbsCsiControllerServiceAccount"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_provider}:sub"
      values   = ["system:serviceaccount:kube-system:ebs-csi-controller-sa"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_provider}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "external_dns_assume" {
  statement {
    sid     = "ExternalDnsServiceAccount"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:oidc-provider/${local.oidc_provider}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(var.oidc_provider_url, "https://", "")}:sub"
      values   = ["system:serviceaccount:${var.external_dns_namespace}:${var.external_dns_service_account}"]
    }

    condition {
      test     = "StringEquals"
      variable = "${replace(var.oidc_provider_url, "https://", "")}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

################################################################################
# EBS CSI driver permissions
################################################################################

data "aws_iam_policy_document" "ebs_csi" {
  statement {
    sid = "DescribeVolumesAndInstances"
    actions = [
      "ec2:DescribeAvailabilityZones",
      "ec2:DescribeInstances",
      "ec2:DescribeSnapshots",
      "ec2:DescribeTags",
      "ec2:DescribeVolumes",
      "ec2:DescribeVolumesModifications",
    ]
    resources = ["*"]
  }

  statement {
    sid = "AttachAndModifyVolumes"
    actions = [
      "ec2:AttachVolume",
      "ec2:DetachVolume",
      "ec2:ModifyVolume",
    ]
    resources = [
      "arn:${local.partition}:ec2:${local.region}:${local.account_id}:instance/*",
      "arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*",
    ]
  }

  statement {
    sid     = "TagOnCreate"
    actions = ["ec2:CreateTags"]
    resources = [
      "arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*",
      "arn:${local.partition}:ec2:${local.region}::snapshot/*",
    ]

    condition {
      test     = "StringEquals"
      variable = "ec2:CreateAction"
      values   = ["CreateVolume", "CreateSnapshot"]
    }
  }

  statement {
    sid     = "UntagOwnVolumes"
    actions = ["ec2:DeleteTags"]
    resources = [
      "arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*",
      "arn:${local.partition}:ec2:${local.region}::snapshot/*",
    ]

    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  statement {
    sid       = "CreateTaggedVolumes"
    actions   = ["ec2:CreateVolume"]
    resources = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  statement {
    sid       = "CreateVolumesFromSnapshots"
    actions   = ["ec2:CreateVolume"]
    resources = ["arn:${local.partition}:ec2:${local.region}::snapshot/*"]
  }

  statement {
    sid       = "DeleteOwnVolumes"
    actions   = ["ec2:DeleteVolume"]
    resources = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:ResourceTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  statement {
    sid       = "SnapshotOwnVolumes"
    actions   = ["ec2:CreateSnapshot"]
    resources = ["arn:${local.partition}:ec2:${local.region}::snapshot/*"]

    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  statement {
    sid       = "SnapshotFromOwnVolumes"
    actions   = ["ec2:CreateSnapshot"]
    resources = ["arn:${local.partition}:ec2:${local.region}:${local.account_id}:volume/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:ResourceTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  statement {
    sid       = "DeleteOwnSnapshots"
    actions   = ["ec2:DeleteSnapshot"]
    resources = ["arn:${local.partition}:ec2:${local.region}::snapshot/*"]

    condition {
      test     = "StringEquals"
      variable = "ec2:ResourceTag/ebs.csi.aws.com/cluster"
      values   = ["true"]
    }
  }

  dynamic "statement" {
    for_each = length(var.ebs_csi_kms_key_arns) > 0 ? [1] : []

    content {
      sid = "GrantsForEncryptedVolumes"
      actions = [
        "kms:CreateGrant",
        "kms:ListGrants",
        "kms:RevokeGrant",
      ]
      resources = var.ebs_csi_kms_key_arns

      condition {
        test     = "Bool"
        variable = "kms:GrantIsForAWSResource"
        values   = ["true"]
      }
    }
  }

  dynamic "statement" {
    for_each = length(var.ebs_csi_kms_key_arns) > 0 ? [1] : []

    content {
      sid = "UseKeysThroughEc2"
      actions = [
        "kms:Encrypt",
        "kms:Decrypt",
        "kms:ReEncrypt*",
        "kms:GenerateDataKey*",
        "kms:DescribeKey",
      ]
      resources = var.ebs_csi_kms_key_arns

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["ec2.${local.region}.amazonaws.com"]
      }
    }
  }
}

################################################################################
# external-dns permissions
################################################################################

data "aws_iam_policy_document" "external_dns" {
  statement {
    sid       = "ChangeRecordsInZones"
    actions   = ["route53:ChangeResourceRecordSets"]
    resources = local.hosted_zone_arns

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsRecordTypes"
      values   = var.external_dns_record_types
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "route53:ChangeResourceRecordSetsActions"
      values   = ["CREATE", "UPSERT", "DELETE"]
    }
  }

  statement {
    sid = "ReadZones"
    actions = [
      "route53:ListResourceRecordSets",
      "route53:ListTagsForResource",
    ]
    resources = local.hosted_zone_arns
  }

  statement {
    sid = "ListZones"
    actions = [
      "route53:ListHostedZones",
      "route53:GetChange",
    ]
    resources = ["*"]
  }
}
