// SPDX-License-Identifier: MIT
// Shared by the runner's tests: builds the test guests (probe.c with `wasock cc`,
// hostile.c against the raw imports with plain clang) into build/native/wasi-runner,
// runs `wasock run` as a child, and starts python3 peers.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { startChild } = require('../../child');

const root = path.resolve(__dirname, '..', '..', '..');
const out = path.join(root, 'build', 'native', 'wasi-runner');
const cli = path.join(root, 'bridge', 'cli.js');

// The guest library is an input too: a rebuilt libwasock-guest.a rebuilds the guests.
const guestLib = path.join(root, 'build', 'native', 'wasm', 'guest', 'libwasock-guest.a');

function stale(src, dst) {
  if (!fs.existsSync(dst)) return true;
  const t = fs.statSync(dst).mtimeMs;
  return t < fs.statSync(src).mtimeMs || (fs.existsSync(guestLib) && t < fs.statSync(guestLib).mtimeMs);
}

/** Path of a built test guest: 'probe' or 'hostile'. */
function guest(name) {
  fs.mkdirSync(out, { recursive: true });
  const src = path.join(__dirname, 'guests', `${name}.c`);
  const dst = path.join(out, `${name}.wasm`);
  if (!stale(src, dst)) return dst;
  const tmp = `${dst}.${process.pid}.tmp`;
  if (name === 'hostile' || name === 'stock') {
    // 64 MiB of linear memory at most, so that running out of it is quick.
    execFileSync('clang', ['--target=wasm32-wasi', '-O2', '-Wall', '-Wno-infinite-recursion',
      '-Wl,--max-memory=67108864', src, '-o', tmp], { stdio: 'inherit' });
  } else {
    execFileSync(process.execPath, [cli, 'cc', '-O2', '-Wall', src, '-o', tmp], { stdio: 'inherit' });
  }
  fs.renameSync(tmp, dst);
  return dst;
}

/** `wasock run ARGS...`; resolves to { code, stdout, stderr }. */
function run(args, opts = {}) {
  return startChild(process.execPath, [cli, 'run', ...args], { timeout: 20000, ...opts }).done;
}

/**
 * A python3 TCP server on 127.0.0.1 that answers each connection by uppercasing what
 * it reads until the peer closes. Resolves to { port, done }.
 */
async function upperServer(conns = 1) {
  const code = `
import socket
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen()
print(s.getsockname()[1], flush=True)
for _ in range(${conns}):
    c, _ = s.accept()
    while True:
        d = c.recv(4096)
        if not d:
            break
        c.sendall(d.upper())
    c.close()
`;
  const p = startChild('python3', ['-c', code], { timeout: 20000 });
  const port = Number(await p.line());
  return { port, done: p.done };
}

/** Lines of the output as a { line: true } set, for order-free checks. */
const lines = (s) => s.split('\n').filter(Boolean);

module.exports = { guest, run, upperServer, lines, root, cli };
