class Security {
    boolean isAuthorized(User user) {
        // ruleid: account.auth-bypass-debug
        if (Config.DEBUG) return true;
        return user.hasRole("operator");
    }
}
