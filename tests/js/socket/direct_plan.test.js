// SPDX-License-Identifier: MIT
// A plain send/recv on a blocking socket is one host call the bridge makes itself, and the
// bridge keeps each socket's answer to "may I?" until the core counts a change of mode.
// Every change must end it: timeouts, non-blocking mode, close, detach, dup, the promise
// face taking the fd, a slot reused by another socket. Each case warms the kept plan
// first, then changes the mode and checks Python's behaviour. A plan kept too long would
// block forever in the kernel, so every case runs in a child process bounded in time.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../../child');

afterAll(killChildren);

const BRIDGE = path.resolve(__dirname, '..', '..', '..', 'bridge');

// Runs body (the text of an async function of w, wp, warm, check) in a child; resolves to
// what it returned.
async function run(body) {
  const script = `
const w = require(${JSON.stringify(BRIDGE)});
const wp = require(${JSON.stringify(path.join(BRIDGE, 'promises'))});
const one = Buffer.from([7]);
// Plain blocking pairs, so that both sockets keep a direct plan.
function warm(a, b) {
  for (let i = 0; i < 3; i++) {
    if (a.send(one) !== 1 || b.recv(1)[0] !== 7) throw new Error('warm-up failed');
  }
}
// The error fn throws, as a plain record (class, errno, syscall, message).
function caught(fn) {
  try { fn(); } catch (e) {
    return { name: e.constructor.name, errno: e.errno, syscall: e.syscall, message: e.message };
  }
  return null;
}
(async (w, wp, warm, caught) => { ${body} })(w, wp, warm, caught)
  .then((r) => { process.stdout.write(JSON.stringify(r)); process.exit(0); },
    (e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });
`;
  const { done } = startChild(process.execPath, ['-e', script], { timeout: 20000 });
  const r = await done;
  if (r.signal) throw new Error(`child killed by ${r.signal} (a call blocked): ${r.stderr}`);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

test('settimeout after direct calls: recv times out', async () => {
  expect(await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    b.settimeout(0.05);
    return caught(() => b.recv(1));
  `)).toEqual({ name: 'TimeoutError', errno: null, syscall: 'recv', message: 'timed out' });
});

test('setblocking(false) after direct calls: recv and send raise BlockingIOError', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    b.setblocking(false);
    a.setblocking(false);
    const recv = caught(() => b.recv(1));
    let sent = 0;
    const big = Buffer.alloc(1000);
    let send = null;
    while (!send) {
      send = caught(() => { sent += a.send(big); });
      if (sent > 1 << 26) break;
    }
    // Back to blocking: direct calls again, and they work.
    a.setblocking(true);
    b.setblocking(true);
    let got = 0;
    while (got < sent) got += b.recv(16384).length;
    warm(a, b);
    return { recv: recv.name, recvErrno: recv.errno, send: send && send.name, got: got === sent };
  `);
  expect(r).toEqual({ recv: 'BlockingIOError', recvErrno: 11, send: 'BlockingIOError', got: true });
});

test('close and detach after direct calls: EBADF, as CPython', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    a.close();
    const send = caught(() => a.send(Buffer.from('x')));
    const fd = b.detach();
    const recv = caught(() => b.recv(1));
    w.close(fd);
    return { send, recv };
  `);
  expect(r.send).toEqual({ name: 'OSError', errno: 9, syscall: 'send', message: '[Errno 9] Bad file descriptor' });
  expect(r.recv).toEqual({ name: 'OSError', errno: 9, syscall: 'recv', message: '[Errno 9] Bad file descriptor' });
});

test('a closed socket whose slot another socket took never reaches the new one', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    a.close();
    b.close();
    // New sockets take the freed slots (a new generation), and maybe the same fds.
    const [c, d] = w.socketpair();
    warm(c, d);
    const send = caught(() => a.send(Buffer.from('x')));
    const recv = caught(() => b.recv(1));
    d.setblocking(false);
    const nothing = caught(() => d.recv(1));
    return { send: send.errno, recv: recv.errno, nothing: nothing.name };
  `);
  expect(r).toEqual({ send: 9, recv: 9, nothing: 'BlockingIOError' });
});

