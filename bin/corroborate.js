#!/usr/bin/env node
'use strict';
require('../dist/cli/main.js').main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`corroborate: internal error: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 2; },
);
