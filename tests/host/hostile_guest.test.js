// SPDX-License-Identifier: MIT
// The N-API host as a hostile guest calls it: every import of addon.bind(memory) with
// random and edge-case offsets, lengths, counts, flags, requests and option numbers, over a
// memory that grows now and then without memory_grown. File descriptors are the guest's
// own (a socketpair and a UDP socket it opened, and closed ones), since closing or
// polling the host process's fds is the runner's policy to refuse, not the binding's.
// Name-service calls are kept numeric (no DNS on this network), sethostname is left
// out (root would rename the machine). The child must exit normally, every
// result an int32.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(killChildren);

const CALLS = 30000;

const script = `
const { addon } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'core'))});
let seed = 12345;
const rnd = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed; };
const pick = (a) => a[rnd() % a.length];
const memory = new WebAssembly.Memory({ initial: 1, maximum: 64 });
const g = addon.bind(memory);
const dv = () => new DataView(memory.buffer);
if (g.socketpair(1, 2 | 0x800, 0, 64) !== 0) throw new Error('socketpair');  // DGRAM, NONBLOCK
const own = [dv().getInt32(64, true), dv().getInt32(68, true), g.socket(2, 2 | 0x800, 0)];
const dead = g.dup(own[0]);
g.close(dead);
const fd = () => pick([...own, own[0], own[1], dead, -1]);
const size = () => memory.buffer.byteLength;
const off = () => pick([0, 1, 3, 64, 4095, size() - 8, size() - 1, size(), size() + 1,
  0x7fffffff, 0x80000000, 0x80000001, 0xfffffff0, 0xffffffff, rnd() % size(), rnd()]) | 0;
const len = () => pick([0, 1, 2, 4, 8, 16, 28, 128, 1024, 4096, 65536, 0x7fffffff, 0x80000000,
  0xffffffff, rnd() % 256, rnd()]) | 0;
const any = () => pick([0, 1, -1, 0x7fffffff, -0x80000000, rnd() % 64, rnd()]) | 0;
const calls = {
  clock_ns: () => g.clock_ns(off()),
  socketpair: () => { const r = g.socketpair(1, 1, 0, off()); return r; },
  bind: () => g.bind(fd(), off(), len()),
  connect: () => g.connect(own[2], off(), len()),
  getsockname: () => g.getsockname(fd(), off(), off()),
  getpeername: () => g.getpeername(fd(), off(), off()),
  getsockopt: () => g.getsockopt(fd(), pick([0, 1, 6, 41, 263, 276, 283, 284, any()]), any() & 0xff, off(), off()),
  setsockopt: () => g.setsockopt(fd(), pick([0, 1, 6, 41, 263, 276, 283, 284, any()]), any() & 0xff, off(), len()),
  sendto: () => g.sendto(own[1], off(), len(), 0x40, off(), len()),
  recvfrom: () => g.recvfrom(fd(), off(), len(), 0x40, off(), off()),
  sendmsg: () => g.sendmsg(own[1], off(), pick([0, 1, 2, 1024, 1025, len()]), off(), len(), off(), len(), 0x40),
  recvmsg: () => g.recvmsg(own[0], off(), pick([0, 1, 2, 1024, 1025, len()]), off(), off(), off(), off(), off(), 0x40 | 0x40000000),
  sendfile: () => g.sendfile(own[2], fd(), off(), len()),
  poll: () => g.poll(fd(), any(), 0),
  poll_many: () => {
    const at = (rnd() % 64) * 8;
    const v = dv();
    for (let i = 0; i < 8; i++) if (at + 8 * i + 4 <= size()) v.setInt32(at + 8 * i, fd(), true);
    return g.poll_many(pick([at, off()]), pick([0, 1, 8, 65536, 65537, len()]), 0);
  },
  get_nonblocking: () => g.get_nonblocking(fd()),
  get_cloexec: () => g.get_cloexec(fd()),
  ioctl: () => g.ioctl(fd(), pick([0x541b, 0x8912, 0x8933, 0x8946, 0x5421, rnd()]), off(), len()),
  getaddrinfo: () => g.getaddrinfo(off(), pick([0, 9, 0xffffffff | 0, len()]), off(), pick([0, 2, -1, len()]), any(), any(), any(), (any() | 0x404) & ~2, off(), len()),
  getnameinfo: () => g.getnameinfo(off(), len(), any() | 3, off(), len(), off(), len()),
  gethostname: () => g.gethostname(off(), len()),
  getservbyname: () => g.getservbyname(off(), pick([0, 3, len()]), off(), pick([-1, 3, len()])),
  getservbyport: () => g.getservbyport(any(), off(), pick([-1, 3, len()]), off(), len()),
  getprotobyname: () => g.getprotobyname(off(), pick([0, 3, len()])),
  if_nameindex: () => g.if_nameindex(off(), len()),
  if_nametoindex: () => g.if_nametoindex(off(), len()),
  if_indextoname: () => g.if_indextoname(any(), off(), len()),
};
const names = Object.keys(calls);
let n = 0;
// Random bytes in memory, as a guest's would be: lengths, iovecs and records made of them.
new Uint8Array(memory.buffer).forEach((_, i, a) => { a[i] = rnd() & 0xff; });
for (; n < ${CALLS}; n++) {
  const r = calls[pick(names)]();
  if (typeof r !== 'number' || !Number.isInteger(r)) throw new Error('not an int32: ' + r);
  if (n % 5000 === 4999 && memory.buffer.byteLength < 32 * 65536) memory.grow(1);
}
for (const f of own) g.close(f);
console.log(JSON.stringify({ calls: n }));
`;

test('hostile guest: random arguments to every bound import, no crash', async () => {
  const { done } = startChild(process.execPath, ['-e', script], { timeout: 120000 });
  const r = await done;
  expect(r.signal).toBe(null);
  if (r.code !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout);
  expect(out.calls).toBe(CALLS);
}, 130000);
