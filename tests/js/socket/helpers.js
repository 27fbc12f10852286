// SPDX-License-Identifier: MIT
// Shared by the socket tests: the package, fd accounting through /proc/self/fd, loopback
// pairs, and child processes (python3, node, curl, nc) that are always bounded in time
// and killed by killChildren() in afterAll.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { startChild, killChildren } = require('../../child');

const BRIDGE = path.resolve(__dirname, '..', '..', '..', 'bridge');
const w = require(BRIDGE);

// Every peer process gets at most this long; a test that waits on one never hangs.
const CHILD_MS = 15000;
// Blocking calls in tests that wait on a peer use this timeout (seconds).
const PEER_S = 10;

/** Number of open descriptors of this process. */
function fdCount() {
  return fs.readdirSync('/proc/self/fd').length;
}

/** What fd refers to ('socket:[1234]', a path...), or null when it is not open. */
function fdTarget(fd) {
  try {
    return fs.readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
}

/** fd -> what it refers to, for every open descriptor. */
function fdSnapshot() {
  const snap = new Map();
  for (const fd of fs.readdirSync('/proc/self/fd')) snap.set(Number(fd), fdTarget(Number(fd)));
  return snap;
}

/**
 * Descriptors open now that were not open (or referred to something else) at snap.
 * Unlike a plain count this ignores descriptors closed meanwhile, e.g. by the
 * FinalizationRegistry of sockets an earlier test file in this worker dropped, which
 * can run whenever a test awaits.
 */
function fdsOpenedSince(snap) {
  const now = fdSnapshot();
  return [...now].filter(([fd, target]) => target !== null && snap.get(fd) !== target)
    .map(([fd, target]) => `${fd} -> ${target}`);
}

/** A connected TCP pair on loopback: [client, server side]. */
function tcpPair(family = w.AF_INET) {
  const host = family === w.AF_INET6 ? '::1' : '127.0.0.1';
  const l = w.socket(family, w.SOCK_STREAM);
  try {
    l.bind([host, 0]);
    l.listen();
    const c = w.socket(family, w.SOCK_STREAM);
    c.connect(l.getsockname());
    const [s] = l.accept();
    return [c, s];
  } finally {
    l.close();
  }
}

/** A loopback port nobody listens on (bound then released). */
function closedPort(host = '127.0.0.1', family = w.AF_INET) {
  const s = w.socket(family, w.SOCK_STREAM);
  s.bind([host, 0]);
  const port = s.getsockname()[1];
  s.close();
  return port;
}

/** Closes every socket given, ignoring errors. */
function closeAll(...socks) {
  for (const s of socks.flat()) {
    try {
      if (s) s.close();
    } catch { /* already gone */ }
  }
}

/** A fresh path for an AF_UNIX socket, removed by cleanupTmp(). */
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-test-'));
let tmpSeq = 0;
function tmpPath(name = 'sock') {
  return path.join(tmpDir, `${name}-${process.pid}-${tmpSeq++}`);
}
function cleanupTmp() {
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

/**
 * Starts cmd with a hard time limit. Returns { child, done, line() }: done resolves to
 * { code, signal, stdout, stderr } when it exits; line() resolves to the next stdout line.
 */
function start(cmd, args, opts = {}) {
  let stdio = opts.stdio || ['pipe', 'pipe', 'pipe'];
  let inputFd = null;
  if (opts.input !== undefined) {
    // Input comes from a file, not a pipe: the test may block its event loop in a
    // synchronous socket call while the child still has to read its stdin.
    const file = tmpPath('stdin');
    fs.writeFileSync(file, opts.input);
    inputFd = fs.openSync(file, 'r');
    stdio = [inputFd, ...stdio.slice(1)];
  }
  const started = startChild(cmd, args, { ...opts, stdio, input: undefined,
    timeout: opts.timeout || CHILD_MS });
  if (inputFd !== null) fs.closeSync(inputFd);
  return started;
}

/** Runs cmd to completion (bounded); resolves to { code, signal, stdout, stderr }. */
function run(cmd, args, opts) {
  return start(cmd, args, opts).done;
}

/** A node child that has `w` (this package) in scope; script is the body. */
function startNode(script, opts = {}) {
  const prelude = `'use strict'; const w = require(${JSON.stringify(BRIDGE)});\n`;
  return start(process.execPath, [...(opts.nodeArgs || []), '-e', prelude + script], opts);
}

function startPython(script, opts = {}) {
  return start('python3', ['-c', script], opts);
}

/**
 * Runs script in a node child (with `w`) and resolves to the JSON value it prints last.
 * Tests that close a descriptor behind a socket's back run there: in this process
 * another thread could reuse the number in between.
 */
async function nodeJSON(script, opts) {
  const r = await startNode(script, opts).done;
  if (r.code !== 0 || r.stderr) throw new Error(`node child failed (${r.code}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** A descriptor number that is never open (beyond any RLIMIT_NOFILE). */
const BAD_FD = 2 ** 30;


/** True when `cmd args` runs and exits 0 (used to decide skips). */
function can(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore', timeout: 5000 });
  return r.status === 0;
}

/** Reads from a blocking socket until EOF. */
function recvAll(sock) {
  const parts = [];
  for (;;) {
    const d = sock.recv(65536);
    if (!d.length) return Buffer.concat(parts);
    parts.push(d);
  }
}

/** Reads exactly n bytes. */
function recvExactly(sock, n) {
  const parts = [];
  let got = 0;
  while (got < n) {
    const d = sock.recv(n - got);
    if (!d.length) break;
    parts.push(d);
    got += d.length;
  }
  return Buffer.concat(parts);
}

module.exports = {
  w, BRIDGE, CHILD_MS, PEER_S, fdCount, fdTarget, fdSnapshot, fdsOpenedSince, tcpPair, closedPort, closeAll, tmpPath,
  cleanupTmp, start, run, startNode, startPython, killChildren, can, recvAll, recvExactly,
  nodeJSON, BAD_FD,
};
