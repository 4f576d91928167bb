class SpecialPurpose {
    // Every entry of IANA's special-purpose registries, exactly as registered, classifies addresses: no host.
    static Filter specialPurpose() {
        // ok: network.hardcoded-ip
        return of("0.0.0.0/8", "100.64.0.0/10", "192.0.0.0/24", "192.0.0.0/29", "192.88.99.0/24",
                // ok: network.hardcoded-ip
                "192.175.48.0/24", "198.18.0.0/15", "240.0.0.0/4", "64:ff9b::/96", "2001:2::/48",
                // ok: network.hardcoded-ip
                "2001:10::/28", "2001:20::/28", "2620:4f:8000::/48", "3fff::/20", "fc00::/7");
    }

    // A network inside a special-purpose block is one deployment's layout.
    // ruleid: network.hardcoded-ip
    static final String CLUSTER_CIDR = "10.20.0.0/16";
    // ruleid: network.hardcoded-ip
    static final String RELAY_SUBNET = "192.88.99.128/25";
}