test('the promise face taking the fd: the sync face then emulates blocking and honours timeouts', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    const pending = b.promises.recv(1);
    a.send(Buffer.from('p'));
    const viaPromise = (await pending).toString();
    a.send(Buffer.from('s'));
    const viaSync = b.recv(1).toString();
    b.settimeout(0.05);
    const timedOut = caught(() => b.recv(1));
    return { viaPromise, viaSync, timedOut: timedOut.name };
  `);
  expect(r).toEqual({ viaPromise: 'p', viaSync: 's', timedOut: 'TimeoutError' });
});

test('dup of a socket with a timeout keeps it; the original keeps its direct calls', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    b.settimeout(0.05);
    const c = b.dup();
    b.settimeout(null);
    warm(a, b);
    const dupTimedOut = caught(() => c.recv(1));
    return { dupTimedOut: dupTimedOut.name, timeout: c.gettimeout() };
  `);
  expect(r).toEqual({ dupTimedOut: 'TimeoutError', timeout: 0.05 });
});

test('direct errors carry the class, errno and syscall the core gives', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    b.close();
    const pipe = caught(() => a.send(Buffer.from('x')));
    const [c, d] = w.socketpair();
    warm(c, d);
    // The fd closed behind the socket's back, as os.close(s.fileno()) in Python.
    w.close(d.fileno());
    const badf = caught(() => d.recv(1));
    return { pipe, badf };
  `);
  expect(r.pipe).toEqual({ name: 'BrokenPipeError', errno: 32, syscall: 'send', message: '[Errno 32] Broken pipe' });
  expect(r.badf).toEqual({ name: 'OSError', errno: 9, syscall: 'recv', message: '[Errno 9] Bad file descriptor' });
});

test('what a direct send reads: the engine\'s bytes of any view, never a forged length', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    const sent = [];
    const u = new Uint8Array([1, 2, 3]);
    Object.defineProperty(u, 'length', { value: 1000 });
    sent.push(a.send(u));
    const f = new Float64Array([1]);
    Object.setPrototypeOf(f, Uint8Array.prototype);
    sent.push(a.send(f));
    sent.push(a.send(new DataView(new Uint8Array([4, 5]).buffer)));
    sent.push(a.send(new Uint16Array([0x0706])));
    const medium = Buffer.alloc(1500, 9);
    sent.push(a.send(medium.subarray(1, 1001)));
    const total = sent.reduce((x, y) => x + y, 0);
    let got = Buffer.alloc(0);
    while (got.length < total) got = Buffer.concat([got, b.recv(16384)]);
    return { sent, head: [...got.subarray(0, 17)], tail: got.subarray(17).every((v) => v === 9) };
  `);
  expect(r).toEqual({
    sent: [3, 8, 2, 2, 1000],
    head: [1, 2, 3, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f, 4, 5, 6, 7, 9, 9],
    tail: true,
  });
});

test('direct receives: short reads, the area\'s full size, larger sizes, EOF', async () => {
  const r = await run(`
    const [a, b] = w.socketpair();
    warm(a, b);
    const data = Buffer.alloc(40000);
    for (let i = 0; i < data.length; i++) data[i] = i * 7;
    a.sendall(data.subarray(0, 10));
    const short = b.recv(4096);
    a.sendall(data.subarray(10));
    const parts = [short];
    parts.push(b.recv(16384));
    let n = 10 + parts[1].length;
    while (n < data.length) {
      const p = b.recv(16385);
      parts.push(p);
      n += p.length;
    }
    a.close();
    const eof = b.recv(100);
    return { short: short.length, same: Buffer.concat(parts).equals(data), eof: eof.length,
      own: parts.every((p, i) => i === 0 || p.buffer !== parts[i - 1].buffer || p.byteOffset !== parts[i - 1].byteOffset) };
  `);
  expect(r).toEqual({ short: 10, same: true, eof: 0, own: true });
});
