// SPDX-License-Identifier: MIT
// The rest of Python's socket object surface: sock.timeout, module-level dup(), SocketIO,
// str(sock) == repr(sock), inspectable promise-face sockets and makefile objects, the
// ALG_* constants where the platform headers define them, and the ESM exports of the
// select modules.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const w = require(path.join(ROOT, 'bridge'));
const wp = require(path.join(ROOT, 'bridge', 'promises.js'));

const isOpen = (fd) => fs.existsSync(`/proc/self/fd/${fd}`);

test('sock.timeout is gettimeout(), on both faces', () => {
  const [a, b] = w.socketpair();
  expect(a.timeout).toBe(null);
  a.setblocking(false);
  expect(a.timeout).toBe(0);
  a.settimeout(2.5);
  expect(a.timeout).toBe(2.5);
  expect(a.promises.timeout).toBe(2.5);
  a.close();
  b.close();
});

test('String(sock) is its inspect output (str(sock) == repr(sock)); AsyncSocket inspects by name', () => {
  const s = w.create_server(['127.0.0.1', 0]);
  expect(String(s)).toBe(util.inspect(s));
  expect(`${s}`).toMatch(/^<wasock\.Socket fd=\d+, family=2, type=1, proto=0, laddr=\[ '127\.0\.0\.1', \d+ \]>$/);
  const as = s.promises;
  expect(util.inspect(as)).toBe(util.inspect(s).replace('<wasock.Socket', '<wasock.AsyncSocket'));
  expect(String(as)).toBe(util.inspect(as));
  s.close();
  expect(String(s)).toBe('<wasock.Socket [closed] fd=-1, family=2, type=1, proto=0>');
  expect(String(as)).toBe('<wasock.AsyncSocket [closed] fd=-1, family=2, type=1, proto=0>');
  const ps = wp.socket(w.AF_INET6, w.SOCK_DGRAM);
  expect(util.inspect(ps)).toMatch(/^<wasock\.AsyncSocket fd=\d+, family=10, type=2, proto=0/);
  ps.close();
});

test("makefile objects inspect as <SocketFile name=3 mode='rb'>", () => {
  const [a, b] = w.socketpair();
  const fd = a.fileno();
  const f = a.makefile('rb');
  expect(util.inspect(f)).toBe(`<SocketFile name=${fd} mode='rb'>`);
  expect(String(f)).toBe(util.inspect(f));
  const t = a.makefile('w');
  expect(util.inspect(t)).toBe(`<SocketFile name=${fd} mode='w' encoding='utf-8'>`);
  f.close();
  t.close();
  expect(util.inspect(f)).toBe("<SocketFile name=-1 mode='rb'>");
  a.close();
  b.close();
});

test('dup(fd): a new non-inheritable fd of the same socket; EBADF and TypeError as Python', () => {
  const s = w.create_server(['127.0.0.1', 0]);
  const fd = w.dup(s.fileno());
  expect(fd).not.toBe(s.fileno());
  const d = w.socket(null, null, null, fd);
  expect(d.getsockname()).toEqual(s.getsockname());
  expect(d.get_inheritable()).toBe(false);
  d.close();
  s.close();
  expect(() => w.dup(-1)).toThrow(expect.objectContaining({ name: 'OSError', errno: 9 }));
  expect(() => w.dup(fd)).toThrow(expect.objectContaining({ errno: 9 }));
  expect(() => w.dup('3')).toThrow(TypeError);
});

test('SocketIO: raw reads and writes, null when it would block, as socket.SocketIO', () => {
  const [a, b] = w.socketpair();
  const io = new w.SocketIO(a, 'rwb');
  a.setblocking(false);
  expect([io.readinto(Buffer.alloc(4)), io.read(4)]).toEqual([null, null]);
  b.send(Buffer.from('abc'));
  expect(io.read(10)).toEqual(Buffer.from('abc'));
  expect(io.write(Buffer.from('xy'))).toBe(2);
  expect(b.recv(10)).toEqual(Buffer.from('xy'));
  b.close();
  expect([io.read(), io.readall()]).toEqual([Buffer.alloc(0), Buffer.alloc(0)]);
  expect(() => new w.SocketIO(a, 'x')).toThrow(new RangeError("invalid mode: 'x'"));
  const r = new w.SocketIO(a, 'r');
  expect([r.mode, r.name, r.readable(), r.writable(), r.seekable()]).toEqual(['rb', a.fileno(), true, false, false]);
  expect(() => r.write(Buffer.from('x'))).toThrow(w.OSError);
  const [e, f] = w.socketpair();
  const lines = new w.SocketIO(e, 'rb');
  f.sendall(Buffer.from('one\ntwo\r\nthree'));
  f.close();
  expect(lines.readline(2)).toEqual(Buffer.from('on'));
  expect([...lines].map(String)).toEqual(['e\n', 'two\r\n', 'three']);
  lines.close();
  e.close();
  r.close();
  io.close();
  a.close();
});

