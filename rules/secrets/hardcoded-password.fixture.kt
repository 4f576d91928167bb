object Db {
    // ruleid: secret.hardcoded-password
    private const val PASSWORD = "Kotl1n!Pass"
    // ruleid: secret.hardcoded-password
    val adminPassword: String = "Adm1n#kt-pw"
    // ok: secret.hardcoded-password
    val passwordLabel = "Enter your password"
    // ok: secret.hardcoded-password
    val password = System.getenv("DB_PASSWORD")
    // ok: secret.hardcoded-password
    val greeting = "password = \"not-in-code\" in a string"
    // password = "Comm3nt!pw" is only a comment here: ok: secret.hardcoded-password

    // ruleid: secret.hardcoded-password
    fun connect(user: String, password: String = "Def4ult!pw") = Unit

    fun open() {
        // ruleid: secret.hardcoded-password
        connect(user = "svc", password = "N4med!Arg")
        // ruleid: secret.hardcoded-password
        val opts = mapOf("password" to "M4p!Value")
        // ok: secret.hardcoded-password
        val url = "jdbc:postgresql://db/app?password=${System.getenv("PW")}"
        // ruleid: secret.hardcoded-password
        config.password = "Ass1gn!Field"
    }
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
