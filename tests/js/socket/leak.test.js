// SPDX-License-Identifier: MIT
// No descriptor leaks across a 10,000-socket create/use/close loop, counted in
// /proc/self/fd before and after; error paths and makefile/dup/detach included.
'use strict';

const {
  w, fdCount, closedPort, closeAll, killChildren, cleanupTmp,
} = require('./helpers');
const fs = require('node:fs');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

// SO_LINGER {on, 0}: close() resets the connection, so 10,000 loopback connections leave
// no TIME_WAIT entries behind.
const LINGER0 = Buffer.from(new Int32Array([1, 0]).buffer);

describe('fd leaks', () => {
  test('10,000 sockets: socketpair send/recv, TCP connect/accept, UDP, dup, makefile', () => {
    const listener = w.socket();
    listener.bind(['127.0.0.1', 0]);
    listener.listen();
    listener.settimeout(10);
    const addr = listener.getsockname();
    const udpSink = w.socket(w.AF_INET, w.SOCK_DGRAM);
    udpSink.bind(['127.0.0.1', 0]);
    udpSink.settimeout(10);
    const payload = Buffer.from('ping');
    const before = fdCount();
    let sockets = 0;
    for (let i = 0; sockets < 10000; i++) {
      switch (i % 4) {
        case 0: {
          const [a, b] = w.socketpair();
          a.sendall(payload);
          if (b.recv(16).length !== 4) throw new Error('short socketpair read');
          a.close();
          b.close();
          sockets += 2;
          break;
        }
        case 1: {
          const c = w.socket();
          c.setsockopt(w.SOL_SOCKET, w.SO_LINGER, LINGER0);
          c.connect(addr);
          const [s] = listener.accept();
          c.send(payload);
          if (s.recv(16).length !== 4) throw new Error('short tcp read');
          s.close();
          c.close();
          sockets += 2;
          break;
        }
        case 2: {
          const u = w.socket(w.AF_INET, w.SOCK_DGRAM);
          u.sendto(payload, udpSink.getsockname());
          udpSink.recvfrom(16);
          u.close();
          sockets += 1;
          break;
        }
        default: {
          const [a, b] = w.socketpair();
          const d = a.dup();
          const f = b.makefile('rwb');
          d.sendall(Buffer.from('line\n'));
          if (f.readline().length !== 5) throw new Error('short makefile read');
          b.close();
          f.close();
          a.close();
          w.close(d.detach());
          sockets += 3;
        }
      }
    }
    expect(sockets).toBeGreaterThanOrEqual(10000);
    expect(fdCount()).toBe(before);
    closeAll(listener, udpSink);
  });

  test('error paths leak nothing: refused connects, failed binds, bad fileno, create_connection', () => {
    const port = closedPort();
    const taken = w.socket();
    taken.bind(['127.0.0.1', 0]);
    taken.listen();
    const notSocket = fs.openSync('/dev/null', 'r');
    const before = fdCount();
    for (let i = 0; i < 500; i++) {
      const s = w.socket();
      try { s.connect(['127.0.0.1', port]); } catch { /* refused */ }
      s.close();
      const b = w.socket();
      try { b.bind(taken.getsockname()); } catch { /* in use */ }
      b.close();
      try { w.create_connection([null, port]); } catch { /* refused twice */ }
      try { w.create_server(taken.getsockname()); } catch { /* in use */ }
      expect(() => w.socket(w.AF_INET, w.SOCK_STREAM, 0, notSocket))
        .toThrow(expect.objectContaining({ code: 'ENOTSOCK' }));
      try { w.socket(12345); } catch { /* no such family */ }
    }
    expect(fdCount()).toBe(before);
    fs.closeSync(notSocket);
    taken.close();
  });

  test('timeouts and non-blocking errors leak nothing', () => {
    const before = fdCount();
    for (let i = 0; i < 200; i++) {
      const [a, b] = w.socketpair();
      a.settimeout(0.0001);
      try { a.recv(1); } catch { /* timed out */ }
      b.setblocking(false);
      try { b.recv(1); } catch { /* EAGAIN */ }
      a.close();
      b.close();
    }
    expect(fdCount()).toBe(before);
  });

  test('sockets closed by a makefile object last, and sockets that were detached', () => {
    const before = fdCount();
    for (let i = 0; i < 1000; i++) {
      const [a, b] = w.socketpair();
      const f1 = a.makefile('rb');
      const f2 = a.makefile('wb');
      a.close();
      f1.close();
      f2.close();
      const fd = b.detach();
      w.socket(null, null, null, fd).close();
    }
    expect(fdCount()).toBe(before);
  });
});
