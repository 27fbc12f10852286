// SPDX-License-Identifier: MIT
// Errors that arrive while operations wait: refused connects, resets, ICMP errors on
// UDP, broken pipes. Each rejects the operation it belongs to with Python's error class,
// and the operations still waiting afterwards keep working.
'use strict';

const { wp, listener, closeAll, within, sleep } = require('./helpers');

function closedPort(type = wp.SOCK_STREAM) {
  const s = wp.socket(wp.AF_INET, type);
  s.bind(['127.0.0.1', 0]);
  const addr = s.getsockname();
  s.close();
  return addr;
}

test('connect to a closed port rejects with ConnectionRefusedError; connect_ex returns ECONNREFUSED', async () => {
  const addr = closedPort();
  const c = wp.socket();
  const e = await c.connect(addr).catch((x) => x);
  expect(e).toBeInstanceOf(wp.ConnectionRefusedError);
  expect(e.code).toBe('ECONNREFUSED');
  c.close();
  const d = wp.socket();
  expect(await d.connect_ex(addr)).toBe(require('node:os').constants.errno.ECONNREFUSED);
  d.close();
});

test('UDP: an ICMP error rejects one pending recv; the next still gets its datagram', async () => {
  // After POLLERR libuv stops the poll handle; the bridge must start it again for the
  // operations still waiting.
  const addr = closedPort(wp.SOCK_DGRAM);
  const u = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  u.bind(['127.0.0.1', 0]);
  await u.connect(addr);
  const r1 = u.recv(100);
  const r2 = u.recv(100);
  await u.send(Buffer.from('ping')); // port unreachable comes back as ECONNREFUSED
  const e = await within(r1, 2000, 'first recv').catch((x) => x);
  expect(e).toBeInstanceOf(wp.ConnectionRefusedError);
  const peer = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  peer.bind(addr);
  await peer.sendto(Buffer.from('hello'), u.getsockname());
  expect((await within(r2, 2000, 'second recv after the error')).toString()).toBe('hello');
  closeAll(u, peer);
});

test('TCP reset while a recv waits: ConnectionResetError; EOF resolves an empty Buffer', async () => {
  const l = listener();
  const c = wp.socket();
  const [[s]] = await Promise.all([l.accept(), c.connect(l.getsockname())]);
  const pending = c.recv(100);
  const linger = Buffer.alloc(8);
  linger.writeInt32LE(1, 0);
  s.setsockopt(wp.SOL_SOCKET, wp.SO_LINGER, linger);
  s.close(); // RST
  const e = await within(pending, 2000, 'recv').catch((x) => x);
  expect(e).toBeInstanceOf(wp.ConnectionResetError);
  c.close();

  const d = wp.socket();
  const [[t]] = await Promise.all([l.accept(), d.connect(l.getsockname())]);
  const eof = d.recv(100);
  t.close();
  const got = await within(eof, 2000, 'recv at EOF');
  expect(Buffer.isBuffer(got)).toBe(true);
  expect(got.length).toBe(0);
  closeAll(l, d);
});

test('sendall to a peer that went away rejects with BrokenPipeError or ConnectionResetError', async () => {
  const [a, b] = wp.socketpair();
  a.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 4096);
  const p = a.sendall(Buffer.alloc(4 << 20));
  await sleep(10);
  b.close();
  const e = await within(p, 2000, 'sendall').catch((x) => x);
  expect(e).toBeInstanceOf(wp.ConnectionError);
  expect(['EPIPE', 'ECONNRESET']).toContain(e.code);
  a.close();
});
