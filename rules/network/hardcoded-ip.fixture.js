// ruleid: network.hardcoded-ip
const api = "http://10.1.2.3:3000/api";
// ruleid: network.hardcoded-ip
const ws = `ws://192.168.0.10:${port}/socket`;
// ok: network.hardcoded-ip
const local = 'http://localhost:3000';
// ok: network.hardcoded-ip
const ua = "Mozilla/5.0 Chrome/91.0.4472.124";
// ok: network.hardcoded-ip
const pkg = { version: "1.0.0.1" };
// ok: network.hardcoded-ip
const semver = "v10.2.3.4";
// ok: network.hardcoded-ip
const hostname = "10.10.10.10.nip.io";
// ruleid: network.hardcoded-ip
const mapped = "::ffff:10.1.2.3";
// ok: network.hardcoded-ip
const mdns = "224.0.0.251";


function curve(oid) {
  switch (oid) {
    // ok: network.hardcoded-ip
    case "1.3.101.112": return "ed25519";
    // ok: network.hardcoded-ip
    case "2.5.4.3": return "cn";
  }
}
