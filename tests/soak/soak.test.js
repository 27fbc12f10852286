// SPDX-License-Identifier: MIT
// The soak run (soak.js) for 60 s in a child process: both faces under mixed traffic
// (TCP, UDP, UNIX, fd passing, timeouts, aborts, closes mid-operation), every payload's
// checksum compared, and fds, wasm memory and RSS flat between the first and the last
// quarter of the run (soak.js says what flat means). WASOCK_SOAK_SECONDS overrides the
// duration; `npm run soak -- --seconds N` runs it alone.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const SECONDS = Number(process.env.WASOCK_SOAK_SECONDS || 60);

describe('soak', () => {
  let child;
  let report = null;
  beforeAll(() => {
    child = spawnSync(process.execPath, ['--expose-gc', path.join(__dirname, 'soak.js'), '--seconds', String(SECONDS)],
      { encoding: 'utf8', timeout: (SECONDS + 90) * 1000, maxBuffer: 16 << 20 });
    try { report = JSON.parse(child.stdout); } catch { /* reported below */ }
    if (report && report.flat) {
      const f = report.flat;
      process.stdout.write(`[wasock] soak ${report.seconds} s: ${report.main.ops} promise-face and ` +
        `${report.worker && report.worker.ops} sync-face operations, ` +
        `${((report.main.bytes + (report.worker ? report.worker.bytes : 0)) / 2 ** 20).toFixed(0)} MiB checked; ` +
        `fds ${f.fds.start} at start, max ${f.fds.first} -> ${f.fds.last} (first -> last quarter), ${f.fds.end} at end; ` +
        `wasm ${f.wasm.first} -> ${f.wasm.last} B (worker ${f.workerWasm.first} -> ${f.workerWasm.last}); ` +
        `rss median ${f.rssMiB.first} -> ${f.rssMiB.last} MiB\n`);
    }
  }, (SECONDS + 100) * 1000);

  test('ran to the end with traffic on both faces and every checksum equal', () => {
    if (!report || report.fatal) throw new Error(`soak.js: exit ${child.status ?? child.signal}\n${report && report.fatal}\n${child.stderr.slice(-4000)}`);
    expect(report.main.errors).toEqual([]);
    expect(report.worker && report.worker.errors).toEqual([]);
    expect(report.checks.traffic).toBe(true);
  });

  test('fds flat, and back to the start once everything is closed', () => {
    expect(report.flat.fds.end).toBe(report.flat.fds.start);
    expect(report.flat.fds.last).toBeLessThanOrEqual(report.flat.fds.first + 8);
  });

  test('wasm memory flat on both threads', () => {
    expect(report.flat.wasm.last).toBe(report.flat.wasm.first);
    expect(report.flat.workerWasm.last).toBe(report.flat.workerWasm.first);
  });

  test('RSS flat', () => {
    expect(report.flat.rssMiB.last).toBeLessThanOrEqual(1.25 * report.flat.rssMiB.first + 16);
  });
});
