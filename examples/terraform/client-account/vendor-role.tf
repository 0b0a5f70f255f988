# A monitoring vendor (777788889999) assumes this role from its own account. The ExternalId is the
# one the vendor gave us for this customer: it stops another of the vendor's customers from
# pointing the vendor at our role (the confused deputy).

resource "aws_iam_role" "monitoring_vendor" {
  name = "monitoring-vendor"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "MonitoringVendorWithExternalId"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.vendor_account_id}:root" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "sts:ExternalId" = var.vendor_external_id }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "monitoring_vendor_read" {
  name = "read-metrics"
  role = aws_iam_role.monitoring_vendor.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadMetrics"
        Effect   = "Allow"
        Action   = ["cloudwatch:GetMetricData", "cloudwatch:ListMetrics", "tag:GetResources"]
        Resource = "*"
      }
    ]
  })
}