test('SocketIO: a timeout marks the object; it keeps the fd open after sock.close()', () => {
  const [c, d] = w.socketpair();
  c.settimeout(0.05);
  const io = new w.SocketIO(c.promises, 'rb');
  expect(() => io.readinto(Buffer.alloc(3))).toThrow(w.timeout);
  expect(() => io.readinto(Buffer.alloc(3))).toThrow('cannot read from timed out object');
  const fd = c.fileno();
  const io2 = new w.SocketIO(c, 'rb');
  c.close();
  expect(isOpen(fd)).toBe(true);
  d.send(Buffer.from('z'));
  expect(io2.read(1)).toEqual(Buffer.from('z'));
  io.close();
  io2.close();
  expect(isOpen(fd)).toBe(false);
  expect(io2.closed).toBe(true);
  expect(() => io2.read(1)).toThrow(new RangeError('I/O operation on closed file.'));
  expect(util.inspect(io2)).toBe("<SocketIO name=-1 mode='rb'>");
  d.close();
});

test('ALG_OP_SIGN, ALG_OP_VERIFY, ALG_SET_PUBKEY exist exactly where the platform headers define them', () => {
  const header = fs.existsSync('/usr/include/linux/if_alg.h') ? fs.readFileSync('/usr/include/linux/if_alg.h', 'utf8') : '';
  for (const name of ['ALG_OP_SIGN', 'ALG_OP_VERIFY', 'ALG_SET_PUBKEY']) {
    expect(name in w).toBe(new RegExp(`#define\\s+${name}\\b`).test(header));
  }
});

test('ESM: wasock/select, wasock/selectors and their promise variants, and the new names of wasock', () => {
  const script = `
    import * as select from 'wasock/select';
    import * as selp from 'wasock/select/promises';
    import * as selectors from 'wasock/selectors';
    import * as selectorsp from 'wasock/selectors/promises';
    import { AddressFamily, SocketKind, MsgFlag, AddressInfo, dup, SocketIO } from 'wasock';
    import * as wp from 'wasock/promises';
    import { createRequire } from 'node:module';
    const req = createRequire(import.meta.url);
    console.log(JSON.stringify([
      select.default === req('wasock/select'), typeof select.epoll, select.EPOLLIN,
      selp.default === req('wasock/select/promises'), typeof selp.select,
      selectors.DefaultSelector === req('wasock/selectors').DefaultSelector,
      selectorsp.default === req('wasock/selectors/promises'), selectors.EVENT_WRITE,
      AddressFamily(2).name, typeof SocketKind, typeof MsgFlag, typeof AddressInfo,
      typeof dup, typeof SocketIO, wp.AddressFamily === AddressFamily,
    ]));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual([true, 'function', 1, true, 'function', true, true, 2, 'AF_INET',
    'function', 'function', 'function', 'function', 'function', true]);
});

test("wasock/select has the names of python3's select module, with the same values", () => {
  const select = require(path.join(ROOT, 'bridge', 'select.js'));
  const py = JSON.parse(execFileSync('python3', ['-c',
    'import json, select; print(json.dumps({n: getattr(select, n) for n in dir(select) if n.isupper()}))'],
  { encoding: 'utf8' }));
  for (const [n, v] of Object.entries(py)) expect([n, select[n]]).toEqual([n, v]);
  const names = execFileSync('python3', ['-c', "import select; print(' '.join(n for n in dir(select) if not n.startswith('_')))"],
    { encoding: 'utf8' }).trim().split(' ');
  for (const n of names) expect(select).toHaveProperty(n);
  expect(select.error).toBe(w.OSError);
});

test('epoll.fromfd() wraps an existing epoll fd; the constructor takes only Python arguments, with its errors', () => {
  const select = require(path.join(ROOT, 'bridge', 'select.js'));
  const ep = select.epoll();
  const again = select.epoll.fromfd(ep.fileno());
  expect(again.fileno()).toBe(ep.fileno());
  expect(again).toBeInstanceOf(select.epoll);
  const other = select.epoll(-1, 0, 5);
  expect(other.fileno()).not.toBe(5);
  expect(() => select.epoll(0)).toThrow(RangeError);
  expect(() => select.epoll(-1, 1)).toThrow(expect.objectContaining({ name: 'OSError', errno: null, message: 'invalid flags' }));
  other.close();
  ep.close();
  expect(again.close()).toBe(null); // its fd is already closed: CPython does not raise either
});
