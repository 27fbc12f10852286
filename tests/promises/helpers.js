// SPDX-License-Identifier: MIT
// Shared by the promise-face tests: the package, event-loop gap measurement, fd and
// libuv-handle accounting, promise-face loopback pairs and servers, and child processes
// (node, python3) that are always bounded in time and killed by killChildren().
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const crypto = require('node:crypto');
const { spawnSync } = require('node:child_process');
const { startChild, killChildren } = require('../child');

const ROOT = path.resolve(__dirname, '..', '..');
const PROMISES = path.join(ROOT, 'bridge', 'promises.js');
const wp = require(PROMISES);

// Every child process gets at most this long.
const CHILD_MS = 20000;

/** Number of open descriptors of this process. */
function fdCount() {
  return fs.readdirSync('/proc/self/fd').length;
}

/** libuv handles of the given type on the main loop (the diagnostic report walks them). */
function uvHandles(type = 'poll') {
  return process.report.getReport().libuv.filter((h) => h.type === type);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves after the loop has run its close callbacks (a timer runs after them). */
const turn = () => sleep(5);

/**
 * Measures the event loop while work() runs: a setInterval(…, periodMs) records the gaps
 * between its ticks. Returns { value, n, mean, max, p99 } (gaps in ms).
 */
async function measureGaps(work, periodMs = 10) {
  const gaps = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, periodMs);
  let value;
  try {
    value = await work();
  } finally {
    clearInterval(timer);
  }
  const tail = performance.now() - last;
  if (tail > periodMs) gaps.push(tail); // a stall at the very end counts too
  const sorted = [...gaps].sort((a, b) => a - b);
  const mean = gaps.reduce((a, b) => a + b, 0) / (gaps.length || 1);
  return {
    value, n: gaps.length, mean, max: sorted[sorted.length - 1] || 0,
    p99: sorted[Math.floor(sorted.length * 0.99)] || 0,
  };
}

const fmt = (g) => `ticks=${g.n} mean=${g.mean.toFixed(2)}ms p99=${g.p99.toFixed(2)}ms max=${g.max.toFixed(2)}ms`;

/** Writes a figure line to stdout (bypassing Jest's console decoration) and returns it. */
function report(line) {
  process.stdout.write(`[wasock/promises] ${line}\n`);
  return line;
}

/** A promise-face listening TCP socket on loopback. */
function listener(backlog = 128, host = '127.0.0.1') {
  const l = wp.socket(host.includes(':') ? wp.AF_INET6 : wp.AF_INET, wp.SOCK_STREAM);
  l.setsockopt(wp.SOL_SOCKET, wp.SO_REUSEADDR, 1);
  l.bind([host, 0]);
  l.listen(backlog);
  return l;
}

/** A connected promise-face TCP pair on loopback: [client, server side]. */
async function tcpPair() {
  const l = listener();
  try {
    const c = wp.socket();
    const [[s], ] = await Promise.all([l.accept(), c.connect(l.getsockname())]);
    return [c, s];
  } finally {
    l.close();
  }
}

/**
 * A listener whose accept queue is full and never drained, so a further connect() gets
 * no answer (Linux drops the SYN while the queue is full): a peer that does not reply,
 * on loopback. Returns { l, addr, fillers, close() }.
 */
async function silentListener() {
  const l = wp.socket();
  l.bind(['127.0.0.1', 0]);
  l.listen(0);
  const addr = l.getsockname();
  const fillers = [];
  // listen(0) queues one connection (the kernel allows backlog + 1); fill with a margin.
  for (let i = 0; i < 2; i++) {
    const c = wp.socket();
    c.settimeout(0.3);
    try {
      await c.connect(addr);
    } catch { /* the queue was already full */ }
    fillers.push(c);
  }
  return { l, addr, fillers, close: () => closeAll(l, ...fillers) };
}

function closeAll(...socks) {
  for (const s of socks.flat()) {
    try {
      if (s) s.close();
    } catch { /* already gone */ }
  }
}

/** Reads from a promise-face stream socket until EOF (or n bytes). */
async function recvAll(sock, n = Infinity) {
  const parts = [];
  let got = 0;
  while (got < n) {
    const d = await sock.recv(Math.min(65536, n - got));
    if (!d.length) break;
    parts.push(d);
    got += d.length;
  }
  return Buffer.concat(parts);
}

const sha256 = (b) => crypto.createHash('sha256').update(b).digest('hex');

const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-promises-'));
let tmpSeq = 0;
function tmpPath(name = 'f') {
  return path.join(tmpDir, `${name}-${process.pid}-${tmpSeq++}`);
}
function cleanupTmp() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

/**
 * Starts cmd with a hard time limit (SIGKILL). Returns { child, done, line() }: done
 * resolves to { code, signal, stdout, stderr, ms } when it exits; line() to the next
 * stdout line.
 */
function start(cmd, args, opts = {}) {
  return startChild(cmd, args, { ...opts, timeout: opts.timeout || CHILD_MS });
}

/** Runs cmd to completion (bounded); resolves to { code, signal, stdout, stderr, ms }. */
function run(cmd, args, opts) {
  return start(cmd, args, opts).done;
}

/** A node child with `wp` (wasock/promises) in scope; script is the body. */
function startNode(script, opts = {}) {
  const prelude = `'use strict'; const wp = require(${JSON.stringify(PROMISES)});\n`;
  return start(process.execPath, [...(opts.nodeArgs || []), '-e', prelude + script], opts);
}

function startPython(script, opts = {}) {
  return start('python3', ['-c', script], opts);
}


/** True when `cmd args` runs and exits 0 (used to decide skips). */
function can(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/** Rejects with a clear message if p has not settled within ms. */
function within(p, ms, what = 'operation') {
  let t;
  return Promise.race([
    p,
    new Promise((_, reject) => {
      t = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(t));
}

/** Follows p: the returned object's `settled` turns true once p has settled. */
function track(p) {
  const t = { settled: false, p };
  p.then(() => { t.settled = true; }, () => { t.settled = true; });
  return t;
}

module.exports = {
  wp, ROOT, PROMISES, CHILD_MS, fdCount, uvHandles, sleep, turn, measureGaps, fmt, report,
  listener, tcpPair, silentListener, closeAll, recvAll, sha256, tmpPath, cleanupTmp, start,
  run, startNode, startPython, killChildren, can, within, track,
};
