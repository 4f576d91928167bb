final class Browser {
    func setUp() {
        // ruleid: debug.webview-debugging
        webView.isInspectable = true
        // ok: debug.webview-debugging
        webView.isInspectable = false
        // ok: debug.webview-debugging
        webView.isInspectable = Settings.inspectable
    }
}
