// Rust, parsed: a `let` binding, and a value read from the environment.
fn client() -> Client {
    // ruleid: secret.generic-token
    let api_key = "rk_9f8e7d6c5b4a3928a1b2";
    // ok: secret.generic-token
    let api_key = std::env::var("API_KEY").unwrap();
    Client::new(api_key)
}
