// SPDX-License-Identifier: MIT
// The hostile-input driver: seeded random calls of every exported function and method of
// `wasock` and `wasock/promises` (and of makefile's file object) with hostile values —
// huge, negative, NaN, BigInt, detached and resizable buffers, Proxies whose traps throw,
// getters that close the socket or answer differently on each read, objects that
// re-enter wasock. Run as a child process (driver.test.js): a crash or a trap ends this
// process, not the test runner.
//
//   node driver.js [--seed N] [--calls N] [--seconds S]
//
// Prints one JSON line: { seed, calls, byFace, thrown, problems, fds, ordinary, slowest }.
// The same seed makes the same sequence of calls.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ws = require('../../../bridge');
const wsp = require('../../../bridge/promises');

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const SEED = opt('seed', 1);
const CALLS = opt('calls', 20000);
const SECONDS = opt('seconds', 120);
const HOSTNAME = os.hostname();
// A call that takes longer than this counts as a hang (generous: the machine may be busy).
const HANG_MS = 60000;

// mulberry32: small, seeded, good enough to pick test cases.
let state = SEED >>> 0;
function rand() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rand() * a.length)];

// Thrown by the hostile values' own traps and getters: the user's exception, which may
// pass through wasock unchanged.
class HostileError extends Error {}

// Unix socket paths the calls bind land in a directory of their own.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-hostile-'));
process.chdir(dir);
// A regular file for sendfile.
const scratchPath = path.join(dir, 'scratch');
fs.writeFileSync(scratchPath, Buffer.alloc(65536, 0x5a));
const scratchFd = fs.openSync(scratchPath, 'r');

// ---- the sockets calls are made on (never the ordinary sockets checked at the end)
const owned = new Set(); // every socket or file object a call made; closed at the end
const ownedFds = new Set();
let current = null; // the target of the call being made, for getters that close it

function track(v, depth = 0) {
  if (depth > 3 || v === null || typeof v !== 'object') return;
  if (v instanceof ws.Socket || v instanceof wsp.AsyncSocket) owned.add(v);
  else if (Array.isArray(v)) for (const x of v) track(x, depth + 1);
  else if (typeof v.close === 'function' && typeof v.readable === 'function') owned.add(v);
}

const tcpServer = ws.create_server(['127.0.0.1', 0]);
tcpServer.setblocking(false);
const tcpPort = tcpServer.getsockname()[1];

function freshTarget(face) {
  const kind = pick(['tcp', 'udp', 'unix', 'unixdgram', 'listener']);
  let s;
  switch (kind) {
    case 'tcp': {
      s = ws.create_connection(['127.0.0.1', tcpPort]);
      try { track(tcpServer.accept()); } catch { /* raced */ }
      break;
    }
    case 'udp':
      s = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
      s.bind(['127.0.0.1', 0]);
      break;
    case 'unix': {
      const pair = ws.socketpair();
      track(pair[1]);
      pair[1].sendall(Buffer.from('data for the driver'));
      s = pair[0];
      break;
    }
    case 'unixdgram': {
      const pair = ws.socketpair(ws.AF_UNIX, ws.SOCK_DGRAM);
      track(pair[1]);
      s = pair[0];
      break;
    }
    default:
      s = ws.create_server(['127.0.0.1', 0]);
  }
  s.setblocking(false);
  owned.add(s);
  return face === 'promises' ? s.promises : s;
}

const targets = { sync: [], promises: [] };
function target(face) {
  const list = targets[face];
  const i = Math.floor(rand() * 4);
  const t = list[i];
  if (t && t.fileno() >= 0) {
    // Whatever the last call set, a call must not wait: non-blocking each time.
    try { t.setblocking(false); } catch { /* closed meanwhile */ }
    return t;
  }
  list[i] = freshTarget(face);
  return list[i];
}

// ---- hostile values
const GiB = 2 ** 30;
const lazy = new Map();
const once = (key, make) => () => {
  if (!lazy.has(key)) lazy.set(key, make());
  return lazy.get(key);
};

function detachedBuffer(n = 16) {
  const b = new ArrayBuffer(n);
  structuredClone(b, { transfer: [b] });
  return b;
}

function detachedView(Ctor) {
  const b = new ArrayBuffer(16);
  const v = new Ctor(b);
  structuredClone(b, { transfer: [b] });
  return v;
}

function nested(depth) {
  let a = [];
  for (let i = 0; i < depth; i++) a = [a];
  return a;
}

