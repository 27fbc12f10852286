// SPDX-License-Identifier: MIT
// The three modes of the Python docs ("Notes on socket timeouts"): blocking,
// non-blocking (BlockingIOError EAGAIN) and timeout (OS-level non-blocking + poll,
// `timeout` 'timed out'); setdefaulttimeout inheritance; accept()'s rule; sendall's
// total deadline; connect with a timeout; EINTR retried.
'use strict';

const fs = require('node:fs');
const {
  w, BRIDGE, tcpPair, closedPort, closeAll, start, startNode, startPython, killChildren,
  cleanupTmp, can,
} = require('./helpers');

const O_NONBLOCK = 0o4000;
/** The descriptor's O_NONBLOCK flag as the kernel has it (/proc/self/fdinfo). */
function osNonblocking(sock) {
  const info = fs.readFileSync(`/proc/self/fdinfo/${sock.fileno()}`, 'utf8');
  return (parseInt(/flags:\s*([0-7]+)/.exec(info)[1], 8) & O_NONBLOCK) !== 0;
}

function elapsed(fn) {
  const t0 = process.hrtime.bigint();
  let err = null;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  return [err, Number(process.hrtime.bigint() - t0) / 1e9];
}

function listener(backlog) {
  const l = w.socket();
  l.bind(['127.0.0.1', 0]);
  if (backlog === undefined) l.listen();
  else l.listen(backlog);
  return l;
}

afterEach(() => w.setdefaulttimeout(null));
afterAll(() => {
  killChildren();
  cleanupTmp();
});

describe('getblocking / gettimeout per mode', () => {
  test.each([
    ['new socket', (s) => s, null, true, false],
    ['setblocking(false)', (s) => s.setblocking(false), 0, false, true],
    ['setblocking(true)', (s) => { s.setblocking(false); s.setblocking(true); }, null, true, false],
    ['settimeout(0)', (s) => s.settimeout(0), 0, false, true],
    ['settimeout(2.5)', (s) => s.settimeout(2.5), 2.5, true, true],
    ['settimeout(null)', (s) => { s.settimeout(1); s.settimeout(null); }, null, true, false],
    ['setblocking(0)', (s) => s.setblocking(0), 0, false, true],
    ['setblocking(1)', (s) => { s.settimeout(4); s.setblocking(1); }, null, true, false],
  ])('%s', (_, act, timeout, blocking, osNb) => {
    const s = w.socket();
    act(s);
    expect(s.gettimeout()).toBe(timeout);
    expect(s.getblocking()).toBe(blocking);
    expect(osNonblocking(s)).toBe(osNb);
    s.close();
  });

  test('settimeout rejects what Python rejects', () => {
    const s = w.socket();
    expect(() => s.settimeout(-1)).toThrow(RangeError);
    expect(() => s.settimeout(NaN)).toThrow(RangeError);
    expect(() => s.settimeout(Infinity)).toThrow(RangeError);
    expect(() => s.settimeout('1')).toThrow(TypeError);
    expect(() => s.settimeout({})).toThrow(TypeError);
    expect(s.gettimeout()).toBeNull();
    s.settimeout(3);
    expect(s.gettimeout()).toBe(3);
    s.close();
  });
});

