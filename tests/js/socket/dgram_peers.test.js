// SPDX-License-Identifier: MIT
// Blocking datagram sendto/recvfrom over IP answer the right peer address every time
// as peers alternate (the direct path remembers the last address the core encoded or
// decoded), hand the caller its own address array, and name the call in their errors.
'use strict';

const { w, closeAll } = require('./helpers');

function udp(family = w.AF_INET, host = '127.0.0.1') {
  const s = w.socket(family, w.SOCK_DGRAM);
  s.bind([host, 0]);
  s.settimeout(null);
  return s;
}

test('alternating peers, both directions', () => {
  const r = udp();
  const peers = [udp(), udp(), udp()];
  for (let i = 0; i < 9; i++) {
    const p = peers[i % 3];
    expect(p.sendto(Buffer.from([i]), r.getsockname())).toBe(1);
    const [d, addr] = r.recvfrom(100);
    expect(d[0]).toBe(i);
    expect(addr).toEqual(p.getsockname());
    r.sendto(Buffer.from([i + 50]), addr);
    const [back, raddr] = p.recvfrom(100);
    expect(back[0]).toBe(i + 50);
    expect(raddr).toEqual(r.getsockname());
  }
  peers[0].sendto(Buffer.from('x'), r.getsockname());
  const [, a1] = r.recvfrom(10);
  a1[0] = 'changed';
  peers[0].sendto(Buffer.from('y'), r.getsockname());
  expect(r.recvfrom(10)[1]).toEqual(peers[0].getsockname());
  closeAll(r, ...peers);
});

test('IPv6, a name, flags, a truncated datagram and a bad port', () => {
  const r6 = udp(w.AF_INET6, '::1');
  const s6 = udp(w.AF_INET6, '::1');
  s6.sendto(Buffer.from('six'), r6.getsockname());
  const [d6, a6] = r6.recvfrom(100);
  expect(d6.toString()).toBe('six');
  expect(a6).toEqual(s6.getsockname());
  const r = udp();
  const s = udp();
  s.sendto(Buffer.from('named'), ['localhost', r.getsockname()[1]]);
  expect(r.recvfrom(100)[0].toString()).toBe('named');
  s.sendto(Buffer.from('flags'), 0, r.getsockname());
  expect(r.recvfrom(100, 0)[0].toString()).toBe('flags');
  s.sendto(Buffer.from('truncated'), r.getsockname());
  expect(r.recvfrom(4)[0].toString()).toBe('trun');
  expect(() => s.sendto(Buffer.from('x'), ['127.0.0.1', 70000])).toThrow(RangeError);
  expect(() => s.sendto('text', r.getsockname())).toThrow(TypeError);
  closeAll(r6, s6, r, s);
});

test('errors name the call; a timeout or non-blocking socket keeps its mode', () => {
  const s = udp();
  const closed = udp();
  const port = closed.getsockname()[1];
  closed.close();
  s.connect(['127.0.0.1', port]);
  s.sendto(Buffer.from('x'), ['127.0.0.1', port]);
  let e = null;
  try { s.recvfrom(10); } catch (err) { e = err; }
  expect(e).toBeInstanceOf(w.OSError);
  expect(e.code).toBe('ECONNREFUSED');
  expect(e.syscall).toBe('recvfrom');
  s.close();
  const t = udp();
  t.settimeout(0.05);
  expect(() => t.recvfrom(10)).toThrow(w.timeout);
  t.setblocking(false);
  expect(() => t.recvfrom(10)).toThrow(w.BlockingIOError);
  t.close();
});
