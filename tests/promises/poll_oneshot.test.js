// SPDX-License-Identifier: MIT
// The addon's one-shot poll handle (poll_open's third argument): after each callback it
// watches nothing unless the callback, or the microtasks it runs, asks again; a handle
// opened without it keeps watching. Also the promise face's use of it: a waiting
// receive answered in the callback, and the next one asked for in its continuation,
// leave the handle watching; a last one leaves it stopped.
'use strict';

const { wp, closeAll, within, turn, sleep, uvHandles } = require('./helpers');
const { addon } = require('../../bridge/core');

const UV_READABLE = 1;
const pollOf = (fd) => uvHandles('poll').find((h) => h.fd === fd);

test.each([[true, 1], [false, 'many']])('oneshot %s: callbacks while readable and not asked again', async (oneshot, want) => {
  const [a, b] = wp.socketpair();
  let calls = 0;
  const h = addon.poll_open(a.fileno(), () => { calls++; }, oneshot);
  addon.poll_update(h, UV_READABLE);
  b.sync.send(Buffer.from('x')); // stays unread: the fd stays readable
  await sleep(30);
  if (want === 1) {
    expect(calls).toBe(1);
    expect(pollOf(a.fileno()).is_active).toBe(false);
    // Asked again (outside a callback): one more.
    addon.poll_update(h, UV_READABLE);
    await sleep(30);
    expect(calls).toBe(2);
  } else {
    expect(calls).toBeGreaterThan(1);
    expect(pollOf(a.fileno()).is_active).toBe(true);
  }
  addon.poll_close(h);
  closeAll(a, b);
});

test('a one-shot handle asked again from its callback keeps watching', async () => {
  const [a, b] = wp.socketpair();
  let calls = 0;
  let h = null;
  h = addon.poll_open(a.fileno(), () => {
    calls++;
    a.sync.setblocking(false);
    a.sync.recv(10);
    if (calls < 3) queueMicrotask(() => addon.poll_update(h, UV_READABLE));
  }, true);
  addon.poll_update(h, UV_READABLE);
  for (let i = 0; i < 5; i++) {
    b.sync.send(Buffer.from('x'));
    await sleep(10);
  }
  expect(calls).toBe(3);
  expect(pollOf(a.fileno()).is_active).toBe(false);
  addon.poll_close(h);
  closeAll(a, b);
});

test('poll_open refuses a oneshot that is not a boolean', () => {
  const [a, b] = wp.socketpair();
  expect(() => addon.poll_open(a.fileno(), () => {}, 'yes')).toThrow(/oneshot must be a boolean/);
  closeAll(a, b);
});

test('the promise face: a receive loop keeps its handle watching, a last receive stops it', async () => {
  const [a, b] = wp.socketpair();
  const loop = (async () => {
    for (let i = 0; i < 20; i++) expect((await a.recv(10))[0]).toBe(i);
  })();
  for (let i = 0; i < 20; i++) {
    await turn();
    expect(pollOf(a.fileno()).is_active).toBe(true);
    b.sync.send(Buffer.from([i]));
  }
  await within(loop, 2000, 'receive loop');
  await turn();
  expect(pollOf(a.fileno()).is_active).toBe(false);
  closeAll(a, b);
});
