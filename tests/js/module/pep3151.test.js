// SPDX-License-Identifier: MIT
// PEP 3151: every errno gets the OSError subclass Python gives it, from one table
// generated from CPython (tools/genpython.py), checked here against python3 itself.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const ws = require('../../../bridge');
const { errnoClass } = require('../../../bridge/pyerrno');

const ROOT = path.resolve(__dirname, '..', '..', '..');

test('the generated tables are those of this machine\'s python3', () => {
  const r = spawnSync('python3', [path.join(ROOT, 'tools', 'genpython.py'), '--check'], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('fromErrno picks Python\'s class for every errno 1..4095, with its hierarchy', () => {
  const r = spawnSync('python3', ['-c', `
import json
out = {}
for e in range(1, 4096):
    t = type(OSError(e, 'x'))
    out[e] = [c.__name__ for c in t.__mro__ if issubclass(c, OSError)]
print(json.dumps(out))`], { encoding: 'utf8' });
  const python = JSON.parse(r.stdout);
  let mapped = 0;
  for (const [errno, mro] of Object.entries(python)) {
    const e = ws.fromErrno(Number(errno), 'recv');
    const chain = [];
    for (let p = Object.getPrototypeOf(e); p && p !== Error.prototype; p = Object.getPrototypeOf(p))
      chain.push(p.constructor.name);
    expect([errno, chain]).toEqual([errno, mro]);
    if (mro[0] !== 'OSError') mapped++;
  }
  expect(mapped).toBe(Object.keys(errnoClass).length);
  expect(mapped).toBeGreaterThanOrEqual(18);
});

test('the new classes are exported: ChildProcessError, IsADirectoryError, NotADirectoryError', () => {
  expect(ws.fromErrno(20, 'x')).toBeInstanceOf(ws.NotADirectoryError);
  expect(ws.fromErrno(21, 'x')).toBeInstanceOf(ws.IsADirectoryError);
  expect(ws.fromErrno(10, 'x')).toBeInstanceOf(ws.ChildProcessError);
});
