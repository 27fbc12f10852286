// SPDX-License-Identifier: MIT
// socat 1.7.4.4 from Debian's source package, built with `wasock cc` (build.js,
// socat.patch) and run under `wasock run`: TCP, UDP and UNIX stream/datagram relays
// between the wasm socat, its stdin/stdout and native peers (python3, curl, nc).
'use strict';
const { spawn, execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');

const execFileP = promisify(execFile);
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { socat } = require('./build');

const CLI = path.resolve(__dirname, '..', '..', '..', 'bridge', 'cli.js');
jest.setTimeout(120000);

let wasm, tmp;
beforeAll(() => {
  wasm = socat();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-socat-'));
}, 900000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Runs the wasm socat with runner flags and socat arguments; resolves at exit.
function wsocat(flags, args, input) {
  const child = spawn(process.execPath, ['--no-warnings', CLI, 'run', ...flags, wasm, ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  if (input !== undefined) child.stdin.end(input);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60000);
  return new Promise((resolve) => child.on('close', (code) => {
    clearTimeout(timer);
    resolve({ code, stdout, stderr });
  }));
}

// A python3 peer: prints one line (its port or "ready") when it is listening.
function python(code) {
  const py = spawn('python3', ['-c', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  py.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
  const ready = new Promise((resolve) => py.stdout.once('data', (d) => resolve(String(d).trim())));
  const done = new Promise((resolve) => py.on('close', () => resolve(out)));
  return { py, ready, done };
}

function freePort() {
  return Number(execFileSync('python3', ['-c',
    'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'], { encoding: 'utf8' }));
}

const UPPER_TCP = `
import socket
s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(1)
print(s.getsockname()[1], flush=True)
c, _ = s.accept()
while True:
    d = c.recv(4096)
    if not d: break
    c.sendall(d.upper())
c.close()
`;

test('TCP client: stdin to a python3 server, its answers to stdout', async () => {
  const p = python(UPPER_TCP);
  const port = await p.ready;
  const r = await wsocat(['--allow-connect', `127.0.0.1:${port}`], ['-', `TCP:127.0.0.1:${port}`],
    'hello through wasm socat\nline two\n');
  p.py.kill();
  expect(r.stdout).toBe('HELLO THROUGH WASM SOCAT\nLINE TWO\n');
  expect(r.code).toBe(0);
});

test('TCP listener answers curl from stdin and prints its request', async () => {
  const port = freePort();
  const run = wsocat(['--allow-bind', `127.0.0.1:${port}`],
    [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr`, '-'],
    'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nhello curl, from wasm socat\n');
  // Asynchronous: the guest's stdin must keep flowing while curl waits.
  const { stdout: body } = await execFileP('curl', ['-s', '--retry', '20', '--retry-connrefused',
    '--retry-delay', '0', `http://127.0.0.1:${port}/from-curl`], { encoding: 'utf8' });
  const r = await run;
  expect(body).toBe('hello curl, from wasm socat\n');
  expect(r.stdout).toMatch(/^GET \/from-curl HTTP\/1\.1\r\n/);
});

test('TCP relay: curl -> wasm socat -> python3 http.server', async () => {
  fs.writeFileSync(path.join(tmp, 'index.txt'), 'served by python, relayed by wasm socat\n');
  const httpPort = freePort();
  const srv = spawn('python3', ['-m', 'http.server', String(httpPort), '--bind', '127.0.0.1', '--directory', tmp],
    { stdio: 'ignore' });
  const port = freePort();
  const run = wsocat(['--allow-bind', `127.0.0.1:${port}`, '--allow-connect', `127.0.0.1:${httpPort}`],
    [`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr`, `TCP:127.0.0.1:${httpPort}`]);
  try {
    const { stdout: body } = await execFileP('curl', ['-s', '--retry', '30', '--retry-connrefused',
      '--retry-delay', '0', '--retry-all-errors', `http://127.0.0.1:${port}/index.txt`], { encoding: 'utf8' });
    expect(body).toBe('served by python, relayed by wasm socat\n');
    expect((await run).code).toBe(0);
  } finally {
    srv.kill();
  }
});

test('UDP: a datagram from stdin to a python3 server and its answer back', async () => {
  const p = python(`
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(('127.0.0.1', 0))
print(s.getsockname()[1], flush=True)
d, a = s.recvfrom(4096)
s.sendto(b'udp:' + d.upper(), a)
`);
  const port = await p.ready;
  const r = await wsocat(['--allow-connect', `127.0.0.1:${port}`, '--allow-sendto', `127.0.0.1:${port}`],
    ['-t', '2', '-', `UDP:127.0.0.1:${port}`], 'datagram\n');
  await p.done;
  expect(r.stdout).toBe('udp:DATAGRAM\n');
});

test('UNIX stream: wasm socat listens, nc -U sends', async () => {
  const sock = path.join(tmp, 'stream.sock');
  const run = wsocat(['--allow-bind', sock], [`UNIX-LISTEN:${sock}`, '-']);
  for (let i = 0; i < 200 && !fs.existsSync(sock); i++) await new Promise((r) => setTimeout(r, 25));
  const nc = spawn('nc', ['-N', '-U', sock], { stdio: ['pipe', 'ignore', 'inherit'] });
  nc.stdin.end('over a unix socket via nc\n');
  await new Promise((resolve) => nc.on('close', resolve));
  const r = await run;
  expect(r.stdout).toBe('over a unix socket via nc\n');
});

test('UNIX datagram: wasm socat sends to a python3 datagram socket', async () => {
  const sock = path.join(tmp, 'dgram.sock');
  const p = python(`
import socket
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind(${JSON.stringify(sock)})
print('ready', flush=True)
print(s.recv(4096).decode(), end='', flush=True)
`);
  await p.ready;
  const r = await wsocat(['--allow-sendto', sock, '--allow-family', 'unix'], ['-', `UNIX-SENDTO:${sock}`],
    'a unix datagram\n');
  const out = await p.done;
  expect(r.code).toBe(0);
  expect(out).toBe('ready\na unix datagram\n');
});

test('without --allow-connect the connection is refused in the guest', async () => {
  const r = await wsocat(['--allow-family', 'inet'], ['-', 'TCP:127.0.0.1:9'], '');
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/Permission denied/);
});
