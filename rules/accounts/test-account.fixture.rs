// ruleid: account.test-account
const TEST_USER: &str = "tester";
const TEST_PASSWORD: &str = "t3st!rs";

fn seed() {
    // ruleid: account.test-account
    let creds = Credentials { username: "demo_01", password: "Demo#2024" };
    // ok: account.test-account
    let creds = Credentials { username: env("APP_USER"), password: env("APP_PASSWORD") };
}
