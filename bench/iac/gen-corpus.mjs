// Generates a large, varied corpus of Kubernetes manifests, Terraform modules, workflows,
// Dockerfiles, Compose and config files for bench/iac/run.mjs. Deterministic (seeded).
// Usage: node bench/iac/gen-corpus.mjs [outDir] [files]
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = process.argv[2] ?? 'bench/.work/iac-corpus';
const total = Number(process.argv[3] ?? 6000);
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
const write = (p, text) => {
  const abs = join(out, p);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};

function container(i) {
  const hardened = rnd() < 0.6;
  return `        - name: app-${i}
          image: ${pick(['ghcr.io/acme/api:1.4.2', 'nginx', 'redis:latest', 'postgres:16.3', `registry.acme.io/svc@sha256:${'a'.repeat(64)}`])}
          ports:
            - containerPort: ${pick([8080, 3000, 5432, 22])}
          env:
            - name: LOG_LEVEL
              value: info
            - name: ${pick(['DB_PASSWORD', 'API_TOKEN', 'FEATURE_FLAG'])}
              value: "${pick(['s3cr3t-value-1', 'true', 'x7f9a2k4m1'])}"
          securityContext:
            allowPrivilegeEscalation: ${hardened ? 'false' : 'true'}
            runAsNonRoot: ${hardened}
            readOnlyRootFilesystem: ${hardened}
            ${rnd() < 0.1 ? 'privileged: true' : 'capabilities: { drop: [ALL] }'}
          resources:
            ${hardened ? 'limits: { cpu: 500m, memory: 256Mi }' : 'requests: { cpu: 100m }'}
`;
}

function manifest(i) {
  const kind = pick(['Deployment', 'StatefulSet', 'DaemonSet', 'Job']);
  return `# generated manifest ${i}
apiVersion: apps/v1
kind: ${kind}
metadata:
  name: svc-${i}
  namespace: ${pick(['shop', 'default', 'payments'])}
  labels: &labels
    app: svc-${i}
    tier: backend
spec:
  replicas: 3
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels: *labels
    spec:
      ${rnd() < 0.1 ? 'hostNetwork: true' : 'automountServiceAccountToken: false'}
      containers:
${container(0)}${container(1)}      volumes:
        - name: data
          ${rnd() < 0.1 ? 'hostPath: { path: /var/run/docker.sock }' : 'emptyDir: {}'}
---
apiVersion: v1
kind: Service
metadata:
  name: svc-${i}
  namespace: shop
spec:
  type: ${pick(['ClusterIP', 'LoadBalancer', 'NodePort'])}
  ports:
    - port: ${pick([80, 443, 5432, 6379])}
      targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cfg-${i}, namespace: shop }
data:
  upstream: ${pick(['https://api.acme.io', 'http://api.partner.com', 'http://localhost:8080'])}
`;
}

