resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy

  tags = var.tags
}

resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = data.aws_iam_policy_document.bucket.json

  # The public access block must exist first, or S3 may briefly evaluate the policy without it.
  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_iam_policy" "app" {
  name        = "${var.bucket_name}-app-objects"
  description = "Read and write the objects under ${var.app_prefix} in ${var.bucket_name}"
  policy      = data.aws_iam_policy_document.app.json

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "app" {
  for_each = var.app_role_names

  role       = each.value
  policy_arn = aws_iam_policy.app.arn
}
