// SPDX-License-Identifier: MIT
// shutdown(SHUT_RD | SHUT_WR | SHUT_RDWR) on TCP and unix stream sockets.
'use strict';

const { w, tcpPair, closeAll, startPython, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

describe('shutdown', () => {
  test('SHUT_WR: the peer reads EOF, the other direction still works', () => {
    for (const [a, b] of [tcpPair(), w.socketpair()]) {
      b.settimeout(5);
      a.settimeout(5);
      a.sendall(Buffer.from('last words'));
      expect(a.shutdown(w.SHUT_WR)).toBeNull();
      expect(b.recv(100).toString()).toBe('last words');
      expect(b.recv(100).length).toBe(0);
      b.sendall(Buffer.from('reply'));
      expect(a.recv(100).toString()).toBe('reply');
      expect(() => a.send(Buffer.from('x'))).toThrow(w.BrokenPipeError);
      closeAll(a, b);
    }
  });

  test('SHUT_RD: recv returns EOF at once', () => {
    const [a, b] = tcpPair();
    a.shutdown(w.SHUT_RD);
    a.settimeout(1);
    expect(a.recv(10).length).toBe(0);
    closeAll(a, b);
  });

  test('SHUT_RDWR: both directions end; the descriptor stays open until close', () => {
    const [a, b] = tcpPair();
    const fd = a.fileno();
    a.shutdown(w.SHUT_RDWR);
    b.settimeout(5);
    expect(b.recv(10).length).toBe(0);
    expect(a.fileno()).toBe(fd);
    expect(() => a.sendall(Buffer.from('x'))).toThrow(w.BrokenPipeError);
    closeAll(a, b);
  });

  test('shutdown of an unconnected socket is ENOTCONN; a bad how is EINVAL; a string TypeError', () => {
    const s = w.socket();
    expect(() => s.shutdown(w.SHUT_RDWR)).toThrow(expect.objectContaining({ errno: 107, code: 'ENOTCONN' }));
    const [a, b] = tcpPair();
    expect(() => a.shutdown(7)).toThrow(expect.objectContaining({ code: 'EINVAL' }));
    expect(() => a.shutdown('x')).toThrow(TypeError);
    expect(() => a.shutdown()).toThrow(TypeError);
    closeAll(s, a, b);
  });

  test('a python3 peer sees EOF after SHUT_WR and still answers', async () => {
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen();
    l.settimeout(10);
    const py = startPython(`
import socket
s = socket.create_connection(('127.0.0.1', ${l.getsockname()[1]}), timeout=10)
data = b''
while True:
    d = s.recv(100)
    if not d:
        break
    data += d
s.sendall(b'python got ' + data)
s.close()
`);
    const [c] = l.accept();
    c.settimeout(10);
    c.sendall(Buffer.from('half'));
    c.shutdown(w.SHUT_WR);
    const chunks = [];
    for (;;) {
      const d = c.recv(100);
      if (!d.length) break;
      chunks.push(d);
    }
    expect(Buffer.concat(chunks).toString()).toBe('python got half');
    const r = await py.done;
    expect(r.stderr).toBe('');
    closeAll(c, l);
  });
});
