// SPDX-License-Identifier: MIT
// getsockname / getpeername / accept / recvfrom addresses for AF_INET, AF_INET6 and
// AF_UNIX (filesystem, abstract names as Buffers, autobind with '').
'use strict';

const fs = require('node:fs');
const {
  w, tcpPair, closeAll, tmpPath, cleanupTmp, killChildren, startPython,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

describe('AF_INET', () => {
  test('an unbound socket is 0.0.0.0:0; getpeername unconnected is ENOTCONN', () => {
    const s = w.socket();
    expect(s.getsockname()).toEqual(['0.0.0.0', 0]);
    expect(() => s.getpeername()).toThrow(expect.objectContaining({ errno: 107, code: 'ENOTCONN' }));
    s.close();
  });

  test('bind to port 0 picks a port; connect/accept see matching ends', () => {
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen();
    const [host, port] = l.getsockname();
    expect(host).toBe('127.0.0.1');
    expect(port).toBeGreaterThan(0);
    const c = w.socket();
    c.connect(['127.0.0.1', port]);
    const [s, addr] = l.accept();
    expect(addr).toEqual(c.getsockname());
    expect(s.getpeername()).toEqual(c.getsockname());
    expect(c.getpeername()).toEqual(['127.0.0.1', port]);
    expect(s.getsockname()).toEqual(['127.0.0.1', port]);
    closeAll(l, c, s);
  });

  test("host names: '' is INADDR_ANY, '<broadcast>', 'localhost'", () => {
    const a = w.socket(w.AF_INET, w.SOCK_DGRAM);
    a.bind(['', 0]);
    expect(a.getsockname()[0]).toBe('0.0.0.0');
    const b = w.socket(w.AF_INET, w.SOCK_DGRAM);
    b.bind(['localhost', 0]);
    expect(b.getsockname()[0]).toBe('127.0.0.1');
    const c = w.socket(w.AF_INET, w.SOCK_DGRAM);
    c.bind(['<broadcast>', 0]);
    expect(c.getsockname()[0]).toBe('255.255.255.255');
    closeAll(a, b, c);
  });

  test('bad addresses: TypeError for the shape, RangeError for the port', () => {
    const s = w.socket();
    expect(() => s.bind('127.0.0.1')).toThrow(TypeError);
    expect(() => s.bind(['127.0.0.1'])).toThrow(TypeError);
    expect(() => s.bind(['127.0.0.1', 'x'])).toThrow(TypeError);
    expect(() => s.bind([1, 0])).toThrow(TypeError);
    expect(() => s.bind(['127.0.0.1', 65536])).toThrow(RangeError);
    expect(() => s.bind(['127.0.0.1', -1])).toThrow(RangeError);
    expect(() => s.bind(['no.such.host.invalid', 0])).toThrow(w.gaierror);
    s.close();
  });

  test('binding a port in use raises EADDRINUSE', () => {
    const a = w.socket();
    a.bind(['127.0.0.1', 0]);
    a.listen();
    const b = w.socket();
    expect(() => b.bind(a.getsockname())).toThrow(expect.objectContaining({ code: 'EADDRINUSE', errno: 98 }));
    closeAll(a, b);
  });
});

describe('AF_INET6', () => {
  test('4-tuples from getsockname/getpeername/accept; 2-tuples accepted as input', () => {
    const l = w.socket(w.AF_INET6);
    l.bind(['::1', 0]);
    l.listen();
    const addr = l.getsockname();
    expect(addr).toEqual(['::1', expect.any(Number), 0, 0]);
    const c = w.socket(w.AF_INET6);
    c.connect(['::1', addr[1]]);
    const [s, peer] = l.accept();
    expect(peer).toEqual(c.getsockname());
    expect(c.getpeername()).toEqual(addr);
    expect(s.getpeername()).toEqual(c.getsockname());
    closeAll(l, c, s);
  });

  test('an unbound INET6 socket is :: port 0', () => {
    const s = w.socket(w.AF_INET6);
    expect(s.getsockname()).toEqual(['::', 0, 0, 0]);
    s.close();
  });

  test('a v4-mapped peer on a dual-stack socket', () => {
    const l = w.socket(w.AF_INET6);
    l.setsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY, 0);
    l.bind(['::', 0]);
    l.listen();
    const c = w.socket(w.AF_INET);
    c.connect(['127.0.0.1', l.getsockname()[1]]);
    const [s, peer] = l.accept();
    expect(peer).toEqual(['::ffff:127.0.0.1', c.getsockname()[1], 0, 0]);
    closeAll(l, c, s);
  });

  test('flowinfo out of range is RangeError (Python OverflowError)', () => {
    const s = w.socket(w.AF_INET6);
    expect(() => s.bind(['::1', 0, 0x100000, 0])).toThrow(RangeError);
    expect(() => s.bind(['::1', 0, -1, 0])).toThrow(RangeError);
    s.close();
  });

  test('link-local with a scope id of lo round-trips', () => {
    // fe80::1 is not configured on lo, so bind fails; the codec must still accept the
    // 4-tuple and the error must be the kernel's.
    const s = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    const lo = w.if_nametoindex('lo');
    expect(() => s.bind(['fe80::1', 0, 0, lo])).toThrow(expect.objectContaining({ code: 'EADDRNOTAVAIL' }));
    s.close();
  });

  test('UDP over INET6 reports the 4-tuple sender', () => {
    const a = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    a.bind(['::1', 0]);
    const b = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    b.bind(['::1', 0]);
    b.sendto(Buffer.from('six'), a.getsockname());
    const [data, from] = a.recvfrom(10);
    expect(data.toString()).toBe('six');
    expect(from).toEqual(b.getsockname());
    closeAll(a, b);
  });
});