const throwingTraps = {};
for (const trap of ['get', 'has', 'ownKeys', 'getOwnPropertyDescriptor', 'getPrototypeOf',
  'set', 'apply', 'construct', 'defineProperty', 'deleteProperty', 'isExtensible']) {
  throwingTraps[trap] = () => { throw new HostileError(`trap ${trap}`); };
}

// A tuple whose first item runs fn on each read.
function getterTuple(fn, rest = [80]) {
  const t = [undefined, ...rest];
  Object.defineProperty(t, 0, { get: fn, enumerable: true });
  return t;
}

// What a getter may do when it re-enters wasock: nothing that could block.
const REENTRIES = [
  () => ws.htons(1),
  () => ws.socketpair().forEach((s) => s.close()),
  () => { try { ws.inet_aton('1'.repeat(1 << 20)); } catch { /* grows the argument area */ } },
  () => ws.getnameinfo(['127.0.0.1', 80], ws.NI_NUMERICHOST | ws.NI_NUMERICSERV),
  () => { if (current) current.close(); },
  () => { if (current) current.settimeout(0); },
  () => ws.encode_sockaddr(ws.AF_INET6, ['::1', 80, 0, 0]),
];

function lying() {
  let n = 0;
  return () => (n++ % 2 === 0 ? '127.0.0.1' : '\xff'.repeat(70000));
}

const VALUES = {
  // numbers
  0: () => 0, '-1': () => -1, '-0': () => -0, 1: () => 1, 80: () => 80,
  '2**31-1': () => 2 ** 31 - 1, '2**31': () => 2 ** 31, '2**32': () => 2 ** 32,
  '-(2**31)-1': () => -(2 ** 31) - 1, '2**53+2': () => 2 ** 53 + 2, '2**64': () => 2 ** 64,
  '1e300': () => 1e300, '-1e300': () => -1e300, NaN: () => NaN, Infinity: () => Infinity,
  '-Infinity': () => -Infinity, '0.5': () => 0.5, '5e-324': () => 5e-324, '2**30': () => 2 ** 30,
  // BigInts
  '0n': () => 0n, '-1n': () => -1n, '2n**31n': () => 2n ** 31n, '2n**63n': () => 2n ** 63n,
  '2n**64n': () => 2n ** 64n, '-(2n**64n)': () => -(2n ** 64n), '2n**1000n': () => 2n ** 1000n,
  // strings (none that a resolver would look up: this must not depend on DNS)
  "''": () => '', '\\0': () => '\0', lone: () => '\ud800', 'a.repeat(64)': () => 'a'.repeat(64),
  '1 MB string': once('1mb', () => 'a'.repeat(1 << 20)),
  'é x 1000': () => 'é'.repeat(1000), '127.0.0.1': () => '127.0.0.1', '::1': () => '::1',
  localhost: () => 'localhost', 'r': () => 'r', rwb: () => 'rwb',
  // bytes
  'Buffer(0)': () => Buffer.alloc(0), 'Buffer(16)': () => Buffer.alloc(16),
  '10 MB Buffer': once('10mb', () => Buffer.alloc(10 << 20, 0x61)),
  'detached Uint8Array': () => detachedView(Uint8Array),
  'detached DataView': () => { const b = new ArrayBuffer(8); const d = new DataView(b); structuredClone(b, { transfer: [b] }); return d; },
  'detached Float64Array': () => detachedView(Float64Array),
  'detached ArrayBuffer': () => detachedBuffer(),
  'resizable ArrayBuffer': () => new ArrayBuffer(8, { maxByteLength: 64 }),
  'length-tracking view': () => new Uint8Array(new ArrayBuffer(8, { maxByteLength: 64 })),
  'shrunk view': () => { const r = new ArrayBuffer(16, { maxByteLength: 16 }); const v = new Uint8Array(r, 8, 8); r.resize(4); return v; },
  'shrunk DataView': () => { const r = new ArrayBuffer(16, { maxByteLength: 16 }); const v = new DataView(r, 8, 8); r.resize(4); return v; },
  SharedArrayBuffer: () => new SharedArrayBuffer(8),
  Float64Array: () => new Float64Array([1.5, NaN]),
  'Buffer with lying length': () => {
    const b = Buffer.alloc(8);
    let n = 0;
    for (const k of ['length', 'byteLength']) Object.defineProperty(b, k, { get: () => (n++ % 2 ? 1 << 24 : 1) });
    return b;
  },
  '1 GiB ArrayBuffer x3': once('gib', () => { const g = new ArrayBuffer(GiB); return [g, g, g]; }),
  // objects
  null: () => null, undefined: () => undefined, '{}': () => ({}), '[]': () => [],
  'nested 40': () => nested(40), 'sparse': () => [, , 3], // eslint-disable-line no-sparse-arrays
  Symbol: () => Symbol('s'), function: () => function f() {}, Map: () => new Map(),
  Date: () => new Date(0), 'Object.create(null)': () => Object.create(null),
  'array of hostile': () => [Symbol('y'), undefined, {}, 2n ** 70n, detachedBuffer()],
  'throwing Proxy object': () => new Proxy({}, throwingTraps),
  'throwing Proxy array': () => new Proxy([], throwingTraps),
  'throwing Proxy function': () => new Proxy(() => {}, throwingTraps),
  'revoked Proxy': () => { const r = Proxy.revocable([], {}); r.revoke(); return r.proxy; },
  'Proxy array of varying length': () => { let n = 0; return new Proxy(['127.0.0.1', 80], { get: (t, k) => (k === 'length' ? (n++ % 2 ? 1e6 : 2) : t[k]) }); },
  'two-faced tuple': () => getterTuple(lying()),
  'tuple whose getter closes the socket': () => getterTuple(() => { if (current) current.close(); return '127.0.0.1'; }),
  'tuple whose getter throws': () => getterTuple(() => { throw new HostileError('getter'); }),
  're-entrant tuple': () => getterTuple(() => { pick(REENTRIES)(); return '127.0.0.1'; }),
  'sly primitive': () => ({
    valueOf() { pick(REENTRIES)(); return 80; },
    toString() { throw new HostileError('toString'); },
    [Symbol.toPrimitive]() { if (current) current.close(); return 80; },
  }),
  'options with hostile signal': () => ({ get signal() { pick(REENTRIES)(); return new Proxy({}, throwingTraps); } }),
  'aborted signal': () => ({ signal: AbortSignal.abort() }),
  'options with a fake signal': () => ({ signal: { aborted: false } }),
  'object with fd getter': () => { let n = 0; return { get fd() { return n++ ? 'x' : scratchFd; } }; },
  'iterable that closes': () => ({ *[Symbol.iterator]() { if (current) current.close(); yield Buffer.from('x'); } }),
  'iterable that throws': () => ({ [Symbol.iterator]() { throw new HostileError('iterator'); } }),
};
const LABELS = Object.keys(VALUES);

