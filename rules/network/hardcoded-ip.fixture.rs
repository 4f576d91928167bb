fn main() {
    // ruleid: network.hardcoded-ip
    let addr = "10.10.1.1:8443";
    // ok: network.hardcoded-ip
    let bind = "0.0.0.0:8080";
    // ruleid: network.hardcoded-ip
    let listener = TcpStream::connect("172.31.255.254:443");
    // ok: network.hardcoded-ip
    let doc = "203.0.113.7";
}
