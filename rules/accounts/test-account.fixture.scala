object Seed {
  // ruleid: account.test-account
  val testUser = "tester"
  val testPassword = "t3st!scala"

  // ruleid: account.test-account
  login("testuser", "Passw0rd!")
  // ok: account.test-account
  login(sys.env("APP_USER"), sys.env("APP_PASSWORD"))
}
