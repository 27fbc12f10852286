// SPDX-License-Identifier: MIT
// sendmsg / recvmsg / recvmsg_into: scatter/gather, addresses, control messages in the
// native layout (SCM_RIGHTS fd passing, SCM_CREDENTIALS), MSG_CTRUNC, and the
// recvmsg_into example of the Python docs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const {
  w, fdCount, fdTarget, closeAll, tmpPath, cleanupTmp, killChildren,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

const fdsBuffer = (fds) => Buffer.from(new Int32Array(fds).buffer);
const fdsOf = (data) => Array.from({ length: data.length >> 2 }, (_, i) => data.readInt32LE(i * 4));

function tmpFile(content) {
  const p = tmpPath('file');
  fs.writeFileSync(p, content);
  return p;
}

describe('CMSG math', () => {
  test('CMSG_LEN / CMSG_SPACE agree with python3 (x86_64 Linux: 20 and 24 for 4 bytes)', () => {
    const sizes = [0, 1, 4, 8, 12, 13, 100];
    const r = spawnSync('python3', ['-c',
      `import socket, json; print(json.dumps([[socket.CMSG_LEN(n), socket.CMSG_SPACE(n)] for n in ${JSON.stringify(sizes)}]))`],
    { encoding: 'utf8', timeout: 10000 });
    expect(sizes.map((n) => [w.CMSG_LEN(n), w.CMSG_SPACE(n)])).toEqual(JSON.parse(r.stdout));
  });
});

describe('sendmsg / recvmsg data', () => {
  test('sendmsg gathers several buffers and returns the byte count', () => {
    const [a, b] = w.socketpair();
    expect(a.sendmsg([Buffer.from('Mary '), new Uint8Array([104, 97, 100]), Buffer.alloc(0)])).toBe(8);
    expect(b.recv(100).toString()).toBe('Mary had');
    // any iterable of buffers, and an iterable of ancillary items
    expect(a.sendmsg(new Set([Buffer.from('x'), Buffer.from('y')]), new Set())).toBe(2);
    expect(b.recvmsg(100)).toEqual([Buffer.from('xy'), [], 0, null]);
    closeAll(a, b);
  });

  test('sendmsg with an address on UDP; recvmsg returns the sender', () => {
    const a = w.socket(w.AF_INET, w.SOCK_DGRAM);
    const b = w.socket(w.AF_INET, w.SOCK_DGRAM);
    a.bind(['127.0.0.1', 0]);
    b.bind(['127.0.0.1', 0]);
    b.settimeout(5);
    expect(a.sendmsg([Buffer.from('to'), Buffer.from(' b')], [], 0, b.getsockname())).toBe(4);
    expect(b.recvmsg(100)).toEqual([Buffer.from('to b'), [], 0, a.getsockname()]);
    closeAll(a, b);
  });

  test('recvmsg argument errors', () => {
    const [a, b] = w.socketpair();
    expect(() => a.recvmsg(-1)).toThrow(RangeError);
    expect(() => a.recvmsg(1, -1)).toThrow(RangeError);
    expect(() => a.recvmsg('1')).toThrow(TypeError);
    expect(() => a.sendmsg(null)).toThrow(TypeError);
    expect(() => a.sendmsg(['str'])).toThrow(TypeError);
    expect(() => a.sendmsg([Buffer.from('x')], [[1, 2]])).toThrow(TypeError);
    expect(() => a.sendmsg([Buffer.from('x')], [[w.SOL_SOCKET, w.SCM_RIGHTS, 'str']])).toThrow(TypeError);
    expect(() => a.sendmsg([Buffer.from('x')], 5)).toThrow(TypeError);
    closeAll(a, b);
  });
});

