import { iacRule } from '../common.js';

export const TF_SG_OPEN = iacRule({
  id: 'iac/tf-sg-open-admin-port',
  title: 'Admin or database port open to the internet',
  description:
    'A firewall rule that admits 0.0.0.0/0 or ::/0 to SSH, RDP or a database port is found by internet-wide scanners within minutes and brute-forced.',
  severity: 'high',
  confidence: 'high',
  cwe: [284],
  principles: ['zoning-containment', 'authentication'],
  remediation:
    'Restrict the source to known ranges (VPN, bastion, office) or to another security group; reach admin ports through SSM Session Manager, IAP or a bastion.',
});

export const TF_PUBLIC_BUCKET = iacRule({
  id: 'iac/tf-public-bucket',
  title: 'Storage bucket is public',
  description:
    'A public-read ACL, a public IAM member (allUsers) or a public container lets anyone on the internet list or download the data.',
  severity: 'high',
  confidence: 'high',
  cwe: [284, 200],
  principles: ['zoning-containment', 'asset-management'],
  remediation:
    'Make the bucket private (`acl = "private"`, no allUsers members, `container_access_type = "private"`) and serve public content through a CDN with an origin access control.',
});

export const TF_PAB_DISABLED = iacRule({
  id: 'iac/tf-s3-public-access-block-disabled',
  title: 'S3 public access block disabled',
  description:
    'The public access block is the guard rail that stops a later ACL or policy change from making data public; each flag left false removes part of it.',
  severity: 'medium',
  confidence: 'high',
  cwe: [284],
  principles: ['zoning-containment'],
  remediation:
    'Set `block_public_acls`, `block_public_policy`, `ignore_public_acls` and `restrict_public_buckets` to true.',
});

export const TF_UNENCRYPTED = iacRule({
  id: 'iac/tf-storage-unencrypted',
  title: 'Storage is not encrypted at rest',
  description:
    'Databases, volumes, file systems and caches without encryption at rest expose their data through snapshots, backups and disposed media.',
  severity: 'high',
  confidence: 'high',
  cwe: [311],
  principles: ['encryption'],
  remediation:
    'Turn on encryption at rest (`storage_encrypted = true`, `encrypted = true`, `at_rest_encryption_enabled = true`), preferably with a customer-managed KMS key (`kms_key_id`).',
});

export const TF_TRANSIT = iacRule({
  id: 'iac/tf-transit-encryption-off',
  title: 'Connections are allowed without TLS',
  description:
    'A database, cache or storage account that accepts unencrypted connections exposes credentials and data to anyone on the network path.',
  severity: 'high',
  confidence: 'high',
  cwe: [319],
  principles: ['encryption'],
  remediation:
    'Require TLS: `transit_encryption_enabled = true`, `https_traffic_only_enabled = true`, `ssl_mode = "ENCRYPTED_ONLY"`.',
});

export const TF_DB_PUBLIC = iacRule({
  id: 'iac/tf-db-public',
  title: 'Database is publicly accessible',
  description:
    'A database reachable from the internet is exposed to credential stuffing and exploits of the database engine.',
  severity: 'critical',
  confidence: 'high',
  cwe: [284, 668],
  principles: ['zoning-containment'],
  remediation:
    'Set `publicly_accessible = false` (or disable public network access), keep the database in private subnets and allow only the application tier.',
});

export const TF_LB_HTTP = iacRule({
  id: 'iac/tf-lb-http-listener',
  title: 'Plain-HTTP listener',
  description:
    'A load balancer, CDN or web app that serves plain HTTP (without redirecting to HTTPS) sends sessions and credentials in clear text.',
  severity: 'high',
  confidence: 'high',
  cwe: [319],
  principles: ['encryption'],
  remediation:
    'Serve HTTPS (port 443, a certificate and a current TLS policy) and make the HTTP listener redirect: `default_action { type = "redirect" redirect { protocol = "HTTPS" port = "443" status_code = "HTTP_301" } }`.',
});

export const TF_OLD_TLS = iacRule({
  id: 'iac/tf-outdated-tls-policy',
  title: 'Outdated TLS policy',
  description: 'TLS 1.0 and 1.1 (and SSLv3) have known weaknesses and are deprecated (RFC 8996).',
  severity: 'medium',
  confidence: 'high',
  cwe: [326, 327],
  principles: ['encryption'],
  remediation:
    'Require TLS 1.2 or newer: `ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"`, `minimum_protocol_version = "TLSv1.2_2021"`, `min_tls_version = "TLS1_2"`.',
});

