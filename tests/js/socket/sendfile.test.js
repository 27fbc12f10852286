// SPDX-License-Identifier: MIT
// sendfile(fd | {fd}, offset, count): a temporary file to a TCP peer (python3, which
// reports what it received), with offsets and counts, and Python's ValueErrors.
'use strict';

const crypto = require('node:crypto');
const fs = require('node:fs');
const {
  w, tcpPair, closeAll, tmpPath, startPython, killChildren, cleanupTmp, recvAll,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

const content = crypto.randomBytes(3 * 1024 * 1024 + 123);
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
let file;
let fd;
beforeAll(() => {
  file = tmpPath('sendfile');
  fs.writeFileSync(file, content);
  fd = fs.openSync(file, 'r');
});
afterAll(() => fs.closeSync(fd));

/** A python3 sink: accepts one connection, prints "<length> <sha256>" of all it read. */
async function sink() {
  const py = startPython(`
import socket, hashlib
l = socket.create_server(('127.0.0.1', 0))
print(l.getsockname()[1], flush=True)
l.settimeout(10)
c, _ = l.accept()
c.settimeout(10)
h = hashlib.sha256(); n = 0
while True:
    d = c.recv(1 << 16)
    if not d:
        break
    h.update(d); n += len(d)
print(n, h.hexdigest(), flush=True)
`);
  const port = Number(await py.line());
  return { port, result: async () => { const [n, digest] = (await py.line()).split(' '); await py.done; return [Number(n), digest]; } };
}

describe('sendfile to a TCP peer', () => {
  test('the whole file', async () => {
    const { port, result } = await sink();
    const s = w.create_connection(['127.0.0.1', port], 10);
    expect(s.sendfile(fd)).toBe(content.length);
    s.close();
    expect(await result()).toEqual([content.length, sha(content)]);
  });

  test('offset and count', async () => {
    const { port, result } = await sink();
    const s = w.create_connection(['127.0.0.1', port], 10);
    expect(s.sendfile(fd, 1000, 500000)).toBe(500000);
    s.close();
    expect(await result()).toEqual([500000, sha(content.subarray(1000, 501000))]);
  });

  test('a {fd} object, offset only, in blocking mode', async () => {
    const { port, result } = await sink();
    const s = w.create_connection(['127.0.0.1', port]);
    expect(s.gettimeout()).toBeNull();
    const off = content.length - 4321;
    expect(s.sendfile({ fd }, off)).toBe(4321);
    s.close();
    expect(await result()).toEqual([4321, sha(content.subarray(off))]);
  });

  test('count past the end sends what there is; offset at the end sends 0', () => {
    const [a, b] = tcpPair();
    expect(a.sendfile(fd, content.length - 10, 1000)).toBe(10);
    expect(a.sendfile(fd, content.length)).toBe(0);
    a.close();
    b.settimeout(5);
    expect(recvAll(b)).toEqual(content.subarray(content.length - 10));
    b.close();
  });

  test('sendfile leaves the file position after what it sent (offset + sent), as socket.py', () => {
    const [a, b] = tcpPair();
    const own = fs.openSync(file, 'r');
    a.sendfile(own, 7, 100);
    const buf = Buffer.alloc(4);
    fs.readSync(own, buf, 0, 4, null);
    expect(buf).toEqual(content.subarray(107, 111));
    fs.closeSync(own);
    closeAll(a, b);
  });

  test('over a unix stream socketpair too', () => {
    const [a, b] = w.socketpair();
    expect(a.sendfile(fd, 10, 1000)).toBe(1000);
    a.close();
    b.settimeout(5);
    expect(recvAll(b)).toEqual(content.subarray(10, 1010));
    b.close();
  });
});

describe('sendfile errors (Python ValueError -> RangeError)', () => {
  test('non-blocking sockets, datagram sockets, bad offset and count', () => {
    const [a, b] = tcpPair();
    // As Python: a negative offset is the system's EINVAL.
    expect(() => a.sendfile(fd, -1)).toThrow(expect.objectContaining({ errno: 22, code: 'EINVAL' }));
    expect(() => a.sendfile(fd, 0, 0)).toThrow(RangeError);
    expect(() => a.sendfile(fd, 0, -5)).toThrow(RangeError);
    a.setblocking(false);
    expect(() => a.sendfile(fd)).toThrow('non-blocking sockets are not supported');
    const u = w.socket(w.AF_INET, w.SOCK_DGRAM);
    expect(() => u.sendfile(fd)).toThrow('only SOCK_STREAM type sockets are supported');
    expect(() => a.sendfile('file')).toThrow(TypeError);
    closeAll(a, b, u);
  });

  test('a bad file descriptor is OSError EBADF', () => {
    const [a, b] = tcpPair();
    expect(() => a.sendfile(100000)).toThrow(expect.objectContaining({ code: 'EBADF' }));
    closeAll(a, b);
  });

  test('in timeout mode a stalled peer makes sendfile raise timeout', () => {
    const [a, b] = tcpPair();
    a.settimeout(0.3);
    const t0 = Date.now();
    expect(() => { for (;;) a.sendfile(fd); }).toThrow(w.timeout);
    expect(Date.now() - t0).toBeLessThan(5000);
    closeAll(a, b);
  });
});
