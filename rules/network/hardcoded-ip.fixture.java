class Net {
    // ruleid: network.hardcoded-ip
    private static final String PRIMARY = "10.10.1.1";
    // ok: network.hardcoded-ip
    private static final String MASK = "255.255.0.0";
    // ok: network.hardcoded-ip
    private static final String BUILD_VERSION = "4.2.0.17";

    void open() {
        // ruleid: network.hardcoded-ip
        new Socket("172.31.255.254", 443);
    }
}
