resource "aws_security_group" "bastion" {
  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    # ruleid: network.open-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
    # ok: network.open-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    # ok: network.open-admin-port
    cidr_blocks = ["10.20.0.0/16"]
  }

  egress {
    from_port = 0
    to_port   = 0
    protocol  = "-1"
    # ok: network.open-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group_rule" "all_tcp" {
  type      = "ingress"
  from_port = 0
  to_port   = 65535
  protocol  = "tcp"
  # ruleid: network.open-admin-port
  ipv6_cidr_blocks = ["::/0"]
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  from_port   = 3389
  to_port     = 3389
  ip_protocol = "tcp"
  # ruleid: network.open-admin-port
  cidr_ipv4 = "0.0.0.0/0"
}

resource "azurerm_network_security_rule" "ssh" {
  direction              = "Inbound"
  access                 = "Allow"
  destination_port_range = "22"
  # ruleid: network.open-admin-port
  source_address_prefix = "*"
}

resource "azurerm_network_security_rule" "ssh_deny" {
  direction              = "Inbound"
  access                 = "Deny"
  destination_port_range = "22"
  # ok: network.open-admin-port
  source_address_prefix = "*"
}

resource "google_compute_firewall" "admin" {
  name    = "allow-admin"
  network = "default"
  allow {
    protocol = "tcp"
    ports    = ["80", "3389", "5985-5986"]
  }
  # ruleid: network.open-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "aws_security_group_rule" "from_var" {
  type      = "ingress"
  from_port = 22
  to_port   = 22
  protocol  = "tcp"
  # ok: network.open-admin-port
  cidr_blocks = var.admin_cidrs
}
