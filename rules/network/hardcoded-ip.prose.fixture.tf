variable "service_cidr" {
  # ok: network.hardcoded-ip
  description = "The block to assign service addresses from. Without one, addresses come from 10.100.0.0/16 or 172.20.0.0/16"
  type        = string
  # ruleid: network.hardcoded-ip
  default     = "10.100.0.0/16"
}

variable "dns" {
  # ok: network.hardcoded-ip
  help = "Resolver to use, such as 10.0.0.2 in the default network"
  # ruleid: network.hardcoded-ip
  value = "10.0.0.2"
}
