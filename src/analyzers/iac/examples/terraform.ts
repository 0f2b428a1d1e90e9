import type { ExampleTable } from './types.js';

const KEY_ID = ['AKIA', 'Q3EGRIT5', 'EXAMPLE7'].join('');
const SECRET = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCY', 'EXAMPLEKEY'].join('/');

export const TERRAFORM_EXAMPLES: ExampleTable = {
  'iac/tf-sg-open-admin-port': [
    {
      path: 'infra/sg.tf',
      bad: `resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.anywhere] ⟵
  }
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "db" {
  type             = "ingress"
  from_port        = 3000
  to_port          = 4000
  protocol         = "tcp"
  ipv6_cidr_blocks = ["::/0"] ⟵
  security_group_id = aws_security_group.bastion.id
}

resource "aws_security_group" "legacy" {
  ingress = [{
    from_port   = 3389
    to_port     = 3389
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] ⟵
  }]
}
`,
      good: `resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.office]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
      files: {
        'infra/variables.tf':
          'variable "anywhere" {\n  default = "0.0.0.0/0"\n}\nvariable "office" {\n  default = "203.0.113.0/24"\n}\n',
      },
    },
    {
      path: 'gcp/fw.tf',
      bad: `resource "google_compute_firewall" "ssh" {
  name          = "allow-ssh"
  network       = google_compute_network.main.name
  source_ranges = ["0.0.0.0/0"] ⟵
  allow {
    protocol = "tcp"
    ports    = ["22", "8000-9000"]
  }
}
resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "*" ⟵
  destination_port_range      = "3389"
}
`,
      good: `resource "google_compute_firewall" "web" {
  name          = "allow-web"
  network       = google_compute_network.main.name
  source_ranges = ["0.0.0.0/0"]
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
}
resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_address_prefix       = "10.0.0.0/8"
  destination_port_range      = "3389"
}
`,
    },
  ],
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
  'iac/tf-transit-encryption-off': [
    {
      path: 'cache.tf',
      bad: `resource "aws_elasticache_replication_group" "r" {
  replication_group_id       = "cache"
  description                = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false ⟵
}
resource "azurerm_storage_account" "sa" {
  name                       = "acmesa"
  https_traffic_only_enabled = false ⟵
}
`,
      good: `resource "aws_elasticache_replication_group" "r" {
  replication_group_id       = "cache"
  description                = "cache"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}
resource "azurerm_storage_account" "sa" {
  name                       = "acmesa"
  https_traffic_only_enabled = true
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
  'iac/tf-lb-http-listener': [
    {
      path: 'lb.tf',
      bad: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" ⟵
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
`,
      good: `resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP"
  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`,
    },
  ],
  'iac/tf-outdated-tls-policy': [
    {
      path: 'lb.tf',
      bad: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" ⟵
  certificate_arn   = aws_acm_certificate.web.arn
}
resource "azurerm_storage_account" "sa" {
  name            = "acmesa"
  min_tls_version = "TLS1_0" ⟵
}
`,
      good: `resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate.web.arn
}
resource "azurerm_storage_account" "sa" {
  name            = "acmesa"
  min_tls_version = "TLS1_2"
}
`,
    },
  ],
  'iac/tf-iam-wildcard': [
    {
      path: 'iam.tf',
      bad: `resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*", ⟵
      "Resource": "*"
    }
  ]
}
EOF
}
data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["*"] ⟵
    resources = ["*"]
  }
}
`,
      good: `resource "aws_iam_policy" "read" {
  name   = "read"
  policy = <<EOF
{
  "Statement": [
    { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*" },
    { "Effect": "Deny", "Action": "*", "Resource": "*" }
  ]
}
EOF
}
data "aws_iam_policy_document" "ci" {
  statement {
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::artifacts/*"]
  }
}
`,
    },
  ],
  'iac/tf-cloudtrail-logging-off': [
    {
      path: 'trail.tf',
      bad: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  enable_logging             = false ⟵
  enable_log_file_validation = false ⟵
}
`,
      good: `resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}
`,
    },
  ],
  'iac/tf-s3-access-logging-off': [
    {
      path: 's3.tf',
      bad: `resource "aws_s3_bucket" "uploads" { ⟵
  bucket = "acme-uploads"
}
`,
      good: `resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}
resource "aws_s3_bucket" "access_logs" {
  bucket = "acme-logs"
}
`,
      files: {
        'logging.tf':
          'resource "aws_s3_bucket_logging" "data" {\n  bucket        = aws_s3_bucket.data.id\n  target_bucket = aws_s3_bucket.access_logs.id\n  target_prefix = "data/"\n}\n',
      },
    },
  ],
  'iac/tf-vpc-flow-logs-off': [
    {
      path: 'network/vpc.tf',
      bad: `resource "aws_vpc" "main" { ⟵
  cidr_block = "10.0.0.0/16"
}
`,
      good: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = "ALL"
}
`,
    },
  ],
  'iac/tf-lb-access-logs-off': [
    {
      path: 'lb.tf',
      bad: `resource "aws_lb" "web" { ⟵
  name               = "web"
  load_balancer_type = "application"
}
resource "aws_lb" "api" {
  name = "api"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = false ⟵
  }
}
`,
      good: `resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}
data "aws_lb" "existing" {
  name = "legacy"
}
`,
    },
  ],
  'iac/tf-kms-rotation-off': [
    {
      path: 'kms.tf',
      bad: `resource "aws_kms_key" "data" { ⟵
  description = "data key"
}
resource "google_kms_crypto_key" "k" { ⟵
  name     = "k"
  key_ring = google_kms_key_ring.r.id
}
`,
      good: `resource "aws_kms_key" "data" {
  description         = "data key"
  enable_key_rotation = true
}
resource "aws_kms_key" "sign" {
  customer_master_key_spec = "ECC_NIST_P256"
  key_usage                = "SIGN_VERIFY"
}
resource "google_kms_crypto_key" "k" {
  name            = "k"
  key_ring        = google_kms_key_ring.r.id
  rotation_period = "7776000s"
}
`,
    },
  ],
  'iac/tf-imdsv1-allowed': [
    {
      path: 'ec2.tf',
      bad: `resource "aws_instance" "web" { ⟵
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device { encrypted = true }
}
resource "aws_launch_template" "lt" {
  metadata_options {
    http_tokens = "optional" ⟵
  }
}
`,
      good: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
resource "aws_launch_template" "lt" {
  metadata_options {
    http_endpoint = "disabled"
  }
}
resource "aws_instance" "from_template" {
  launch_template {
    id = aws_launch_template.lt.id
  }
}
`,
    },
  ],
  'iac/tf-provider-credentials': [
    {
      path: 'main.tf',
      bad: `provider "aws" {
  region     = "eu-west-1"
  access_key = "${KEY_ID}" ⟵
  secret_key = var.aws_secret ⟵
}
variable "aws_secret" {
  default = "${SECRET}"
}
module "db" {
  source = "./modules/db"
}
`,
      good: `provider "aws" {
  region  = "eu-west-1"
  profile = "deploy"
  secret_key = var.aws_secret
}
variable "aws_secret" {
  type      = string
  sensitive = true
}
module "db" {
  source = "./modules/db"
}
`,
    },
  ],
};