function terraformModule(dir, i) {
  write(
    `${dir}/variables.tf`,
    `variable "cidr" {
  type    = string
  default = "${pick(['0.0.0.0/0', '10.0.0.0/8'])}"
}
variable "env" {
  default = "prod"
}
locals {
  tags = { Environment = var.env, Team = "platform" }
  ports = [22, 443]
}
`,
  );
  write(
    `${dir}/network.tf`,
    `resource "aws_vpc" "main" {
  cidr_block = "10.${i % 250}.0.0/16"
  tags       = local.tags
}
resource "aws_security_group" "web" {
  name   = "web-\${var.env}"
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr]
  }
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["10.0.0.0/8"]
    }
  }
}
resource "aws_flow_log" "main" {
  vpc_id       = aws_vpc.main.id
  traffic_type = "ALL"
}
`,
  );
  write(
    `${dir}/data.tf`,
    `resource "aws_s3_bucket" "data" {
  bucket = "acme-data-${i}"
}
resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = ${rnd() < 0.8}
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
resource "aws_db_instance" "db" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  storage_encrypted   = ${rnd() < 0.7}
  publicly_accessible = ${rnd() < 0.1}
}
resource "aws_iam_policy" "p" {
  name = "p-${i}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ${pick(['"*"', '["s3:GetObject"]'])}
      Resource = "*"
    }]
  })
}
`,
  );
  write(
    `${dir}/compute.tf`,
    `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  ${rnd() < 0.5 ? 'metadata_options {\n    http_tokens = "required"\n  }' : ''}
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOT
    #!/bin/bash
    echo hello
  EOT
}
resource "aws_lb_listener" "http" {
  load_balancer_arn = "arn"
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
  );
  write(
    `${dir}/main.tf`,
    `module "db" {
  source = "../../modules/db"
  env    = var.env
}
provider "aws" {
  region = "eu-west-1"
}
`,
  );
}

function workflow(i) {
  return `name: ci-${i}
on:
  ${pick(['push:', 'pull_request:', 'pull_request_target:', 'issues:'])}
${rnd() < 0.5 ? 'permissions:\n  contents: read\n' : ''}jobs:
  build:
    runs-on: ${pick(['ubuntu-latest', '[self-hosted, linux]'])}
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - uses: ${pick(['actions/setup-node@v4', 'tj-actions/changed-files@v45', `docker/login-action@${'b'.repeat(40)}`])}
      - name: test
        run: |
          npm ci
          echo "\${{ ${pick(['github.event.pull_request.title', 'github.sha', 'github.event.issue.body'])} }}"
          ${pick(['curl -sSL https://get.tool.dev | bash', 'npm test'])}
      - uses: actions/upload-artifact@v4
        with:
          path: ${pick(['.', 'dist/'])}
`;
}

function dockerfile(i) {
  return `FROM ${pick(['node:20', 'node', 'python:latest', 'golang:1.22'])} AS build
WORKDIR /src
COPY . .
RUN apt-get update && apt-get install -y curl ${pick(['git', 'git=1:2.39.2-1'])}
RUN ${pick(['curl -fsSL https://deb.nodesource.com/setup | bash -', 'make build'])}
ENV APP_ENV=prod ${pick(['API_TOKEN=tok-8f7e6d5c4b3a', 'LOG=1'])}
FROM ${pick(['gcr.io/distroless/static:nonroot', 'debian:12-slim', 'alpine'])}
COPY --from=build /src/app /app
EXPOSE ${pick(['8080', '22', '8080 21'])}
${rnd() < 0.5 ? 'USER 10001' : ''}
CMD ["/app"]
# ${i}
`;
}

function compose(i) {
  return `services:
  db:
    image: postgres:16
    ports: ["${pick(['5432:5432', '127.0.0.1:5432:5432'])}"]
    environment:
      POSTGRES_PASSWORD: ${pick(['${PG_PASSWORD}', 'pw-literal-123'])}
  app:
    image: acme/app:${i}
    ${pick(['privileged: true', 'read_only: true'])}
    volumes:
      - ${pick(['/var/run/docker.sock:/var/run/docker.sock', './data:/data'])}
`;
}

rmSync(out, { recursive: true, force: true });
let n = 0;
let mod = 0;
while (n < total) {
  const r = rnd();
  if (r < 0.4) {
    write(`k8s/app-${n % 50}/m-${n}.yaml`, manifest(n));
    n++;
  } else if (r < 0.7) {
    terraformModule(`terraform/env-${mod % 40}/svc-${mod}`, mod);
    mod++;
    n += 5;
  } else if (r < 0.82) {
    write(`repos/r-${n % 100}/.github/workflows/ci-${n}.yml`, workflow(n));
    n++;
  } else if (r < 0.92) {
    write(`services/s-${n}/Dockerfile`, dockerfile(n));
    n++;
  } else if (r < 0.96) {
    write(`compose/c-${n}/docker-compose.yml`, compose(n));
    n++;
  } else {
    write(
      `config/c-${n}.json`,
      JSON.stringify(
        {
          $schema: 'http://json-schema.org/draft-07/schema#',
          upstream: pick(['http://api.partner.com/v1', 'https://api.acme.io']),
          retries: 3,
        },
        null,
        2,
      ),
    );
    n++;
  }
}
console.log(`wrote ${n} files to ${out}`);
