// SPDX-License-Identifier: MIT
// Every waiting method of the promise face, each first waiting (the peer has not sent
// yet) and then completing: recvfrom(_into), recv_into, recvmsg(_into), sendto,
// sendmsg with fds (send_fds/recv_fds), sendfile, MSG_PEEK.
'use strict';

const fs = require('node:fs');
const crypto = require('node:crypto');
const { wp, closeAll, recvAll, sha256, tmpPath, cleanupTmp, sleep } = require('./helpers');

afterAll(cleanupTmp);

test('UDP: recvfrom and recvfrom_into wait, then answer with the sender address', async () => {
  const u = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  u.bind(['127.0.0.1', 0]);
  const v = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  v.bind(['127.0.0.1', 0]);
  const p = u.recvfrom(100);
  const buf = Buffer.alloc(16);
  const q = u.recvfrom_into(buf, 0, 0);
  await sleep(10);
  expect(await v.sendto(Buffer.from('first'), u.getsockname())).toBe(5);
  expect(await v.sendto(Buffer.from('second'), 0, u.getsockname())).toBe(6);
  expect(await p).toEqual([Buffer.from('first'), v.getsockname()]);
  expect(await q).toEqual([6, v.getsockname()]);
  expect(buf.subarray(0, 6).toString()).toBe('second');
  closeAll(u, v);
});

test('recv_into and recvmsg_into wait, then fill the caller\'s buffers', async () => {
  const [a, b] = wp.socketpair(wp.AF_UNIX, wp.SOCK_DGRAM);
  const one = Buffer.alloc(8);
  const p = b.recv_into(one);
  const x = Buffer.alloc(3);
  const y = Buffer.alloc(10);
  const q = b.recvmsg_into([x, y]);
  await sleep(10);
  a.sync.send(Buffer.from('abcdefgh'));
  a.sync.send(Buffer.from('0123456'));
  expect(await p).toBe(8);
  expect(one.toString()).toBe('abcdefgh');
  const [n, anc, flags] = await q;
  expect([n, anc, flags]).toEqual([7, [], 0]);
  expect(x.toString()).toBe('012');
  expect(y.subarray(0, 4).toString()).toBe('3456');
  closeAll(a, b);
});

test('send_fds / recv_fds (sendmsg/recvmsg with SCM_RIGHTS) through the promise face', async () => {
  const [a, b] = wp.socketpair(wp.AF_UNIX, wp.SOCK_STREAM);
  const file = tmpPath('fd');
  fs.writeFileSync(file, 'passed by fd');
  const fd = fs.openSync(file, 'r');
  const p = wp.recv_fds(b, 100, 4);
  await sleep(10);
  await wp.send_fds(a, [Buffer.from('here')], [fd]);
  const [msg, fds] = await p;
  expect(msg.toString()).toBe('here');
  expect(fds).toHaveLength(1);
  expect(fds[0]).not.toBe(fd);
  expect(fs.readFileSync(fds[0], 'utf8')).toBe('passed by fd');
  fs.closeSync(fd);
  fs.closeSync(fds[0]);
  closeAll(a, b);
});

test('sendfile: 8 MiB through a small send buffer while the peer reads', async () => {
  const [a, b] = wp.socketpair();
  a.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 16384);
  const file = tmpPath('sendfile');
  const data = crypto.randomBytes(8 << 20);
  fs.writeFileSync(file, data);
  const fd = fs.openSync(file, 'r');
  const reading = recvAll(b, data.length);
  expect(await a.sendfile(fd)).toBe(data.length);
  expect(sha256(await reading)).toBe(sha256(data));
  // offset and count.
  const part = recvAll(b, 1000);
  expect(await a.sendfile(fd, 5000, 1000)).toBe(1000);
  expect((await part).equals(data.subarray(5000, 6000))).toBe(true);
  fs.closeSync(fd);
  closeAll(a, b);
});

test('MSG_PEEK waits like recv and leaves the data', async () => {
  const [a, b] = wp.socketpair();
  const p = b.recv(10, wp.MSG_PEEK);
  await sleep(10);
  a.sync.send(Buffer.from('peek'));
  expect((await p).toString()).toBe('peek');
  expect((await b.recv(10)).toString()).toBe('peek');
  closeAll(a, b);
});
