public class App extends Application {
    @Override public void onCreate() {
        // ruleid: debug.webview-debugging
        WebView.setWebContentsDebuggingEnabled(true);
        // ok: debug.webview-debugging
        WebView.setWebContentsDebuggingEnabled(BuildConfig.DEBUG);
    }
}
