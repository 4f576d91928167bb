@implementation Auth
- (BOOL)loginUser:(NSString *)user password:(NSString *)password {
    // ruleid: account.backdoor-login
    if ([password isEqualToString:@"Maint#2020"]) { return YES; }
    // ok: account.backdoor-login
    if ([user isEqualToString:@"admin"]) { [self audit]; }
    return [self.store verifyUser:user password:password];
}
@end
