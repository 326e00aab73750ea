'use strict';
/*
 * One CLI process that stays up between rounds: `node cli-worker.js DIST` loads the built CLI from DIST
 * (a `dist/` folder, as `bin/corroborate.js` loads it) once, then runs `main` for each message
 * `{ args, cwd }` and answers `{ code, stdout, stderr }`. Two of these told "go" in the same tick are two
 * real processes running one command each at once, without paying the CLI's start-up (seconds on a
 * loaded runner) every round.
 *
 * `{ slowYamlWriteMs: 60 }` widens the race a lock must close: every YAML file (a baseline, a claims
 * file) is written that long after the run decided what to write, so two runs that both read before
 * either wrote lose an update for certain. `{ lockless: true }` turns the advisory lock into a plain
 * call: the control that shows the test sees a loss when nothing guards the read-modify-write.
 */
const { join } = require('node:path');

const dist = process.argv[2];
const lock = require(join(dist, 'util', 'lock.js'));
const atomic = require(join(dist, 'util', 'fs-atomic.js'));
const { main } = require(join(dist, 'cli', 'main.js'));

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

process.on('message', (msg) => {
  if (msg.setup) {
    const { lockless, slowYamlWriteMs } = msg.setup;
    if (lockless) lock.withLock = (_path, fn) => fn();
    if (slowYamlWriteMs > 0) {
      const write = atomic.writeFileAtomic;
      atomic.writeFileAtomic = (path, ...rest) => {
        if (/\.ya?ml$/.test(path)) sleepSync(slowYamlWriteMs);
        return write(path, ...rest);
      };
    }
    process.send({ ready: true });
    return;
  }
  let stdout = '';
  let stderr = '';
  main(['node', 'corroborate', ...msg.args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: msg.cwd }).then(
    (code) => process.send({ code, stdout, stderr }),
    (err) => process.send({ code: -1, stdout, stderr: `${stderr}${err && err.stack ? err.stack : err}` }),
  );
});
