// Kotlin has no grammar here: its declarations are read as text.
object Db {
    // ruleid: secret.hardcoded-password
    private const val PASSWORD = "Kotl1n!Pass"
    // ruleid: secret.hardcoded-password
    val adminPassword: String = "Adm1n#kt-pw"
    // ok: secret.hardcoded-password
    val passwordLabel = "Enter your password"
    // ok: secret.hardcoded-password
    val password = System.getenv("DB_PASSWORD")
}
