enum Keys {
    // ruleid: secret.hardcoded-password
    static let password = "Sw1ft!Pass"
    // ok: secret.hardcoded-password
    static let passwordPrompt = "Enter your password"
    // ok: secret.hardcoded-password
    static let envPassword = ProcessInfo.processInfo.environment["DB_PASSWORD"]
}

// ruleid: secret.hardcoded-password
func login(user: String, password: String = "Def4ult!pw") {}

func open() {
    // ruleid: secret.hardcoded-password
    client.connect(user: "svc", password: "N4med!Arg")
    // ruleid: secret.hardcoded-password
    let headers = ["password": "D1ct!Value"]
    // ok: secret.hardcoded-password
    let message = "password for \(user) is \(stored)"
    // ruleid: secret.hardcoded-password
    settings.password = "Ass1gn!Field"
}
