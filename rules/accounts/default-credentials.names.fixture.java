class Properties {
    // An enum of property names and their aliases: the values name fields, they are not credentials.
    enum Mapped {
        URL(false, "url", "URL"),
        // ok: account.default-credentials
        USERNAME(false, "username", "user"),
        // ok: account.default-credentials
        PASSWORD(false, "password");

        Mapped(boolean optional, String... aliases) {}
    }

    // ok: account.default-credentials
    static final String USER = "user";
    // ok: account.default-credentials
    static final String PASSWORD = "password";

    // Near miss: a user and a password bound as values.
    // ruleid: account.default-credentials
    static final String DB_USER = "admin";
    static final String DB_PASSWORD = "admin";
}
