// SPDX-License-Identifier: MIT
// The readiness registration follows the set of waiting operations: waiters added and
// removed while it is registered (abort, completion inside the readiness callback,
// the next operation started from a continuation) leave it watching exactly what
// still waits, and nothing is read for an operation that no longer waits.
'use strict';

const { wp, closeAll, within, turn, uvHandles, killChildren } = require('./helpers');

afterAll(killChildren);

// The libuv poll handle watching sock's fd: { is_active, ... }, or undefined.
const pollOf = (sock) => uvHandles('poll').find((h) => h.fd === sock.fileno());

test('adding and removing waiters while registered', async () => {
  const [a, b] = wp.socketpair();
  a.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 4096);
  const ac = new AbortController();
  const r1 = a.recv(10, 0, { signal: ac.signal });
  await turn();
  expect(pollOf(a).is_active).toBe(true);
  // A send joins the registered receive, then the receive leaves.
  const s1 = a.sendall(Buffer.alloc(1 << 20));
  ac.abort();
  await expect(r1).rejects.toMatchObject({ name: 'AbortError' });
  await turn();
  expect(pollOf(a).is_active).toBe(true);
  // Data that arrives now is not read for the aborted receive: a later one gets it.
  b.sync.send(Buffer.from('kept'));
  await turn();
  expect((await within(a.recv(10), 2000, 'recv')).toString()).toBe('kept');
  // Reading b's side lets the send finish; with nothing left waiting, the handle stops.
  let got = 0;
  while (got < 1 << 20) got += (await b.recv(65536)).length;
  await within(s1, 5000, 'sendall');
  await turn();
  expect(pollOf(a).is_active).toBe(false);
  closeAll(a, b);
});

test('the next receive started from a completed one\'s continuation', async () => {
  const [a, b] = wp.socketpair();
  const seen = [];
  const reader = (async () => {
    for (;;) {
      const d = await a.recv(1);
      if (!d.length) return;
      seen.push(d[0]);
    }
  })();
  for (let i = 0; i < 50; i++) {
    await turn();
    b.sync.send(Buffer.from([i]));
  }
  await turn();
  expect(pollOf(a).is_active).toBe(true);
  b.sync.shutdown(wp.SHUT_WR);
  await within(reader, 2000, 'reader');
  expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  await turn();
  expect(pollOf(a).is_active).toBe(false);
  closeAll(a, b);
});

test('a waiter removed inside the readiness callback of another socket', async () => {
  const [a, b] = wp.socketpair();
  const [c, d] = wp.socketpair();
  const ac = new AbortController();
  const onC = c.recv(10, 0, { signal: ac.signal });
  const onA = a.recv(10).then((v) => {
    // Runs inside a's readiness callback: c's only waiter leaves.
    ac.abort();
    return v;
  });
  await turn();
  b.sync.send(Buffer.from('x'));
  expect((await within(onA, 2000, 'recv')).toString()).toBe('x');
  await expect(onC).rejects.toMatchObject({ name: 'AbortError' });
  await turn();
  expect(pollOf(c).is_active).toBe(false);
  d.sync.send(Buffer.from('y'));
  expect((await within(c.recv(10), 2000, 'recv')).toString()).toBe('y');
  closeAll(a, b, c, d);
});
