// SPDX-License-Identifier: MIT
// Datagram sendto/recvfrom on IP sockets answer the right peer address every time, as
// peers alternate (the direct path remembers the last address it encoded or decoded),
// and addresses it does not take (names, an IPv6 tuple, a wrong family) behave as before.
'use strict';

const { wp, closeAll, within, killChildren } = require('./helpers');

afterAll(killChildren);

function udp(family = wp.AF_INET, host = '127.0.0.1') {
  const s = wp.socket(family, wp.SOCK_DGRAM);
  s.bind([host, 0]);
  return s;
}

test('alternating peers: each datagram goes to, and comes from, the right address', async () => {
  const r = udp();
  const p1 = udp();
  const p2 = udp();
  for (let i = 0; i < 6; i++) {
    const from = i % 2 ? p2 : p1;
    await from.sendto(Buffer.from([i]), r.getsockname());
    const [d, addr] = await within(r.recvfrom(100), 2000, 'recvfrom');
    expect(d[0]).toBe(i);
    expect(addr).toEqual(from.getsockname());
    // Replies alternate between the two peers too.
    await r.sendto(Buffer.from([i + 100]), addr);
    const [back, raddr] = await within(from.recvfrom(100), 2000, 'reply');
    expect(back[0]).toBe(i + 100);
    expect(raddr).toEqual(r.getsockname());
  }
  // The answered address is the caller's own array: changing it changes nothing later.
  await p1.sendto(Buffer.from('x'), r.getsockname());
  const [, a1] = await r.recvfrom(10);
  a1[1] = 1;
  await p1.sendto(Buffer.from('y'), r.getsockname());
  const [, a2] = await r.recvfrom(10);
  expect(a2).toEqual(p1.getsockname());
  closeAll(r, p1, p2);
});

test('a name, flags, an IPv6 peer and a wrong-family address', async () => {
  const r = udp();
  const s = udp();
  await s.sendto(Buffer.from('named'), ['localhost', r.getsockname()[1]]);
  expect((await within(r.recvfrom(100), 2000, 'recvfrom'))[0].toString()).toBe('named');
  await s.sendto(Buffer.from('flags'), 0, r.getsockname());
  expect((await within(r.recvfrom(100, 0), 2000, 'recvfrom'))[0].toString()).toBe('flags');
  await expect(s.sendto(Buffer.from('no'), ['::1', 9])).rejects.toThrow();
  const r6 = udp(wp.AF_INET6, '::1');
  const s6 = udp(wp.AF_INET6, '::1');
  await s6.sendto(Buffer.from('six'), r6.getsockname());
  const [d6, a6] = await within(r6.recvfrom(100), 2000, 'recvfrom');
  expect(d6.toString()).toBe('six');
  expect(a6).toEqual(s6.getsockname());
  await s6.sendto(Buffer.from('tuple'), r6.getsockname().slice(0, 4));
  expect((await within(r6.recvfrom(100), 2000, 'recvfrom'))[0].toString()).toBe('tuple');
  closeAll(r, s, r6, s6);
});

test('errors from the direct path name the call', async () => {
  const s = udp();
  // A closed UDP port answers with ICMP: the next call on the connected socket fails.
  const closed = udp();
  const port = closed.getsockname()[1];
  closed.close();
  s.sync.connect(['127.0.0.1', port]);
  await s.sendto(Buffer.from('x'), ['127.0.0.1', port]);
  const e = await within(s.recvfrom(10).then(() => null, (err) => err), 2000, 'recvfrom');
  expect(e).toBeInstanceOf(wp.OSError);
  expect(e.code).toBe('ECONNREFUSED');
  expect(e.syscall).toBe('recvfrom');
  s.close();
});
