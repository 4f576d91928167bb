// ruleid: secret.hardcoded-password
const DB_PASSWORD: &str = "Ru5t!Pass";
// ok: secret.hardcoded-password
const PASSWORD_PROMPT: &str = "Enter your password";

fn connect() {
    // ruleid: secret.hardcoded-password
    let password = "L3t!Binding";
    // ok: secret.hardcoded-password
    let password = std::env::var("DB_PASSWORD").unwrap();
    // ruleid: secret.hardcoded-password
    let cfg = Config { user: "svc", password: "Str4ct!Field".to_string() };
    // ok: secret.hardcoded-password
    let dsn = format!("postgres://svc:{}@db/app", password);
    // ruleid: secret.hardcoded-password
    cfg.password = String::from("Ass1gn!Field");
}
