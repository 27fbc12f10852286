// SPDX-License-Identifier: MIT
// The differential conformance harness: a C program of this directory is compiled
// natively (cc, glibc) and with `wasock cc`, both builds run side by side (the wasm one
// under `wasock run`), and their outputs must be identical line for line.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bridge', 'cli.js');
const TIMEOUT = 60000;

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: TIMEOUT, maxBuffer: 16 << 20, ...opts });
  if (r.error) throw r.error;
  return r;
}

function mustRun(cmd, args) {
  const r = run(cmd, args);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return r;
}

// Builds and runs one program; returns { native, wasm, nativeCode, wasmCode, stderr }.
// progArgs(tmp) gives the program's arguments; runFlags(tmp) the runner's options.
function differential(name, { progArgs = () => [], runFlags = () => ['--allow-net'] } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `wasock-conf-${name}-`));
  try {
    const src = path.join(__dirname, `${name}.c`);
    const exe = path.join(tmp, `${name}.native`), wasm = path.join(tmp, `${name}.wasm`);
    mustRun('cc', ['-O1', '-Wall', '-o', exe, src]);
    mustRun(process.execPath, [CLI, 'cc', '-O1', '-Wall', '-o', wasm, src]);
    const nativeDir = fs.mkdtempSync(path.join(tmp, 'n-')), wasmDir = fs.mkdtempSync(path.join(tmp, 'w-'));
    const n = run(exe, progArgs(nativeDir));
    const w = run(process.execPath, ['--no-warnings', CLI, 'run', ...runFlags(wasmDir), wasm,
      ...progArgs(wasmDir)]);
    return { native: n.stdout, wasm: w.stdout, nativeCode: n.status, wasmCode: w.status, stderr: w.stderr };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The Jest body shared by every program's test file.
function conformance(name, opts) {
  test(`${name}: native and wasm outputs are identical`, () => {
    const r = differential(name, opts);
    expect(r.nativeCode).toBe(0);
    expect(r.native).toMatch(/^cases: \d+$/m);
    expect({ code: r.wasmCode, out: r.wasm }).toEqual({ code: 0, out: r.native });
  });
}

module.exports = { differential, conformance };
