// SPDX-License-Identifier: MIT
// Name resolution off the main thread: the promise face's getaddrinfo, getnameinfo,
// gethostbyname(_ex), gethostbyaddr and getfqdn run on libuv's thread pool, answer as
// the sync face does, reject with gaierror/herror, and keep the event loop live.
'use strict';

const fs = require('node:fs');
const {
  wp, measureGaps, fmt, report, can, start, tmpPath, cleanupTmp, killChildren, PROMISES,
} = require('./helpers');
const w = require('../../bridge');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

test("getaddrinfo('localhost', 80) resolves, returning a Promise, as the sync face answers", async () => {
  const p = wp.getaddrinfo('localhost', 80, wp.AF_INET, wp.SOCK_STREAM);
  expect(p).toBeInstanceOf(Promise);
  const res = await p;
  expect(res).toEqual(w.getaddrinfo('localhost', 80, w.AF_INET, w.SOCK_STREAM));
  expect(res[0]).toEqual([wp.AF_INET, wp.SOCK_STREAM, wp.IPPROTO_TCP, '', ['127.0.0.1', 80]]);
  // Every argument form: service by name, flags, all families.
  expect(await wp.getaddrinfo('127.0.0.1', 'http', 0, wp.SOCK_STREAM, 0, wp.AI_NUMERICHOST))
    .toEqual(w.getaddrinfo('127.0.0.1', 'http', 0, w.SOCK_STREAM, 0, w.AI_NUMERICHOST));
  expect(await wp.getaddrinfo(null, 8080, 0, 0, 0, wp.AI_PASSIVE))
    .toEqual(w.getaddrinfo(null, 8080, 0, 0, 0, w.AI_PASSIVE));
});

test('lookup errors reject with gaierror (EAI_* errno and code)', async () => {
  const e1 = await wp.getaddrinfo('localhost', 'no-such-service-xyz').catch((e) => e);
  expect(e1).toBeInstanceOf(wp.gaierror);
  expect(e1).toBeInstanceOf(wp.OSError);
  expect(e1.errno).toBe(wp.EAI_SERVICE);
  expect(e1.code).toBe('EAI_SERVICE');
  let sync = null;
  try { w.getaddrinfo('localhost', 'no-such-service-xyz'); } catch (e) { sync = e; }
  expect(e1.message).toBe(sync.message);

  const e2 = await wp.getaddrinfo('not a host name', 80, 0, 0, 0, wp.AI_NUMERICHOST).catch((e) => e);
  expect(e2).toBeInstanceOf(wp.gaierror);
  expect(e2.errno).toBe(wp.EAI_NONAME);

  const e3 = await wp.getaddrinfo('no-such-host.invalid', 80).catch((e) => e);
  expect(e3).toBeInstanceOf(wp.gaierror);

  const e4 = await wp.getnameinfo(['127.0.0.1', 80], wp.NI_NAMEREQD | wp.NI_NUMERICHOST)
    .then(() => null, (e) => e);
  if (e4) expect(e4).toBeInstanceOf(wp.gaierror);
});

test('argument errors still reject (TypeError/RangeError), not throw synchronously', async () => {
  const p = wp.getaddrinfo(42, 80);
  expect(p).toBeInstanceOf(Promise);
  await expect(p).rejects.toBeInstanceOf(TypeError);
  await expect(wp.getnameinfo('127.0.0.1', 0)).rejects.toBeInstanceOf(TypeError);
  await expect(wp.getaddrinfo('localhost', 80, 0, 0, 0, 2 ** 40)).rejects.toBeInstanceOf(RangeError);
});

test('getnameinfo, gethostbyname(_ex), gethostbyaddr, getfqdn match the sync face', async () => {
  expect(await wp.getnameinfo(['127.0.0.1', 80], wp.NI_NUMERICHOST | wp.NI_NUMERICSERV))
    .toEqual(['127.0.0.1', '80']);
  expect(await wp.getnameinfo(['127.0.0.1', 22], 0)).toEqual(w.getnameinfo(['127.0.0.1', 22], 0));
  expect(await wp.gethostbyname('localhost')).toBe(w.gethostbyname('localhost'));
  expect(await wp.gethostbyname_ex('localhost')).toEqual(w.gethostbyname_ex('localhost'));
  expect(await wp.gethostbyaddr('127.0.0.1')).toEqual(w.gethostbyaddr('127.0.0.1'));
  expect(await wp.getfqdn()).toBe(w.getfqdn());
  expect(await wp.getfqdn('localhost')).toBe(w.getfqdn('localhost'));
  const e = await wp.gethostbyname('no-such-host.invalid').catch((x) => x);
  expect(e).toBeInstanceOf(wp.gaierror);
});