// fd positions get values that cannot name an fd this process holds (other than the
// scratch file): a hostile call must not close or take over someone else's descriptor.
const FD_SAFE = LABELS.filter((l) => {
  const v = VALUES[l]();
  if (typeof v === 'number') return !(Number.isInteger(v) && v >= 0 && v < 2 ** 31);
  if (typeof v === 'bigint') return !(v >= 0n && v < 2n ** 31n);
  if (typeof v === 'boolean') return false;
  return !['sly primitive'].includes(l);
});
// sethostname (this may run as root) only gets values no kernel would take as a name:
// strings longer than 64 or not encodable, bytes longer than 64 or detached, and what is
// neither a string nor bytes. An empty name would be taken. (step() also checks the name
// after each such call and puts it back.)
const { asBytes } = require('../../../bridge/wire');
const NAME_SAFE = LABELS.filter((l) => {
  const v = VALUES[l]();
  if (typeof v === 'string') return v.length > 64 || !v.isWellFormed();
  let b;
  try { b = asBytes(v); } catch { return true; }
  return b === null || b.length > 64;
});

// ---- what is called, with valid arguments to start from
const A = ws;
const MODULE_BASE = {
  htons: [1], ntohs: [1], htonl: [1], ntohl: [1], inet_aton: ['1.2.3.4'],
  inet_ntoa: [Buffer.from([1, 2, 3, 4])], inet_pton: [A.AF_INET, '1.2.3.4'],
  inet_ntop: [A.AF_INET6, Buffer.alloc(16)], CMSG_LEN: [4], CMSG_SPACE: [4],
  encode_sockaddr: [A.AF_INET, ['127.0.0.1', 80], 0],
  decode_sockaddr: [Buffer.from('020000507f0000010000000000000000', 'hex')],
  getaddrinfo: ['127.0.0.1', 80, A.AF_INET, 0, 0, A.AI_NUMERICHOST],
  getnameinfo: [['127.0.0.1', 80], A.NI_NUMERICHOST | A.NI_NUMERICSERV],
  gethostbyname: ['127.0.0.1'], gethostbyname_ex: ['localhost'], gethostbyaddr: ['127.0.0.1'],
  getfqdn: ['localhost'], gethostname: [], sethostname: [''], getservbyname: ['http', 'tcp'],
  getservbyport: [80, 'tcp'], getprotobyname: ['tcp'], if_nameindex: [],
  if_nametoindex: ['lo'], if_indextoname: [1], getdefaulttimeout: [],
  setdefaulttimeout: [null], has_dualstack_ipv6: [], close: [-1],
  socket: [A.AF_INET, A.SOCK_DGRAM, 0, null], socketpair: [A.AF_UNIX, A.SOCK_STREAM],
  fromfd: [-1, A.AF_INET, A.SOCK_STREAM],
  create_connection: [['127.0.0.1', 0], 0.2],
  create_server: [['127.0.0.1', 0], {}],
  send_fds: ['SOCK', [Buffer.from('x')], [scratchFd]], recv_fds: ['SOCK', 10, 1],
  fromErrno: [9, 'x'], dup: [scratchFd], SocketIO: ['SOCK', 'rb'],
  AddressFamily: [A.AF_INET], SocketKind: [A.SOCK_STREAM], MsgFlag: [A.MSG_PEEK],
  AddressInfo: [A.AI_PASSIVE],
  'can.pack_frame': [1, Buffer.from('ab')], 'can.unpack_frame': [Buffer.alloc(16)],
  'can.pack_fd_frame': [1, Buffer.from('ab')], 'can.unpack_fd_frame': [Buffer.alloc(72)],
  'can.pack_bcm': [1, 0, 0, [0, 0], [0, 0], 1, []], 'can.unpack_bcm': [Buffer.alloc(56)],
};
// Which argument positions hold an fd (FD_SAFE values only).
const FD_POS = { close: [0], fromfd: [0], socket: [3], sendfile: [0], send_fds: [2], dup: [0] };

