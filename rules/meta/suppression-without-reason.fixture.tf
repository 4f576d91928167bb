resource "aws_db_instance" "sandbox" {
  # ok: meta.suppression-without-reason, secret.hardcoded-password
  password = "Terr4!Fixture" # secure-coding-ignore secret.hardcoded-password: sandbox account rotated nightly by the pipeline
  # ruleid: meta.suppression-without-reason
  // secure-coding-ignore secret.hardcoded-password
  # ruleid: secret.hardcoded-password
  master_password = "Terr4!Admin"
}
