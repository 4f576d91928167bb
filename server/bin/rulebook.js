#!/usr/bin/env node
'use strict';
// The compiled CLI lives in out/; run `npm run build` (or `npm ci` at the repository root) first.
require('../out/cli/main.js').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`rulebook: internal error: ${err && err.stack ? err.stack : String(err)}\n`); process.exitCode = 2; },
);
