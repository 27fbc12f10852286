#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Socket throughput of the wasock sync API beside raw C and CPython, in one run:
//   pairs: 1-byte send+recv pairs on a socketpair in one thread (the per-call cost)
//   udp:   1-byte sendto+recvfrom pairs between two loopback UDP sockets
//   bulk:  1 GiB in 64 KiB chunks over TCP loopback, receiver measured, sender in a thread
// Prints rates and the ratios wasock/C and wasock/CPython. Not a test: no assertions.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const root = path.resolve(__dirname, '../..');
const w = require(path.join(root, 'bridge'));
const PAIRS = Number(process.env.BENCH_PAIRS || 300000);
const BULK = Number(process.env.BENCH_BULK || 2 ** 30);
const CHUNK = 65536;

function buildRef() {
  const out = path.join(root, 'build', 'bench');
  fs.mkdirSync(out, { recursive: true });
  const exe = path.join(out, 'socket_ref');
  execFileSync('cc', ['-O2', '-pthread', '-o', exe, path.join(__dirname, 'socket_ref.c')]);
  return exe;
}

function parse(line) {
  const [count, secs] = line.trim().split(/\s+/).map(Number);
  return count / secs;
}

function wasockPairs(n) {
  const [a, b] = w.socketpair();
  const one = Buffer.from([1]);
  for (let i = 0; i < 1000; i++) { a.send(one); b.recv(1); }
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) { a.send(one); b.recv(1); }
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  a.close(); b.close();
  return n / secs;
}

function wasockUdp(n) {
  const a = w.socket(w.AF_INET, w.SOCK_DGRAM);
  const b = w.socket(w.AF_INET, w.SOCK_DGRAM);
  a.bind(['127.0.0.1', 0]);
  b.bind(['127.0.0.1', 0]);
  const baddr = b.getsockname();
  const one = Buffer.from([1]);
  for (let i = 0; i < 1000; i++) { a.sendto(one, baddr); b.recvfrom(2048); }
  const t = process.hrtime.bigint();
  for (let i = 0; i < n; i++) { a.sendto(one, baddr); b.recvfrom(2048); }
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  a.close(); b.close();
  return n / secs;
}

async function wasockBulk(total) {
  const srv = w.create_server(['127.0.0.1', 0]);
  const port = srv.getsockname()[1];
  const sender = new Worker(`
    const { workerData: { bridge, port, total, chunk } } = require('node:worker_threads');
    const w = require(bridge);
    const s = w.create_connection(['127.0.0.1', port]);
    const buf = Buffer.alloc(chunk);
    for (let left = total; left > 0;) left -= s.send(left < chunk ? buf.subarray(0, left) : buf);
    s.close();
  `, { eval: true, workerData: { bridge: path.join(root, 'bridge'), port, total, chunk: CHUNK } });
  const [conn] = srv.accept();
  const t = process.hrtime.bigint();
  const buf = Buffer.alloc(CHUNK);
  let got = 0;
  for (;;) {
    const r = conn.recv_into(buf);
    if (!r) break;
    got += r;
  }
  const secs = Number(process.hrtime.bigint() - t) / 1e9;
  await new Promise((resolve) => sender.on('exit', resolve));
  conn.close(); srv.close();
  if (got !== total) throw new Error(`bulk: got ${got} of ${total}`);
  return got / secs;
}

const fmt = (v, unit) => (unit === 'B/s' ? `${(v / 2 ** 20).toFixed(0)} MiB/s` : `${(v / 1e3).toFixed(0)} k/s`);

// Each contender runs ROUNDS times, interleaved, and keeps its best rate: a busy machine
// slows single runs at random, and the best of several is the steadiest comparison.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

async function main() {
  const ref = buildRef();
  const py = process.env.PYTHON || 'python3';
  const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : ['pairs', 'udp', 'bulk'];
  const rows = [];
  for (const [name, unit, n, js] of [
    ['pairs (1-byte send+recv, socketpair)', 'ops', PAIRS, () => wasockPairs(PAIRS)],
    ['udp (1-byte sendto+recvfrom, loopback)', 'udp', PAIRS / 2, () => wasockUdp(PAIRS / 2)],
    [`bulk (${BULK / 2 ** 20} MiB in 64 KiB chunks, TCP loopback)`, 'B/s', BULK, () => wasockBulk(BULK)],
  ]) {
    const mode = unit === 'ops' ? 'pairs' : unit === 'udp' ? 'udp' : 'bulk';
    if (!only.includes(mode)) continue;
    let c = 0, p = 0, wv = 0;
    for (let round = 0; round < ROUNDS; round++) {
      c = Math.max(c, parse(execFileSync(ref, [mode, String(n)], { encoding: 'utf8' })));
      p = Math.max(p, parse(execFileSync(py, [path.join(__dirname, 'socket_ref.py'), mode, String(n)],
        { encoding: 'utf8' })));
      wv = Math.max(wv, await js());
    }
    rows.push({ benchmark: name, C: fmt(c, unit), CPython: fmt(p, unit), wasock: fmt(wv, unit),
      'wasock/C': (wv / c).toFixed(2), 'wasock/CPython': (wv / p).toFixed(2) });
  }
  console.log(`best of ${ROUNDS} interleaved rounds each, load average ${require('node:os').loadavg().map((v) => v.toFixed(1)).join(' ')}`);
  console.table(rows);
}

main().catch((e) => { console.error(e); process.exit(1); });
