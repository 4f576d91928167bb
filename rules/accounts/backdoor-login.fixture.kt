class Auth {
    fun login(user: String, pass: String): Boolean {
        // ruleid: account.backdoor-login
        if (user == "maint" && pass == "Maint#2020") return true
        // ruleid: account.backdoor-login
        if (pass.equals("superuser-override")) return true
        // ok: account.backdoor-login
        if (user == "admin") audit("admin login attempt")
        return store.verify(user, pass)
    }
}