test('100 concurrent getaddrinfo calls all resolve, with the event loop live meanwhile', async () => {
  // Names /etc/hosts or the numeric parser answer: no dependence on a DNS server.
  const names = ['localhost', '127.0.0.1', '::1', 'not/a/name', null];
  const g = await measureGaps(() => Promise.all(Array.from({ length: 100 }, (_, i) =>
    wp.getaddrinfo(names[i % names.length], 2000 + i, 0, wp.SOCK_STREAM)
      .then((r) => [i, r], (e) => [i, e]))));
  report(`names, 100 concurrent getaddrinfo (mixed names): ${fmt(g)}`);
  for (const [i, r] of g.value) {
    let sync;
    try {
      sync = w.getaddrinfo(names[i % names.length], 2000 + i, 0, w.SOCK_STREAM);
    } catch (e) {
      sync = e;
    }
    if (sync instanceof Error) expect(r).toBeInstanceOf(sync.constructor);
    else expect(r).toEqual(sync);
  }
  expect(g.max).toBeLessThan(200);
});

const nsOk = can('unshare', ['-m', '-n', 'true']);
(nsOk ? test : test.skip)(`lookups that take 1 s each (a DNS server that never answers) run off the main thread${
  nsOk ? '' : ': skipped, `unshare -m -n` is not permitted here'}`, async () => {
  // In a child with its own mount and network namespaces, /etc/resolv.conf names a server
  // routed to lo that drops every query (timeout:1 attempts:1): each lookup takes about
  // 1 s on the pool. Six of them (libuv's pool has 4 threads) take about 2 s; a 10 ms
  // interval keeps firing meanwhile.
  const conf = tmpPath('resolv.conf');
  fs.writeFileSync(conf, 'nameserver 10.99.0.53\noptions timeout:1 attempts:1\n');
  const script = `'use strict';
    const wp = require(${JSON.stringify(PROMISES)});
    const gaps = [];
    let last = performance.now();
    const t = setInterval(() => { const n = performance.now(); gaps.push(n - last); last = n; }, 10);
    const t0 = performance.now();
    // connect() by name, aborted while its lookup waits: rejects at once.
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 100);
    const aborted = wp.socket().connect(['slowc.example.com', 80], { signal: ac.signal })
      .then(() => 'connected', (e) => [e.name, performance.now() - t0]);
    Promise.all([1, 2, 3, 4, 5, 6].map((i) => wp.getaddrinfo('slow' + i + '.example.com', 80)
      .then(() => 'resolved', (e) => e.constructor.name + ' ' + e.code))).then(async (r) => {
      clearInterval(t);
      console.log(JSON.stringify({ r, ms: performance.now() - t0, n: gaps.length, aborted: await aborted,
        mean: gaps.reduce((a, b) => a + b, 0) / gaps.length, max: Math.max(...gaps) }));
    });`;
  const r = await start('unshare', ['-m', '-n', 'sh', '-c',
    'mount --bind "$2" /etc/resolv.conf && ip link set lo up && ' +
    'ip route add 10.99.0.0/24 dev lo && exec "$0" -e "$1"', process.execPath, script, conf]).done;
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout);
  report(`names, 6 lookups of 1 s each against a silent DNS server: ${out.ms.toFixed(0)} ms, ` +
    `ticks=${out.n} mean=${out.mean.toFixed(2)}ms max=${out.max.toFixed(2)}ms`);
  expect(out.r).toEqual(Array(6).fill('gaierror EAI_AGAIN'));
  expect(out.ms).toBeGreaterThanOrEqual(900);
  expect(out.max).toBeLessThan(200);
  expect(out.n).toBeGreaterThan(out.ms / 25);
  expect(out.aborted[0]).toBe('AbortError');
  expect(out.aborted[1]).toBeLessThan(600);
}, 30000);

test('create_connection and connect resolve names without blocking; bind too', async () => {
  const server = await wp.create_server(['localhost', 0]);
  const [, port] = server.getsockname();
  const [c, [s]] = await Promise.all([wp.create_connection(['localhost', port], 5),
    server.accept()]);
  expect(c.getpeername()).toEqual(['127.0.0.1', port]);
  const d = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  await d.bind(['localhost', 0]);
  expect(d.getsockname()[0]).toBe('127.0.0.1');
  await d.sendto(Buffer.from('to self'), ['localhost', d.getsockname()[1]]);
  const [data, from] = await d.recvfrom(100);
  expect(data.toString()).toBe('to self');
  expect(from).toEqual(d.getsockname());
  for (const x of [server, c, s, d]) x.close();
});