const METHOD_BASE = {
  accept: [], bind: [['127.0.0.1', 0]], connect: [['127.0.0.1', tcpPort]],
  connect_ex: [['127.0.0.1', tcpPort]], listen: [5], shutdown: [A.SHUT_RDWR],
  getsockname: [], getpeername: [], getsockopt: [A.SOL_SOCKET, A.SO_TYPE],
  setsockopt: [A.SOL_SOCKET, A.SO_REUSEADDR, 1], getblocking: [], setblocking: [false],
  gettimeout: [], settimeout: [0], get_inheritable: [], set_inheritable: [false],
  fileno: [], close: [], detach: [], dup: [], recv: [10], recvfrom: [10],
  recv_into: [Buffer.alloc(10)], recvfrom_into: [Buffer.alloc(10)], recvmsg: [10, 64],
  recvmsg_into: [[Buffer.alloc(10)], 64], send: [Buffer.from('x')], sendall: [Buffer.from('x')],
  sendto: [Buffer.from('x'), ['127.0.0.1', 9]], sendmsg: [[Buffer.from('x')], [], 0, null],
  sendmsg_afalg: [[Buffer.from('x')], { op: 0 }], sendfile: [scratchFd, 0, 100],
  makefile: ['rwb'], ref: [], unref: [], toStream: [{}],
};
const FILE_BASE = {
  read: [4], readline: [10], readlines: [1], readinto: [Buffer.alloc(4)], write: [Buffer.from('x')],
  writelines: [[Buffer.from('x')]], flush: [], close: [], fileno: [], readable: [],
  writable: [], seekable: [],
};

// Every function either face exports is called, but the classes (reached through
// socket(), socketpair() and the calls that return sockets, or made by wasock itself).
const NOT_CALLED = new Set(['Socket', 'SocketType', 'AsyncSocket']);
function uncovered() {
  const out = [];
  for (const [face, mod] of [['sync', ws], ['promises', wsp]]) {
    for (const [name, v] of Object.entries(mod)) {
      if (typeof v !== 'function' || NOT_CALLED.has(name) || v.prototype instanceof Error || v === Error) continue;
      if (!(name in MODULE_BASE)) out.push(`${face} function ${name}`);
    }
    const proto = face === 'sync' ? ws.Socket.prototype : wsp.AsyncSocket.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (name === 'constructor' || typeof d.value !== 'function') continue;
      if (!(name in METHOD_BASE)) out.push(`${face} method ${name}`);
    }
  }
  for (const name of Object.keys(ws.can)) if (!(`can.${name}` in MODULE_BASE)) out.push(`can.${name}`);
  return out;
}

