# ruleid: account.test-login-route
@app.route("/test-login")
def test_login():
    login_user(User.query.first())
    return redirect("/")

# ok: account.test-login-route
@app.route("/login", methods=["POST"])
def login():
    return do_login()
