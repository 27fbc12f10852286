// SPDX-License-Identifier: MIT
// sendall() that cannot send everything at once goes on from where it stopped, in order
// with the writes queued behind it; one that times out part-way leaves the next sendall
// to start from its own beginning.
'use strict';

const { wp, closeAll, within, recvAll } = require('./helpers');

const pattern = (n, seed) => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 131 + seed) & 0xff;
  return b;
};

test('a large sendall completed across many waits, then queued ones, in order', async () => {
  const [a, b] = wp.socketpair();
  const big = pattern(8 << 20, 1);
  const small = pattern(100, 2);
  const sends = [a.sendall(big), a.sendall(small), a.sendall(big.subarray(0, 3000))];
  const got = await within(recvAll(b, big.length + 100 + 3000), 20000, 'receive');
  expect(await Promise.all(sends)).toEqual([null, null, null]);
  expect(got.equals(Buffer.concat([big, small, big.subarray(0, 3000)]))).toBe(true);
  closeAll(a, b);
});

test('after a sendall timed out part-way, the next one starts from its own beginning', async () => {
  const [a, b] = wp.socketpair();
  const big = pattern(8 << 20, 3);
  a.settimeout(0.05);
  await expect(a.sendall(big)).rejects.toBeInstanceOf(wp.timeout);
  a.settimeout(null);
  const tail = Buffer.from('the next sendall');
  const sent = a.sendall(tail);
  b.settimeout(0.5);
  const chunks = [];
  for (;;) {
    let d;
    try {
      d = await b.recv(1 << 20);
    } catch (e) {
      if (e instanceof wp.timeout) break;
      throw e;
    }
    chunks.push(d);
  }
  await sent;
  const got = Buffer.concat(chunks);
  expect(got.length).toBeGreaterThan(tail.length);
  const head = got.subarray(0, got.length - tail.length);
  expect(head.equals(big.subarray(0, head.length))).toBe(true);
  expect(got.subarray(head.length).equals(tail)).toBe(true);
  closeAll(a, b);
});

test('a non-blocking sendall refused part-way leaves nothing to a later one put off a turn', async () => {
  const [a, b] = wp.socketpair();
  a.setblocking(false);
  const big = pattern(8 << 20, 5);
  await expect(a.sendall(big)).rejects.toBeInstanceOf(wp.BlockingIOError);
  b.setblocking(false);
  for (;;) {
    try {
      b.sync.recv(1 << 20);
    } catch (e) {
      if (e instanceof wp.BlockingIOError) break;
      throw e;
    }
  }
  // Sends that complete at once use up the socket's budget: the next sendall is made
  // after a turn of the event loop, and must send all of its own bytes.
  for (let i = 0; i < 40; i++) await a.send(Buffer.from('x'));
  await a.sendall(Buffer.from('hello'));
  b.setblocking(true);
  const got = await within(recvAll(b, 45), 2000, 'receive');
  expect(got.toString()).toBe('x'.repeat(40) + 'hello');
  closeAll(a, b);
});
