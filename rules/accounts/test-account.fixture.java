class Seed {
    // ruleid: account.test-account
    static final String DEBUG_USER = "debug";
    static final String DEBUG_PASSWORD = "d3bug!";

    void connect() {
        // ruleid: account.test-account
        login("testuser", "Passw0rd!");
        // ok: account.test-account
        login(System.getenv("APP_USER"), System.getenv("APP_PASSWORD"));
    }
}
