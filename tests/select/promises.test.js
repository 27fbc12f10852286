// SPDX-License-Identifier: MIT
// wasock/select/promises: the same answers as the synchronous select module, waiting on
// Node's event loop (timers keep running), with AbortSignal, close() during a wait, and
// no fd left behind by the temporary epoll fds the waits use.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const sync = require(path.join(ROOT, 'bridge', 'select.js'));
const sel = require(path.join(ROOT, 'bridge', 'select_promises.js'));

const fdCount = () => fs.readdirSync('/proc/self/fd').length;
const open = [];
const pair = () => {
  const p = socket.socketpair();
  open.push(...p);
  return p;
};
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

// Counts timer ticks while p is pending.
async function ticking(p) {
  let ticks = 0;
  const iv = setInterval(() => { ticks++; }, 5);
  try {
    return [await p, ticks];
  } finally {
    clearInterval(iv);
  }
}

test('select: readable on data, EOF and a pending accept, as the sync face answers', async () => {
  const [a, b] = pair();
  const [c, d] = pair();
  b.send(Buffer.from('x'));
  d.close();
  const lst = socket.create_server(['127.0.0.1', 0]);
  open.push(lst, socket.create_connection(lst.getsockname()));
  const args = [[a, b, c, lst], [a], [a], 1];
  const want = sync.select(...args);
  expect(await sel.select(...args)).toEqual(want);
  expect(want[0]).toEqual([a, c, lst]);
});

test('select: None waits until data arrives, with the event loop running', async () => {
  const [a, b] = pair();
  setTimeout(() => b.send(Buffer.from('x')), 80);
  const [[r, w, x], ticks] = await ticking(sel.select([a], [], [], null));
  expect([r, w, x]).toEqual([[a], [], []]);
  expect(ticks).toBeGreaterThan(3);
});

test('select: timeout 0 answers at once; a fractional timeout waits at least that long', async () => {
  const [a] = pair();
  expect(await sel.select([a], [], [], 0)).toEqual([[], [], []]);
  const t0 = performance.now();
  const [res, ticks] = await ticking(sel.select([a], [], [], 0.06));
  expect(res).toEqual([[], [], []]);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(55);
  expect(ticks).toBeGreaterThan(2);
});

test('select: a closed fd rejects with EBADF; bad arguments reject with the sync classes', async () => {
  const s = socket.socket();
  const fd = s.fileno();
  s.close();
  await expect(sel.select([fd], [], [], 0)).rejects.toMatchObject({ name: 'OSError', errno: 9 });
  await expect(sel.select([-1], [], [], 0)).rejects.toThrow(RangeError);
  await expect(sel.select([0], [], [], -1)).rejects.toThrow(RangeError);
  await expect(sel.select([0], [], [], 'x')).rejects.toThrow(TypeError);
});

test('poll: POLLNVAL for a closed fd, modify while registered, a wait that ends on data', async () => {
  const s = socket.socket();
  const fd = s.fileno();
  s.close();
  const p = new sel.poll();
  p.register(fd);
  expect(await p.poll(0)).toEqual([[fd, sel.POLLNVAL]]);
  p.unregister(fd);
  const [a, b] = pair();
  p.register(a, sel.POLLIN);
  expect(await p.poll(0)).toEqual([]);
  p.modify(a, sel.POLLOUT);
  expect(await p.poll(null)).toEqual([[a.fileno(), sel.POLLOUT]]);
  p.modify(a, sel.POLLIN);
  setTimeout(() => b.send(Buffer.from('x')), 50);
  const [res, ticks] = await ticking(p.poll());
  expect(res).toEqual([[a.fileno(), sel.POLLIN]]);
  expect(ticks).toBeGreaterThan(2);
});

test('epoll: a wait on the event loop; close() during a wait rejects it with EBADF', async () => {
  const [a, b] = pair();
  const ep = new sel.epoll();
  ep.register(a, sel.EPOLLIN);
  setTimeout(() => b.send(Buffer.from('x')), 50);
  const [res, ticks] = await ticking(ep.poll());
  expect(res).toEqual([[a.fileno(), sel.EPOLLIN]]);
  expect(ticks).toBeGreaterThan(2);
  a.recv(10);
  const pending = ep.poll(null);
  setTimeout(() => ep.close(), 30);
  await expect(pending).rejects.toMatchObject({ name: 'OSError', errno: 9 });
  expect(ep.closed).toBe(true);
  await expect(ep.poll(0)).rejects.toThrow(RangeError);
});

test('an AbortSignal ends a wait with AbortError', async () => {
  const [a] = pair();
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 30);
  await expect(sel.select([a], [], [], null, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  const p = new sel.poll();
  p.register(a, sel.POLLIN);
  await expect(p.poll(null, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  const ep = new sel.epoll();
  ep.register(a, sel.EPOLLIN);
  const ac2 = new AbortController();
  setTimeout(() => ac2.abort(), 30);
  await expect(ep.poll(null, -1, { signal: ac2.signal })).rejects.toMatchObject({ name: 'AbortError' });
  expect(await ep.poll(0)).toEqual([]);
  ep.close();
});

test('concurrent waits on one fd all resolve, and the waits leave no fd behind', async () => {
  const [a, b] = pair();
  const before = fdCount();
  for (let i = 0; i < 20; i++) await sel.select([a], [], [], 0.001);
  const waits = [sel.select([a], [], [], null), sel.select([a], [], [], 5), new sel.poll()];
  waits[2].register(a, sel.POLLIN);
  waits[2] = waits[2].poll();
  setTimeout(() => b.send(Buffer.from('x')), 20);
  const res = await Promise.all(waits);
  expect(res[0]).toEqual([[a], [], []]);
  expect(res[1]).toEqual([[a], [], []]);
  expect(res[2]).toEqual([[a.fileno(), sel.POLLIN]]);
  expect(fdCount()).toBe(before);
});
