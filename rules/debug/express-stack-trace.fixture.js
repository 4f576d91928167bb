app.use((err, req, res, next) => {
  // ruleid: debug.express-stack-trace
  res.status(500).send(err.stack);
});
app.use((err, req, res, next) => {
  // ruleid: debug.express-stack-trace
  res.json({ message: err.message, stack: err.stack });
});
// ruleid: debug.express-stack-trace
app.use(errorHandler({ dumpExceptions: true, showStack: true }));
app.use(async (ctx, next) => {
  try { await next(); } catch (err) {
    // ruleid: debug.express-stack-trace
    ctx.body = err.stack;
  }
});
app.use((err, req, res, next) => {
  // ok: debug.express-stack-trace
  logger.error(err.stack);
  // ok: debug.express-stack-trace
  res.status(500).json({ error: 'internal', id: req.id });
  // ok: debug.express-stack-trace
  process.stderr.write(err.stack);
});
