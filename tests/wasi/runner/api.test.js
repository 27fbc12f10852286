// SPDX-License-Identifier: MIT
// require('wasock/wasi'): the policy as a JS object, an import object for the host's
// own instance, a guest in a worker_thread; the WASI errno table against wasi-libc's
// header when it is installed.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Worker } = require('node:worker_threads');
const { guest, root } = require('./helpers');
const wasi = require(path.join(root, 'bridge', 'wasi'));

function captured(fn) {
  const file = path.join(os.tmpdir(), `wasock-api-${process.pid}-${Math.random().toString(16).slice(2)}`);
  const fd = fs.openSync(file, 'w+');
  try {
    const code = fn(fd);
    return { code, out: fs.readFileSync(file, 'utf8') };
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file);
  }
}

test('run() with a policy object', () => {
  const { code, out } = captured((fd) => wasi.run(guest('probe'), {
    args: ['probe', 'try', 'connect,127.0.0.1,1', 'connect,127.0.0.1,2', 'socket,inet6'],
    stdout: fd, quiet: true, policy: { connect: ['127.0.0.1:1'] },
  }));
  expect(code).toBe(0);
  expect(out).toBe('connect,127.0.0.1,1 -> ok\nconnect,127.0.0.1,2 -> Permission denied\n' +
    'socket,inet6 -> ok\n');   // an IPv4 rule implies inet6 too: v4-mapped addresses
});

test('Runner: an import object for the host\'s own instance, trace to a function', () => {
  const lines = [];
  const { code, out } = captured((fd) => {
    const r = new wasi.Runner({ args: ['probe', 'try', 'socket,netlink,raw'], stdout: fd, quiet: true,
      trace: (l) => lines.push(l) });
    const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(guest('probe'))),
      r.getImportObject());
    return r.start(inst);
  });
  expect(code).toBe(0);
  expect(out).toBe('socket,netlink,raw -> Permission denied\n');
  expect(lines).toEqual(['wasock run: refused socket: socket(netlink) is not allowed; run with --allow-family netlink']);
});

test('bad policies are refused when made', () => {
  expect(() => new wasi.Policy({ connect: ['1.2.3.4:70000'] })).toThrow(RangeError);
  expect(() => new wasi.Policy({ connect: ['10.0.0.0/33'] })).toThrow('bad prefix length');
  expect(() => new wasi.Policy({ family: ['nope'] })).toThrow("unknown family 'nope'");
  expect(() => new wasi.Policy({ conect: [] })).toThrow("unknown policy key 'conect'");
  expect(() => new wasi.Policy({ connect: '1.2.3.4' })).toThrow('policy.connect must be an array');
});

test('a guest runs in a worker_thread', async () => {
  const file = path.join(os.tmpdir(), `wasock-worker-${process.pid}`);
  const w = new Worker(`
    const { workerData, parentPort } = require('node:worker_threads');
    const fs = require('node:fs');
    const { run } = require(workerData.wasi);
    const fd = fs.openSync(workerData.file, 'w');
    parentPort.postMessage(run(workerData.prog, { args: ['probe', 'nonblock'], stdout: fd, quiet: true }));
  `, { eval: true, workerData: { wasi: path.join(root, 'bridge', 'wasi'), prog: guest('probe'), file } });
  const code = await new Promise((resolve, reject) => { w.on('message', resolve); w.on('error', reject); });
  expect(code).toBe(0);
  expect(fs.readFileSync(file, 'utf8')).toContain('drained all: 1\n');
  fs.rmSync(file);
  await w.terminate();
});

const API_H = '/usr/include/wasm32-wasi/wasi/api.h';
(fs.existsSync(API_H) ? test : test.skip)('WASI errno numbering matches wasi-libc\'s api.h', () => {
  const { WASI } = require(path.join(root, 'bridge', 'wasi', 'errno'));
  const h = fs.readFileSync(API_H, 'utf8');
  const found = {};
  for (const m of h.matchAll(/#define __WASI_ERRNO_(\w+) \(UINT16_C\((\d+)\)\)/g)) found[m[1]] = Number(m[2]);
  expect(WASI).toEqual(found);
});

// A terminated worker runs no more JavaScript: the guest's fds are closed by Node's
// environment cleanup (fdGuard), once its blocking call returns and the thread stops.
test('terminating a worker while its guest blocks in recv leaks no fd', async () => {
  const net = require('node:net');
  const sockets = () => new Set(fs.readdirSync('/proc/self/fd').map((n) => {
    try { return fs.readlinkSync(`/proc/self/fd/${n}`); } catch { return ''; }
  }).filter((l) => l.startsWith('socket:')));
  let conn;
  const srv = net.createServer((c) => { conn = c; });
  await new Promise((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const before = sockets();
  const w = new Worker(`
    const { workerData } = require('node:worker_threads');
    const { run } = require(workerData.wasi);
    run(workerData.prog, { args: ['hostile', 'block', String(workerData.port)], quiet: true,
      stdout: require('node:fs').openSync('/dev/null', 'w'), policy: { connect: ['127.0.0.1:' + workerData.port] } });
  `, { eval: true, workerData: { wasi: path.join(root, 'bridge', 'wasi'), prog: guest('hostile'), port: srv.address().port } });
  let failed = null;
  w.on('error', (e) => { failed = e; });
  w.on('exit', (code) => { if (!conn) failed = failed || new Error(`worker exited ${code}`); });
  while (!conn && !failed) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(failed).toBe(null);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const during = [...sockets()].filter((s) => !before.has(s));
  expect(during.length).toBe(4);          // the server's side of the connection + the guest's 3
  const closed = new Promise((resolve) => conn.on('close', resolve));
  const stopped = w.terminate();
  setTimeout(() => conn.write('wake'), 100);
  await stopped;
  await closed;                            // the guest's end was closed
  const after = [...sockets()].filter((s) => !before.has(s));
  expect(after).toEqual([]);
  srv.close();
});
