// SPDX-License-Identifier: MIT
// The hostile-input driver (driver.js) in a child process: seeded random calls of every
// exported function and method of both faces with hostile values. No crash, no trap, no
// hang, no fd leak, only Error subclasses of the right kinds, and ordinary sockets opened
// before still work afterwards. WASOCK_HOSTILE_SEED and WASOCK_HOSTILE_CALLS override the
// seed and the number of calls (a failure names the seed: rerun it with
// `node tests/js/hardening/driver.js --seed N`).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const SEED = Number(process.env.WASOCK_HOSTILE_SEED || 20261201);
const CALLS = Number(process.env.WASOCK_HOSTILE_CALLS || 20000);

describe('hostile-input driver', () => {
  let child;
  let report = null;
  beforeAll(() => {
    child = spawnSync(process.execPath, [path.join(__dirname, 'driver.js'), '--seed', String(SEED),
      '--calls', String(CALLS), '--seconds', '150'], { encoding: 'utf8', timeout: 200000, maxBuffer: 16 << 20 });
    try { report = JSON.parse(child.stdout); } catch { /* reported below */ }
    if (report && !report.fatal) {
      process.stdout.write(`[wasock] hostile driver, seed ${report.seed}: ${report.calls} calls ` +
        `(sync ${report.byFace.sync}, promises ${report.byFace.promises}), thrown ${JSON.stringify(report.thrown)}, ` +
        `fds ${report.fds.before} -> ${report.fds.after}, slowest ${report.slowest.ms} ms (${report.slowest.what})\n`);
    }
  }, 210000);

  test('the child ran to the end: no crash, no trap, no hang', () => {
    const how = child.error ? String(child.error) : child.signal ? `killed by ${child.signal}` : `exit ${child.status}`;
    if (child.status !== 0 || !report || report.fatal)
      throw new Error(`driver.js --seed ${SEED}: ${how}\n${report && report.fatal}\n${child.stderr}`);
    expect(report.calls).toBeGreaterThanOrEqual(Math.min(CALLS, 5000));
  });

  test('only Error subclasses of the right kinds, no engine errors, no InternalError', () => {
    expect(report && report.problems).toEqual([]);
  });

  test('no fd leaked', () => {
    expect(report.fds.after).toBe(report.fds.before);
  });

  test('ordinary sockets opened before keep working', () => {
    expect(report.ordinary).toEqual({ sync: 'sync ok', promises: 'promises ok', module: '10.9.8.7' });
  });
});