describe('AF_UNIX', () => {
  test('filesystem names: listener, client and accepted ends', () => {
    const p = tmpPath();
    const l = w.socket(w.AF_UNIX);
    l.bind(p);
    l.listen();
    expect(fs.statSync(p).isSocket()).toBe(true);
    const c = w.socket(w.AF_UNIX);
    c.connect(p);
    const [s, addr] = l.accept();
    expect(l.getsockname()).toBe(p);
    expect(c.getpeername()).toBe(p);
    expect(s.getsockname()).toBe(p);
    // The client is unbound: an empty string, as in Python.
    expect(addr).toBe('');
    expect(c.getsockname()).toBe('');
    expect(s.getpeername()).toBe('');
    closeAll(l, c, s);
  });

  test('an unbound unix socket and a socketpair have empty names', () => {
    const s = w.socket(w.AF_UNIX);
    expect(s.getsockname()).toBe('');
    const [a, b] = w.socketpair();
    expect([a.getsockname(), a.getpeername(), b.getsockname()]).toEqual(['', '', '']);
    closeAll(s, a, b);
  });

  test('abstract names are Buffers starting with NUL, given as Buffer or string', () => {
    const name = Buffer.from(`\0wasock-abstract-${process.pid}`);
    const l = w.socket(w.AF_UNIX);
    l.bind(name);
    l.listen();
    expect(l.getsockname()).toEqual(name);
    const c = w.socket(w.AF_UNIX);
    c.connect(name);
    expect(c.getpeername()).toEqual(name);
    const [s] = l.accept();
    expect(s.getsockname()).toEqual(name);
    const l2 = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    l2.bind(`\0wasock-str-${process.pid}`);
    expect(l2.getsockname()).toEqual(Buffer.from(`\0wasock-str-${process.pid}`));
    closeAll(l, c, s, l2);
  });

  test("autobind with '' gives an abstract name of NUL and 5 hex digits", () => {
    for (const type of [w.SOCK_STREAM, w.SOCK_DGRAM, w.SOCK_SEQPACKET]) {
      const s = w.socket(w.AF_UNIX, type);
      s.bind('');
      const name = s.getsockname();
      expect(Buffer.isBuffer(name)).toBe(true);
      expect(name.length).toBe(6);
      expect(name[0]).toBe(0);
      expect(name.subarray(1).toString()).toMatch(/^[0-9a-f]{5}$/);
      s.close();
    }
  });

  test('a datagram from an unbound unix socket has address null; autobound gives its name', () => {
    const p = tmpPath();
    const r = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    r.bind(p);
    const anon = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    anon.sendto(Buffer.from('a'), p);
    expect(r.recvfrom(10)).toEqual([Buffer.from('a'), null]);
    const auto = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    auto.bind('');
    auto.sendto(Buffer.from('b'), p);
    expect(r.recvfrom(10)).toEqual([Buffer.from('b'), auto.getsockname()]);
    closeAll(r, anon, auto);
  });

  test('a path longer than sun_path is OSError "AF_UNIX path too long"', () => {
    const s = w.socket(w.AF_UNIX);
    let err;
    try { s.bind(`/tmp/${'x'.repeat(200)}`); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(w.OSError);
    expect(err.message).toBe('AF_UNIX path too long');
    s.close();
  });

  test('bind to an existing path is EADDRINUSE; connect to a missing one FileNotFoundError', () => {
    const p = tmpPath();
    const a = w.socket(w.AF_UNIX);
    a.bind(p);
    const b = w.socket(w.AF_UNIX);
    expect(() => b.bind(p)).toThrow(expect.objectContaining({ code: 'EADDRINUSE' }));
    const c = w.socket(w.AF_UNIX);
    expect(() => c.connect(`${p}-missing`)).toThrow(w.FileNotFoundError);
    closeAll(a, b, c);
  });

  test('python3 agrees on the names it sees from the other end', async () => {
    const p = tmpPath();
    const l = w.socket(w.AF_UNIX);
    l.bind(p);
    l.listen();
    const py = startPython(`
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.bind('')
s.connect(${JSON.stringify(p)})
print(s.getsockname().hex(), s.getpeername())
s.close()
`);
    l.settimeout(10);
    const [s, addr] = l.accept();
    const r = await py.done;
    expect(r.stderr).toBe('');
    const [hex, peer] = r.stdout.trim().split(' ');
    expect(addr).toEqual(Buffer.from(hex, 'hex'));
    expect(s.getpeername()).toEqual(Buffer.from(hex, 'hex'));
    expect(peer).toBe(p);
    closeAll(l, s);
  });
});

describe('getsockname after close', () => {
  test('EBADF', () => {
    const [a, b] = tcpPair();
    a.close();
    expect(() => a.getsockname()).toThrow(expect.objectContaining({ code: 'EBADF' }));
    expect(() => a.getpeername()).toThrow(expect.objectContaining({ code: 'EBADF' }));
    b.close();
  });
});
