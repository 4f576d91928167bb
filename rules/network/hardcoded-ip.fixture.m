// ruleid: network.hardcoded-ip
static NSString *const kServer = @"10.10.1.1";
// ok: network.hardcoded-ip
static NSString *const kLoopback = @"127.0.0.1";

void open(void) {
    // ruleid: network.hardcoded-ip
    NSURL *url = [NSURL URLWithString:@"http://172.16.4.20/api"];
}
