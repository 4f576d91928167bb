// ok: meta.suppression-without-reason, secret.hardcoded-password
const PASSWORD: &str = "Ru5t!Fixture"; // secure-coding-ignore secret.hardcoded-password: doc-test value, never deployed
// ruleid: meta.suppression-without-reason
// secure-coding-ignore secret.hardcoded-password
// ruleid: secret.hardcoded-password
const ADMIN_PASSWORD: &str = "Ru5t!Admin";
