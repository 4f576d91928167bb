app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
  // ruleid: debug.express-stack-trace
  res.status(500).send(`<pre>${err.stack}</pre>`);
  // ok: debug.express-stack-trace
  res.status(500).send({ error: process.env.NODE_ENV === 'production' ? undefined : err.stack });
});
