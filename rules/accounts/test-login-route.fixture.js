// ruleid: account.test-login-route
router.post('/backdoor', (req, res) => { req.session.admin = true; res.end(); });
// ruleid: account.test-login-route
app.get('/auth/dev-login/:id', devLogin);
// ok: account.test-login-route
app.post('/auth/login', login);
// ok: account.test-login-route
fetch('/auth/dev-login/1');
