class BrokerEnvironment {
    BrokerEnvironment(Map<String, String> env) {
        // One account, one finding: guest/guest is a well-known default pair, not also a test account.
        // ruleid: account.default-credentials
        // ok: account.test-account
        this.username = env.getOrDefault("BROKER_USER", "guest");
        this.password = env.getOrDefault("BROKER_PASS", "guest");
        // ruleid: account.test-account
        this.demoUser = env.getOrDefault("DEMO_USER", "demo");
        this.demoPassword = env.getOrDefault("DEMO_PASSWORD", "Demo#2024");
    }
}
