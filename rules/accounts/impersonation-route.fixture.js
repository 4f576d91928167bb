// ruleid: account.impersonation-route
app.post('/admin/login-as/:id', loginAs);
// ruleid: account.impersonation-route
router.get('/impersonate/:userId', impersonate);
// ok: account.impersonation-route
app.post('/admin/users/:id', updateUser);
// ok: account.impersonation-route
const path = '/login-as/';
