#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Builds and runs the libFuzzer harnesses of tests/fuzz (clang, ASan + UBSan) in
// build/fuzz, which also holds the sanitized C unit tests.
//   node tools/fuzz.js [seconds] [harness...]   run each harness for `seconds`
//                                               (default WASOCK_FUZZ_SECONDS or 60),
//                                               two at a time (WASOCK_FUZZ_JOBS)
//   node tools/fuzz.js --build                  build only
//   node tools/fuzz.js --seeds                  add seeds from the vectors to tests/fuzz/corpus
//   node tools/fuzz.js --coverage [harness...]  line coverage of src/ and host/sys/ reached
//                                               by the corpus (build/fuzz-cov, llvm-cov-14)
// Each run starts from the committed seeds plus what earlier runs found
// (build/fuzz/corpus); a crash leaves its input in build/fuzz/crashes and fails the run.
// Prints one line per harness (executions, coverage) and, with --json FILE, writes
// { harnesses: [{ name, ok, execs, cov, ft, seconds }] } for tools/test.js.
'use strict';
const { spawn, spawnSync, execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// WASOCK_FUZZ_DIR: another build directory (a long campaign on a copy while work goes on).
const bin = process.env.WASOCK_FUZZ_DIR ? path.resolve(process.env.WASOCK_FUZZ_DIR) : path.join(root, 'build', 'fuzz');
const seedsDir = path.join(root, 'tests', 'fuzz', 'corpus');
const HARNESSES = ['fuzz_dispatch', 'fuzz_inet', 'fuzz_sockaddr', 'fuzz_can', 'fuzz_ipnet',
  'fuzz_recvmsg', 'fuzz_hostabi'];

function build() {
  if (!fs.existsSync(path.join(bin, 'CMakeCache.txt')))
    execFileSync('cmake', ['-S', path.join(root, 'tests', 'fuzz'), '-B', bin,
      '-DCMAKE_C_COMPILER=clang'], { stdio: 'inherit' });
  execFileSync('cmake', ['--build', bin, '-j', '2'], { stdio: 'inherit' });
}

// Seeds from the committed vectors: tests/vectors/codec.vec calls as wire argument lists
// (through the real bridge's writer) and tests/browser/ipnet.vec inputs.
function seeds() {
  const core = require('../bridge/core.js');
  const { load } = require('../tests/js/module/vectors.js');
  const out = {};
  const add = (h, bytes) => {
    const b = Buffer.from(bytes);
    (out[h] ??= new Map()).set(crypto.createHash('sha1').update(b).digest('hex'), b);
  };
  // core.fns lists the dispatcher's functions in its order.
  const fnIndex = Object.fromEntries(Object.keys(core.fns).map((name, i) => [name, i]));
  // fuzz_sockaddr's first byte picks from its table of families (tests/fuzz/fuzz_sockaddr.c).
  const C = require('../bridge/index.js');
  const famSel = [C.AF_INET, C.AF_INET6, C.AF_UNIX, C.AF_CAN, C.AF_CAN, C.AF_CAN, C.AF_CAN,
    C.AF_PACKET, C.AF_NETLINK, C.AF_TIPC, C.AF_ALG, C.AF_VSOCK, C.AF_QIPCRTR, C.AF_RDS];
  const wire = (args) => {
    const len = core.writeArgs(args);
    const at = core.ex.ws_arg_area(len);
    return Buffer.from(core.mem().subarray(at, at + len));
  };
  for (const v of load()) {
    let w;
    try { w = wire(v.args); } catch { continue; }
    add('fuzz_dispatch', Buffer.concat([Buffer.from([fnIndex[v.fn]]), w]));
    const text = typeof v.args[1] === 'string' ? v.args[1] : typeof v.args[0] === 'string' ? v.args[0] : null;
    if (/^inet_/.test(v.fn) && text !== null) {
      add('fuzz_inet', Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
      add('fuzz_inet', Buffer.concat([Buffer.from([1]), Buffer.from(text)]));
    }
    if (v.fn === 'encode_sockaddr' && v.expect.ok) {
      const sel = Math.max(0, famSel.indexOf(v.args[0]));
      add('fuzz_sockaddr', Buffer.concat([Buffer.from([sel]), Buffer.from(v.expect.ok).subarray(2)]));
      add('fuzz_sockaddr', Buffer.concat([Buffer.from([0x80 | sel]), wire([v.args[1]]).subarray(5)]));
    }
    if (/^can_/.test(v.fn)) add('fuzz_can', Buffer.concat([Buffer.from([2]), w]));
  }
  const ipnet = fs.readFileSync(path.join(root, 'tests', 'browser', 'ipnet.vec'), 'utf8');
  for (const line of ipnet.split('\n')) {
    if (!line.startsWith('{')) continue;
    const { call, args } = JSON.parse(line);
    const mode = { ip_address: 0, ip_network: 2, ip_network_contains: 4, ip_address_info: 6 }[call] ?? 0;
    for (const a of args) if (typeof a === 'string') add('fuzz_ipnet', Buffer.concat([Buffer.from([mode]), Buffer.from(a)]));
  }
  // CAN frames: one classic, one FD round trip; hostile-host and host ABI starters.
  add('fuzz_can', Buffer.from([0, 0x23, 0x01, 0, 0, 3, 3, 1, 2, 3]));
  add('fuzz_can', Buffer.from([0x10, 0x23, 0x01, 0, 0x80, 4, 12, ...Array(12).fill(7)]));
  // recvmsg on a UNIX socket: the host answers 5 data bytes and one SCM_RIGHTS cmsg.
  const cmsg = Buffer.alloc(24);
  cmsg.writeBigUInt64LE(20n, 0); cmsg.writeInt32LE(1, 8); cmsg.writeInt32LE(1, 12); cmsg.writeInt32LE(7, 16);
  const host = Buffer.concat([Buffer.from([5]), Buffer.from('hello'), Buffer.from([0, 0, 24]), cmsg,
    Buffer.from([0, 0, 0, 0, 0, 5 << 3 | 1])]);
  add('fuzz_recvmsg', Buffer.concat([Buffer.from([2, 1, 0x40, 6, 16, 0, 64, 0, 0, 0, host.length, 0]), host]));
  for (let k = 0; k < 10; k++) add('fuzz_hostabi', Buffer.from([k, ...Buffer.from('127.0.0.1\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0')]));
  // Added to what is there: inputs that once found a bug stay as seeds.
  for (const [h, m] of Object.entries(out)) {
    fs.mkdirSync(path.join(seedsDir, h), { recursive: true });
    for (const [name, b] of m) fs.writeFileSync(path.join(seedsDir, h, name), b);
  }
  for (const h of HARNESSES) fs.mkdirSync(path.join(seedsDir, h), { recursive: true });
  for (const h of HARNESSES) console.log(`${h}: ${out[h] ? out[h].size : 0} seeds`);
}

function runOne(name, seconds) {
  const corpus = path.join(bin, 'corpus', name);
  const crashes = path.join(bin, 'crashes');
  fs.mkdirSync(corpus, { recursive: true });
  fs.mkdirSync(crashes, { recursive: true });
  const args = [corpus, path.join(seedsDir, name), `-max_total_time=${seconds}`,
    '-print_final_stats=1', '-print_coverage=0', '-timeout=10', '-rss_limit_mb=2048',
    `-artifact_prefix=${crashes}/${name}-`, '-close_fd_mask=1'];
  const t0 = Date.now();
  return new Promise((resolve) => {
    let log = '';
    const p = spawn(path.join(bin, name), args, { cwd: root });
    p.stderr.on('data', (d) => { log += d; if (log.length > 1 << 20) log = log.slice(-(1 << 19)); });
    p.stdout.on('data', () => {});
    p.on('close', (code) => {
      const stat = (k) => Number((new RegExp(`${k}:\\s*(\\d+)`).exec(log) || [])[1] || 0);
      const last = [...log.matchAll(/cov: (\d+) ft: (\d+) corp: (\d+)/g)].pop();
      const r = { name, ok: code === 0, execs: stat('stat::number_of_executed_units'),
        cov: last ? Number(last[1]) : 0, ft: last ? Number(last[2]) : 0,
        corpus: last ? Number(last[3]) : 0, seconds: Math.round((Date.now() - t0) / 1000) };
      if (!r.ok) {
        r.log = log.split('\n').filter((l) => /ERROR|SUMMARY|runtime error|Test unit written|#\d+ 0x/.test(l)).slice(0, 30).join('\n');
        console.log(`${name}: FAILED (exit ${code})\n${r.log}`);
      }
      console.log(`${name}: ${r.ok ? 'ok' : 'FAILED'} ${r.execs} executions in ${r.seconds} s, ` +
        `cov ${r.cov} edges, ft ${r.ft}, corpus ${r.corpus}`);
      resolve(r);
    });
  });
}

// Replays each harness's corpus through a coverage build and prints llvm-cov's summary.
function coverage(names) {
  const cov = path.join(root, 'build', 'fuzz-cov');
  const tool = (t) => ['-14', ''].map((v) => `${t}${v}`).find((c) =>
    spawnSync(c, ['--help']).status === 0);
  const profdata = tool('llvm-profdata'), llvmcov = tool('llvm-cov');
  if (!profdata || !llvmcov) throw new Error('llvm-cov not found: apt-get install llvm-14');
  if (!fs.existsSync(path.join(cov, 'CMakeCache.txt')))
    execFileSync('cmake', ['-S', path.join(root, 'tests', 'fuzz'), '-B', cov,
      '-DCMAKE_C_COMPILER=clang', '-DWASOCK_FUZZ_COVERAGE=ON'], { stdio: 'inherit' });
  execFileSync('cmake', ['--build', cov, '-j', '2', '--target', ...names], { stdio: 'inherit' });
  const profiles = [];
  for (const name of names) {
    const raw = path.join(cov, `${name}.profraw`);
    const dirs = [path.join(bin, 'corpus', name), path.join(seedsDir, name)].filter((d) => fs.existsSync(d));
    spawnSync(path.join(cov, name), [...dirs, '-runs=0', '-close_fd_mask=3'],
      { env: { ...process.env, LLVM_PROFILE_FILE: raw }, stdio: 'ignore' });
    const data = path.join(cov, `${name}.profdata`);
    execFileSync(profdata, ['merge', '-sparse', raw, '-o', data]);
    profiles.push(raw);
    const rep = execFileSync(llvmcov, ['report', path.join(cov, name), `-instr-profile=${data}`,
      path.join(root, 'src'), path.join(root, 'host', 'sys')], { encoding: 'utf8' });
    const total = rep.trim().split('\n').pop().trim().split(/\s+/);
    // TOTAL regions missed cover% functions missed exec% lines missed cover% ...
    console.log(`${name}: lines ${total[9]}, regions ${total[3]}, functions ${total[6]} ` +
      `(of the files it links from src/ and host/sys/)`);
  }
  const merged = path.join(cov, 'all.profdata');
  execFileSync(profdata, ['merge', '-sparse', ...profiles, '-o', merged]);
  const objs = names.flatMap((n, i) => (i ? ['-object', path.join(cov, n)] : [path.join(cov, n)]));
  const rep = execFileSync(llvmcov, ['report', ...objs, `-instr-profile=${merged}`,
    path.join(root, 'src'), path.join(root, 'host', 'sys')], { encoding: 'utf8' });
  console.log(rep);
}

async function main() {
  const argv = process.argv.slice(2);
  let json = null;
  const ji = argv.indexOf('--json');
  if (ji >= 0) { json = argv[ji + 1]; argv.splice(ji, 2); }
  if (argv[0] === '--seeds') return seeds();
  if (argv[0] === '--coverage') return coverage(argv.length > 1 ? argv.slice(1) : HARNESSES);
  if (!process.env.WASOCK_FUZZ_DIR) build();
  if (argv[0] === '--build') return;
  const seconds = Number(argv[0] && /^\d+$/.test(argv[0]) ? argv.shift() : process.env.WASOCK_FUZZ_SECONDS || 60);
  const names = argv.length ? argv : HARNESSES;
  const jobs = Math.max(1, Number(process.env.WASOCK_FUZZ_JOBS || 2));
  const queue = [...names];
  const results = [];
  await Promise.all(Array.from({ length: Math.min(jobs, queue.length) }, async () => {
    while (queue.length) results.push(await runOne(queue.shift(), seconds));
  }));
  const total = results.reduce((s, r) => s + r.execs, 0);
  console.log(`fuzz: ${results.filter((r) => r.ok).length}/${results.length} harnesses clean, ${total} executions`);
  if (json) fs.writeFileSync(json, JSON.stringify({ harnesses: results, total }));
  process.exitCode = results.every((r) => r.ok) ? 0 : 1;
}

main().catch((e) => { console.error(e); process.exit(2); });
