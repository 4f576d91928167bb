fn client(insecure: bool) -> reqwest::Result<reqwest::Client> {
    // ruleid: debug.tls-verification-disabled
    let a = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
    // ruleid: debug.tls-verification-disabled
    let b = native_tls::TlsConnector::builder().danger_accept_invalid_hostnames(true).build();
    // ok: debug.tls-verification-disabled
    let c = reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()?;
    // ok: debug.tls-verification-disabled
    let d = reqwest::Client::builder().danger_accept_invalid_certs(false).build()?;
    Ok(a)
}
