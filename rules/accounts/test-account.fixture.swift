enum Seed {
    // ruleid: account.test-account
    static let demoUser = "demo"
    static let demoPassword = "Demo#2024"
}

func signIn() {
    // ruleid: account.test-account
    auth.login(username: "qa_user", password: "Qa-2024!")
    // ok: account.test-account
    auth.login(username: stored.user, password: keychain.password)
}
