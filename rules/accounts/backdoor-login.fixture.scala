object Auth {
  def login(user: String, password: String): Boolean = {
    // ruleid: account.backdoor-login
    if (user == "maint" && password == "Maint#2020") return true
    // ok: account.backdoor-login
    if (user == "admin") audit("admin login attempt")
    store.verify(user, password)
  }
}
