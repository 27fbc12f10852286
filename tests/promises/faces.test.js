// SPDX-License-Identifier: MIT
// One socket, both faces: sync calls on sock.sync and promise calls on the AsyncSocket
// (and the reverse, syncSock.promises), with settimeout/setblocking changes in between,
// keep working, and gettimeout/getblocking read back what was set.
'use strict';

const { wp, tcpPair, closeAll, recvAll, startPython, killChildren, within } = require('./helpers');
const w = require('../../bridge');

afterAll(killChildren);

test('the two faces are one socket: same fd, each reachable from the other', () => {
  const [a, b] = wp.socketpair();
  expect(a.sync).toBeInstanceOf(w.Socket);
  expect(a.sync.promises).toBe(a);
  expect(a.fileno()).toBe(a.sync.fileno());
  const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
  const p = new wp.AsyncSocket(s);
  expect(p.sync).toBe(s);
  expect(s.promises).toBe(p);
  expect([p.family, p.type, p.proto]).toEqual([s.family, s.type, s.proto]);
  closeAll(a, b, s);
});

test('sync send + promise recv, and the reverse, with timeout changes in between', async () => {
  const [a, b] = await tcpPair();
  // Blocking (None) to start with.
  expect(a.gettimeout()).toBeNull();
  expect(a.getblocking()).toBe(true);

  a.sync.sendall(Buffer.from('sync->promise'));
  expect((await b.recv(100)).toString()).toBe('sync->promise');
  // The promise face made the fd non-blocking for good; the sync face still reports the
  // mode that was set, and still blocks (emulated) where it should.
  expect(b.sync.gettimeout()).toBeNull();
  expect(b.sync.getblocking()).toBe(true);

  await b.send(Buffer.from('promise->sync'));
  expect(a.sync.recv(100).toString()).toBe('promise->sync');

  b.settimeout(2.5);
  expect(b.sync.gettimeout()).toBe(2.5);
  expect(b.sync.getblocking()).toBe(true);
  a.sync.send(Buffer.from('t'));
  expect((await b.recv(10)).toString()).toBe('t');
  expect(b.gettimeout()).toBe(2.5);

  b.sync.settimeout(0.05);
  const t0 = performance.now();
  expect(() => b.sync.recv(10)).toThrow(wp.timeout);
  expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
  await expect(b.recv(10)).rejects.toBeInstanceOf(wp.timeout);
  expect(b.gettimeout()).toBe(0.05);

  b.sync.setblocking(false);
  expect(b.gettimeout()).toBe(0);
  expect(b.getblocking()).toBe(false);
  expect(() => b.sync.recv(10)).toThrow(expect.objectContaining({ code: 'EAGAIN' }));
  await expect(b.recv(10)).rejects.toMatchObject({ code: 'EAGAIN' });

  b.setblocking(true);
  expect(b.sync.gettimeout()).toBeNull();
  expect(b.sync.getblocking()).toBe(true);
  a.sync.send(Buffer.from('again'));
  expect(b.sync.recv(10).toString()).toBe('again');
  a.sync.send(Buffer.from('and again'));
  expect((await b.recv(10)).toString()).toBe('and again');
  closeAll(a, b);
});

test('a blocking sync recv on a socket the promise face used still blocks until data comes', async () => {
  const [a, b] = wp.socketpair();
  // Make the promise face take the socket over (fd non-blocking from now on).
  const p = b.recv(4);
  a.sync.send(Buffer.from('warm'));
  expect((await p).toString()).toBe('warm');
  // A python3 child holding the other end sends after 200 ms; meanwhile the sync face
  // must wait (not fail with EAGAIN).
  const py = startPython(`
import socket, time
s = socket.socket(fileno=3)
time.sleep(0.2)
s.sendall(b'late data')
`, { stdio: ['ignore', 'pipe', 'pipe', a.fileno()] });
  const t0 = performance.now();
  const got = b.sync.recv(100);
  const ms = performance.now() - t0;
  expect(got.toString()).toBe('late data');
  expect(ms).toBeGreaterThanOrEqual(100);
  const r = await py.done;
  expect(r.stderr).toBe('');
  expect(b.sync.getblocking()).toBe(true);
  closeAll(a, b);
});

test('sync and promise sends interleaved on one stream keep their order', async () => {
  const [a, b] = await tcpPair();
  const chunks = [];
  for (let i = 0; i < 100; i++) {
    const m = Buffer.from(`<${i}>`);
    chunks.push(m);
    if (i % 2) a.sync.sendall(m);
    else await a.sendall(m);
  }
  a.shutdown(wp.SHUT_WR);
  expect((await recvAll(b)).toString()).toBe(Buffer.concat(chunks).toString());
  closeAll(a, b);
});

test('a pending promise recv and a sync recv on the same socket do not corrupt each other', async () => {
  const [a, b] = wp.socketpair(wp.AF_UNIX, wp.SOCK_DGRAM);
  const pending = b.recv(10);
  a.sync.send(Buffer.from('first'));
  a.sync.send(Buffer.from('second'));
  // The sync face reads one datagram before the event loop runs the poll callback.
  b.sync.settimeout(1);
  const syncGot = b.sync.recv(10).toString();
  const promiseGot = (await within(pending, 2000, 'pending recv')).toString();
  expect([syncGot, promiseGot].sort()).toEqual(['first', 'second']);
  expect(b.sync.gettimeout()).toBe(1);
  expect(b.getblocking()).toBe(true);
  closeAll(a, b);
});

test('an accepted socket (promise face) is usable through its sync face', async () => {
  const l = wp.socket();
  l.bind(['127.0.0.1', 0]);
  l.listen();
  const c = wp.socket();
  const [[s]] = await Promise.all([l.accept(), c.connect(l.getsockname())]);
  expect(s).toBeInstanceOf(wp.AsyncSocket);
  expect(s.sync.gettimeout()).toBeNull();
  c.sync.sendall(Buffer.from('hello'));
  expect(s.sync.recv(5).toString()).toBe('hello');
  const d = s.dup();
  expect(d).toBeInstanceOf(wp.AsyncSocket);
  await d.sendall(Buffer.from('via dup'));
  expect((await c.recv(10)).toString()).toBe('via dup');
  closeAll(l, c, s, d);
});
