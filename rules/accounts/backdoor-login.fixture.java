class Auth {
    boolean login(String user, String pass) {
        // ruleid: account.backdoor-login
        if ("maint".equals(user) && pass.equals("Maint#2020")) return true;
        // ruleid: account.backdoor-login
        if (pass.equals("superuser-override")) return true;
        // ok: account.backdoor-login
        if (user.equals("admin")) audit("admin login attempt");
        return store.verify(user, pass);
    }
}
