object Seed {
    // ok: meta.suppression-without-reason, secret.hardcoded-password
    val password = "Kotl1n!Fixture" // secure-coding-ignore secret.hardcoded-password: a fixture for the login screen test
    // ruleid: meta.suppression-without-reason
    // secure-coding-ignore secret.hardcoded-password
    // ruleid: secret.hardcoded-password
    val adminPassword = "Kotl1n!Admin"
    // ok: meta.suppression-without-reason
    val note = "secure-coding-ignore in a string is not a comment"
}
