import java.net.PasswordAuthentication;
import java.sql.DriverManager;

public class Repository {
    // ruleid: secret.hardcoded-password
    private static final String DB_PASSWORD = "Or4cle!Pw";
    // ruleid: secret.hardcoded-password
    private String keystorePassword = "changeit2";

    Connection open() throws Exception {
        // ruleid: secret.hardcoded-password
        return DriverManager.getConnection(url, "app", "Jdbc#Pass1");
    }

    PasswordAuthentication auth() {
        // ruleid: secret.hardcoded-password
        return new PasswordAuthentication("proxy", "Pr0xy!pw".toCharArray());
    }

    boolean isMaster(String password) {
        // ok: secret.hardcoded-password (a backdoor check: account.backdoor-login reports it)
        return "M4sterPass!".equals(password);
    }

    void configure(Properties props) {
        // ruleid: secret.hardcoded-password
        props.setProperty("db.password", "Pr0ps-pw");
        // ruleid: secret.generic-token
        env.put(Context.SECURITY_CREDENTIALS, "Ld4p-secret");
        // ok: secret.hardcoded-password
        props.setProperty("db.password", System.getenv("DB_PASSWORD"));
        // ok: secret.hardcoded-password
        String password = props.getProperty("db.password");
    }

    // ok: secret.hardcoded-password
    @Value("${db.password}") private String injectedPassword;
}
class SerializedSettings {
    // ruleid: secret.hardcoded-password
    static final String SETTINGS = "{\"user\": \"svc\", \"password\": \"J4va-json!pw\"}";
    // ok: secret.hardcoded-password
    static final String TEMPLATE = "{\"user\": \"%s\", \"password\": \"%s\"}";
}
