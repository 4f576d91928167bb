const app = express();
// ruleid: debug.debug-route
app.get('/debug/session', (req, res) => res.json(req.session));
// ruleid: debug.debug-route
router.use('/_debug', debugRouter);
// ok: debug.debug-route
app.get('/api/debugging-guide', docs);
// ok: debug.debug-route
axios.get('/debug/session');
// ok: debug.debug-route
res.redirect('/debug/session');
if (process.env.NODE_ENV === 'development') {
  // ok: debug.debug-route
  app.get('/debug/state', dumpState);
}
