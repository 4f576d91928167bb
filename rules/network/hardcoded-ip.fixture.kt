object Net {
    // ruleid: network.hardcoded-ip
    const val PRIMARY = "10.10.1.1"
    // ok: network.hardcoded-ip
    const val VERSION_NAME = "4.2.0.17"
    // ruleid: network.hardcoded-ip
    val url = "http://192.168.10.20:8080/api/${path}"
    // ok: network.hardcoded-ip
    val docs = "192.0.2.10"
}