describe('non-blocking mode', () => {
  test('recv, recvfrom, recv_into, recvmsg raise BlockingIOError EAGAIN', () => {
    const [a, b] = w.socketpair();
    a.setblocking(false);
    for (const call of [() => a.recv(1), () => a.recvfrom(1), () => a.recv_into(Buffer.alloc(1)),
      () => a.recvmsg(1), () => a.recvfrom_into(Buffer.alloc(4)), () => a.recvmsg_into([Buffer.alloc(1)])]) {
      let err;
      try { call(); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(w.BlockingIOError);
      expect(err).toBeInstanceOf(w.OSError);
      expect([err.errno, err.code]).toEqual([11, 'EAGAIN']);
    }
    closeAll(a, b);
  });

  test('accept raises BlockingIOError with no pending connection', () => {
    const l = listener();
    l.setblocking(false);
    expect(() => l.accept()).toThrow(w.BlockingIOError);
    l.close();
  });

  test('send fills the buffer then raises BlockingIOError; sendall too', () => {
    const [a, b] = w.socketpair();
    a.setblocking(false);
    let sent = 0;
    let err;
    try {
      for (;;) sent += a.send(Buffer.alloc(65536));
    } catch (e) {
      err = e;
    }
    expect(sent).toBeGreaterThan(0);
    expect(err).toBeInstanceOf(w.BlockingIOError);
    expect(() => a.sendall(Buffer.alloc(65536))).toThrow(w.BlockingIOError);
    closeAll(a, b);
  });

  test('connect raises BlockingIOError EINPROGRESS; connect_ex returns EINPROGRESS', () => {
    const l = listener();
    const s = w.socket();
    s.setblocking(false);
    let err;
    try { s.connect(l.getsockname()); } catch (e) { err = e; }
    // Loopback may complete at once; when it does not, the error is EINPROGRESS.
    if (err) expect([err.constructor.name, err.errno]).toEqual(['BlockingIOError', 115]);
    const t = w.socket();
    t.setblocking(false);
    expect([0, 115]).toContain(t.connect_ex(l.getsockname()));
    closeAll(l, s, t);
  });
});

describe('timeout mode', () => {
  test("recv raises timeout 'timed out' after about the timeout", () => {
    const [a, b] = w.socketpair();
    a.settimeout(0.2);
    const [err, secs] = elapsed(() => a.recv(1));
    expect(err).toBeInstanceOf(w.timeout);
    expect(err).toBeInstanceOf(w.OSError);
    expect(err.message).toBe('timed out');
    expect(secs).toBeGreaterThanOrEqual(0.19);
    expect(secs).toBeLessThan(2);
    b.send(Buffer.from('late'));
    expect(a.recv(10).toString()).toBe('late');
    closeAll(a, b);
  });

  test('accept, recvfrom, recvmsg, recv_into time out', () => {
    const l = listener();
    l.settimeout(0.05);
    expect(() => l.accept()).toThrow(w.timeout);
    const u = w.socket(w.AF_INET, w.SOCK_DGRAM);
    u.bind(['127.0.0.1', 0]);
    u.settimeout(0.05);
    expect(() => u.recvfrom(10)).toThrow('timed out');
    expect(() => u.recvmsg(10)).toThrow('timed out');
    expect(() => u.recv_into(Buffer.alloc(4))).toThrow('timed out');
    expect(() => u.recvfrom_into(Buffer.alloc(4))).toThrow('timed out');
    closeAll(l, u);
  });

  test('send times out on a full buffer', () => {
    const [a, b] = w.socketpair();
    a.settimeout(0.1);
    let err;
    try {
      for (;;) a.send(Buffer.alloc(65536));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(w.timeout);
    closeAll(a, b);
  });

  test('sendall: the timeout bounds the whole call, not each send', async () => {
    // The peer (python3) keeps draining slowly, so every single send makes progress
    // well inside the timeout; only a deadline on the whole call can stop sendall.
    const [a, b] = w.socketpair();
    const peer = startPython(`
import socket, time
s = socket.socket(fileno=3)
print('ready', flush=True)
while True:
    d = s.recv(16384)
    if not d:
        break
    time.sleep(0.02)
`, { stdio: ['ignore', 'pipe', 'pipe', b.fileno()] });
    b.close();
    expect(await peer.line()).toBe('ready');
    a.settimeout(0.5);
    const [err, secs] = elapsed(() => a.sendall(Buffer.alloc(64 << 20)));
    expect(err).toBeInstanceOf(w.timeout);
    expect(err.message).toBe('timed out');
    expect(secs).toBeGreaterThanOrEqual(0.45);
    expect(secs).toBeLessThan(3);
    a.close();
    const r = await peer.done;
    expect(r.stderr).toBe('');
  });

  test('sendall with a timeout completes when the peer keeps up', () => {
    const [a, b] = tcpPair();
    a.settimeout(5);
    a.sendall(Buffer.alloc(100000, 7));
    a.shutdown(w.SHUT_WR);
    b.settimeout(5);
    let n = 0;
    for (;;) {
      const d = b.recv(65536);
      if (!d.length) break;
      n += d.length;
    }
    expect(n).toBe(100000);
    closeAll(a, b);
  });

  test('connect with a timeout to a listener whose backlog is full times out', () => {
    const l = listener(0);
    const first = w.socket();
    first.settimeout(2);
    first.connect(l.getsockname());
    const waiting = [];
    let err = null;
    let secs = 0;
    // listen(0) queues one connection; the kernel drops the SYNs of the next ones.
    for (let i = 0; i < 3 && !err; i++) {
      const s = w.socket();
      waiting.push(s);
      s.settimeout(0.3);
      [err, secs] = elapsed(() => s.connect(l.getsockname()));
    }
    expect(err).toBeInstanceOf(w.timeout);
    expect(err.message).toBe('timed out');
    expect(secs).toBeGreaterThanOrEqual(0.29);
    expect(secs).toBeLessThan(2);
    closeAll(l, first, waiting);
  });

  test('connect to a closed port: ConnectionRefusedError in every mode', () => {
    const port = closedPort();
    for (const t of [null, 2]) {
      const s = w.socket();
      s.settimeout(t);
      let err;
      try { s.connect(['127.0.0.1', port]); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(w.ConnectionRefusedError);
      expect([err.errno, err.code]).toEqual([111, 'ECONNREFUSED']);
      s.close();
      const t2 = w.socket();
      t2.settimeout(t);
      expect(t2.connect_ex(['127.0.0.1', port])).toBe(111);
      t2.close();
    }
  });
});

describe('setdefaulttimeout', () => {
  test('getdefaulttimeout starts as null; bad values are rejected', () => {
    expect(w.getdefaulttimeout()).toBeNull();
    expect(() => w.setdefaulttimeout(-1)).toThrow(RangeError);
    expect(() => w.setdefaulttimeout('x')).toThrow(TypeError);
    expect(w.getdefaulttimeout()).toBeNull();
  });

  test('socket() and socketpair() inherit the default timeout', () => {
    w.setdefaulttimeout(2);
    expect(w.getdefaulttimeout()).toBe(2);
    const s = w.socket();
    const [a, b] = w.socketpair();
    for (const x of [s, a, b]) {
      expect(x.gettimeout()).toBe(2);
      expect(x.getblocking()).toBe(true);
      expect(osNonblocking(x)).toBe(true);
    }
    w.setdefaulttimeout(0);
    const n = w.socket();
    expect([n.gettimeout(), n.getblocking()]).toEqual([0, false]);
    w.setdefaulttimeout(null);
    const c = w.socket();
    expect([c.gettimeout(), osNonblocking(c)]).toEqual([null, false]);
    closeAll(s, a, b, n, c);
  });

  test('a socket made with SOCK_NONBLOCK is non-blocking whatever the default', () => {
    for (const d of [null, 2]) {
      w.setdefaulttimeout(d);
      const s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_NONBLOCK);
      expect([s.type, s.gettimeout(), s.getblocking(), osNonblocking(s)])
        .toEqual([w.SOCK_STREAM, 0, false, true]);
      s.close();
    }
  });

  test('accept() gives the new socket the default timeout', () => {
    w.setdefaulttimeout(3);
    const l = listener();
    const c = w.create_connection(l.getsockname());
    const [s] = l.accept();
    expect(s.gettimeout()).toBe(3);
    expect(c.gettimeout()).toBe(3);
    closeAll(l, c, s);
  });

  // socket.py accept(): "if getdefaulttimeout() is None and self.gettimeout():
  // sock.setblocking(True)".
  test.each([
    // default, listener timeout, accepted socket's gettimeout()
    [null, 5, null],
    [null, null, null],
    [null, 0, null],
    [3, 5, 3],
    [3, 0, 3],
    [3, null, 3],
    [0, 5, 0],
  ])('default %p, listener timeout %p -> accepted %p', (def, lt, want) => {
    w.setdefaulttimeout(def);
    const l = listener();
    w.setdefaulttimeout(null);
    const c = w.socket();
    c.connect(l.getsockname());
    w.setdefaulttimeout(def);
    l.settimeout(lt);
    let s;
    for (let i = 0; i < 100 && !s; i++) {
      try {
        [s] = l.accept();
      } catch (e) {
        if (!(e instanceof w.BlockingIOError)) throw e;
      }
    }
    expect(s.gettimeout()).toBe(want);
    expect(osNonblocking(s)).toBe(want !== null);
    closeAll(l, c, s);
  });
});

describe('connect with a timeout to a black hole (network namespace)', () => {
  const ns = `wasock-${process.pid}`;
  let haveNs = false;
  let reason = '';
  beforeAll(() => {
    if (!can('ip', ['netns', 'add', ns])) {
      reason = 'cannot create a network namespace (`ip netns add` failed: not root or no ip)';
      return;
    }
    // 10.9.0.0/24 routed to lo: SYNs go out and are dropped as martians, never answered.
    haveNs = can('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']) &&
      can('ip', ['netns', 'exec', ns, 'ip', 'route', 'add', '10.9.0.0/24', 'dev', 'lo']);
    if (!haveNs) reason = 'could not set up the namespace routes';
  });
  afterAll(() => {
    if (reason !== 'cannot create a network namespace (`ip netns add` failed: not root or no ip)')
      can('ip', ['netns', 'del', ns]);
  });

  test('connect raises timeout; connect_ex returns EAGAIN (11); a non-blocking connect_ex EINPROGRESS', async () => {
    if (!haveNs) {
      console.log(`skipped: ${reason}`);
      return;
    }
    const script = `'use strict'; const w = require(${JSON.stringify(BRIDGE)});
      const out = {};
      let s = w.socket(); s.settimeout(0.3);
      const t0 = Date.now();
      try { s.connect(['10.9.0.2', 80]); out.connect = 'connected'; } catch (e) {
        out.connect = [e.constructor.name, e.message]; }
      out.secs = (Date.now() - t0) / 1000;
      s.close();
      s = w.socket(); s.settimeout(0.2); out.connect_ex = s.connect_ex(['10.9.0.2', 80]); s.close();
      s = w.socket(); s.setblocking(false); out.nb = s.connect_ex(['10.9.0.2', 80]); s.close();
      w.setdefaulttimeout(0.2);
      try { w.create_connection(['10.9.0.2', 80]); } catch (e) { out.cc = e.constructor.name; }
      console.log(JSON.stringify(out));`;
    const r = await start('ip', ['netns', 'exec', ns, process.execPath, '-e', script]).done;
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.connect).toEqual(['TimeoutError', 'timed out']);
    expect(out.secs).toBeGreaterThanOrEqual(0.29);
    expect(out.secs).toBeLessThan(2);
    expect(out.connect_ex).toBe(11);
    expect(out.nb).toBe(115);
    expect(out.cc).toBe('TimeoutError');
  });
});

