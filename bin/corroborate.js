#!/usr/bin/env node
'use strict';
let cli;
try {
  cli = require('../dist/cli/main.js');
} catch (err) {
  // A mistake in the shipped language data (lang/en) is reported as file:line:column, not as a crash.
  if (!err || err.name !== 'LangDataError') throw err;
  process.stderr.write(`corroborate: ${err.message}\n`);
  process.exit(2);
}
cli.main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`corroborate: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
