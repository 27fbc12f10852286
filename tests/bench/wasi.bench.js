#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// `wasock run` beside native: one C program (tests/bench/wasi_ref.c) compiled with cc and
// with `wasock cc`, run in interleaved rounds. Prints the per-call cost of a 1-byte
// send+recv pair and bulk TCP throughput (to a native sink), and the ratios. A
// measurement, not a test: nothing is asserted.
//   node tests/bench/wasi.bench.js [rounds] [pairs] [MiB]
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const cli = path.join(root, 'bridge', 'cli.js');
const out = path.join(root, 'build', 'native', 'wasi-bench');
const src = path.join(__dirname, 'wasi_ref.c');
const [rounds = 5, pairs = 200000, mib = 512] = process.argv.slice(2).map(Number);

fs.mkdirSync(out, { recursive: true });
const native = path.join(out, 'wasi_ref'), wasm = path.join(out, 'wasi_ref.wasm');
execFileSync('cc', ['-O2', src, '-o', native]);
execFileSync(process.execPath, [cli, 'cc', '-O2', src, '-o', wasm]);

const progs = {
  native: (args) => [native, args],
  wasm: (args) => [process.execPath, [cli, 'run', '--allow-net', wasm, ...args]],
};

const once = (kind, args) => {
  const [cmd, argv] = progs[kind](args);
  return Number(execFileSync(cmd, argv, { encoding: 'utf8' }).trim());
};

async function bulk(kind) {
  const sink = spawn(native, ['sink'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const sunk = new Promise((resolve) => sink.on('close', resolve));
  const port = await new Promise((resolve) => sink.stdout.once('data', (d) => resolve(String(d).trim())));
  const [cmd, argv] = progs[kind](['send', port, String(mib)]);
  const mbps = await new Promise((resolve, reject) => {
    const c = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let s = '';
    c.stdout.on('data', (d) => { s += d; });
    c.on('close', (code) => (code === 0 ? resolve(Number(s)) : reject(new Error(`${kind} send: ${code}`))));
  });
  await sunk;
  return mbps;
}

const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const best = (a, lower) => (lower ? Math.min(...a) : Math.max(...a));

(async () => {
  const r = { native: { pair: [], bulk: [] }, wasm: { pair: [], bulk: [] } };
  for (let i = 0; i < rounds; i++) {
    for (const kind of i % 2 ? ['wasm', 'native'] : ['native', 'wasm']) {
      r[kind].pair.push(once(kind, ['pair', String(pairs)]));
      r[kind].bulk.push(await bulk(kind));
    }
  }
  const f = (x) => x.toFixed(0).padStart(7);
  console.log(`wasock run vs native, ${rounds} interleaved rounds (${pairs} pairs, ${mib} MiB per bulk run)`);
  console.log(`  1-byte send+recv pair (ns)  native best ${f(best(r.native.pair, true))} median ${f(median(r.native.pair))}` +
    `   wasm best ${f(best(r.wasm.pair, true))} median ${f(median(r.wasm.pair))}` +
    `   native/wasm speed ratio ${(median(r.native.pair) / median(r.wasm.pair)).toFixed(2)}x`);
  console.log(`  bulk TCP (MiB/s)            native best ${f(best(r.native.bulk))} median ${f(median(r.native.bulk))}` +
    `   wasm best ${f(best(r.wasm.bulk))} median ${f(median(r.wasm.bulk))}` +
    `   wasm/native ratio ${(median(r.wasm.bulk) / median(r.native.bulk)).toFixed(2)}x`);
})().catch((e) => { console.error(e); process.exit(1); });
