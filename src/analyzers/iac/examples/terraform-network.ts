import type { ExampleTable } from './types.js';

export const TF_NETWORK_EXAMPLES: ExampleTable = {
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
};
