// SPDX-License-Identifier: MIT
// getsockopt (int and buflen forms) and setsockopt (int, bytes, null+optlen forms), with
// python3 on the same machine as the oracle for what the kernel answers.
'use strict';

const { spawnSync } = require('node:child_process');
const { w, tcpPair, closeAll, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

function py(code) {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8', timeout: 10000 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

describe('getsockopt', () => {
  test('int form: SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR, SO_ACCEPTCONN', () => {
    const s = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_TYPE)).toBe(w.SOCK_DGRAM);
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_DOMAIN)).toBe(w.AF_INET6);
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_PROTOCOL)).toBe(w.IPPROTO_UDP);
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_ERROR)).toBe(0);
    const l = w.socket();
    expect(l.getsockopt(w.SOL_SOCKET, w.SO_ACCEPTCONN)).toBe(0);
    l.bind(['127.0.0.1', 0]);
    l.listen();
    expect(l.getsockopt(w.SOL_SOCKET, w.SO_ACCEPTCONN)).toBe(1);
    closeAll(s, l);
  });

  test('buflen form returns a Buffer of at most buflen bytes', () => {
    const s = w.socket();
    const b = s.getsockopt(w.SOL_SOCKET, w.SO_TYPE, 4);
    expect(Buffer.isBuffer(b)).toBe(true);
    expect(b.readInt32LE(0)).toBe(w.SOCK_STREAM);
    const linger = s.getsockopt(w.SOL_SOCKET, w.SO_LINGER, 8);
    expect(linger).toEqual(Buffer.alloc(8));
    // The kernel shortens the answer to the option's size.
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_TYPE, 100).length).toBe(4);
    s.close();
  });

  test('TCP_INFO through the buflen form on a connected socket', () => {
    const [a, b] = tcpPair();
    const info = a.getsockopt(w.IPPROTO_TCP, w.TCP_INFO, 104);
    expect(info.length).toBeGreaterThan(8);
    expect(info[0]).toBe(1); // tcpi_state == TCP_ESTABLISHED
    closeAll(a, b);
  });

  test('buflen outside 0..1024 is OSError "getsockopt buflen out of range", as CPython', () => {
    const s = w.socket();
    for (const n of [-1, 1025]) {
      let err;
      try { s.getsockopt(w.SOL_SOCKET, w.SO_TYPE, n); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(w.OSError);
      expect(err.message).toBe('getsockopt buflen out of range');
    }
    s.close();
  });

  test('an unknown option is ENOPROTOOPT', () => {
    const s = w.socket();
    expect(() => s.getsockopt(w.SOL_SOCKET, 9999)).toThrow(expect.objectContaining({ errno: 92 }));
    s.close();
  });

  test('argument types', () => {
    const s = w.socket();
    expect(() => s.getsockopt('x', w.SO_TYPE)).toThrow(TypeError);
    expect(() => s.getsockopt(w.SOL_SOCKET)).toThrow(TypeError);
    expect(() => s.getsockopt(w.SOL_SOCKET, w.SO_TYPE, 4, 1)).toThrow(TypeError);
    s.close();
  });
});

