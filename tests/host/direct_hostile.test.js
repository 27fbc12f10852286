// SPDX-License-Identifier: MIT
// The addon's direct send(block) and recv(block) (host/node/direct.c: fd, len, flags as
// int32s, then the bytes from byte 16) called as hostile code would: blocks that are no
// ArrayBuffer, detached, shared, resizable and shrunk, shorter than their header or than
// len; lengths, fds and flags at every edge. The child must exit normally, every result
// an int32, -EFAULT exactly where the block does not hold len bytes, and the bytes that
// moved must be the right ones.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(killChildren);

const CALLS = 30000;

const script = `
const { addon } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'core'))});
const { send, recv } = addon;
let seed = 777;
const rnd = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed; };
const pick = (a) => a[rnd() % a.length];
const EFAULT = -14;
const { isArrayBuffer } = require('node:util').types;
// A non-blocking datagram socketpair of the child's own: nothing ever waits.
const pairAt = 64;
const m = new WebAssembly.Memory({ initial: 1 });
const gm = addon.bind(m);
if (gm.socketpair(1, 2 | 0x800, 0, pairAt) !== 0) throw new Error('socketpair');
const fds = [new DataView(m.buffer).getInt32(pairAt, true), new DataView(m.buffer).getInt32(pairAt + 4, true)];
const dead = gm.dup(fds[0]);
gm.close(dead);
const detached = () => { const b = new ArrayBuffer(64); structuredClone(b, { transfer: [b] }); return b; };
const resizable = () => {
  const b = new ArrayBuffer(64, { maxByteLength: 4096 });
  if (b.resize) b.resize(pick([0, 8, 16, 20]));
  return b;
};
const buffers = () => pick([
  new ArrayBuffer(0), new ArrayBuffer(1), new ArrayBuffer(15), new ArrayBuffer(16),
  new ArrayBuffer(17), new ArrayBuffer(32), new ArrayBuffer(70000),
  detached(), resizable(), new SharedArrayBuffer(16), new Uint8Array(16), Buffer.alloc(16),
  new DataView(new ArrayBuffer(16)), {}, null, undefined, 1, 'x', 1n, [],
  new Proxy(new ArrayBuffer(16), {}),
]);
const lens = () => pick([0, 1, 2, 15, 16, 17, 64, 65536, 69984, 69985, 70000, 0x7fffffff,
  0x80000000 | 0, -1, rnd() % 100, rnd() | 0, 1.5, NaN, undefined, '16', 2 ** 40]);
// Only fds of its own: a non-number would be 0, the child's stdin, a blocking socket.
const fd = () => pick([fds[0], fds[1], dead, -1, 0x7fffffff, -0x80000000]);
const flags = () => pick([0, 0x40, 0x4040, 0x2, 0x20, 0x40 | 0x2000, -1, rnd() | 0, undefined]);
// Whether b is an ArrayBuffer (not a Proxy of one, nor shared) whose header names n bytes
// it holds.
const holds = (b, n) => isArrayBuffer(b) && b.byteLength >= 16 && (n >>> 0) <= b.byteLength - 16;
// Writes fd, len, flags (machine order) into b's header where it has one; returns len
// as the addon reads it.
function header(b, fdv, len, fl) {
  if (isArrayBuffer(b) && b.byteLength >= 12) new Int32Array(b, 0, 3).set([fdv, len | 0, fl | 0]);
  return len | 0;
}
let n = 0, faults = 0, moved = 0;
for (; n < ${CALLS}; n++) {
  const b = buffers();
  const f = n % 2 ? send : recv;
  const n32 = header(b, fd(), lens(), flags());
  const args = pick([[b], [b], [b], [b, 1, 2, 3], [], [16]]);
  const r = f(...args);
  if (typeof r !== 'number' || !Number.isInteger(r) || r !== (r | 0)) throw new Error('not an int32: ' + r);
  const due = args[0] !== b || !holds(b, n32);
  if (due !== (r === EFAULT))
    throw new Error('EFAULT ' + (due ? 'missing' : 'unexpected') + ': ' + String(b) + ' len ' + n32 + ' -> ' + r);
  if (r === EFAULT) faults++;
  if (r > 0) moved++;
}
// The bytes themselves, both ways.
const drain = new ArrayBuffer(16 + 70000);
header(drain, fds[1], 70000, 0x40);
while (recv(drain) >= 0);
const out = new ArrayBuffer(24);
new Uint8Array(out, 16).set([1, 2, 3, 4, 5, 6, 7, 8]);
header(out, fds[0], 5, 0x40);
if (send(out) !== 5) throw new Error('send');
const into = new ArrayBuffer(32);
header(into, fds[1], 16, 0x40);
if (recv(into) !== 5) throw new Error('recv');
const same = [...new Uint8Array(into, 16, 6)].join() === '1,2,3,4,5,0';
gm.close(fds[0]);
gm.close(fds[1]);
console.log(JSON.stringify({ calls: n, faults, moved, same }));
`;

test('direct send/recv: hostile buffers, lengths, fds and flags; no crash, EFAULT where due', async () => {
  const { done } = startChild(process.execPath, ['-e', script], { timeout: 120000 });
  const r = await done;
  expect(r.signal).toBe(null);
  if (r.code !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout);
  expect(out.calls).toBe(CALLS);
  expect(out.faults).toBeGreaterThan(1000);
  expect(out.moved).toBeGreaterThan(0);
  expect(out.same).toBe(true);
}, 130000);
