// SPDX-License-Identifier: MIT
// UDP-Lite (IPPROTO_UDPLITE) on this machine's kernel: checksum coverage options, and the
// kernel dropping datagrams whose coverage is below the receiver's UDPLITE_RECV_CSCOV;
// CPython is a second sender.
'use strict';
const { spawnSync } = require('node:child_process');
const w = require('../../bridge');

const { IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, UDPLITE_RECV_CSCOV } = w;

function udplite() {
  const s = w.socket(w.AF_INET, w.SOCK_DGRAM, IPPROTO_UDPLITE);
  s.bind(['127.0.0.1', 0]);
  return s;
}

// The next datagram within `s` seconds, or null.
function next(sock, s) {
  sock.settimeout(s);
  try {
    return sock.recvfrom(2048);
  } catch (e) {
    if (e instanceof w.timeout) return null;
    throw e;
  }
}

test('constants are Linux values', () => {
  expect([IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, UDPLITE_RECV_CSCOV]).toEqual([136, 10, 11]);
});

test('coverage options: set, read back, and enforced by the receiving kernel', () => {
  const a = udplite();
  const b = udplite();
  try {
    expect(a.proto).toBe(IPPROTO_UDPLITE);
    a.setsockopt(IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, 20);
    b.setsockopt(IPPROTO_UDPLITE, UDPLITE_RECV_CSCOV, 20);
    expect(a.getsockopt(IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV)).toBe(20);
    expect(b.getsockopt(IPPROTO_UDPLITE, UDPLITE_RECV_CSCOV)).toBe(20);
    const to = b.getsockname();

    a.sendto(Buffer.from('covered 20'), to);
    const got = next(b, 5);
    expect(got).toEqual([Buffer.from('covered 20'), a.getsockname()]);

    // 10 bytes covered is less than b requires: the kernel drops it
    a.setsockopt(IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, 10);
    a.sendto(Buffer.from('covered 10'), to);
    expect(next(b, 0.5)).toBeNull();

    // 0 is full coverage, which satisfies any minimum
    a.setsockopt(IPPROTO_UDPLITE, UDPLITE_SEND_CSCOV, 0);
    a.sendto(Buffer.from('full coverage'), to);
    expect(next(b, 5)).toEqual([Buffer.from('full coverage'), a.getsockname()]);
  } finally {
    a.close();
    b.close();
  }
});

test('a UDP-Lite datagram from CPython', () => {
  const b = udplite();
  try {
    b.setsockopt(IPPROTO_UDPLITE, UDPLITE_RECV_CSCOV, 16);
    const [, port] = b.getsockname();
    const py = spawnSync('python3', ['-c', `
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDPLITE)
s.setsockopt(socket.IPPROTO_UDPLITE, socket.UDPLITE_SEND_CSCOV, 16)
s.sendto(b"from cpython", ("127.0.0.1", ${port}))
`], { encoding: 'utf8', timeout: 20000 });
    expect(py.stderr).toBe('');
    const got = next(b, 5);
    expect(got && got[0]).toEqual(Buffer.from('from cpython'));
    expect(got[1][0]).toBe('127.0.0.1');
  } finally {
    b.close();
  }
});
