################################################################################
# Bucket policy: two documents of this file, combined
################################################################################

data "aws_iam_policy_document" "deny_insecure_transport" {
  statement {
    sid     = "DenyInsecureTransport"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
    ]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }

  statement {
    sid     = "DenyOutdatedTls"
    effect  = "Deny"
    actions = ["s3:*"]
    resources = [
      aws_s3_bucket.this.arn,
      "${aws_s3_bucket.this.arn}/*",
    ]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "NumericLessThan"
      variable = "s3:TlsVersion"
      values   = ["1.2"]
    }
  }
}

data "aws_iam_policy_document" "bucket_access" {
  statement {
    sid       = "AllowCloudFrontOriginAccessControl"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/*"]

    principals {
      type        = "Service"
      identifiers = ["cloudfront.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "AWS:SourceArn"
      values   = [var.cloudfront_distribution_arn]
    }
  }

  statement {
    sid       = "AnalyticsPartnerReadExports"
    effect    = "Allow"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.this.arn}/${var.partner_prefix}*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:role/analytics-reader"]
    }
  }

  statement {
    sid       = "AnalyticsPartnerListExports"
    effect    = "Allow"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:role/analytics-reader"]
    }

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.partner_prefix}*"]
    }
  }
}

data "aws_iam_policy_document" "bucket" {
  source_policy_documents = [
    data.aws_iam_policy_document.deny_insecure_transport.json,
    data.aws_iam_policy_document.bucket_access.json,
  ]
}

################################################################################
# Application access (identity policy)
################################################################################

data "aws_iam_policy_document" "app" {
  statement {
    sid       = "ListAppPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.this.arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.app_prefix}*"]
    }
  }

  statement {
    sid = "ReadWriteAppObjects"
    actions = [
      "s3:GetObject",
      "s3:GetObjectVersion",
      "s3:PutObject",
      "s3:DeleteObject",
      "s3:AbortMultipartUpload",
      "s3:ListMultipartUploadParts",
    ]
    resources = ["${aws_s3_bucket.this.arn}/${var.app_prefix}*"]
  }
}
