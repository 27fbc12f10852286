// SPDX-License-Identifier: MIT
// Re-entrant getter: a getter that calls into wasock while the bridge reads the
// arguments of another call. It used to run between sizing and writing, and a call that
// grew the argument area freed the area the outer call was writing into.
'use strict';
const ws = require('../../../bridge');

const NUMERIC = ws.NI_NUMERICHOST | ws.NI_NUMERICSERV;

function reentering(fn) {
  const addr = ['127.0.0.1', 80];
  Object.defineProperty(addr, 0, { get() { fn(); return '127.0.0.1'; } });
  return addr;
}

describe('re-entrant getter', () => {
  test('a getter whose call grows the argument area: the outer call is intact', () => {
    const addr = reentering(() => {
      // 4 MB of arguments: the area is reallocated (moved) by this inner call.
      expect(() => ws.inet_aton('1'.repeat(4 << 20))).toThrow(ws.OSError);
      expect(ws.getnameinfo(['10.1.2.3', 8080], NUMERIC)).toEqual(['10.1.2.3', '8080']);
    });
    expect(ws.getnameinfo(addr, NUMERIC)).toEqual(['127.0.0.1', '80']);
    expect(ws.htons(1)).toBe(256);
  });

  test('a getter that closes the socket being called: an OSError, nothing else', () => {
    const s = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
    const addr = reentering(() => s.close());
    let err;
    try { s.bind(addr); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ws.OSError);
    expect(err.errno).toBe(ws.EBADF);
  });

  test('a getter that opens and closes sockets mid-call; a socket opened before keeps working', () => {
    const [a, b] = ws.socketpair();
    const s = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
    s.bind(['127.0.0.1', 0]);
    const port = s.getsockname()[1];
    const addr = ['127.0.0.1', port];
    Object.defineProperty(addr, 0, {
      get() {
        for (let i = 0; i < 20; i++) ws.socket(ws.AF_INET, ws.SOCK_DGRAM).close();
        a.sendall(Buffer.from('inner'));
        return '127.0.0.1';
      },
    });
    expect(s.sendto(Buffer.from('x'), addr)).toBe(1);
    expect(b.recv(10).toString()).toBe('inner');
    expect(s.recv(10).toString()).toBe('x');
    for (const x of [a, b, s]) x.close();
  });
});
