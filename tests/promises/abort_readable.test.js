// SPDX-License-Identifier: MIT
// An abort that arrives once the socket is readable, before the readiness callback has
// run: the operation rejects with AbortError and the data stays for the next receive.
'use strict';

const { wp, closeAll, within, turn, killChildren } = require('./helpers');

afterAll(killChildren);

test('abort while readable keeps the data for the next recv', async () => {
  const [a, b] = wp.socketpair();
  const ac = new AbortController();
  const r = a.recv(10, 0, { signal: ac.signal });
  await turn();
  b.sync.send(Buffer.from('data'));
  // Readable now; the loop has not polled yet.
  ac.abort('stop');
  await expect(r).rejects.toMatchObject({ name: 'AbortError', code: 'ABORT_ERR', cause: 'stop' });
  expect((await within(a.recv(10), 2000, 'recv')).toString()).toBe('data');
  closeAll(a, b);
});

test('abort while readable, UDP: the datagram stays queued', async () => {
  const a = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  const b = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  a.bind(['127.0.0.1', 0]);
  b.bind(['127.0.0.1', 0]);
  const ac = new AbortController();
  const r = a.recvfrom(100, 0, { signal: ac.signal });
  await turn();
  b.sync.sendto(Buffer.from('dgram'), a.getsockname());
  ac.abort();
  await expect(r).rejects.toMatchObject({ name: 'AbortError' });
  const [d, from] = await within(a.recvfrom(100), 2000, 'recvfrom');
  expect(d.toString()).toBe('dgram');
  expect(from).toEqual(b.getsockname());
  closeAll(a, b);
});