function fnOf(face, name) {
  const mod = face === 'sync' ? ws : wsp;
  if (name.startsWith('can.')) return ws.can[name.slice(4)];
  return mod[name];
}

// ---- one call
const stats = { calls: 0, byFace: { sync: 0, promises: 0 }, thrown: {}, slowest: { ms: 0 } };
const problems = new Map();
const V8_TEXT = /Cannot (read|set) properties|is not a function|is not iterable|is not a constructor|Cannot convert|Cannot mix BigInt|Cannot perform|Invalid typed array length|Invalid array length|Offset is outside|Maximum call stack|Do not know how to serialize/;

function problem(what, detail) {
  const key = `${what}: ${detail}`;
  const p = problems.get(key);
  if (p) p.count++;
  else problems.set(key, { count: 1, call: stats.calls });
}

function judge(what, e) {
  if (e instanceof HostileError) { stats.thrown.HostileError = (stats.thrown.HostileError || 0) + 1; return; }
  if (!(e instanceof Error)) return problem(what, `threw a non-Error ${typeof e}`);
  stats.thrown[e.name] = (stats.thrown[e.name] || 0) + 1;
  if (e instanceof ws.InternalError) return problem(what, `InternalError: ${e.message}`);
  // Touching a revoked Proxy is the engine's TypeError wherever it happens, in wasock as
  // in any JS API: the user's object raising, as a getter that throws does.
  if (/proxy that has been revoked/.test(e.message)) return;
  if (V8_TEXT.test(e.message)) return problem(what, `engine error ${e.constructor.name}: ${e.message.slice(0, 120)}`);
  // AbortError is the promise face's documented rejection for an aborted signal.
  if (!(e instanceof TypeError || e instanceof RangeError || e instanceof ws.OSError ||
    e.name === 'AbortError' || e instanceof AggregateError))
    problem(what, `unexpected class ${e.constructor.name}: ${e.message.slice(0, 120)}`);
}

function hostileArgs(name, base) {
  if (name === 'sethostname') return [VALUES[pick(NAME_SAFE)]()];
  const args = base.slice();
  const fdPos = FD_POS[name] || [];
  const k = 1 + Math.floor(rand() * 2);
  for (let j = 0; j < k; j++) {
    const pos = Math.floor(rand() * (args.length + 1));
    const label = pick(fdPos.includes(pos) ? FD_SAFE : LABELS);
    // Sometimes inside a tuple argument rather than in place of it.
    let tuple = false;
    try { tuple = Array.isArray(args[pos]) && !Object.getOwnPropertyDescriptor(args[pos], 0)?.get; } catch { /* a revoked Proxy */ }
    if (tuple && rand() < 0.4) {
      const t = args[pos].slice();
      t[Math.floor(rand() * (t.length + 1))] = VALUES[label]();
      args[pos] = t;
    } else {
      args[pos] = VALUES[label]();
    }
  }
  return args;
}

const HUNG = Symbol('hung');
async function settle(what, r) {
  if (!r || typeof r.then !== 'function') return r;
  let timer;
  const hang = new Promise((resolve) => { timer = setTimeout(() => resolve(HUNG), HANG_MS); });
  try {
    const v = await Promise.race([r, hang]);
    if (v === HUNG) problem(what, `a promise did not settle within ${HANG_MS} ms`);
    return v;
  } finally {
    clearTimeout(timer);
  }
}

async function call(face, kind, name, self, fn, args) {
  const what = `${face} ${kind} ${name}`;
  stats.calls++;
  stats.byFace[face]++;
  const t0 = performance.now();
  try {
    const r = await settle(what, fn.apply(self, args));
    if (name === 'toStream' && r) {
      // A stream made with an aborted signal emits 'error': a listener is the caller's part.
      r.on('error', () => {});
      r.destroy();
    }
    track(r);
    if ((name === 'detach' || name === 'dup') && typeof r === 'number' && r >= 0) ownedFds.add(r);
    if (name === 'recv_fds' && Array.isArray(r)) for (const fd of r[1] || []) ownedFds.add(fd);
  } catch (e) {
    judge(what, e);
  } finally {
    const ms = performance.now() - t0;
    if (ms > stats.slowest.ms) stats.slowest = { ms: Math.round(ms), what };
    if (ms > HANG_MS) problem(what, `took ${Math.round(ms)} ms`);
    try { ws.setdefaulttimeout(null); } catch (e) { judge('setdefaulttimeout reset', e); }
    if (name === 'sethostname' && os.hostname() !== HOSTNAME) {
      problem(what, `renamed this machine to ${JSON.stringify(os.hostname())}`);
      ws.sethostname(HOSTNAME);
    }
  }
}