describe('EINTR', () => {
  test('signals during a timed wait are retried and the deadline kept', async () => {
    // Node's signal handlers use SA_RESTART, but poll() is never restarted: the core must
    // retry EINTR itself and keep the original deadline.
    const child = startNode(`
      process.on('SIGUSR2', () => {});
      const [a, b] = w.socketpair();
      a.settimeout(1.0);
      console.log('ready');
      const t0 = Date.now();
      let res;
      try { a.recv(1); res = 'data'; } catch (e) { res = e.constructor.name + ':' + e.message; }
      const t1 = Date.now();
      b.settimeout(null);
      a.settimeout(null);
      console.log(JSON.stringify({ res, secs: (t1 - t0) / 1000 }));
    `);
    expect(await child.line()).toBe('ready');
    const timer = setInterval(() => child.child.kill('SIGUSR2'), 50);
    const r = await child.done;
    clearInterval(timer);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout.split('\n')[1]);
    expect(out.res).toBe('TimeoutError:timed out');
    expect(out.secs).toBeGreaterThanOrEqual(0.95);
    expect(out.secs).toBeLessThan(3);
  });

  test('a blocking recv interrupted by signals still returns the data', async () => {
    const [a, b] = w.socketpair();
    const child = startNode(`
      process.on('SIGUSR2', () => {});
      const s = w.socket(null, null, null, 3);
      console.log('ready');
      console.log(s.recv(100).toString());
    `, { stdio: ['ignore', 'pipe', 'pipe', b.fileno()] });
    b.close();
    expect(await child.line()).toBe('ready');
    const timer = setInterval(() => child.child.kill('SIGUSR2'), 20);
    await new Promise((r) => setTimeout(r, 300));
    a.sendall(Buffer.from('after signals'));
    const r = await child.done;
    clearInterval(timer);
    a.close();
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ready\nafter signals\n');
  });
});