export const TF_IAM_WILDCARD = iacRule({
  id: 'iac/tf-iam-wildcard',
  title: 'IAM policy allows every action on every resource',
  description:
    'An Allow statement with Action "*" and Resource "*" is administrator access: whoever holds it controls the whole account.',
  severity: 'critical',
  confidence: 'high',
  cwe: [269],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Grant the specific actions on the specific resources the principal needs (use IAM Access Analyzer to generate a least-privilege policy).',
});

export const TF_CLOUDTRAIL = iacRule({
  id: 'iac/tf-cloudtrail-logging-off',
  title: 'CloudTrail logging disabled or unverifiable',
  description:
    'Without a running trail with log-file validation, API activity in the account is not recorded or can be altered without detection.',
  severity: 'high',
  confidence: 'high',
  cwe: [778],
  principles: ['logging'],
  remediation:
    'Set `enable_logging = true` and `enable_log_file_validation = true` (and `is_multi_region_trail = true`).',
});

export const TF_S3_LOGGING = iacRule({
  id: 'iac/tf-s3-access-logging-off',
  title: 'S3 bucket without access logging',
  description:
    'Without server access logs, reads and writes of the bucket cannot be investigated after an incident.',
  severity: 'low',
  confidence: 'medium',
  cwe: [778],
  principles: ['logging'],
  remediation: 'Add an `aws_s3_bucket_logging` resource for the bucket (target a dedicated log bucket).',
});

export const TF_FLOW_LOGS = iacRule({
  id: 'iac/tf-vpc-flow-logs-off',
  title: 'VPC without flow logs',
  description:
    'Without flow logs, network connections in and out of the VPC leave no trace for detection or forensics.',
  severity: 'medium',
  confidence: 'medium',
  cwe: [778],
  principles: ['logging', 'zoning-containment'],
  remediation:
    'Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` and `traffic_type = "ALL"` (AWS), or a `log_config` block on the subnetwork (GCP).',
});

export const TF_LB_LOGS = iacRule({
  id: 'iac/tf-lb-access-logs-off',
  title: 'Load balancer without access logs',
  description:
    'Without access logs, requests reaching the application through the load balancer cannot be investigated.',
  severity: 'low',
  confidence: 'medium',
  cwe: [778],
  principles: ['logging'],
  remediation: 'Add `access_logs { bucket = "<log-bucket>" enabled = true }` to the load balancer.',
});

export const TF_KMS_ROTATION = iacRule({
  id: 'iac/tf-kms-rotation-off',
  title: 'KMS key rotation disabled',
  description: 'Keys that never rotate increase the amount of data exposed if key material leaks.',
  severity: 'medium',
  confidence: 'high',
  cwe: [324],
  principles: ['encryption'],
  remediation: 'Set `enable_key_rotation = true` (AWS) or a `rotation_period` such as "7776000s" (GCP).',
});

export const TF_IMDSV1 = iacRule({
  id: 'iac/tf-imdsv1-allowed',
  title: 'Instance metadata service v1 allowed',
  description:
    'IMDSv1 answers any request from the instance, so an SSRF bug leaks the instance role credentials (the Capital One breach).',
  severity: 'medium',
  confidence: 'high',
  cwe: [918],
  principles: ['authentication', 'zoning-containment'],
  remediation:
    'Add `metadata_options { http_tokens = "required" http_put_response_hop_limit = 1 }` (AWS); keep `disable-legacy-endpoints = "true"` in instance metadata (GCP).',
});

export const TF_PROVIDER_CREDS = iacRule({
  id: 'iac/tf-provider-credentials',
  title: 'Credentials written into a provider block',
  description: 'Cloud credentials in Terraform code end up in version control, plan files and CI logs.',
  severity: 'critical',
  confidence: 'high',
  cwe: [798],
  principles: ['authentication'],
  remediation:
    "Remove the credential; use the provider's environment variables, a shared profile, or workload identity / OIDC federation in CI.",
});

export const TERRAFORM_RULES = [
  TF_SG_OPEN,
  TF_PUBLIC_BUCKET,
  TF_PAB_DISABLED,
  TF_UNENCRYPTED,
  TF_TRANSIT,
  TF_DB_PUBLIC,
  TF_LB_HTTP,
  TF_OLD_TLS,
  TF_IAM_WILDCARD,
  TF_CLOUDTRAIL,
  TF_S3_LOGGING,
  TF_FLOW_LOGS,
  TF_LB_LOGS,
  TF_KMS_ROTATION,
  TF_IMDSV1,
  TF_PROVIDER_CREDS,
];
