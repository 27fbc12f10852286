// SPDX-License-Identifier: MIT
// sendall() on a blocking socket (no timeout) makes its send loop without the core: every
// byte must still arrive, in order, through partial sends, for small data (copied through
// the I/O area) and large (sent from the caller's buffer), to a peer nobody here wrote.
'use strict';

const crypto = require('node:crypto');
const { w, closeAll, startPython, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

// A python3 peer that reads until EOF and prints the byte count and sha256.
const READER = `
import hashlib, socket, sys
srv = socket.create_server(('127.0.0.1', 0))
print(srv.getsockname()[1], flush=True)
c, _ = srv.accept()
h = hashlib.sha256(); n = 0
while True:
    d = c.recv(65536)
    if not d: break
    h.update(d); n += len(d)
print(n, h.hexdigest(), flush=True)
`;

test('blocking sendall of small and large buffers: every byte arrives in order', async () => {
  const peer = startPython(READER);
  const port = Number(await peer.line());
  const s = w.create_connection(['127.0.0.1', port]);
  expect(s.gettimeout()).toBeNull();
  // Far more than the socket buffers hold: the kernel takes it in partial sends while
  // the reader drains.
  const big = crypto.randomBytes(24 << 20);
  const small = Buffer.from('a line of chat\n');
  const h = crypto.createHash('sha256');
  let n = 0;
  for (let i = 0; i < 200; i++) {
    expect(s.sendall(small)).toBeNull();
    h.update(small);
    n += small.length;
  }
  expect(s.sendall(big)).toBeNull();
  h.update(big);
  n += big.length;
  expect(s.sendall(new Uint8Array(0))).toBeNull();
  closeAll(s);
  const [count, digest] = (await peer.line()).split(' ');
  expect(Number(count)).toBe(n);
  expect(digest).toBe(h.digest('hex'));
  expect((await peer.done).code).toBe(0);
});

test('blocking sendall to a peer that has gone: BrokenPipeError from send, socket usable after', () => {
  const [a, b] = w.socketpair();
  b.close();
  let err;
  try {
    a.sendall(Buffer.alloc(100000));
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(w.BrokenPipeError);
  expect(err.errno).toBe(32);
  expect(err.syscall).toBe('send');
  expect(a.fileno()).toBeGreaterThanOrEqual(0);
  a.close();
});
