// ruleid: account.test-account
static NSString *const kTestUser = @"tester";
static NSString *const kTestPassword = @"t3st!objc";

void seed(Client *client) {
    // ruleid: account.test-account
    [client loginWithUser:@"demo" password:@"Demo#2024"];
}
