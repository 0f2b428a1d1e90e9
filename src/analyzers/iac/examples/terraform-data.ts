import type { ExampleTable } from './types.js';

export const TF_DATA_EXAMPLES: ExampleTable = {
  'iac/tf-public-bucket': [
    {
      path: 'storage.tf',
      bad: `resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read" ⟵
}
resource "google_storage_bucket_iam_member" "pub" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "allUsers" ⟵
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" ⟵
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`,
      good: `resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "private"
}
resource "google_storage_bucket_iam_member" "team" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "group:team@acme.io"
}
resource "aws_s3_bucket_policy" "p" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "\${aws_s3_bucket.site.arn}/*"
    }]
  })
}
`,
    },
  ],
  'iac/tf-s3-public-access-block-disabled': [
    {
      path: 's3.tf',
      bad: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = false ⟵
  ignore_public_acls      = local.ignore ⟵
  restrict_public_buckets = true
}
locals {
  ignore = false
}
`,
      good: `resource "aws_s3_bucket_public_access_block" "b" {
  bucket                  = aws_s3_bucket.b.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`,
    },
  ],
  'iac/tf-storage-unencrypted': [
    {
      path: 'db.tf',
      bad: `resource "aws_db_instance" "main" { ⟵
  engine         = "postgres"
  instance_class = "db.t3.micro"
}
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = false ⟵
}
`,
      good: `resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}
resource "aws_db_instance" "replica" {
  replicate_source_db = aws_db_instance.main.identifier
  instance_class      = "db.t3.micro"
}
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}
`,
    },
  ],
  'iac/tf-db-public': [
    {
      path: 'rds.tf',
      bad: `resource "aws_db_instance" "main" {
  engine              = "mysql"
  storage_encrypted   = true
  publicly_accessible = var.public ⟵
}
variable "public" {
  type    = bool
  default = true
}
resource "google_sql_database_instance" "pg" {
  database_version = "POSTGRES_16"
  settings {
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = true
      ssl_mode     = "ENCRYPTED_ONLY"
      authorized_networks {
        name  = "all"
        value = "0.0.0.0/0" ⟵
      }
    }
  }
}
`,
      good: `resource "aws_db_instance" "main" {
  engine              = "mysql"
  storage_encrypted   = true
  publicly_accessible = false
}
resource "google_sql_database_instance" "pg" {
  database_version = "POSTGRES_16"
  settings {
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}
`,
    },
  ],
};
