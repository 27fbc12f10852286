// SPDX-License-Identifier: MIT
// A guest that polls stdin and a TCP socket together relays lines to a python3 server
// (which upper-cases them) and prints the answers, resolving the server's name with
// getaddrinfo; without --allow-connect the runner refuses the connection.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { tmpdir, build, start } = require('./util');

const SERVER = `
import socket, sys
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
while True:
    d = c.recv(4096)
    if not d: break
    c.sendall(d.upper())
c.close()
`;

function pythonServer() {
  const py = spawn('python3', ['-c', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = new Promise((resolve) => py.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
  return { py, port };
}

let dir, wasm;
beforeAll(() => { dir = tmpdir('relay'); wasm = build('relay', dir); });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('relays stdin to a python3 server and its answers to stdout', async () => {
  const { py, port } = pythonServer();
  const p = await port;
  const r = await start(wasm, ['--allow-connect', `127.0.0.1:${p}`, '--allow-resolve'],
    ['localhost', String(p)], 'hello from stdin\nsecond line\n').done;
  py.kill();
  expect(r.stdout).toBe('HELLO FROM STDIN\nSECOND LINE\n');
  expect(r.code).toBe(0);
});

test('connect without permission fails with EACCES in the guest', async () => {
  const { py, port } = pythonServer();
  const p = await port;
  const r = await start(wasm, ['--allow-family', 'inet'], ['127.0.0.1', String(p)], 'x\n').done;
  py.kill();
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/relay: connect: Permission denied/);
});
