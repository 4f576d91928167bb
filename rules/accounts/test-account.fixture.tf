resource "aws_db_instance" "qa" {
  # ruleid: account.test-account
  username = "testuser"
  password = "Passw0rd!"
}

resource "aws_db_instance" "prod" {
  # ok: account.test-account
  username = "app"
  password = var.db_password
}