describe('setsockopt', () => {
  test('SO_REUSEADDR with an int and with a boolean', () => {
    const s = w.socket();
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).toBe(0);
    expect(s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1)).toBeNull();
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).toBe(1);
    s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, false);
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).toBe(0);
    s.close();
  });

  test('SO_REUSEADDR lets a new listener bind a port in TIME_WAIT', () => {
    const l = w.socket();
    l.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1);
    l.bind(['127.0.0.1', 0]);
    l.listen();
    const addr = l.getsockname();
    const c = w.socket();
    c.connect(addr);
    const [s] = l.accept();
    s.close(); // the server side closes first: its end goes to TIME_WAIT
    c.close();
    l.close();
    const again = w.socket();
    again.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1);
    expect(() => again.bind(addr)).not.toThrow();
    again.close();
  });

  test('SO_RCVBUF / SO_SNDBUF: the kernel doubles the value, as python3 sees', () => {
    const s = w.socket();
    s.setsockopt(w.SOL_SOCKET, w.SO_RCVBUF, 65536);
    s.setsockopt(w.SOL_SOCKET, w.SO_SNDBUF, 32768);
    const want = py(`
import socket, json
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
s.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 32768)
print(json.dumps([s.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF), s.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)]))`);
    expect([s.getsockopt(w.SOL_SOCKET, w.SO_RCVBUF), s.getsockopt(w.SOL_SOCKET, w.SO_SNDBUF)]).toEqual(want);
    s.close();
  });

  test('TCP_NODELAY on a connected socket', () => {
    const [a, b] = tcpPair();
    expect(a.getsockopt(w.IPPROTO_TCP, w.TCP_NODELAY)).toBe(0);
    a.setsockopt(w.IPPROTO_TCP, w.TCP_NODELAY, 1);
    expect(a.getsockopt(w.IPPROTO_TCP, w.TCP_NODELAY)).not.toBe(0);
    a.sendall(Buffer.from('x'));
    expect(b.recv(1).toString()).toBe('x');
    closeAll(a, b);
  });

  test('IPV6_V6ONLY: a v6-only socket and a v4 socket share a port number', () => {
    const six = w.socket(w.AF_INET6);
    expect(six.getsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY)).toBe(0);
    six.setsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY, 1);
    expect(six.getsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY)).toBe(1);
    // The port comes from the v4 side: a v4 ephemeral port can be handed to another test's
    // v4 socket at any time, while dual-stack allocations keep off one 0.0.0.0 holds.
    const four = w.socket(w.AF_INET);
    four.bind(['0.0.0.0', 0]);
    expect(() => six.bind(['::', four.getsockname()[1]])).not.toThrow();
    expect(six.getsockname()[1]).toBe(four.getsockname()[1]);
    closeAll(six, four);
  });

  test('bytes form: SO_LINGER as struct linger, read back with the buflen form', () => {
    const s = w.socket();
    const linger = Buffer.alloc(8);
    linger.writeInt32LE(1, 0);
    linger.writeInt32LE(7, 4);
    expect(s.setsockopt(w.SOL_SOCKET, w.SO_LINGER, linger)).toBeNull();
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_LINGER, 8)).toEqual(linger);
    // Any ArrayBufferView works as bytes.
    s.setsockopt(w.SOL_SOCKET, w.SO_LINGER, new Int32Array([1, 3]));
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_LINGER, 8).readInt32LE(4)).toBe(3);
    s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, Buffer.from([1, 0, 0, 0]));
    expect(s.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).toBe(1);
    s.close();
  });

  test('null + optlen form passes a NULL optval: kernel errors match python3', () => {
    const s = w.socket();
    const errnos = [];
    for (const len of [0, 4]) {
      try {
        s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, null, len);
        errnos.push(0);
      } catch (e) {
        expect(e).toBeInstanceOf(w.OSError);
        errnos.push(e.errno);
      }
    }
    const want = py(`
import socket, json
s = socket.socket()
out = []
for n in (0, 4):
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, None, n); out.append(0)
    except OSError as e:
        out.append(e.errno)
print(json.dumps(out))`);
    expect(errnos).toEqual(want);
    s.close();
  });

  test('argument errors: TypeError for types, RangeError for overflow', () => {
    const s = w.socket();
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 'x')).toThrow(TypeError);
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1.5)).toThrow(TypeError);
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, null)).toThrow(TypeError);
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1, 4)).toThrow(TypeError);
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 2 ** 32)).toThrow(RangeError);
    expect(() => s.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, null, -1)).toThrow(RangeError);
    expect(() => s.setsockopt(w.SOL_SOCKET)).toThrow(TypeError);
    s.close();
  });
});
