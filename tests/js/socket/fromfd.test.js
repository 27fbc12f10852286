// SPDX-License-Identifier: MIT
// fromfd(), socket(fileno=) autodetecting family/type/proto from the descriptor, and
// set_inheritable/get_inheritable (checked in a child process that inherits the fd).
'use strict';

const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const {
  w, fdTarget, tcpPair, closeAll, tmpPath, startPython, killChildren, cleanupTmp, BAD_FD,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

describe('socket(fileno=)', () => {
  test.each([
    ['INET stream', w.AF_INET, w.SOCK_STREAM, 0, w.IPPROTO_TCP],
    ['INET dgram', w.AF_INET, w.SOCK_DGRAM, 0, w.IPPROTO_UDP],
    ['INET6 stream', w.AF_INET6, w.SOCK_STREAM, 0, w.IPPROTO_TCP],
    ['INET6 dgram', w.AF_INET6, w.SOCK_DGRAM, 0, w.IPPROTO_UDP],
    ['UNIX stream', w.AF_UNIX, w.SOCK_STREAM, 0, 0],
    ['UNIX dgram', w.AF_UNIX, w.SOCK_DGRAM, 0, 0],
    ['UNIX seqpacket', w.AF_UNIX, w.SOCK_SEQPACKET, 0, 0],
  ])('%s: family, type and proto are read from the descriptor', (_, family, type, proto, real) => {
    const orig = w.socket(family, type, proto);
    const fd = orig.detach();
    const target = fdTarget(fd);
    const s = w.socket(null, null, null, fd);
    expect([s.family, s.type, s.proto]).toEqual([family, type, real]);
    expect(s.fileno()).toBe(fd);
    s.close();
    expect(fdTarget(fd)).not.toBe(target);
  });

  test('given values win over detection (as CPython)', () => {
    const fd = w.socket(w.AF_INET, w.SOCK_DGRAM).detach();
    const s = w.socket(w.AF_INET, w.SOCK_DGRAM, 17, fd);
    expect(s.proto).toBe(17);
    s.close();
  });

  test('a live connection is usable through the new object', () => {
    const [a, b] = tcpPair();
    const s = w.socket(null, null, null, a.detach());
    expect(s.getpeername()).toEqual(b.getsockname());
    s.sendall(Buffer.from('same connection'));
    expect(b.recv(100).toString()).toBe('same connection');
    closeAll(s, b);
  });

  test('negative fileno is RangeError; a non-socket fd is ENOTSOCK; a closed one EBADF', () => {
    expect(() => w.socket(w.AF_INET, w.SOCK_STREAM, 0, -1)).toThrow(RangeError);
    const p = tmpPath('plain');
    fs.writeFileSync(p, 'x');
    const fd = fs.openSync(p, 'r');
    expect(() => w.socket(null, null, null, fd)).toThrow(expect.objectContaining({ code: 'ENOTSOCK', errno: 88 }));
    fs.closeSync(fd);
    expect(() => w.socket(null, null, null, BAD_FD)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(() => w.socket(null, null, null, 'x')).toThrow(TypeError);
  });

  test('python3 autodetects the same values from a wasock descriptor', async () => {
    const s = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    s.bind(['::1', 0]);
    const py = startPython(`
import socket
s = socket.socket(fileno=3)
print(int(s.family), int(s.type), s.proto, s.getsockname()[1])
`, { stdio: ['ignore', 'pipe', 'pipe', s.fileno()] });
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split(' ').map(Number))
      .toEqual([w.AF_INET6, w.SOCK_DGRAM, w.IPPROTO_UDP, s.getsockname()[1]]);
    s.close();
  });
});

describe('fromfd', () => {
  test('duplicates the descriptor; both objects work and close separately', () => {
    const [a, b] = w.socketpair();
    const c = w.fromfd(a.fileno(), w.AF_UNIX, w.SOCK_STREAM);
    expect(c.fileno()).not.toBe(a.fileno());
    expect(fdTarget(c.fileno())).toBe(fdTarget(a.fileno()));
    expect([c.family, c.type, c.proto]).toEqual([w.AF_UNIX, w.SOCK_STREAM, 0]);
    expect(c.get_inheritable()).toBe(false);
    a.close();
    c.sendall(Buffer.from('from dup'));
    expect(b.recv(100).toString()).toBe('from dup');
    closeAll(b, c);
  });

  test('takes family and type as given (no detection), proto defaults to 0', () => {
    const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
    const c = w.fromfd(s.fileno(), w.AF_INET, w.SOCK_DGRAM);
    expect(c.proto).toBe(0);
    const d = w.fromfd(s.fileno(), w.AF_INET, w.SOCK_DGRAM, w.IPPROTO_UDP);
    expect(d.proto).toBe(w.IPPROTO_UDP);
    closeAll(s, c, d);
  });

  test('a bad descriptor is EBADF; missing arguments TypeError', () => {
    expect(() => w.fromfd(100000, w.AF_INET, w.SOCK_STREAM)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(() => w.fromfd(0)).toThrow(TypeError);
  });
});

describe('set_inheritable / get_inheritable', () => {
  // What an exec-ed child (sh) has at descriptor number fd: our socket's identity
  // ('socket:[inode]') when it inherited it, something else or nothing otherwise.
  function childSees(fd) {
    const r = spawnSync('/bin/sh', ['-c', `readlink /proc/$$/fd/${fd} || true`],
      { encoding: 'utf8', timeout: 5000 });
    return r.stdout.trim();
  }

  test('sockets are non-inheritable by default (SOCK_CLOEXEC) and a child does not see them', () => {
    const s = w.socket();
    expect(s.get_inheritable()).toBe(false);
    expect(childSees(s.fileno())).not.toBe(fdTarget(s.fileno()));
    s.close();
  });

  test('set_inheritable(true) lets an exec-ed child inherit it; false takes it back', () => {
    const s = w.socket();
    const mine = fdTarget(s.fileno());
    s.set_inheritable(true);
    expect(s.get_inheritable()).toBe(true);
    expect(childSees(s.fileno())).toBe(mine);
    s.set_inheritable(false);
    expect(s.get_inheritable()).toBe(false);
    expect(childSees(s.fileno())).not.toBe(mine);
    s.set_inheritable(1);
    expect(s.get_inheritable()).toBe(true);
    s.set_inheritable(0);
    expect(s.get_inheritable()).toBe(false);
    s.close();
  });

  test('accepted, socketpair and dup sockets are non-inheritable too', () => {
    const [a, b] = tcpPair();
    const [x, y] = w.socketpair();
    const d = x.dup();
    for (const s of [a, b, x, y, d]) expect(s.get_inheritable()).toBe(false);
    closeAll(a, b, x, y, d);
  });

  test('after close: EBADF', () => {
    const s = w.socket();
    s.close();
    expect(() => s.get_inheritable()).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(() => s.set_inheritable(true)).toThrow(expect.objectContaining({ code: 'EBADF' }));
  });
});

test('socket(family, type, proto, fileno) refuses a descriptor that is not a socket, as CPython', () => {
  const fd = require('node:fs').openSync('/dev/null', 'r');
  try {
    expect(() => w.socket(w.AF_INET, w.SOCK_STREAM, 0, fd))
      .toThrow(expect.objectContaining({ code: 'ENOTSOCK', errno: 88 }));
  } finally {
    require('node:fs').closeSync(fd);
  }
});
