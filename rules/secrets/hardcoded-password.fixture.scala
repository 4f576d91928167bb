object Db {
  // ruleid: secret.hardcoded-password
  val password = "Sc4la!Pass"
  // ok: secret.hardcoded-password
  val passwordLabel = "Enter your password"
  // ok: secret.hardcoded-password
  val envPassword = sys.env("DB_PASSWORD")
  // ok: secret.hardcoded-password
  val message = s"password for $user changed"

  // ruleid: secret.hardcoded-password
  def connect(user: String, password: String = "Def4ult!pw"): Unit = ()

  def open(): Unit = {
    // ruleid: secret.hardcoded-password
    val opts = Map("password" -> "M4p!Value")
    // ruleid: secret.hardcoded-password
    config.password = "Ass1gn!Field"
  }
}
