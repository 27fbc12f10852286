// SPDX-License-Identifier: MIT
// Builds a guest program of this directory with `wasock cc` and starts it under
// `wasock run`, for the guest-toolchain tests.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bridge', 'cli.js');

function tmpdir(tag) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `wasock-guest-${tag}-`));
}

// `wasock cc args...` in cwd; throws with clang's messages on failure.
function cc(args, cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, 'cc', ...args], { cwd, encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`wasock cc ${args.join(' ')}: ${r.stderr || r.error}`);
  return r;
}

function build(name, dir) {
  const out = path.join(dir, `${name}.wasm`);
  cc(['-O2', '-Wall', '-Werror', path.join(__dirname, `${name}.c`), '-o', out]);
  return out;
}

// Starts `wasock run flags... wasm args...`; resolves { code, stdout, stderr } at exit.
function start(wasm, flags, args = [], input = null) {
  const child = spawn(process.execPath, ['--no-warnings', CLI, 'run', ...flags, wasm, ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  if (input !== null) child.stdin.end(input);
  const done = new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
  done.then(() => clearTimeout(timer));
  return { child, done, stdout: () => stdout };
}

module.exports = { ROOT, CLI, tmpdir, cc, build, start };
