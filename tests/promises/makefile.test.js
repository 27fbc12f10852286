// SPDX-License-Identifier: MIT
// The promise face's makefile(): reads and writes are promises on the event loop, lines
// as Python's buffered and text layers cut them.
'use strict';
const { wp, tcpPair, closeAll, sleep, within, startPython, killChildren } = require('./helpers');

afterAll(killChildren);

const B = (s) => Buffer.from(s, 'latin1');

test('binary readline keeps \\r\\n; a line split across sends is whole', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('rb');
  await b.sendall(B('one\r\ntw'));
  const line1 = f.readline();
  const line2 = f.readline();
  await sleep(20);
  await b.sendall(B('o\r\nthree\n'));
  expect(await line1).toEqual(B('one\r\n'));
  expect(await line2).toEqual(B('two\r\n'));
  expect(await f.readline()).toEqual(B('three\n'));
  await f.close();
  closeAll(a, b);
});

test('text mode: universal newlines turn \\r\\n and \\r into \\n, even split across sends', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('r', null, 'utf-8');
  await b.sendall(B('a\r'));
  const first = f.readline();
  await sleep(20);
  await b.sendall(B('\nb\rc\n'));
  b.shutdown(wp.SHUT_WR);
  expect(await first).toBe('a\n');
  expect(await f.readlines()).toEqual(['b\n', 'c\n']);
  await f.close();
  closeAll(a, b);
});

test("text mode newline='' keeps endings and splits on any of them", async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('r', { encoding: 'utf-8', newline: '' });
  await b.sendall(B('x\r\ny\rz\n'));
  b.close();
  const lines = [];
  for await (const line of f) lines.push(line);
  expect(lines).toEqual(['x\r\n', 'y\r', 'z\n']);
  await f.close();
  a.close();
});

test('EOF in mid-line: the partial line, then empty', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('rb');
  await b.sendall(B('whole\npart'));
  b.close();
  expect(await f.readline()).toEqual(B('whole\n'));
  expect(await f.readline()).toEqual(B('part'));
  expect(await f.readline()).toEqual(B(''));
  expect(await f.read()).toEqual(B(''));
  await f.close();
  a.close();
});

test('a 4 MiB line arrives whole, with limit= cutting it as Python does', async () => {
  const [a, b] = await tcpPair();
  const f = a.makefile('rb');
  const long = Buffer.alloc(4 << 20, 0x61);
  const sent = b.sendall(Buffer.concat([long, B('\nnext\n')]));
  expect(await f.readline(10)).toEqual(Buffer.alloc(10, 0x61));
  const rest = await f.readline();
  expect(rest.length).toBe((4 << 20) - 10 + 1);
  expect(await f.readline()).toEqual(B('next\n'));
  await sent;
  await f.close();
  closeAll(a, b);
});

test('for await reads lines from a python3 peer; timers keep running meanwhile', async () => {
  const [l] = [wp.socket()];
  l.bind(['127.0.0.1', 0]);
  l.listen();
  const py = startPython(`
import socket, time
c = socket.create_connection(('127.0.0.1', ${l.getsockname()[1]}))
for i in range(5):
    c.sendall(b'line %d\\r\\n' % i)
    time.sleep(0.05)
c.sendall(b'tail')
c.close()
`);
  const [s] = await l.accept();
  let ticks = 0;
  const timer = setInterval(() => { ticks++; }, 5);
  const f = s.makefile('r', null, 'ascii');
  const lines = [];
  for await (const line of f) lines.push(line);
  clearInterval(timer);
  expect(lines).toEqual(['line 0\n', 'line 1\n', 'line 2\n', 'line 3\n', 'line 4\n', 'tail']);
  expect(ticks).toBeGreaterThan(5);
  await f.close();
  closeAll(s, l);
  expect((await py.done).code).toBe(0);
});

test('write/flush/writelines resolve; text is encoded; calls run in order', async () => {
  const [a, b] = wp.socketpair();
  const w = a.makefile('w', null, 'latin-1');
  const r = b.makefile('rb');
  const results = await Promise.all([w.write('caf\u00e9\n'), w.writelines(['x', 'y\n']), w.flush()]);
  expect(results).toEqual([5, null, null]);
  expect(await r.readline()).toEqual(B('caf\xe9\n'));
  expect(await r.readline()).toEqual(B('xy\n'));
  await expect(w.write('\u20ac')).rejects.toThrow("'latin-1' codec can't encode character '\\u20ac' in position 0");
  await expect(w.write(Buffer.from('x'))).rejects.toThrow(TypeError);
  expect(await w.close()).toBe(null);
  await expect(w.write('x')).rejects.toThrow('I/O operation on closed file.');
  await r.close();
  closeAll(a, b);
});

test('the file outlives socket.close(), as in Python; the fd closes with the last file', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('rb');
  const fd = a.fileno();
  a.close();
  await b.sendall(B('still\n'));
  expect(await within(f.readline(), 2000)).toEqual(B('still\n'));
  await f.close();
  const fs = require('node:fs');
  expect(() => fs.fstatSync(fd)).toThrow();
  b.close();
});

test('a timeout rejects the read with timeout; the file then refuses reads', async () => {
  const [a, b] = wp.socketpair();
  a.settimeout(0.05);
  const f = a.makefile('rb');
  await expect(f.readline()).rejects.toBeInstanceOf(wp.timeout);
  await expect(f.read(1)).rejects.toThrow('cannot read from timed out object');
  await f.close();
  closeAll(a, b);
});

test('bad arguments: mode, encoding, errors, newline', () => {
  const [a, b] = wp.socketpair();
  expect(() => a.makefile('rx')).toThrow(RangeError);
  expect(() => a.makefile('r', null, 'bogus')).toThrow(expect.objectContaining({ code: 'ERR_UNKNOWN_ENCODING' }));
  expect(() => a.makefile('r', null, 'utf-8', 'nope')).toThrow(RangeError);
  expect(() => a.makefile('r', null, 'utf-8', null, 'x')).toThrow(RangeError);
  expect(() => a.makefile('r', 0)).toThrow('unbuffered streams must be binary');
  closeAll(a, b);
});
