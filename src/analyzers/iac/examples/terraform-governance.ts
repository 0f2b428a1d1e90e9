import type { ExampleTable } from './types.js';

const KEY_ID = ['AKIA', 'Q3EGRIT5', 'EXAMPLE7'].join('');
const SECRET = ['wJalrXUtnFEMI', 'K7MDENGbPxRfiCY', 'EXAMPLEKEY'].join('/');

export const TF_GOVERNANCE_EXAMPLES: ExampleTable = {
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
    {
      path: 'gcp/network.tf',
      bad: `resource "google_compute_subnetwork" "app" { ⟵
  name          = "app"
  ip_cidr_range = "10.2.0.0/16"
  network       = google_compute_network.main.id
}
`,
      good: `resource "google_compute_subnetwork" "app" {
  name          = "app"
  ip_cidr_range = "10.2.0.0/16"
  network       = google_compute_network.main.id
  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
  }
}
resource "google_compute_subnetwork" "proxy" {
  name    = "proxy"
  purpose = "REGIONAL_MANAGED_PROXY"
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
    {
      path: 'gcp/vm.tf',
      bad: `resource "google_compute_instance" "vm" {
  name = "vm"
  metadata = {
    enable-oslogin           = "TRUE"
    disable-legacy-endpoints = "false" ⟵
  }
}
`,
      good: `resource "google_compute_instance" "vm" {
  name = "vm"
  metadata = {
    enable-oslogin           = "TRUE"
    disable-legacy-endpoints = "true"
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
