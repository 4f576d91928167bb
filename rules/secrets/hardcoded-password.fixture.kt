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

// Parameter and property defaults.
// ruleid: secret.hardcoded-password
fun connect(host: String, password: String = "Kt-d3fault!pw") {}
// ruleid: secret.hardcoded-password
class Client(val user: String, private val passwd: String = "Ctor#d3fault")
// ok: secret.hardcoded-password
fun connect(host: String, password: String = "") {}
// ok: secret.hardcoded-password
fun prompt(passwordHint: String = "At least twelve characters") {}
