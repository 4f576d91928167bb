// ok: meta.suppression-without-reason, secret.hardcoded-password
static NSString *const kPassword = @"0bjC!Fixture"; // secure-coding-ignore secret.hardcoded-password: UI test fixture
// ruleid: meta.suppression-without-reason
// secure-coding-ignore secret.hardcoded-password
// ruleid: secret.hardcoded-password
static NSString *const kAdminPassword = @"0bjC!Admin";
