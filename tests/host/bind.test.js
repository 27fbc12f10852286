// SPDX-License-Identifier: MIT
// The N-API host serves more than one linear memory: bind(memory) gives an imports object
// for a guest's memory, independent of the core's (attach) and of other bindings; and
// poll_many polls several fds in one call.
'use strict';
const path = require('node:path');
const { addon } = require(path.resolve(__dirname, '..', '..', 'bridge', 'core'));
const w = require(path.resolve(__dirname, '..', '..', 'bridge'));

const AF_UNIX = 1, SOCK_STREAM = 1, POLLIN = 1, POLLOUT = 4;

function guest() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 4 });
  return { memory, imp: addon.bind(memory), dv: () => new DataView(memory.buffer) };
}

test('bind(memory) serves its own memory', () => {
  const g = guest();
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 64)).toBe(0);
  const a = g.dv().getInt32(64, true), b = g.dv().getInt32(68, true);
  expect(a).toBeGreaterThan(2);
  new Uint8Array(g.memory.buffer).set([104, 105], 128);
  expect(g.imp.sendto(a, 128, 2, 0, 0, 0)).toBe(2);
  expect(g.imp.recvfrom(b, 256, 16, 0, 0, 0)).toBe(2);
  expect(Buffer.from(g.memory.buffer, 256, 2).toString()).toBe('hi');
  expect(g.imp.close(a)).toBe(0);
  expect(g.imp.close(b)).toBe(0);
});

// Offset 0 is the NULL pointer of the ABI. Growth detaches the buffer the binding read
// its base from, so the next call re-reads the memory, with or without memory_grown.
test('offsets are checked against the bound memory, re-read when it grows', () => {
  const g = guest();
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 65536 - 4)).toBe(-14);  // EFAULT
  g.memory.grow(1);
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 65536)).toBe(0);
  let dv = g.dv();
  g.imp.close(dv.getInt32(65536, true));
  g.imp.close(dv.getInt32(65540, true));
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 2 * 65536 - 4)).toBe(-14);
  expect(g.imp.memory_grown()).toBe(0);
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 65536 + 8)).toBe(0);
  dv = g.dv();
  g.imp.close(dv.getInt32(65544, true));
  g.imp.close(dv.getInt32(65548, true));
});

test('two bindings and the core do not see each other', () => {
  const g1 = guest(), g2 = guest();
  new Uint8Array(g1.memory.buffer).fill(0xaa, 0, 16);
  expect(g2.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 8)).toBe(0);
  expect(new Uint8Array(g1.memory.buffer)[8]).toBe(0xaa);
  const dv = g2.dv();
  g2.imp.close(dv.getInt32(8, true));
  g2.imp.close(dv.getInt32(12, true));
  const [s1, s2] = w.socketpair();          // the core's memory still works
  s1.sendall(Buffer.from('x'));
  expect(s2.recv(1).toString()).toBe('x');
  s1.close(); s2.close();
});

test('bind needs a memory', () => {
  expect(() => addon.bind()).toThrow('bind(memory) needs a WebAssembly.Memory');
  expect(() => addon.bind({})).toThrow('bind(memory) needs a WebAssembly.Memory');
});

test('poll_many reports each record', () => {
  const g = guest();
  expect(g.imp.socketpair(AF_UNIX, SOCK_STREAM, 0, 8)).toBe(0);
  const dv = g.dv();
  const a = dv.getInt32(8, true), b = dv.getInt32(12, true);
  const rec = (i, fd, ev) => { dv.setInt32(16 + 8 * i, fd, true); dv.setInt16(20 + 8 * i, ev, true); dv.setInt16(22 + 8 * i, 0, true); };
  rec(0, a, POLLIN); rec(1, b, POLLIN | POLLOUT); rec(2, 1 << 30, POLLIN);
  expect(g.imp.poll_many(16, 3, 0)).toBe(2);
  expect(dv.getInt16(22, true)).toBe(0);
  expect(dv.getInt16(30, true)).toBe(POLLOUT);
  expect(dv.getInt16(38, true)).toBe(0x20);           // POLLNVAL
  g.imp.sendto(a, 100, 1, 0, 0, 0);
  rec(0, b, POLLIN);
  expect(g.imp.poll_many(16, 1, 1000)).toBe(1);
  expect(dv.getInt16(22, true)).toBe(POLLIN);
  expect(g.imp.poll_many(16, 0x7fffffff, 0)).toBe(-22);   // EINVAL beyond the bound
  expect(g.imp.poll_many(65536 - 8, 2, 0)).toBe(-14);     // EFAULT past the memory
  g.imp.close(a); g.imp.close(b);
});
