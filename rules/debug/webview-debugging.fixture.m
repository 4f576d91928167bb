@implementation Browser
- (void)setUp {
    // ruleid: debug.webview-debugging
    self.webView.inspectable = YES;
    // ok: debug.webview-debugging
    self.webView.inspectable = NO;
}
@end
