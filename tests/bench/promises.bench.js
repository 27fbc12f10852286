#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The promise face (wasock/promises) beside Node's own net and dgram, same pattern on
// both sides, each run in a fresh child process (so peak RSS is the run's own):
//   pingpong-tcp    1-byte ping-pong over TCP loopback, 1 pair        (round trips/s)
//   pingpong-unix   1-byte ping-pong over a UNIX stream socket, 1 pair
//   pingpong-unix100  100 concurrent UNIX pairs (aggregate round trips/s)
//   pingpong-udp    1-byte UDP ping-pong on loopback
//   echo1000        1,000 clients x 100 exchanges of 64 B with one echo server (wall, peak RSS)
//   bulk-raw        512 MiB over TCP loopback: sendall/recv_into vs net.Socket write/'data'
//   bulk-stream     512 MiB through toStream() + pipeline vs net.Socket + pipeline
// Rounds are interleaved (wasock, node, wasock, node, ...), best of ROUNDS kept, and the
// ratio wasock/node printed (> 1: wasock is faster; for echo1000, node's time / wasock's).
// Not a test: no assertions. BENCH_ROUNDS, BENCH_SCALE (multiplies the counts), BENCH_ONLY
// (comma-separated workload names) tune it.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const SCALE = Number(process.env.BENCH_SCALE || 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PINGS = Math.round(20000 * SCALE);
const BULK = Math.round(512 * 2 ** 20 * SCALE);
const CHUNK = 65536;

const now = () => Number(process.hrtime.bigint()) / 1e9;
const tmp = () => path.join(os.tmpdir(), `wasock-bench-${process.pid}-${Math.random().toString(36).slice(2)}`);

// ---- wasock/promises side -------------------------------------------------------------

async function wasockPair(wp, kind) {
  const C = wp;
  if (kind === 'unix') {
    const p = tmp();
    const srv = await wp.create_server(p, { family: C.AF_UNIX });
    const c = wp.socket(C.AF_UNIX, C.SOCK_STREAM);
    const accepted = srv.accept();
    await c.connect(p);
    const [s] = await accepted;
    srv.close();
    fs.rmSync(p, { force: true });
    return [c, s, () => {}];
  }
  const srv = await wp.create_server(['127.0.0.1', 0]);
  const c = wp.socket();
  const accepted = srv.accept();
  await c.connect(['127.0.0.1', srv.getsockname()[1]]);
  const [s] = await accepted;
  srv.close();
  for (const x of [c, s]) x.setsockopt(C.IPPROTO_TCP, C.TCP_NODELAY, 1);
  return [c, s];
}

async function wasockPingPong(wp, c, s, n) {
  const one = Buffer.from([1]);
  const server = (async () => {
    for (;;) {
      const b = await s.recv(1);
      if (!b.length) return;
      await s.send(b);
    }
  })();
  for (let i = 0; i < n; i++) {
    await c.send(one);
    await c.recv(1);
  }
  c.close();
  await server;
  s.close();
}

