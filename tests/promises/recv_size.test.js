// SPDX-License-Identifier: MIT
// recv(bufsize) answers a Buffer sized to what arrived: recv(65536) of 64 bytes holds
// 64 bytes and does not keep a 64 KiB allocation alive, whether the data was there at
// once or arrived while the receive waited; large arrivals are returned whole.
'use strict';

const { wp, closeAll, within, turn, killChildren } = require('./helpers');

afterAll(killChildren);

test('recv(65536) of 64 bytes, already there', async () => {
  const [a, b] = wp.socketpair();
  for (let i = 0; i < 100; i++) {
    b.sync.send(Buffer.alloc(64, i));
    const d = await a.recv(65536);
    expect(d.length).toBe(64);
    expect(d.equals(Buffer.alloc(64, i))).toBe(true);
    expect(d.buffer.byteLength).toBeLessThan(65536);
  }
  closeAll(a, b);
});

test('recv(65536) of 64 bytes, arriving while it waits', async () => {
  const [a, b] = wp.socketpair();
  for (let i = 0; i < 20; i++) {
    const r = a.recv(65536);
    await turn();
    b.sync.send(Buffer.alloc(64, i));
    const d = await within(r, 2000, 'recv');
    expect(d.length).toBe(64);
    expect(d.buffer.byteLength).toBeLessThan(65536);
  }
  closeAll(a, b);
});

test('large arrivals, then a small one', async () => {
  const [a, b] = wp.socketpair();
  const big = Buffer.alloc(65536);
  for (let i = 0; i < big.length; i++) big[i] = i * 7;
  for (let i = 0; i < 3; i++) {
    b.sync.sendall(big);
    let got = [];
    let n = 0;
    while (n < big.length) {
      const d = await a.recv(65536);
      got.push(d);
      n += d.length;
    }
    expect(Buffer.concat(got).equals(big)).toBe(true);
  }
  b.sync.send(Buffer.from('tail'));
  const d = await a.recv(65536);
  expect(d.toString()).toBe('tail');
  expect(d.buffer.byteLength).toBeLessThan(65536);
  // A receive larger than the I/O area still works.
  b.sync.sendall(Buffer.alloc(100000, 1));
  let n = 0;
  while (n < 100000) n += (await a.recv(1 << 20)).length;
  expect(n).toBe(100000);
  closeAll(a, b);
});
