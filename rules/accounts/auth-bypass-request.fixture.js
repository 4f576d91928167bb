app.use((req, res, next) => {
  // ruleid: account.auth-bypass-request
  if (req.headers['x-skip-auth'] === '1') return next();
  // ruleid: account.auth-bypass-request
  if (req.query.backdoor) return next();
  // ruleid: account.auth-bypass-request
  if (req.query.debug === 'true') { req.user = { id: 1, admin: true }; return next(); }
  // ok: account.auth-bypass-request
  if (req.query.debug) res.locals.verbose = true;
  // ok: account.auth-bypass-request
  if (req.headers['x-request-id']) res.set('x-request-id', req.headers['x-request-id']);
  return requireLogin(req, res, next);
});
