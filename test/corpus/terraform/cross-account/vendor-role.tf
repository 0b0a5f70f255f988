# A third party (the monitoring vendor) that proves who it acts for with an external ID.

resource "aws_iam_role" "vendor" {
  name        = "MonitoringVendor"
  description = "Assumed by the monitoring vendor (account ${var.vendor_account_id})"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "VendorWithExternalId"
        Effect = "Allow"
        Principal = {
          AWS = "arn:${local.partition}:iam::${var.vendor_account_id}:root"
        }
        Action = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "sts:ExternalId" = var.vendor_external_id
          }
        }
      },
    ]
  })

  tags = var.tags
}

resource "aws_iam_role_policy" "vendor" {
  name = "read-metrics"
  role = aws_iam_role.vendor.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReadMetricsAndInventory"
        Effect = "Allow"
        Action = [
          "cloudwatch:GetMetricData",
          "cloudwatch:GetMetricStatistics",
          "cloudwatch:ListMetrics",
          "cloudwatch:DescribeAlarms",
          "ec2:DescribeInstances",
          "ec2:DescribeRegions",
          "tag:GetResources",
        ]
        Resource = "*"
      },
    ]
  })
}
