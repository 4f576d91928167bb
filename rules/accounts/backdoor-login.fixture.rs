fn login(user: &str, password: &str) -> bool {
    // ruleid: account.backdoor-login
    if user == "maint" && password == "Maint#2020" {
        return true;
    }
    // ok: account.backdoor-login
    if user == "admin" {
        audit("admin login attempt");
    }
    store.verify(user, password)
}
