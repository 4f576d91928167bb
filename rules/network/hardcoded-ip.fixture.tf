resource "aws_instance" "bastion" {
  # ruleid: network.hardcoded-ip
  private_ip = "10.20.30.40"
}

resource "aws_security_group_rule" "office" {
  # ruleid: network.hardcoded-ip
  cidr_blocks = ["198.51.100.0/24", "172.20.1.15/32"]
  # ok: network.hardcoded-ip
  ipv6_cidr_blocks = ["::/0"]
}

variable "vpc_cidr" {
  # ok: network.hardcoded-ip
  description = "The VPC's range, for example 10.100.0.0/16"
  # ruleid: network.hardcoded-ip
  default = "10.0.0.0/16"
}
