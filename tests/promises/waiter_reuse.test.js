// SPDX-License-Identifier: MIT
// Operations that follow one another on a socket, with and without timeouts and abort
// signals: each settles on its own terms (nothing of an earlier operation, its timer,
// signal or arguments, carries over to a later one), and a rejection after waiting
// carries the stack of the call that started it.
'use strict';

const path = require('node:path');
const { wp, closeAll, within, turn, sleep } = require('./helpers');

test('a receive loop, then a timed one, then an aborted one, then a plain one again', async () => {
  const [a, b] = wp.socketpair();
  for (let i = 0; i < 50; i++) {
    const r = a.recv(10);
    await turn();
    b.sync.send(Buffer.from([i]));
    expect((await within(r, 2000, 'recv'))[0]).toBe(i);
  }
  a.settimeout(0.03);
  await expect(a.recv(10)).rejects.toBeInstanceOf(wp.timeout);
  a.settimeout(null);
  const ac = new AbortController();
  const aborted = a.recv(10, 0, { signal: ac.signal });
  await turn();
  ac.abort();
  await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
  // The timeout and the signal above are gone: this one waits for its data only.
  const plain = a.recv(10);
  await sleep(60);
  b.sync.send(Buffer.from('last'));
  expect((await within(plain, 2000, 'recv')).toString()).toBe('last');
  closeAll(a, b);
});

test('recv_into and sendall after many receives use their own arguments', async () => {
  const [a, b] = wp.socketpair();
  for (let i = 0; i < 10; i++) {
    const r = a.recv(4);
    await turn();
    b.sync.send(Buffer.from('abcd'));
    await r;
  }
  const into = Buffer.alloc(8);
  const r = a.recv_into(into, 3);
  await turn();
  b.sync.send(Buffer.from('xyz123'));
  expect(await within(r, 2000, 'recv_into')).toBe(3);
  expect(into.subarray(0, 3).toString()).toBe('xyz');
  expect((await a.recv(10)).toString()).toBe('123');
  closeAll(a, b);
});

test.each([
  ['close', 'EBADF'],
  ['its timeout', 'ETIMEDOUT'],
])('a waiting recv rejected by %s: the stack is the caller\'s', async (name, code) => {
  const [a, b] = wp.socketpair();
  if (code === 'ETIMEDOUT') a.settimeout(0.02);
  const p = a.recv(10);
  await turn();
  if (code === 'EBADF') a.close();
  const e = await p.catch((x) => x);
  expect(e).toBeInstanceOf(code === 'EBADF' ? wp.OSError : wp.timeout);
  const frames = e.stack.split('\n').slice(1);
  expect(frames[0]).toContain('waiter_reuse.test.js');
  expect(frames.some((f) => f.includes(`${path.sep}bridge${path.sep}`))).toBe(false);
  closeAll(a, b);
});