const W = {
  async 'pingpong-tcp'(wp) {
    const [c, s] = await wasockPair(wp, 'tcp');
    const t = now();
    await wasockPingPong(wp, c, s, PINGS);
    return { rate: PINGS / (now() - t) };
  },
  async 'pingpong-unix'(wp) {
    const [c, s] = await wasockPair(wp, 'unix');
    const t = now();
    await wasockPingPong(wp, c, s, PINGS);
    return { rate: PINGS / (now() - t) };
  },
  async 'pingpong-unix100'(wp) {
    const pairs = [];
    for (let i = 0; i < 100; i++) pairs.push(await wasockPair(wp, 'unix'));
    const n = Math.ceil(PINGS / 100) * 2;
    const t = now();
    await Promise.all(pairs.map(([c, s]) => wasockPingPong(wp, c, s, n)));
    return { rate: (n * 100) / (now() - t) };
  },
  async 'pingpong-udp'(wp) {
    const a = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
    const b = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
    a.bind(['127.0.0.1', 0]);
    b.bind(['127.0.0.1', 0]);
    const bAddr = b.getsockname();
    const one = Buffer.from([1]);
    let stop = false;
    const server = (async () => {
      while (!stop) {
        const [d, from] = await b.recvfrom(2048);
        if (d.length === 0) return;
        await b.sendto(d, from);
      }
    })();
    const t = now();
    for (let i = 0; i < PINGS; i++) {
      await a.sendto(one, bAddr);
      await a.recvfrom(2048);
    }
    const rate = PINGS / (now() - t);
    stop = true;
    await a.sendto(Buffer.alloc(0), bAddr);
    await server;
    a.close(); b.close();
    return { rate };
  },
  async echo1000(wp) {
    const t = now();
    const srv = await wp.create_server(['127.0.0.1', 0], { backlog: 4096 });
    const port = srv.getsockname()[1];
    const serving = [];
    const acceptor = (async () => {
      for (let i = 0; i < 1000; i++) {
        const [conn] = await srv.accept();
        serving.push((async () => {
          for (;;) {
            const d = await conn.recv(65536);
            if (!d.length) break;
            await conn.sendall(d);
          }
          conn.close();
        })());
      }
    })();
    const msg = Buffer.alloc(64, 7);
    await Promise.all(Array.from({ length: 1000 }, async () => {
      const c = wp.socket();
      await c.connect(['127.0.0.1', port]);
      for (let i = 0; i < 100; i++) {
        await c.sendall(msg);
        let got = 0;
        while (got < 64) got += (await c.recv(65536)).length;
      }
      c.close();
    }));
    await acceptor;
    await Promise.all(serving);
    srv.close();
    return { wall: now() - t };
  },
  async 'bulk-raw'(wp) {
    const [c, s] = await wasockPair(wp, 'tcp');
    const buf = Buffer.alloc(CHUNK);
    const t = now();
    const sender = (async () => {
      for (let left = BULK; left > 0; left -= CHUNK) await c.sendall(left < CHUNK ? buf.subarray(0, left) : buf);
      c.close();
    })();
    const into = Buffer.alloc(CHUNK);
    let got = 0;
    for (;;) {
      const r = await s.recv_into(into);
      if (!r) break;
      got += r;
    }
    await sender;
    s.close();
    if (got !== BULK) throw new Error(`bulk: got ${got}`);
    return { rate: got / (now() - t) };
  },
  async 'bulk-stream'(wp) {
    const { pipeline } = require('node:stream/promises');
    const { Readable, Writable } = require('node:stream');
    const [c, s] = await wasockPair(wp, 'tcp');
    const t = now();
    const got = await bulkPipes(pipeline, Readable, Writable, c.toStream(), s.toStream());
    if (got !== BULK) throw new Error(`bulk: got ${got}`);
    return { rate: got / (now() - t) };
  },
};

async function bulkPipes(pipeline, Readable, Writable, out, inp) {
  const buf = Buffer.alloc(CHUNK);
  let got = 0;
  await Promise.all([
    pipeline(Readable.from((function* gen() {
      for (let left = BULK; left > 0; left -= CHUNK) yield left < CHUNK ? buf.subarray(0, left) : buf;
    })()), out),
    pipeline(inp, new Writable({ write(chunk, enc, cb) { got += chunk.length; cb(); } })),
  ]);
  return got;
}

// ---- Node side ---------------------------------------------------------------------

const net = require('node:net');
const dgram = require('node:dgram');
const { once } = require('node:events');

async function netPair(kind) {
  const p = kind === 'unix' ? tmp() : null;
  const srv = net.createServer();
  srv.listen(p || { host: '127.0.0.1', port: 0 });
  await once(srv, 'listening');
  const c = net.connect(p || { host: '127.0.0.1', port: srv.address().port });
  const [[s]] = await Promise.all([once(srv, 'connection'), once(c, 'connect')]);
  srv.close();
  if (!p) for (const x of [c, s]) x.setNoDelay(true);
  return [c, s];
}

// The same loop as wasock's: the server echoes, the client sends the next byte on each reply.
function netPingPong(c, s, n) {
  s.on('data', (d) => s.write(d));
  s.on('end', () => s.end());
  return new Promise((resolve) => {
    const one = Buffer.from([1]);
    let i = 0;
    c.on('data', () => {
      if (++i === n) {
        c.end();
        c.on('close', resolve);
        return;
      }
      c.write(one);
    });
    c.write(one);
  });
}

