# The analytics role of the auditors' account reads the shared reports; nobody reads them over
# plain HTTP.

resource "aws_s3_bucket" "reports" {
  bucket = "example-shared-reports"
}

resource "aws_s3_bucket_policy" "reports" {
  bucket = aws_s3_bucket.reports.id

  policy = jsonencode({
    Version = "2012-10-17"
    Id      = "SharedReportsCrossAccountRead"
    Statement = [
      {
        Sid       = "ListReports"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.auditors_account_id}:role/ReportsReader" }
        Action    = "s3:ListBucket"
        Resource  = aws_s3_bucket.reports.arn
        Condition = {
          StringLike = { "s3:prefix" = "reports/*" }
        }
      },
      {
        Sid       = "ReadReports"
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.auditors_account_id}:role/ReportsReader" }
        Action    = "s3:GetObject"
        Resource  = "${aws_s3_bucket.reports.arn}/reports/*"
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.reports.arn, "${aws_s3_bucket.reports.arn}/*"]
        Condition = {
          Bool = { "aws:SecureTransport" = "false" }
        }
      }
    ]
  })
}
