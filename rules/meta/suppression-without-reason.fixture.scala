object Seed {
  // ok: meta.suppression-without-reason, secret.hardcoded-password
  val password = "Sc4la!Fixture" // secure-coding-ignore secret.hardcoded-password: a fixture for the login page test
  // ruleid: meta.suppression-without-reason
  // secure-coding-ignore secret.hardcoded-password
  // ruleid: secret.hardcoded-password
  val adminPassword = "Sc4la!Admin"
}
