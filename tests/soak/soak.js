#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The soak run: both faces under mixed traffic for a given time, checking every byte and
// that the process does not grow.
//
//   node --expose-gc tests/soak/soak.js [--seconds 60] [--clients 6]
//   npm run soak -- --seconds N
//
// The main thread runs the promise face: TCP, UDP and UNIX echo servers, clients that echo
// random payloads and compare SHA-256 digests, fd passing (SCM_RIGHTS) of files whose
// content is checked, receives that time out, receives aborted by an AbortSignal, sockets
// closed while an operation is pending. A worker thread runs the sync face against the
// same servers (TCP and UDP echo, UNIX socketpairs with fd passing, timeouts, peers closed
// in the middle of a transfer).
//
// Flat: once a second the run samples open fds, the wasm core's memory and RSS. After a
// warm-up (a quarter of the run), the first and the last quarter of the run are compared:
//   fds           the last quarter's maximum <= the first quarter's maximum + 8
//                 (in-flight sockets vary with timing), and back to the starting count
//                 once everything is closed;
//   wasm memory   the last quarter's maximum equals the first quarter's maximum (it only
//                 grows in 64 KiB pages and never gives them back, so any leak shows);
//   RSS           the last quarter's median <= 1.25 x the first quarter's median + 16 MiB
//                 (the JS heap breathes with the garbage collector).
// Prints progress to stderr and one JSON line to stdout; exits 1 when anything failed.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');

const bridge = path.join(__dirname, '..', '..', 'bridge');
const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');

function payload(max) {
  return crypto.randomBytes(1 + crypto.randomInt(max));
}

// ---- the sync face, in a worker thread
function workerMain() {
  const ws = require(bridge);
  const core = require(path.join(bridge, 'core'));
  const { tcpPort, udpPort, deadline, dir } = workerData;
  const stats = { ops: 0, bytes: 0, timeouts: 0, resets: 0, fdsPassed: 0, errors: [] };
  const fail = (what, e) => { if (stats.errors.length < 20) stats.errors.push(`${what}: ${e && e.stack ? e.stack : e}`); };
  let last = 0;

  while (Date.now() < deadline) {
    try {
      switch (stats.ops % 5) {
        case 0: { // TCP echo through the promise face's server
          const c = ws.create_connection(['127.0.0.1', tcpPort], 5);
          const data = payload(256 * 1024);
          c.sendall(data);
          c.shutdown(ws.SHUT_WR);
          const parts = [];
          for (;;) {
            const chunk = c.recv(65536);
            if (!chunk.length) break;
            parts.push(chunk);
          }
          c.close();
          const got = Buffer.concat(parts);
          if (sha(got) !== sha(data)) fail('tcp echo', `checksum mismatch (${got.length} of ${data.length} bytes)`);
          stats.bytes += data.length;
          break;
        }
        case 1: { // UDP echo
          const u = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
          u.settimeout(2);
          const data = payload(8192);
          u.sendto(data, ['127.0.0.1', udpPort]);
          const [got] = u.recvfrom(65536);
          u.close();
          if (sha(got) !== sha(data)) fail('udp echo', 'checksum mismatch');
          stats.bytes += data.length;
          break;
        }
        case 2: { // fd passing over a UNIX socketpair: a file's content read back
          const [a, b] = ws.socketpair(ws.AF_UNIX, ws.SOCK_STREAM);
          const file = path.join(dir, `w${stats.ops}`);
          const content = payload(4096);
          fs.writeFileSync(file, content);
          const fd = fs.openSync(file, 'r');
          ws.send_fds(a, [Buffer.from('fd')], [fd]);
          fs.closeSync(fd);
          const [msg, fds] = ws.recv_fds(b, 16, 1);
          if (msg.toString() !== 'fd' || fds.length !== 1) fail('fd passing', `got ${msg} ${fds}`);
          for (const f of fds) {
            const back = Buffer.alloc(content.length);
            fs.readSync(f, back, 0, back.length, 0);
            // Not fs.closeSync: in a worker, Node warns about fds fs did not open.
            ws.close(f);
            if (!back.equals(content)) fail('fd passing', 'file content differs');
          }
          fs.rmSync(file);
          a.close();
          b.close();
          stats.fdsPassed++;
          break;
        }
        case 3: { // a receive that times out
          const [a, b] = ws.socketpair();
          a.settimeout(0.02);
          try {
            a.recv(10);
            fail('timeout', 'recv returned');
          } catch (e) {
            if (!(e instanceof ws.timeout)) throw e;
            stats.timeouts++;
          }
          a.close();
          b.close();
          break;
        }
        default: { // the peer closes in the middle of a transfer
          const [a, b] = ws.socketpair();
          a.setblocking(false);
          const big = Buffer.alloc(1 << 20, 7);
          let sent = 0;
          try { sent = a.send(big); } catch (e) { if (!(e instanceof ws.BlockingIOError)) throw e; }
          b.recv(1000);
          b.close();
          try {
            for (let i = 0; i < 100; i++) sent += a.send(big);
            fail('close mid-transfer', 'send kept succeeding');
          } catch (e) {
            if (!(e instanceof ws.BrokenPipeError) && !(e instanceof ws.ConnectionResetError)) throw e;
            stats.resets++;
          }
          a.close();
        }
      }
      stats.ops++;
    } catch (e) {
      fail(`op ${stats.ops % 5}`, e);
      stats.ops++;
    }
    if (Date.now() - last > 1000) {
      last = Date.now();
      parentPort.postMessage({ wasm: core.ex.memory.buffer.byteLength });
    }
  }
  parentPort.postMessage({ done: stats, wasm: core.ex.memory.buffer.byteLength });
}