describe('recvmsg_into', () => {
  test('the Python docs example: scattering into three buffers', () => {
    // >>> b1 = bytearray(b'----')
    // >>> b2 = bytearray(b'0123456789')
    // >>> b3 = bytearray(b'--------------')
    // >>> sock.send(b'Mary had a little lamb')
    // 22
    // >>> sock.recvmsg_into([b1, memoryview(b2)[2:9], b3])
    // (22, [], 0, None)
    // >>> [b1, b2, b3]
    // [bytearray(b'Mary'), bytearray(b'01 had a 9'), bytearray(b'little lamb---')]
    const [sock, peer] = w.socketpair();
    const b1 = Buffer.from('----');
    const b2 = Buffer.from('0123456789');
    const b3 = Buffer.from('--------------');
    expect(peer.send(Buffer.from('Mary had a little lamb'))).toBe(22);
    expect(sock.recvmsg_into([b1, b2.subarray(2, 9), b3])).toEqual([22, [], 0, null]);
    expect([b1, b2, b3].map(String)).toEqual(['Mary', '01 had a 9', 'little lamb---']);
    closeAll(sock, peer);
  });

  test('typed arrays and DataViews are filled byte-wise; extra buffers are untouched', () => {
    const [a, b] = w.socketpair();
    a.send(Buffer.from([1, 2, 3, 4, 5, 6]));
    const u16 = new Uint16Array(1);
    const dv = new DataView(new ArrayBuffer(3));
    const tail = Buffer.from('zzzz');
    expect(b.recvmsg_into([u16, dv, tail])[0]).toBe(6);
    expect(Buffer.from(u16.buffer)).toEqual(Buffer.from([1, 2]));
    expect(Buffer.from(dv.buffer)).toEqual(Buffer.from([3, 4, 5]));
    expect(tail.toString('latin1')).toBe('\x06zzz');
    expect(() => b.recvmsg_into([Buffer.alloc(1), 'str'])).toThrow(TypeError);
    expect(() => b.recvmsg_into(5)).toThrow(TypeError);
    closeAll(a, b);
  });

  test('recvmsg_into with ancillary data', () => {
    const [a, b] = w.socketpair();
    const file = tmpFile('anc');
    const fd = fs.openSync(file, 'r');
    a.sendmsg([Buffer.from('hello')], [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([fd])]]);
    fs.closeSync(fd);
    const buf = Buffer.alloc(10);
    const [n, anc, flags] = b.recvmsg_into([buf], w.CMSG_SPACE(4));
    expect([n, flags, buf.subarray(0, n).toString()]).toEqual([5, 0, 'hello']);
    expect(anc.length).toBe(1);
    const [got] = fdsOf(anc[0][2]);
    expect(fs.readFileSync(got, 'utf8')).toBe('anc');
    fs.closeSync(got);
    closeAll(a, b);
  });
});

describe('SCM_RIGHTS', () => {
  test('passes descriptors that work on the other side (files and a socket)', () => {
    const before = fdCount();
    const [a, b] = w.socketpair();
    const p1 = tmpFile('first file');
    const p2 = tmpFile('');
    const f1 = fs.openSync(p1, 'r');
    const f2 = fs.openSync(p2, 'w');
    const [x, y] = w.socketpair();
    const n = a.sendmsg([Buffer.from('fds')],
      [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([f1, f2, x.fileno()])]]);
    expect(n).toBe(3);
    const [msg, anc, flags, addr] = b.recvmsg(100, w.CMSG_SPACE(3 * 4));
    expect([msg.toString(), flags, addr]).toEqual(['fds', 0, null]);
    expect(anc.length).toBe(1);
    const [level, type, data] = anc[0];
    expect([level, type, data.length]).toEqual([w.SOL_SOCKET, w.SCM_RIGHTS, 12]);
    const [g1, g2, gs] = fdsOf(data);
    for (const [mine, theirs] of [[f1, g1], [f2, g2], [x.fileno(), gs]]) {
      expect(theirs).not.toBe(mine);
      expect(fdTarget(theirs)).toBe(fdTarget(mine));
    }
    expect(fs.readFileSync(g1, 'utf8')).toBe('first file');
    fs.writeSync(g2, 'written through the passed fd');
    expect(fs.readFileSync(p2, 'utf8')).toBe('written through the passed fd');
    // The passed socket is a socket: wrap it and talk to y through it.
    const xs = w.socket(null, null, null, gs);
    expect([xs.family, xs.type]).toEqual([w.AF_UNIX, w.SOCK_STREAM]);
    xs.sendall(Buffer.from('via passed socket'));
    expect(y.recv(100).toString()).toBe('via passed socket');
    for (const fd of [f1, f2, g1, g2]) fs.closeSync(fd);
    closeAll(a, b, x, y, xs);
    expect(fdCount()).toBe(before);
  });

  test('send_fds / recv_fds in one process', () => {
    const [a, b] = w.socketpair();
    const p = tmpFile('send_fds');
    const fd = fs.openSync(p, 'r');
    expect(w.send_fds(a, [Buffer.from('hi')], [fd, fd])).toBe(2);
    fs.closeSync(fd);
    const [msg, fds, flags, addr] = w.recv_fds(b, 100, 2);
    expect([msg.toString(), fds.length, flags, addr]).toEqual(['hi', 2, 0, null]);
    for (const f of fds) {
      // Both share one file description (and its offset): read at a position.
      const buf = Buffer.alloc(8);
      expect(fs.readSync(f, buf, 0, 8, 0)).toBe(8);
      expect(buf.toString()).toBe('send_fds');
      fs.closeSync(f);
    }
    closeAll(a, b);
  });

  test('MSG_CTRUNC when ancbufsize is too small; descriptors that did not fit are not leaked', () => {
    const [a, b] = w.socketpair();
    const p = tmpFile('ctrunc');
    const fd = fs.openSync(p, 'r');
    const before = fdCount();
    a.sendmsg([Buffer.from('x')], [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([fd, fd, fd])]]);
    const [, anc, flags] = b.recvmsg(10, w.CMSG_LEN(4));
    expect(flags & w.MSG_CTRUNC).toBe(w.MSG_CTRUNC);
    // What fit (one descriptor) is delivered; the kernel closed the others.
    const got = anc.flatMap(([, , data]) => fdsOf(data));
    expect(got.length).toBe(1);
    got.forEach((f) => fs.closeSync(f));
    expect(fdCount()).toBe(before);

    a.sendmsg([Buffer.from('y')], [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([fd])]]);
    const [data, anc0, flags0] = b.recvmsg(10);
    expect([data.toString(), anc0, flags0 & w.MSG_CTRUNC]).toEqual(['y', [], w.MSG_CTRUNC]);
    expect(fdCount()).toBe(before);
    fs.closeSync(fd);
    closeAll(a, b);
  });

  test('a bad descriptor in SCM_RIGHTS is EBADF from sendmsg', () => {
    const [a, b] = w.socketpair();
    const bad = 100000;
    expect(() => a.sendmsg([Buffer.from('x')], [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([bad])]]))
      .toThrow(expect.objectContaining({ code: 'EBADF' }));
    closeAll(a, b);
  });

  test('SCM_RIGHTS over a datagram socketpair and over a bound unix datagram socket', () => {
    const [a, b] = w.socketpair(w.AF_UNIX, w.SOCK_DGRAM);
    const fd = fs.openSync(path.resolve(__filename), 'r');
    w.send_fds(a, [Buffer.from('d')], [fd]);
    const [, fds] = w.recv_fds(b, 10, 1);
    expect(fdTarget(fds[0])).toBe(fdTarget(fd));
    fs.closeSync(fds[0]);
    const p = tmpPath();
    const r = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    r.bind(p);
    w.send_fds(a, [Buffer.from('e')], [fd], 0, null);
    const s = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    w.send_fds(s, [Buffer.from('to path')], [fd], 0, p);
    const [msg, fds2, , addr] = w.recv_fds(r, 100, 1);
    expect([msg.toString(), addr]).toEqual(['to path', null]);
    expect(fdTarget(fds2[0])).toBe(fdTarget(fd));
    fs.closeSync(fds2[0]);
    const [, fds3] = w.recv_fds(b, 10, 1);
    fs.closeSync(fds3[0]);
    fs.closeSync(fd);
    closeAll(a, b, r, s);
  });
});

