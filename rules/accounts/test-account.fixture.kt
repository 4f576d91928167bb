object Seed {
    // ruleid: account.test-account
    const val DEBUG_USER = "debug"
    const val DEBUG_PASSWORD = "d3bug!kt"

    fun connect() {
        // ruleid: account.test-account
        login("testuser", "Passw0rd!")
        // ok: account.test-account
        login(System.getenv("APP_USER"), System.getenv("APP_PASSWORD"))
    }
}