// ---- the promise face, on the main thread
async function main() {
  const argv = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? Number(argv[i + 1]) : dflt;
  };
  const SECONDS = opt('seconds', 60);
  const CLIENTS = opt('clients', 6);
  const wsp = require(path.join(bridge, 'promises'));
  const core = require(path.join(bridge, 'core'));
  const fdCount = () => fs.readdirSync('/proc/self/fd').length;
  const fdList = () => fs.readdirSync('/proc/self/fd').map((f) => { try { return `${f}:${fs.readlinkSync(`/proc/self/fd/${f}`)}`; } catch { return f; } });
  // Node makes process.stdout on first use (a Worker's output is forwarded through it),
  // and for a pipe or a device that may open an fd: made here, before counting.
  void process.stdout; // eslint-disable-line no-void
  void process.stderr; // eslint-disable-line no-void
  const listAtStart = fdList();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-soak-'));
  const fdsAtStart = fdCount();

  const stats = { ops: 0, bytes: 0, timeouts: 0, aborts: 0, closedPending: 0, fdsPassed: 0, errors: [] };
  const fail = (what, e) => { if (stats.errors.length < 20) stats.errors.push(`${what}: ${e && e.stack ? e.stack : e}`); };
  const t0 = Date.now();
  const deadline = t0 + SECONDS * 1000;
  const live = new Set();
  const own = (s) => { live.add(s); return s; };
  const drop = (s) => { live.delete(s); s.close(); };

  // Servers: TCP echo until EOF, UDP echo, UNIX stream echo.
  const tcp = own(await wsp.create_server(['127.0.0.1', 0]));
  const tcpPort = tcp.getsockname()[1];
  const echo = async (conn) => {
    try {
      for await (const chunk of conn) await conn.sendall(chunk);
    } catch (e) {
      if (e.code !== 'ECONNRESET' && e.code !== 'EPIPE') fail('tcp server', e);
    } finally {
      drop(conn);
    }
  };
  (async () => {
    try {
      for await (const [conn] of tcp) { own(conn); echo(conn); }
    } catch (e) {
      if (Date.now() < deadline) fail('tcp accept', e);
    }
  })();
  const udp = own(wsp.socket(wsp.AF_INET, wsp.SOCK_DGRAM));
  await udp.bind(['127.0.0.1', 0]);
  const udpPort = udp.getsockname()[1];
  (async () => {
    for (;;) {
      let got;
      try {
        got = await udp.recvfrom(65536);
      } catch (e) {
        if (Date.now() < deadline) fail('udp server', e);
        return;
      }
      try { await udp.sendto(got[0], got[1]); } catch (e) { fail('udp echo send', e); }
    }
  })();
  const unixName = Buffer.from(`\0wasock-soak-${process.pid}`);
  const unix = own(wsp.socket(wsp.AF_UNIX, wsp.SOCK_STREAM));
  await unix.bind(unixName);
  unix.listen(16);
  (async () => {
    try {
      for await (const [conn] of unix) { own(conn); echo(conn); }
    } catch (e) {
      if (Date.now() < deadline) fail('unix accept', e);
    }
  })();

  // The worker: the sync face against the same servers.
  const samples = [];
  let workerWasm = 0;
  let workerStats = null;
  const worker = new Worker(__filename, { workerData: { tcpPort, udpPort, deadline, dir } });
  // Done when the worker has exited by itself (its loop empty): Node closes what it opened
  // for the worker then, which terminate() does not always do.
  const workerDone = new Promise((resolve) => {
    worker.on('message', (m) => {
      if (m.wasm) workerWasm = m.wasm;
      if (m.done) workerStats = m.done;
    });
    worker.on('error', (e) => { fail('worker', e); resolve(); });
    worker.on('exit', () => resolve());
  });

  async function echoOnce(family, address) {
    const c = own(wsp.socket(family, wsp.SOCK_STREAM));
    c.settimeout(10);
    await c.connect(address);
    const data = payload(128 * 1024);
    const reading = (async () => {
      const parts = [];
      for (;;) {
        const chunk = await c.recv(65536);
        if (!chunk.length) return Buffer.concat(parts);
        parts.push(chunk);
      }
    })();
    await c.sendall(data);
    c.shutdown(wsp.SHUT_WR);
    const got = await reading;
    drop(c);
    if (sha(got) !== sha(data)) fail(`echo ${family}`, `checksum mismatch (${got.length} of ${data.length})`);
    stats.bytes += data.length;
  }

  async function client(k) {
    while (Date.now() < deadline) {
      try {
        switch ((stats.ops + k) % 7) {
          case 0: await echoOnce(wsp.AF_INET, ['127.0.0.1', tcpPort]); break;
          case 1: await echoOnce(wsp.AF_UNIX, unixName); break;
          case 2: { // UDP
            const u = own(wsp.socket(wsp.AF_INET, wsp.SOCK_DGRAM));
            u.settimeout(5);
            const data = payload(8192);
            await u.sendto(data, ['127.0.0.1', udpPort]);
            const [got] = await u.recvfrom(65536);
            drop(u);
            if (sha(got) !== sha(data)) fail('udp', 'checksum mismatch');
            stats.bytes += data.length;
            break;
          }
          case 3: { // a receive that times out
            const [a, b] = (await wsp.socketpair()).map(own);
            a.settimeout(0.02);
            try {
              await a.recv(10);
              fail('timeout', 'recv returned');
            } catch (e) {
              if (!(e instanceof wsp.timeout)) throw e;
              stats.timeouts++;
            }
            drop(a);
            drop(b);
            break;
          }
          case 4: { // an aborted receive; the socket stays usable
            const [a, b] = (await wsp.socketpair()).map(own);
            const ac = new AbortController();
            const pending = a.recv(10, 0, { signal: ac.signal });
            setTimeout(() => ac.abort(), 5);
            try {
              await pending;
              fail('abort', 'recv returned');
            } catch (e) {
              if (e.name !== 'AbortError') throw e;
              stats.aborts++;
            }
            await b.sendall(Buffer.from('after'));
            const got = await a.recv(10);
            if (got.toString() !== 'after') fail('abort', `then got ${got}`);
            drop(a);
            drop(b);
            break;
          }
          case 5: { // closed while a receive is pending: EBADF
            const [a, b] = (await wsp.socketpair()).map(own);
            const pending = a.recv(10);
            setTimeout(() => drop(a), 2);
            try {
              await pending;
              fail('close pending', 'recv returned');
            } catch (e) {
              if (e.code !== 'EBADF') throw e;
              stats.closedPending++;
            }
            drop(b);
            break;
          }
          default: { // fd passing
            const [a, b] = (await wsp.socketpair(wsp.AF_UNIX, wsp.SOCK_DGRAM)).map(own);
            const file = path.join(dir, `m${k}-${stats.ops}`);
            const content = payload(4096);
            fs.writeFileSync(file, content);
            const fd = fs.openSync(file, 'r');
            await wsp.send_fds(a, [Buffer.from('fd')], [fd]);
            fs.closeSync(fd);
            const [msg, fds] = await wsp.recv_fds(b, 16, 1);
            if (msg.toString() !== 'fd' || fds.length !== 1) fail('fd passing', `got ${msg} ${fds}`);
            for (const f of fds) {
              const back = Buffer.alloc(content.length);
              fs.readSync(f, back, 0, back.length, 0);
              fs.closeSync(f);
              if (!back.equals(content)) fail('fd passing', 'file content differs');
            }
            fs.rmSync(file);
            drop(a);
            drop(b);
            stats.fdsPassed++;
          }
        }
      } catch (e) {
        fail(`client op ${(stats.ops + k) % 7}`, e);
      }
      stats.ops++;
    }
  }

  const sampler = setInterval(() => {
    // With --expose-gc (npm run soak, the test), garbage is collected first: RSS then
    // follows what is retained, not how far the collector happens to lag behind.
    if (global.gc) global.gc();
    samples.push({
      t: (Date.now() - t0) / 1000, fds: fdCount(), wasm: core.ex.memory.buffer.byteLength,
      workerWasm, rss: process.memoryUsage().rss,
    });
    const s = samples[samples.length - 1];
    process.stderr.write(`soak ${s.t.toFixed(0)} s: ops ${stats.ops}+${workerStats ? workerStats.ops : '…'}, ` +
      `fds ${s.fds}, wasm ${s.wasm >> 10} KiB (worker ${s.workerWasm >> 10} KiB), rss ${(s.rss / 2 ** 20).toFixed(1)} MiB\n`);
  }, 1000);

  await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
  await workerDone;
  clearInterval(sampler);
  for (const s of [...live]) { try { drop(s); } catch { /* closed */ } }
  // Pending server loops see their sockets closed; the collector closes anything dropped.
  await new Promise((r) => setTimeout(r, 200));
  if (global.gc) global.gc();
  await new Promise((r) => setTimeout(r, 100));
  const fdsAtEnd = fdCount();
  if (process.env.SOAK_FDS) process.stderr.write(`fds start ${listAtStart}\nfds end   ${fdList()}\n`);
  fs.rmSync(dir, { recursive: true, force: true });

  // Flat: the first quarter after warm-up against the last quarter.
  const n = samples.length;
  const q = Math.max(1, Math.floor(n / 4));
  const first = samples.slice(q, 2 * q);
  const lastQ = samples.slice(n - q);
  const max = (a, k) => Math.max(...a.map((s) => s[k]));
  const median = (a, k) => { const v = a.map((s) => s[k]).sort((x, y) => x - y); return v[Math.floor(v.length / 2)]; };
  const flat = {
    fds: { first: max(first, 'fds'), last: max(lastQ, 'fds'), start: fdsAtStart, end: fdsAtEnd },
    wasm: { first: max(first, 'wasm'), last: max(lastQ, 'wasm') },
    workerWasm: { first: max(first, 'workerWasm'), last: max(lastQ, 'workerWasm') },
    rssMiB: { first: +(median(first, 'rss') / 2 ** 20).toFixed(1), last: +(median(lastQ, 'rss') / 2 ** 20).toFixed(1) },
  };
  const checks = {
    fds: flat.fds.last <= flat.fds.first + 8 && flat.fds.end === flat.fds.start,
    wasm: flat.wasm.last === flat.wasm.first && flat.workerWasm.last === flat.workerWasm.first,
    rss: flat.rssMiB.last <= 1.25 * flat.rssMiB.first + 16,
    errors: stats.errors.length === 0 && !!workerStats && workerStats.errors.length === 0,
    traffic: stats.ops > 0 && !!workerStats && workerStats.ops > 0,
  };
  const out = {
    seconds: SECONDS, samples: n, main: stats, worker: workerStats, flat, checks,
    ok: Object.values(checks).every(Boolean),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(out.ok ? 0 : 1);
}

if (isMainThread) {
  main().catch((e) => {
    process.stdout.write(`${JSON.stringify({ ok: false, fatal: String(e && e.stack) })}\n`);
    process.exit(1);
  });
} else {
  workerMain();
}
