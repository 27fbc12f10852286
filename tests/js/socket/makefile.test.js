// SPDX-License-Identifier: MIT
// socket.makefile(): read/readline/readlines/iteration/write/flush/close in text and
// binary modes, and the rule that the descriptor closes only when the socket and every
// file object are closed (observed through fileno() and /proc/self/fd).
'use strict';

const { w, fdTarget, tcpPair, closeAll, startPython, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

function pair() {
  const [a, b] = w.socketpair();
  a.settimeout(5);
  b.settimeout(5);
  return [a, b];
}

describe('binary files', () => {
  test('read(n), read() to EOF, readline, readlines', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('line one\nline two\r\nno newline'));
    b.close();
    const f = a.makefile('rb');
    expect(f.read(4)).toEqual(Buffer.from('line'));
    expect(f.readline()).toEqual(Buffer.from(' one\n'));
    expect(f.readlines()).toEqual([Buffer.from('line two\r\n'), Buffer.from('no newline')]);
    expect(f.read()).toEqual(Buffer.alloc(0));
    expect(f.readline()).toEqual(Buffer.alloc(0));
    f.close();
    a.close();
  });

  test('readline(limit) and read() collecting several sends', () => {
    const [a, b] = pair();
    const f = a.makefile('rb');
    b.sendall(Buffer.from('abcdefgh\n'));
    expect(f.readline(3)).toEqual(Buffer.from('abc'));
    expect(f.readline()).toEqual(Buffer.from('defgh\n'));
    for (let i = 0; i < 5; i++) b.sendall(Buffer.alloc(10000, 65 + i));
    b.shutdown(w.SHUT_WR);
    const all = f.read();
    expect(all.length).toBe(50000);
    expect(all[0]).toBe(65);
    expect(all[49999]).toBe(69);
    closeAll(f, a, b);
  });

  test('iteration yields lines as Buffers', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('a\nbb\nccc'));
    b.close();
    const f = a.makefile('rb');
    expect([...f]).toEqual([Buffer.from('a\n'), Buffer.from('bb\n'), Buffer.from('ccc')]);
    closeAll(f, a);
  });

  test('readinto', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('0123456789'));
    const f = a.makefile('rb');
    const buf = Buffer.alloc(4);
    expect(f.readinto(buf)).toBe(4);
    expect(buf.toString()).toBe('0123');
    closeAll(f, a, b);
  });

  test('write buffers until flush; write returns the byte count', () => {
    const [a, b] = pair();
    const f = a.makefile('wb');
    expect(f.write(Buffer.from('buffered'))).toBe(8);
    b.setblocking(false);
    expect(() => b.recv(100)).toThrow(w.BlockingIOError);
    f.flush();
    b.settimeout(5);
    expect(b.recv(100).toString()).toBe('buffered');
    f.write(new Uint8Array([1, 2, 3]));
    f.close();
    expect(b.recv(100)).toEqual(Buffer.from([1, 2, 3]));
    expect(() => f.write(Buffer.from('x'))).toThrow(RangeError);
    closeAll(a, b);
  });

  test('a write larger than the buffer size goes out without flush', () => {
    const [a, b] = pair();
    const f = a.makefile('wb', 16);
    f.write(Buffer.alloc(100, 0x78));
    expect(b.recv(1000).length).toBeGreaterThan(0);
    closeAll(f, a, b);
  });

  test('buffering=0: unbuffered binary file writes straight through', () => {
    const [a, b] = pair();
    const f = a.makefile('rwb', 0);
    f.write(Buffer.from('now'));
    expect(b.recv(10).toString()).toBe('now');
    b.sendall(Buffer.from('yz'));
    expect(f.read(1).toString()).toBe('y');
    expect(f.read(5).toString()).toBe('z');
    closeAll(f, a, b);
  });

  test('mode checks: reading a write-only file and writing a read-only one are OSError', () => {
    const [a, b] = pair();
    const r = a.makefile('rb');
    const wf = a.makefile('wb');
    expect(() => r.write(Buffer.from('x'))).toThrow(w.OSError);
    expect(() => wf.read(1)).toThrow(w.OSError);
    expect(r.readable()).toBe(true);
    expect(r.writable()).toBe(false);
    expect(wf.writable()).toBe(true);
    expect(() => a.makefile('rt')).toThrow(RangeError);
    expect(() => a.makefile('r', 0)).toThrow(RangeError);
    closeAll(r, wf, a, b);
  });
});

