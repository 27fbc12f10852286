// SPDX-License-Identifier: MIT
// 10,000 cycles of (socketpair, send/recv, close) and of (connect/accept, close) leave
// the process as they found it: open fds (/proc/self/fd), active resources
// (process.getActiveResourcesInfo()), libuv handles (the diagnostic report's walk of the
// loop, which sees the addon's uv_poll handles that getActiveResourcesInfo does not), and
// the wasm core's memory. The cycles run in a child `node --expose-gc`, so gc() can
// collect the JS handles of the poll handles before counting.
'use strict';

const path = require('node:path');
const { startNode, killChildren, report, ROOT } = require('./helpers');

afterAll(killChildren);

const CYCLES = 10000;

// Runs in the child: warm-up, snapshot, CYCLES cycles, snapshot; prints both as JSON.
const child = (cycles, kind) => `
const fs = require('node:fs');
const core = require(${JSON.stringify(path.join(ROOT, 'bridge', 'core.js'))});
const turn = () => new Promise((r) => setTimeout(r, 5));
async function snapshot() {
  for (let i = 0; i < 3; i++) { gc(); await turn(); }
  const handles = {};
  for (const h of process.report.getReport().libuv) handles[h.type] = (handles[h.type] || 0) + 1;
  return {
    fds: fs.readdirSync('/proc/self/fd').length,
    resources: process.getActiveResourcesInfo().filter((r) => r !== 'Timeout').sort(),
    handles,
    wasmBytes: core.ex.memory.buffer.byteLength,
    rss: process.memoryUsage().rss,
  };
}
const linger = Buffer.alloc(8); linger.writeInt32LE(1, 0); linger.writeInt32LE(0, 4);
let l, addr;
async function cycle(i) {
  if (${JSON.stringify(kind)} === 'pair') {
    const [a, b] = wp.socketpair();
    const msg = Buffer.from('cycle ' + i);
    if (i % 2) {
      // recv first: it waits on the poll handle, then the send wakes it.
      const p = b.recv(64);
      await a.send(msg);
      if (!(await p).equals(msg)) throw new Error('bad data at ' + i);
    } else {
      await a.send(msg);
      if (!(await b.recv(64)).equals(msg)) throw new Error('bad data at ' + i);
    }
    a.close();
    b.close();
  } else {
    const c = wp.socket();
    c.setsockopt(wp.SOL_SOCKET, wp.SO_LINGER, linger); // RST on close: no TIME_WAIT pile-up
    const [[s]] = await Promise.all([l.accept(), c.connect(addr)]);
    await s.sendall(Buffer.from('x'));
    if ((await c.recv(1)).toString() !== 'x') throw new Error('bad data at ' + i);
    c.close();
    s.close();
  }
}
(async () => {
  l = wp.socket(); l.bind(['127.0.0.1', 0]); l.listen(128); addr = l.getsockname();
  for (let i = 0; i < 500; i++) await cycle(i);
  const before = await snapshot();
  const t0 = performance.now();
  for (let i = 0; i < ${cycles}; i++) await cycle(i);
  const ms = performance.now() - t0;
  const after = await snapshot();
  l.close();
  console.log(JSON.stringify({ before, after, ms }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe.each([
  ['pair', 'socketpair, send/recv, close'],
  ['tcp', 'connect/accept over loopback TCP, send/recv, close'],
])('%s', (kind, what) => {
  test(`${CYCLES} cycles of ${what}: nothing left behind`, async () => {
    const r = await startNode(child(CYCLES, kind), { nodeArgs: ['--expose-gc'], timeout: 50000 }).done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { before, after, ms } = JSON.parse(r.stdout);
    report(`leaks, ${CYCLES} cycles of ${what}: ${ms.toFixed(0)} ms; fds ${before.fds} -> ${after.fds}, ` +
      `uv handles ${JSON.stringify(before.handles)} -> ${JSON.stringify(after.handles)}, ` +
      `wasm memory ${before.wasmBytes} -> ${after.wasmBytes} bytes, ` +
      `rss ${(before.rss / 1048576).toFixed(1)} -> ${(after.rss / 1048576).toFixed(1)} MiB`);
    expect(after.fds).toBe(before.fds);
    expect(after.resources).toEqual(before.resources);
    expect(after.handles).toEqual(before.handles);
    expect(after.wasmBytes).toBe(before.wasmBytes);
    // RSS is noisy (heap growth, allocator caches): only a gross leak is caught here;
    // the exact checks are the counts above.
    expect(after.rss - before.rss).toBeLessThan(64 << 20);
  }, 60000);
});

describe('garbage collection', () => {
  test('after gc(), a socket that waited before still wakes up for its next operation', async () => {
    // The addon holds the poll callback weakly while nothing waits; the socket must keep
    // it alive itself, or the next wait never hears of readiness.
    const r = await startNode(`
(async () => {
  const [a, b] = wp.socketpair();
  for (let i = 0; i < 10; i++) {
    const p = b.recv(10);
    a.sync.send(Buffer.from('x' + i));
    await p;
    for (let k = 0; k < 3; k++) { gc(); await new Promise((r) => setTimeout(r, 5)); }
    const q = b.recv(10);
    await new Promise((r) => setTimeout(r, 5));
    a.sync.send(Buffer.from('y' + i));
    const t = setTimeout(() => { console.log('hung at ' + i); process.exit(1); }, 2000);
    if ((await q).toString() !== 'y' + i) throw new Error('bad data');
    clearTimeout(t);
  }
  console.log('ok');
})().catch((e) => { console.error(e); process.exit(1); });
`, { nodeArgs: ['--expose-gc'], timeout: 20000 }).done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('ok');
  });

  test('idle promise-face sockets dropped without close() are collected: fds and poll handles go', async () => {
    const r = await startNode(`
const fs = require('node:fs');
const fds = () => fs.readdirSync('/proc/self/fd').length;
const polls = () => process.report.getReport().libuv.filter((h) => h.type === 'poll').length;
async function churn() {
  for (let i = 0; i < 200; i++) {
    const [a, b] = wp.socketpair();
    const p = b.recv(10); // waits: b gets a poll handle
    a.sync.send(Buffer.from('x'));
    await p;
  }
}
(async () => {
  const f0 = fds();
  await churn();
  await new Promise((r) => setTimeout(r, 5));
  const f1 = fds(), p1 = polls();
  // Finalizers run some time after a collection: give them up to 2 s.
  for (let k = 0; k < 100 && (fds() > f0 + 4 || polls() > 0); k++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  console.log(JSON.stringify({ f0, f1, p1, f2: fds(), p2: polls() }));
})();
`, { nodeArgs: ['--expose-gc'], timeout: 20000 }).done;
    expect(r.stderr).toBe('');
    const { f0, f1, p1, f2, p2 } = JSON.parse(r.stdout);
    report(`gc, 200 idle sockets dropped without close(): fds ${f0} -> ${f1} -> ${f2} after gc, ` +
      `poll handles ${p1} -> ${p2}`);
    expect(f1).toBeGreaterThanOrEqual(f0 + 300); // they were open
    expect(f2).toBeLessThanOrEqual(f0 + 4); // and are closed now
    expect(p2).toBe(0);
  });
});
