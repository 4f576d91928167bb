variable "db_password" {
  type = string
  # ruleid: secret.hardcoded-password
  default = "Terr4form!Pw"
}

variable "db_username" {
  # ok: secret.hardcoded-password
  default = "app"
}

resource "aws_db_instance" "main" {
  username = "app"
  # ruleid: secret.hardcoded-password
  password = "Inl1ne!Pass"
}

resource "aws_db_instance" "replica" {
  # ok: secret.hardcoded-password
  password = var.db_password
  # ok: secret.hardcoded-password
  master_password = "${random_password.db.result}"
}

locals {
  # ruleid: secret.hardcoded-password
  credentials = { user = "svc", password = "Obj3ct!Key" }
}