describe('text files', () => {
  test('utf-8 by default, universal newlines on read', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('héllo\r\nwörld\rlast\n'));
    b.close();
    const f = a.makefile('r');
    expect(f.readline()).toBe('héllo\n');
    expect(f.readlines()).toEqual(['wörld\n', 'last\n']);
    closeAll(f, a);
  });

  test("newline='' keeps the line endings; iteration", () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('a\r\nbb\rccc'));
    b.close();
    const f = a.makefile('r', null, { newline: '' });
    expect([...f]).toEqual(['a\r\n', 'bb\r', 'ccc']);
    closeAll(f, a);
  });

  test('a multi-byte character split across two sends decodes whole', () => {
    const [a, b] = pair();
    const f = a.makefile('r', null, 'utf-8');
    const bytes = Buffer.from('€uro\n');
    b.sendall(bytes.subarray(0, 1));
    b.sendall(bytes.subarray(1, 2));
    b.sendall(bytes.subarray(2));
    expect(f.readline()).toBe('€uro\n');
    closeAll(f, a, b);
  });

  test('read(n) counts characters', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from('ääää'));
    b.close();
    const f = a.makefile('r');
    expect(f.read(3)).toBe('äää');
    expect(f.read()).toBe('ä');
    closeAll(f, a);
  });

  test('write encodes; latin-1 via the positional encoding argument', () => {
    const [a, b] = pair();
    const f = a.makefile('rw', null, 'latin-1');
    expect(f.write('é\n')).toBe(2);
    f.flush();
    expect(b.recv(10)).toEqual(Buffer.from([0xe9, 0x0a]));
    b.sendall(Buffer.from([0xfc, 0x0a]));
    expect(f.readline()).toBe('ü\n');
    closeAll(f, a, b);
  });

  test("newline='\\r\\n' translates on write", () => {
    const [a, b] = pair();
    const f = a.makefile('w', null, { newline: '\r\n' });
    f.write('x\ny\n');
    f.flush();
    expect(b.recv(10).toString()).toBe('x\r\ny\r\n');
    closeAll(f, a, b);
  });

  test('invalid utf-8 raises RangeError (Python UnicodeDecodeError is a ValueError)', () => {
    const [a, b] = pair();
    b.sendall(Buffer.from([0xff, 0xfe, 0x0a]));
    b.close();
    const f = a.makefile('r');
    expect(() => f.readline()).toThrow(RangeError);
    closeAll(f, a);
  });

  test('write of a non-string is TypeError', () => {
    const [a, b] = pair();
    const f = a.makefile('w');
    expect(() => f.write(Buffer.from('x'))).toThrow(TypeError);
    closeAll(f, a, b);
  });
});

describe('timeouts', () => {
  test('a timed-out read raises timeout; the file then refuses further reads', () => {
    const [a, b] = pair();
    a.settimeout(0.05);
    const f = a.makefile('rb');
    expect(() => f.read(1)).toThrow(w.timeout);
    expect(() => f.read(1)).toThrow(/cannot read from timed out object/);
    closeAll(f, a, b);
  });
});

describe('descriptor lifetime', () => {
  test('the fd stays open until the socket and every file object are closed', () => {
    const [a, b] = pair();
    const fd = a.fileno();
    const target = fdTarget(fd);
    const r = a.makefile('rb');
    const wf = a.makefile('w');
    a.close();
    // socket.close() with files open: the descriptor is still there and usable.
    expect(fdTarget(fd)).toBe(target);
    wf.write('still open\n');
    wf.flush();
    expect(b.recv(100).toString()).toBe('still open\n');
    b.sendall(Buffer.from('reply\n'));
    expect(r.readline()).toEqual(Buffer.from('reply\n'));
    r.close();
    expect(fdTarget(fd)).toBe(target);
    wf.close();
    expect(fdTarget(fd)).not.toBe(target);
    expect(a.fileno()).toBe(-1);
    b.settimeout(5);
    expect(b.recv(10).length).toBe(0);
    b.close();
  });

  test('closing the files first, then the socket', () => {
    const [a, b] = pair();
    const fd = a.fileno();
    const target = fdTarget(fd);
    const f = a.makefile('rwb');
    f.close();
    f.close();
    expect(fdTarget(fd)).toBe(target);
    expect(a.fileno()).toBe(fd);
    a.close();
    expect(fdTarget(fd)).not.toBe(target);
    b.close();
  });

  test('close() flushes pending writes', () => {
    const [a, b] = pair();
    const f = a.makefile('wb');
    f.write(Buffer.from('pending'));
    f.close();
    a.close();
    expect(b.recv(100).toString()).toBe('pending');
    b.close();
  });

  test('read after close is RangeError (Python ValueError: I/O operation on closed file)', () => {
    const [a, b] = pair();
    const f = a.makefile('rb');
    f.close();
    expect(f.closed).toBe(true);
    expect(() => f.read()).toThrow('I/O operation on closed file.');
    closeAll(a, b);
  });

  test('fileno() of the file is the socket fd', () => {
    const [a, b] = pair();
    const f = a.makefile('rb');
    expect(f.fileno()).toBe(a.fileno());
    closeAll(f, a, b);
  });
});

describe('against a python3 peer over TCP', () => {
  test('a line protocol: python writes lines with makefile, wasock reads them with makefile', async () => {
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen();
    l.settimeout(10);
    const py = startPython(`
import socket
s = socket.create_connection(('127.0.0.1', ${l.getsockname()[1]}), timeout=10)
f = s.makefile('rw', encoding='utf-8', newline='')
for i in range(100):
    f.write('line %d ünïcode\\n' % i)
f.flush()
print(f.readline().strip())
f.close()
s.close()
`);
    const [s] = l.accept();
    s.settimeout(10);
    const f = s.makefile('rw');
    const lines = [];
    for (let i = 0; i < 100; i++) lines.push(f.readline());
    expect(lines[0]).toBe('line 0 ünïcode\n');
    expect(lines[99]).toBe('line 99 ünïcode\n');
    f.write(`got ${lines.length}\n`);
    f.flush();
    const r = await py.done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('got 100');
    closeAll(f, s, l);
  });
});

describe('file objects and tcpPair', () => {
  test('one file object read/write over TCP', () => {
    const [c, s] = tcpPair();
    const f = c.makefile('rwb');
    f.write(Buffer.from('ping\n'));
    f.flush();
    s.settimeout(5);
    expect(s.recv(10).toString()).toBe('ping\n');
    s.sendall(Buffer.from('pong\n'));
    expect(f.readline().toString()).toBe('pong\n');
    closeAll(f, c, s);
  });
});
