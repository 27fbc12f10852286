// SPDX-License-Identifier: MIT
// create_server(address, {family, backlog, reuse_port, dualstack_ipv6}), as socket.py.
'use strict';

const { spawnSync } = require('node:child_process');
const { w, closeAll, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

function connectAndAccept(srv, host) {
  const c = w.create_connection([host, srv.getsockname()[1]], 5);
  const [s, addr] = srv.accept();
  return [c, s, addr];
}

describe('create_server', () => {
  test('a listening INET socket with SO_REUSEADDR', () => {
    const srv = w.create_server(['127.0.0.1', 0]);
    srv.settimeout(5);
    expect([srv.family, srv.type]).toEqual([w.AF_INET, w.SOCK_STREAM]);
    expect(srv.getsockopt(w.SOL_SOCKET, w.SO_ACCEPTCONN)).toBe(1);
    expect(srv.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).toBe(1);
    expect(srv.getsockopt(w.SOL_SOCKET, w.SO_REUSEPORT)).toBe(0);
    const [c, s, addr] = connectAndAccept(srv, '127.0.0.1');
    expect(addr).toEqual(c.getsockname());
    closeAll(srv, c, s);
  });

  test('AF_INET6 without dualstack is V6ONLY', () => {
    const srv = w.create_server(['::1', 0], { family: w.AF_INET6 });
    srv.settimeout(5);
    expect(srv.family).toBe(w.AF_INET6);
    expect(srv.getsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY)).toBe(1);
    const [c, s, addr] = connectAndAccept(srv, '::1');
    expect(addr).toEqual(c.getsockname());
    closeAll(srv, c, s);
  });

  test('dualstack_ipv6 accepts both ::1 and 127.0.0.1 clients', () => {
    expect(w.has_dualstack_ipv6()).toBe(true);
    const srv = w.create_server(['', 0], { family: w.AF_INET6, dualstack_ipv6: true });
    srv.settimeout(5);
    expect(srv.getsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY)).toBe(0);
    const [c4, s4, a4] = connectAndAccept(srv, '127.0.0.1');
    const [c6, s6, a6] = connectAndAccept(srv, '::1');
    expect(c4.family).toBe(w.AF_INET);
    expect(a4).toEqual(['::ffff:127.0.0.1', c4.getsockname()[1], 0, 0]);
    expect(a6).toEqual(['::1', c6.getsockname()[1], 0, 0]);
    c4.sendall(Buffer.from('four'));
    c6.sendall(Buffer.from('six'));
    expect(s4.recv(10).toString()).toBe('four');
    expect(s6.recv(10).toString()).toBe('six');
    closeAll(srv, c4, s4, c6, s6);
  });

  test('dualstack_ipv6 with AF_INET is RangeError (Python ValueError)', () => {
    expect(() => w.create_server(['', 0], { dualstack_ipv6: true })).toThrow(RangeError);
    expect(() => w.create_server(['', 0], { family: w.AF_INET, dualstack_ipv6: true }))
      .toThrow('dualstack_ipv6 requires AF_INET6 family');
  });

  test('reuse_port: two servers on one port', () => {
    const a = w.create_server(['127.0.0.1', 0], { reuse_port: true });
    expect(a.getsockopt(w.SOL_SOCKET, w.SO_REUSEPORT)).toBe(1);
    const b = w.create_server(a.getsockname(), { reuse_port: true });
    expect(b.getsockname()).toEqual(a.getsockname());
    closeAll(a, b);
  });

  test('without reuse_port the second bind is EADDRINUSE, with the address in the message', () => {
    const a = w.create_server(['127.0.0.1', 0]);
    let err;
    try { w.create_server(a.getsockname()); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(w.OSError);
    expect([err.errno, err.code]).toEqual([98, 'EADDRINUSE']);
    expect(err.message).toMatch(/while attempting to bind on address/);
    a.close();
  });

  test('backlog: listen(backlog) as given; the default is min(SOMAXCONN, 128)', () => {
    // The accept queue of a listener holds backlog + 1 connections on Linux; count how
    // many connects complete (the rest are dropped and time out).
    const completed = (srv) => {
      const held = [];
      let n = 0;
      for (let i = 0; i < 6; i++) {
        const c = w.socket();
        c.settimeout(0.3);
        held.push(c);
        try {
          c.connect(srv.getsockname());
          n++;
        } catch (e) {
          if (!(e instanceof w.timeout)) throw e;
        }
      }
      closeAll(held);
      return n;
    };
    const s1 = w.create_server(['127.0.0.1', 0], { backlog: 1 });
    expect(completed(s1)).toBe(2);
    const s0 = w.create_server(['127.0.0.1', 0], { backlog: 0 });
    expect(completed(s0)).toBe(1);
    const sd = w.create_server(['127.0.0.1', 0]);
    expect(completed(sd)).toBe(6);
    closeAll(s1, s0, sd);
  });

  test('python3 reaches a dual-stack wasock server over both families', () => {
    const srv = w.create_server(['', 0], { family: w.AF_INET6, dualstack_ipv6: true });
    const port = srv.getsockname()[1];
    srv.settimeout(10);
    const r = spawnSync('python3', ['-c', `
import socket
for host in ('127.0.0.1', '::1'):
    with socket.create_connection((host, ${port}), timeout=5) as s:
        s.sendall(host.encode())
`], { timeout: 10000 });
    // The connections are already queued; accept them after python3 is done.
    expect(r.status).toBe(0);
    const got = [];
    for (let i = 0; i < 2; i++) {
      const [s] = srv.accept();
      s.settimeout(5);
      got.push(s.recv(100).toString());
      s.close();
    }
    expect(got).toEqual(['127.0.0.1', '::1']);
    srv.close();
  });
});
