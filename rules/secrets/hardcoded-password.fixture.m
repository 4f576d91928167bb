// ruleid: secret.hardcoded-password
static NSString *const kPassword = @"0bjC!Pass";
// ruleid: secret.hardcoded-password
#define DB_PASSWORD @"Def1ne!Pass"
// ok: secret.hardcoded-password
static NSString *const kPasswordPrompt = @"Enter your password";

@implementation Client
- (void)open {
    // ruleid: secret.hardcoded-password
    [self connectAs:@"svc" password:@"N4med!Part"];
    // ruleid: secret.hardcoded-password
    NSDictionary *opts = @{@"password": @"D1ct!Value"};
    // ruleid: secret.hardcoded-password
    self.password = @"Ass1gn!Field";
    // ok: secret.hardcoded-password
    self.password = [[NSProcessInfo processInfo] environment][@"DB_PASSWORD"];
}
@end