describe('SCM_CREDENTIALS', () => {
  const ucred = (data) => [data.readInt32LE(0), data.readUInt32LE(4), data.readUInt32LE(8)];

  test('with SO_PASSCRED the receiver gets the sender pid/uid/gid', () => {
    const [a, b] = w.socketpair();
    b.setsockopt(w.SOL_SOCKET, w.SO_PASSCRED, 1);
    expect(b.getsockopt(w.SOL_SOCKET, w.SO_PASSCRED)).toBe(1);
    a.send(Buffer.from('who'));
    const [msg, anc, flags] = b.recvmsg(10, w.CMSG_SPACE(12));
    expect([msg.toString(), flags]).toEqual(['who', 0]);
    expect(anc.length).toBe(1);
    const [level, type, data] = anc[0];
    expect([level, type, data.length]).toEqual([w.SOL_SOCKET, w.SCM_CREDENTIALS, 12]);
    expect(ucred(data)).toEqual([process.pid, process.getuid(), process.getgid()]);
    closeAll(a, b);
  });

  test('explicit credentials sent with sendmsg', () => {
    const [a, b] = w.socketpair(w.AF_UNIX, w.SOCK_DGRAM);
    b.setsockopt(w.SOL_SOCKET, w.SO_PASSCRED, 1);
    const cred = Buffer.alloc(12);
    cred.writeInt32LE(process.pid, 0);
    cred.writeUInt32LE(process.getuid(), 4);
    cred.writeUInt32LE(process.getgid(), 8);
    a.sendmsg([Buffer.from('c')], [[w.SOL_SOCKET, w.SCM_CREDENTIALS, cred]]);
    const [, anc] = b.recvmsg(10, w.CMSG_SPACE(12));
    expect(anc).toEqual([[w.SOL_SOCKET, w.SCM_CREDENTIALS, cred]]);
    closeAll(a, b);
  });

  test('credentials and descriptors in one message', () => {
    const [a, b] = w.socketpair();
    b.setsockopt(w.SOL_SOCKET, w.SO_PASSCRED, 1);
    const fd = fs.openSync(__filename, 'r');
    a.sendmsg([Buffer.from('both')], [[w.SOL_SOCKET, w.SCM_RIGHTS, fdsBuffer([fd])]]);
    const [, anc] = b.recvmsg(10, w.CMSG_SPACE(12) + w.CMSG_SPACE(4));
    const types = anc.map(([, type]) => type).sort();
    expect(types).toEqual([w.SCM_RIGHTS, w.SCM_CREDENTIALS].sort());
    const rights = anc.find(([, type]) => type === w.SCM_RIGHTS);
    fdsOf(rights[2]).forEach((f) => fs.closeSync(f));
    fs.closeSync(fd);
    closeAll(a, b);
  });
});
