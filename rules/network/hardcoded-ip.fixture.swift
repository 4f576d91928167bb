// ruleid: network.hardcoded-ip
let primaryHost = "10.10.1.1"
// ok: network.hardcoded-ip
let loopback = "127.0.0.1"
// ruleid: network.hardcoded-ip
let endpoint = URL(string: "https://172.16.4.20/api")!
// ok: network.hardcoded-ip
let build = "4.2.0.17"
