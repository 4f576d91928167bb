func login(user: String, password: String) -> Bool {
    // ruleid: account.backdoor-login
    if user == "maint" && password == "Maint#2020" { return true }
    // ok: account.backdoor-login
    if user == "admin" { audit("admin login attempt") }
    return store.verify(user, password)
}
