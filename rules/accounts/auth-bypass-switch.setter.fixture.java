// A flag set by the method named for it is the facility: the switch is where that method is called.
class ClientOptions {
    private boolean withoutAuth;
    private boolean skipLogin;

    ClientOptions withoutAuthentication() {
        // ok: account.auth-bypass-switch
        this.withoutAuth = true;
        return this;
    }

    void setSkipLogin() {
        // ok: account.auth-bypass-switch
        skipLogin = true;
    }

    void configure() {
        // Near miss: the same flag turned on by a method named for something else.
        // ruleid: account.auth-bypass-switch
        this.withoutAuth = true;
    }
}
