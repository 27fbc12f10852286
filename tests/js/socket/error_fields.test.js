// SPDX-License-Identifier: MIT
// Errors carry what Node's own carry, beside Python's class, message and errno:
// address/port (INET, INET6) or path (UNIX) on bind/connect/sendto failures, hostname
// on gaierror, syscall on every OSError, Node's code on RangeError/TypeError, and a
// stack that starts at the caller's line.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const w = require('../../../bridge');

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

function closedPort(family = w.AF_INET, host = '127.0.0.1') {
  const s = w.socket(family);
  s.bind([host, 0]);
  const port = s.getsockname()[1];
  s.close();
  return port;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-errf-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['INET', w.AF_INET, '127.0.0.1'],
  ['INET6', w.AF_INET6, '::1'],
])('%s', (name, family, host) => {
  test('connect refused: address, port, syscall', () => {
    const port = closedPort(family, host);
    const s = w.socket(family);
    const e = thrown(() => s.connect([host, port]));
    expect(e).toBeInstanceOf(w.ConnectionRefusedError);
    expect(e).toMatchObject({ errno: 111, code: 'ECONNREFUSED', syscall: 'connect', address: host, port });
    expect(e.message).toBe('[Errno 111] Connection refused');
    s.close();
  });

  test('bind in use: address, port, syscall', () => {
    const a = w.socket(family);
    a.bind([host, 0]);
    const port = a.getsockname()[1];
    a.listen();
    const b = w.socket(family);
    const e = thrown(() => b.bind([host, port]));
    expect(e).toMatchObject({ errno: 98, code: 'EADDRINUSE', syscall: 'bind', address: host, port });
    a.close();
    b.close();
  });

  test('bind to an address not on this machine: EADDRNOTAVAIL with the address', () => {
    const s = w.socket(family);
    const addr = family === w.AF_INET ? '192.0.2.1' : '2001:db8::1';
    const e = thrown(() => s.bind([addr, 0]));
    expect(e).toMatchObject({ errno: 99, code: 'EADDRNOTAVAIL', syscall: 'bind', address: addr, port: 0 });
    s.close();
  });

  test('sendto refused by the system: address, port, syscall', () => {
    const s = w.socket(family, w.SOCK_DGRAM);
    let addr;
    if (family === w.AF_INET) {
      addr = ['255.255.255.255', 9]; // no SO_BROADCAST: EACCES
    } else {
      s.setsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY, 1);
      addr = ['::ffff:127.0.0.1', 9]; // v4-mapped on a v6-only socket: ENETUNREACH
    }
    const e = thrown(() => s.sendto(Buffer.from('x'), addr));
    expect(e).toMatchObject({ syscall: 'sendto', address: addr[0], port: 9 });
    expect(e.errno).toBe(family === w.AF_INET ? 13 : 101);
    s.close();
  });
});

describe('UNIX', () => {
  test('connect to a missing path: FileNotFoundError with path', () => {
    const s = w.socket(w.AF_UNIX);
    const p = path.join(dir, 'missing');
    const e = thrown(() => s.connect(p));
    expect(e).toBeInstanceOf(w.FileNotFoundError);
    expect(e).toMatchObject({ errno: 2, code: 'ENOENT', syscall: 'connect', path: p });
    expect(e.address).toBeUndefined();
    s.close();
  });

  test('bind to a path in use, sendto a missing path', () => {
    const p = path.join(dir, 'used');
    const a = w.socket(w.AF_UNIX);
    a.bind(p);
    const b = w.socket(w.AF_UNIX);
    expect(thrown(() => b.bind(p))).toMatchObject({ errno: 98, syscall: 'bind', path: p });
    const d = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    const q = path.join(dir, 'nobody');
    expect(thrown(() => d.sendto(Buffer.from('x'), q))).toMatchObject({ errno: 2, syscall: 'sendto', path: q });
    a.close();
    b.close();
    d.close();
  });
});

test('gaierror carries the hostname looked up', () => {
  const e = thrown(() => w.getaddrinfo('no-such-host.invalid', 80));
  expect(e).toBeInstanceOf(w.gaierror);
  expect(e).toMatchObject({ hostname: 'no-such-host.invalid', syscall: 'getaddrinfo' });
  const s = w.socket();
  expect(thrown(() => s.connect(['no-such-host.invalid', 80]))).toMatchObject({ hostname: 'no-such-host.invalid' });
  s.close();
});

test('every OSError has a syscall: a closed socket, a timeout', () => {
  const [a, b] = w.socketpair();
  b.settimeout(0.01);
  expect(thrown(() => b.recv(1))).toMatchObject({ name: 'TimeoutError', syscall: 'recv' });
  a.close();
  expect(thrown(() => a.recv(1))).toMatchObject({ errno: 9, code: 'EBADF', syscall: 'recv' });
  expect(thrown(() => a.getsockname())).toMatchObject({ errno: 9, syscall: 'getsockname' });
  b.close();
});

test("RangeError and TypeError carry Node's code; the class stays", () => {
  const s = w.socket();
  const port = thrown(() => s.connect(['127.0.0.1', 70000]));
  expect(port).toBeInstanceOf(RangeError);
  expect(port.code).toBe('ERR_SOCKET_BAD_PORT');
  expect(thrown(() => s.bind(['127.0.0.1', -1])).code).toBe('ERR_SOCKET_BAD_PORT');
  expect(thrown(() => s.settimeout(-1))).toMatchObject({ name: 'RangeError', code: 'ERR_OUT_OF_RANGE' });
  expect(thrown(() => s.recv(-1)).code).toBe('ERR_OUT_OF_RANGE');
  expect(thrown(() => s.recv('x'))).toMatchObject({ name: 'TypeError', code: 'ERR_INVALID_ARG_TYPE' });
  expect(thrown(() => s.makefile('r', null, 'bogus')).code).toBe('ERR_UNKNOWN_ENCODING');
  s.close();
});

test("the stack starts at the caller's line", () => {
  const s = w.socket();
  const e = thrown(() => s.connect(['127.0.0.1', closedPort()]));
  const frames = e.stack.split('\n').slice(1);
  expect(frames[0]).toContain('error_fields.test.js');
  expect(frames.some((f) => f.includes(`${path.sep}bridge${path.sep}`))).toBe(false);
  const r = thrown(() => w.inet_pton(w.AF_INET, 'nope'));
  expect(r.stack.split('\n')[1]).toContain('error_fields.test.js');
  s.close();
});

test("create_server: Python's '(while attempting to bind on address ...)' in strerror", () => {
  const a = w.create_server(['127.0.0.1', 0]);
  const port = a.getsockname()[1];
  const e = thrown(() => w.create_server(['127.0.0.1', port]));
  const strerror = `Address already in use (while attempting to bind on address ('127.0.0.1', ${port}))`;
  expect(e).toMatchObject({ errno: 98, strerror, syscall: 'bind', address: '127.0.0.1', port });
  expect(e.message).toBe(`[Errno 98] ${strerror}`);
  a.close();
});
