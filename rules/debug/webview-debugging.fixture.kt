class App : Application() {
    override fun onCreate() {
        super.onCreate()
        // ruleid: debug.webview-debugging
        WebView.setWebContentsDebuggingEnabled(true)
        if (BuildConfig.DEBUG) {
            // ok: debug.webview-debugging
            WebView.setWebContentsDebuggingEnabled(true)
        }
        // ok: debug.webview-debugging
        WebView.setWebContentsDebuggingEnabled(false)
        // ok: debug.webview-debugging
        WebView.setWebContentsDebuggingEnabled(BuildConfig.DEBUG)
    }
}
