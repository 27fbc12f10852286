// SPDX-License-Identifier: MIT
// The host's epoll functions (host/sys/epoll.c through the N-API binding) under hostile
// arguments: bounded maxevents, offsets checked against the bound memory, bad fds and
// ops refused with -errno, never a crash.
'use strict';
const path = require('node:path');
const { addon } = require(path.resolve(__dirname, '..', '..', 'bridge', 'core'));

const EINVAL = -22, EFAULT = -14, EBADF = -9, EEXIST = -17, ENOENT = -2, EPERM = -1;
const EPOLL_CLOEXEC = 0x80000, ADD = 1, DEL = 2, MOD = 3, EPOLLIN = 1;

function guest() {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 2 });
  return { memory, imp: addon.bind(memory), dv: () => new DataView(memory.buffer) };
}

test('epoll_create1, epoll_ctl and epoll_wait: records {int32 fd, uint32 events}', () => {
  const g = guest();
  const ep = g.imp.epoll_create1(EPOLL_CLOEXEC);
  expect(ep).toBeGreaterThan(2);
  expect(g.imp.socketpair(1, 1, 0, 64)).toBe(0);
  const a = g.dv().getInt32(64, true), b = g.dv().getInt32(68, true);
  expect(g.imp.epoll_ctl(ep, ADD, a, EPOLLIN)).toBe(0);
  expect(g.imp.epoll_ctl(ep, ADD, a, EPOLLIN)).toBe(EEXIST);
  expect(g.imp.epoll_wait(ep, 1024, 4, 0)).toBe(0);
  new Uint8Array(g.memory.buffer)[128] = 120;
  expect(g.imp.sendto(b, 128, 1, 0, 0, 0)).toBe(1);
  expect(g.imp.epoll_wait(ep, 1024, 4, 1000)).toBe(1);
  expect([g.dv().getInt32(1024, true), g.dv().getUint32(1028, true)]).toEqual([a, EPOLLIN]);
  expect(g.imp.epoll_ctl(ep, MOD, a, 0)).toBe(0);
  expect(g.imp.epoll_wait(ep, 1024, 4, 0)).toBe(0);
  expect(g.imp.epoll_ctl(ep, DEL, a, 0)).toBe(0);
  expect(g.imp.epoll_ctl(ep, DEL, a, 0)).toBe(ENOENT);
  for (const fd of [a, b, ep]) expect(g.imp.close(fd)).toBe(0);
});

test('hostile arguments are -errno, never a crash', () => {
  const g = guest();
  const ep = g.imp.epoll_create1(EPOLL_CLOEXEC);
  expect(g.imp.epoll_create1(-1)).toBe(EINVAL);
  expect(g.imp.epoll_create1(1)).toBe(EINVAL);
  // maxevents: 1..65536, and the whole output area inside the memory.
  expect(g.imp.epoll_wait(ep, 0, 0, 0)).toBe(EINVAL);
  expect(g.imp.epoll_wait(ep, 0, -1, 0)).toBe(EINVAL);
  expect(g.imp.epoll_wait(ep, 0, 65537, 0)).toBe(EINVAL);
  expect(g.imp.epoll_wait(ep, 0, 65536, 0)).toBe(EFAULT);
  expect(g.imp.epoll_wait(ep, 65536 - 8, 2, 0)).toBe(EFAULT);
  expect(g.imp.epoll_wait(ep, -8, 1, 0)).toBe(EFAULT);
  expect(g.imp.epoll_wait(ep, 65536 - 8, 1, 0)).toBe(0);
  expect(g.imp.epoll_wait(ep, 0, 8192, 0)).toBe(0);
  expect(g.imp.epoll_wait(-1, 0, 1, 0)).toBe(EBADF);
  expect(g.imp.epoll_wait(0x7fffffff, 0, 1, 0)).toBe(EBADF);
  expect(g.imp.epoll_wait(ep, 'x', {}, null)).toBe(EINVAL);
  // epoll_ctl: bad op, bad fds, an epoll fd added to itself, a regular file.
  expect(g.imp.socketpair(1, 1, 0, 64)).toBe(0);
  const a = g.dv().getInt32(64, true), b = g.dv().getInt32(68, true);
  expect(g.imp.epoll_ctl(ep, 99, a, 1)).toBe(EINVAL);
  expect(g.imp.epoll_ctl(ep, ADD, -5, 1)).toBe(EBADF);
  expect(g.imp.epoll_ctl(-1, ADD, a, 1)).toBe(EBADF);
  expect(g.imp.epoll_ctl(a, ADD, b, 1)).toBe(EINVAL);
  expect(g.imp.epoll_ctl(ep, ADD, ep, 1)).toBe(EINVAL);
  const fs = require('node:fs');
  const file = fs.openSync(__filename, 'r');
  expect(g.imp.epoll_ctl(ep, ADD, file, 1)).toBe(EPERM);
  fs.closeSync(file);
  expect(g.imp.epoll_ctl(ep, ADD, a, 0xffffffff)).toBe(EINVAL);
  for (const fd of [a, b, ep]) expect(g.imp.close(fd)).toBe(0);
});
