object Net {
  // ruleid: network.hardcoded-ip
  val primary = "10.10.1.1"
  // ok: network.hardcoded-ip
  val local = "127.0.0.1"
  // ruleid: network.hardcoded-ip
  val url = s"http://192.168.10.20:8080/$path"
}