const N = {
  async 'pingpong-tcp'() {
    const [c, s] = await netPair('tcp');
    const t = now();
    await netPingPong(c, s, PINGS);
    return { rate: PINGS / (now() - t) };
  },
  async 'pingpong-unix'() {
    const [c, s] = await netPair('unix');
    const t = now();
    await netPingPong(c, s, PINGS);
    return { rate: PINGS / (now() - t) };
  },
  async 'pingpong-unix100'() {
    const pairs = [];
    for (let i = 0; i < 100; i++) pairs.push(await netPair('unix'));
    const n = Math.ceil(PINGS / 100) * 2;
    const t = now();
    await Promise.all(pairs.map(([c, s]) => netPingPong(c, s, n)));
    return { rate: (n * 100) / (now() - t) };
  },
  async 'pingpong-udp'() {
    const a = dgram.createSocket('udp4');
    const b = dgram.createSocket('udp4');
    a.bind(0, '127.0.0.1');
    b.bind(0, '127.0.0.1');
    await Promise.all([once(a, 'listening'), once(b, 'listening')]);
    const bPort = b.address().port;
    b.on('message', (m, r) => b.send(m, r.port, r.address));
    const one = Buffer.from([1]);
    const t = now();
    await new Promise((resolve) => {
      let i = 0;
      a.on('message', () => {
        if (++i === PINGS) resolve();
        else a.send(one, bPort, '127.0.0.1');
      });
      a.send(one, bPort, '127.0.0.1');
    });
    const rate = PINGS / (now() - t);
    a.close(); b.close();
    return { rate };
  },
  async echo1000() {
    const t = now();
    const srv = net.createServer((conn) => {
      conn.on('data', (d) => conn.write(d));
      conn.on('end', () => conn.end());
    });
    srv.listen({ host: '127.0.0.1', port: 0, backlog: 4096 });
    await once(srv, 'listening');
    const port = srv.address().port;
    const msg = Buffer.alloc(64, 7);
    await Promise.all(Array.from({ length: 1000 }, () => new Promise((resolve) => {
      const c = net.connect({ host: '127.0.0.1', port });
      let i = 0, got = 0;
      c.on('connect', () => c.write(msg));
      c.on('data', (d) => {
        got += d.length;
        if (got < 64) return;
        got -= 64;
        if (++i === 100) c.end();
        else c.write(msg);
      });
      c.on('close', resolve);
    })));
    srv.close();
    return { wall: now() - t };
  },
  async 'bulk-raw'() {
    const [c, s] = await netPair('tcp');
    const buf = Buffer.alloc(CHUNK);
    const t = now();
    let got = 0;
    const done = new Promise((resolve) => {
      s.on('data', (d) => { got += d.length; });
      s.on('end', resolve);
    });
    for (let left = BULK; left > 0; left -= CHUNK) {
      if (!c.write(left < CHUNK ? buf.subarray(0, left) : buf)) await once(c, 'drain');
    }
    c.end();
    await done;
    s.destroy();
    if (got !== BULK) throw new Error(`bulk: got ${got}`);
    return { rate: got / (now() - t) };
  },
  async 'bulk-stream'() {
    const { pipeline } = require('node:stream/promises');
    const { Readable, Writable } = require('node:stream');
    const [c, s] = await netPair('tcp');
    const t = now();
    const got = await bulkPipes(pipeline, Readable, Writable, c, s);
    if (got !== BULK) throw new Error(`bulk: got ${got}`);
    return { rate: got / (now() - t) };
  },
};

const WORKLOADS = {
  'pingpong-tcp': ['net', 'round trips/s'],
  'pingpong-unix': ['net', 'round trips/s'],
  'pingpong-unix100': ['net', 'round trips/s'],
  'pingpong-udp': ['dgram', 'round trips/s'],
  echo1000: ['net', 'wall'],
  'bulk-raw': ['net', 'B/s'],
  'bulk-stream': ['net', 'B/s'],
};

async function child(name, side) {
  const r = side === 'wasock' ? await W[name](require(path.join(root, 'bridge', 'promises.js'))) : await N[name]();
  r.rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify(r));
  process.exit(0);
}

function fmt(r, unit) {
  if (unit === 'wall') return `${r.wall.toFixed(2)} s, ${(r.rss / 2 ** 20).toFixed(0)} MiB`;
  if (unit === 'B/s') return `${(r.rate / 2 ** 30).toFixed(2)} GiB/s`;
  return `${(r.rate / 1e3).toFixed(1)}k/s`;
}

function main() {
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : Object.keys(WORKLOADS);
  const best = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of only) {
      for (const side of ['wasock', 'node']) {
        const out = execFileSync(process.execPath, [...(process.env.BENCH_NODE_ARGS || '').split(' ').filter(Boolean),
          __filename, 'child', name, side], { encoding: 'utf8', maxBuffer: 1 << 20 });
        const r = JSON.parse(out);
        const key = `${name}/${side}`;
        const b = best[key];
        if (!b) best[key] = r;
        else {
          if (r.rate !== undefined && r.rate > b.rate) b.rate = r.rate;
          if (r.wall !== undefined && r.wall < b.wall) b.wall = r.wall;
          if (r.rss < b.rss) b.rss = r.rss;
        }
      }
    }
  }
  const rows = [];
  for (const name of only) {
    const [peer, unit] = WORKLOADS[name];
    const wv = best[`${name}/wasock`], nv = best[`${name}/node`];
    const row = { workload: `${name} (vs ${peer})`, 'wasock/promises': fmt(wv, unit), node: fmt(nv, unit) };
    row.ratio = unit === 'wall' ? (nv.wall / wv.wall).toFixed(2) : (wv.rate / nv.rate).toFixed(2);
    if (unit === 'wall') row['RSS ratio'] = (wv.rss / nv.rss).toFixed(2);
    rows.push(row);
  }
  console.log(`best of ${ROUNDS} interleaved rounds each, load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  console.table(rows);
}

if (process.argv[2] === 'child') child(process.argv[3], process.argv[4]).catch((e) => { console.error(e); process.exit(1); });
else main();
