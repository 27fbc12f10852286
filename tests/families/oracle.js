// SPDX-License-Identifier: MIT
// CPython's socket module as the codec oracle (oracle.py with capture.c preloaded), and
// the value normalisation both sides are compared in.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'build', 'families');

// Debian's python3 is built with Bluetooth; a pyenv one on PATH may not be.
function python() {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import socket'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return null;
}

// { run(cases) -> answers } or { reason } when the oracle cannot run here.
function oracle() {
  const py = python();
  if (!py) return { reason: 'python3 not installed' };
  fs.mkdirSync(OUT, { recursive: true });
  const so = path.join(OUT, 'capture.so');
  const src = path.join(__dirname, 'capture.c');
  if (!fs.existsSync(so) || fs.statSync(so).mtimeMs < fs.statSync(src).mtimeMs) {
    const cc = spawnSync(process.env.CC || 'cc', ['-shared', '-fPIC', '-O2', '-o', so, src, '-ldl'],
      { encoding: 'utf8' });
    if (cc.status !== 0) return { reason: `cannot build capture.so: ${cc.error ? cc.error.message : cc.stderr}` };
  }
  return {
    python: py,
    run(cases) {
      const r = spawnSync(py, [path.join(__dirname, 'oracle.py')], {
        input: JSON.stringify(cases, (k, v) => (typeof v === 'bigint' ? { $i: String(v) } : v)),
        encoding: 'utf8', env: { ...process.env, LD_PRELOAD: so }, timeout: 60000,
      });
      if (r.status !== 0) throw new Error(`oracle.py failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
  };
}

// A JS value in the oracle's JSON form: Buffers {$b}, integers beyond 2**53 {$i}.
function norm(v) {
  if (Array.isArray(v)) return v.map(norm);
  if (Buffer.isBuffer(v) || v instanceof Uint8Array) return { $b: Buffer.from(v).toString('hex') };
  if (typeof v === 'bigint') return v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : { $i: String(v) };
  return v;
}

// An address for the oracle's JSON: Buffers as {$b}.
function wire(v) {
  if (Array.isArray(v)) return v.map(wire);
  if (Buffer.isBuffer(v)) return { $b: v.toString('hex') };
  return v;
}

// How a thrown JS error reads as a Python exception class (+ errno for OSError).
function pyClass(e) {
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'ValueError';
  if (e && e.constructor && e.constructor.name === 'gaierror') return 'gaierror';
  if (e && 'errno' in e) return `OSError(${e.errno})`;
  return `unexpected ${e}`;
}

function pyAnswerClass(a) {
  switch (a.err) {
    case 'TypeError': case 'SystemError': return 'TypeError';
    case 'ValueError': case 'OverflowError': return 'ValueError';
    case 'gaierror': return 'gaierror';
    case 'OSError': return `OSError(${a.errno === undefined ? null : a.errno})`;
  }
  return `${a.err}: ${a.msg}`;
}

module.exports = { oracle, norm, wire, pyClass, pyAnswerClass };
