const DEBUG = process.env.DEBUG === '1';

function isAuthenticated(req) {
  // ruleid: account.auth-bypass-debug
  if (DEBUG) return true;
  return verifySession(req.session);
}

const requireAuth = (req, res, next) => {
  // ruleid: account.auth-bypass-debug
  if (process.env.NODE_ENV !== 'production') {
    return next();
  }
  // ok: account.auth-bypass-debug
  if (DEBUG) console.log('auth check', req.path);
  // ok: account.auth-bypass-debug
  if (DEBUG) return res.status(401).send('no session (debug)');
  return passport.authenticate('jwt')(req, res, next);
};

function renderFooter(req) {
  // ok: account.auth-bypass-debug
  if (DEBUG) return true;
  return false;
}
