// SPDX-License-Identifier: MIT
// A small received message is a Buffer of its own, not a slice of a shared pool: a
// program that keeps it keeps only its bytes (the sync face's receives too).
'use strict';

const { wp, closeAll, within, turn } = require('./helpers');

test.each([1, 63, 64, 65, 1000, 4095])('recv of %i bytes: a buffer of that size', async (n) => {
  const [a, b] = wp.socketpair();
  const msg = Buffer.alloc(n);
  for (let i = 0; i < n; i++) msg[i] = (i * 31 + n) & 0xff;
  // Already there, then arriving while the receive waits.
  b.sync.sendall(msg);
  const now = await a.recv(65536);
  const later = a.recv(65536);
  await turn();
  b.sync.sendall(msg);
  const waited = await within(later, 2000, 'recv');
  a.sync.setblocking(false);
  b.sync.sendall(msg);
  const sync = a.sync.recv(65536);
  for (const d of [now, waited, sync]) {
    expect(Buffer.isBuffer(d)).toBe(true);
    expect(d.equals(msg)).toBe(true);
    expect(d.byteOffset).toBe(0);
    expect(d.buffer.byteLength).toBe(n);
  }
  closeAll(a, b);
});

test('recvfrom of a small datagram: a buffer of its own', async () => {
  const a = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  const b = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  a.bind(['127.0.0.1', 0]);
  b.sync.sendto(Buffer.from('datagram'), a.getsockname());
  const [d, from] = await a.recvfrom(2048);
  expect(d.toString()).toBe('datagram');
  expect(d.buffer.byteLength).toBe(8);
  expect(from[0]).toBe('127.0.0.1');
  closeAll(a, b);
});
