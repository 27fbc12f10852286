// SPDX-License-Identifier: MIT
// close() from code that runs inside a readiness callback (a continuation of the
// operation it completed): the socket's other pending operations, and those of another
// socket closed there, reject with EBADF; the handles are released, nothing crashes.
'use strict';

const { wp, closeAll, within, turn, uvHandles, killChildren } = require('./helpers');

afterAll(killChildren);

const settle = (p) => within(p.then((v) => v, (e) => e), 2000, 'pending operation');

test('closing the socket whose callback runs: its pending send rejects with EBADF', async () => {
  const polls0 = uvHandles('poll').length;
  const [a, b] = wp.socketpair();
  a.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 4096);
  const sending = a.sendall(Buffer.alloc(4 << 20));
  const receiving = a.recv(10).then((d) => {
    a.close();
    return d;
  });
  await turn();
  b.sync.send(Buffer.from('go'));
  expect((await settle(receiving)).toString()).toBe('go');
  const e = await settle(sending);
  expect(e).toBeInstanceOf(wp.OSError);
  expect(e.code).toBe('EBADF');
  b.close();
  await turn();
  // Not more than before: sockets other test files in this worker dropped may be collected.
  expect(uvHandles('poll').length).toBeLessThanOrEqual(polls0);
});

test('closing another socket, readable in the same loop turn, from a callback', async () => {
  const polls0 = uvHandles('poll').length;
  const [a, b] = wp.socketpair();
  const [c, d] = wp.socketpair();
  const onC = c.recv(10);
  const onA = a.recv(10).then((v) => {
    c.close();
    return v;
  });
  await turn();
  // Both become readable before the loop polls: one epoll wake reports both, a's first
  // (Linux reports them in the order they became ready), so c is closed while its
  // readiness is already in hand.
  b.sync.send(Buffer.from('a'));
  d.sync.send(Buffer.from('c'));
  const [ra, rc] = await Promise.all([settle(onA), settle(onC)]);
  expect(ra.toString()).toBe('a');
  // c was closed while it waited (or, should the kernel report c first, got its byte).
  if (Buffer.isBuffer(rc)) expect(rc.toString()).toBe('c');
  else expect(rc.code).toBe('EBADF');
  closeAll(a, b, d);
  await turn();
  // Not more than before: sockets other test files in this worker dropped may be collected.
  expect(uvHandles('poll').length).toBeLessThanOrEqual(polls0);
});