async function step() {
  const face = rand() < 0.5 ? 'sync' : 'promises';
  const r = rand();
  if (r < 0.35) {
    const name = pick(Object.keys(MODULE_BASE));
    const fn = fnOf(face, name);
    let base = MODULE_BASE[name];
    if (base[0] === 'SOCK') {
      current = target(face);
      base = [current, ...base.slice(1)];
    }
    const args = hostileArgs(name, base);
    if (name === 'close') for (let i = 1; i < args.length; i++) args[i] = undefined;
    await call(face, 'function', name, null, fn, args);
  } else if (r < 0.9) {
    current = target(face);
    const names = Object.keys(METHOD_BASE).filter((n) => typeof current[n] === 'function');
    const name = pick(names);
    await call(face, 'method', name, current, current[name], hostileArgs(name, METHOD_BASE[name]));
  } else {
    current = target('sync');
    let f;
    try {
      f = current.makefile(pick(['rb', 'wb', 'rwb', 'r', 'w']), pick([0, null, 16]));
    } catch (e) {
      judge('sync method makefile', e);
      return;
    }
    owned.add(f);
    const name = pick(Object.keys(FILE_BASE));
    if (typeof f[name] === 'function') await call(face, 'file', name, f, f[name], hostileArgs(name, FILE_BASE[name]));
  }
}

const fdCount = () => fs.readdirSync('/proc/self/fd').length;
// A warning (a timer Node had to clamp, an unhandled rejection) is a problem too.
process.on('warning', (w) => problem('process warning', `${w.name}: ${w.message.split('\n')[0]}`));

async function main() {
  // The ordinary sockets, opened before any hostile call; checked at the end.
  const [o1, o2] = ws.socketpair();
  const [p1, p2] = wsp.socketpair();
  await p1.sendall(Buffer.from('warm'));
  await p2.recv(4);
  const fdsBefore = fdCount() - 1; // the TCP server, closed before counting again

  for (const name of uncovered()) problem(name, 'exported but not in the driver\'s tables');
  const deadline = Date.now() + SECONDS * 1000;
  while (stats.calls < CALLS && Date.now() < deadline) {
    // Sockets the sync face set to blocking are put back by target(); the promise face's
    // are non-blocking through their sync face.
    await step();
    if (problems.size > 200) break;
  }
  current = null;

  // Close what the calls made; the fd count is then what it was before.
  for (const s of owned) { try { s.close(); } catch { /* already closed */ } }
  for (const list of Object.values(targets)) for (const t of list) { try { if (t) t.close(); } catch { /* closed */ } }
  for (const fd of ownedFds) { try { fs.closeSync(fd); } catch { /* already closed */ } }
  tcpServer.close();
  // Sockets dropped inside getters (already closed there) and pending promise
  // operations are given a turn to finish.
  await new Promise((r) => setTimeout(r, 100));
  const fdsAfter = fdCount();

  const ordinary = {};
  try {
    o1.sendall(Buffer.from('sync ok'));
    ordinary.sync = o2.recv(100).toString();
    await p2.sendall(Buffer.from('promises ok'));
    ordinary.promises = (await p1.recv(100)).toString();
    ordinary.module = ws.inet_ntoa(ws.inet_aton('10.9.8.7'));
  } catch (e) {
    ordinary.error = `${e.name}: ${e.message}`;
  }
  for (const s of [o1, o2, p1, p2]) s.close();
  fs.closeSync(scratchFd);
  fs.rmSync(dir, { recursive: true, force: true });

  const out = {
    seed: SEED, calls: stats.calls, byFace: stats.byFace, thrown: stats.thrown,
    problems: [...problems].map(([k, v]) => `${k} (x${v.count}, first at call ${v.call})`),
    fds: { before: fdsBefore, after: fdsAfter }, ordinary, slowest: stats.slowest,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
  process.exit(0);
}

main().catch((e) => {
  process.stdout.write(`${JSON.stringify({ fatal: `${e && e.stack}` })}\n`);
  process.exit(1);
});
