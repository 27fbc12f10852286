// SPDX-License-Identifier: MIT
// The hostile-argument matrix of robustness.test.js, run in a plain Node process so that
// a trap or a crash of the addon kills this child, not Jest, and V8's own TypeErrors are
// of the same realm as the test's. Run as `node hostile.js`: prints one JSON object,
// { problems: { fn: [text...] }, calls, after: { ... } }.
'use strict';

const ws = require('../../../bridge');

const { AF_INET, AF_INET6, AF_UNIX } = ws;

function detachedView(Ctor = Uint8Array) {
  const buf = new ArrayBuffer(16);
  const view = new Ctor(buf);
  structuredClone(buf, { transfer: [buf] });
  return view;
}

function detachedBuffer() {
  const buf = new ArrayBuffer(16);
  structuredClone(buf, { transfer: [buf] });
  return buf;
}

function nested(depth) {
  let a = [];
  for (let i = 0; i < depth; i++) a = [a];
  return a;
}

const BIG = 10 * 1024 * 1024;
const HOSTILE = {
  undefined: () => undefined,
  null: () => null,
  '{}': () => ({}),
  'Object.create(null)': () => Object.create(null),
  '[]': () => [],
  'Symbol()': () => Symbol('x'),
  'function': () => function f() {},
  'class': () => class C {},
  'Map': () => new Map([[1, 2]]),
  'Date': () => new Date(0),
  '1n': () => 1n,
  '2n**64n': () => 2n ** 64n,
  '-(2n**64n)': () => -(2n ** 64n),
  '2n**1000n': () => 2n ** 1000n,
  NaN: () => NaN,
  Infinity: () => Infinity,
  '-Infinity': () => -Infinity,
  '-0': () => -0,
  '2**53+1': () => 2 ** 53 + 1,
  '1e300': () => 1e300,
  '-1e300': () => -1e300,
  '5e-324': () => 5e-324,
  'empty string': () => '',
  'lone high surrogate': () => '\ud800',
  'lone low surrogate inside': () => 'a\udc00b',
  'surrogate host': () => 'local\ud83dhost',
  'detached Uint8Array': () => detachedView(),
  'detached DataView': () => { const b = new ArrayBuffer(8); const d = new DataView(b); structuredClone(b, { transfer: [b] }); return d; },
  'detached Float64Array': () => detachedView(Float64Array),
  'detached ArrayBuffer': () => detachedBuffer(),
  'SharedArrayBuffer': () => new SharedArrayBuffer(4),
  'Float64Array': () => new Float64Array([1.5]),
  'nested 100000 deep': () => nested(100000),
  'nested 33 deep': () => nested(33),
  'nested 31 deep': () => nested(31),
  'array with holes': () => [, , 3], // eslint-disable-line no-sparse-arrays
  'array of hostile': () => [Symbol('y'), undefined, {}, 2n ** 70n],
  'string with NUL': () => '\0\0\0',
};
// Each of these costs tens of milliseconds to marshal: every argument position gets the
// first two, the first position (and tuple items) the rest.
const HUGE = {
  '10 MB string': () => 'a'.repeat(BIG),
  '10 MB buffer': () => Buffer.alloc(BIG, 0x61),
  '10 MB dotted string': () => 'a.'.repeat(BIG / 2),
  '10 MB zero buffer': () => Buffer.alloc(BIG),
  '10 MB non-ASCII string': () => '\u00e9'.repeat(BIG / 2),
  'array of 1e6 zeros': () => new Array(1e6).fill(0),
};

// Values are made once: a 10 MB string is flattened on first use, not on every call.
const cache = new Map();
function made(label, make) {
  if (!cache.has(label)) cache.set(label, make());
  return cache.get(label);
}

// Valid arguments per function; each position (and one past the end) gets every hostile
// value in turn, and so do the items of tuple arguments.
const BASE = {
  htons: [1], ntohs: [1], htonl: [1], ntohl: [1],
  inet_aton: ['1.2.3.4'], inet_ntoa: [Buffer.from([1, 2, 3, 4])],
  inet_pton: [AF_INET, '1.2.3.4'], inet_ntop: [AF_INET6, Buffer.alloc(16)],
  CMSG_LEN: [4], CMSG_SPACE: [4],
  encode_sockaddr: [AF_INET, ['127.0.0.1', 80], 0],
  decode_sockaddr: [Buffer.from('020000507f0000010000000000000000', 'hex'), 0],
  getaddrinfo: ['127.0.0.1', 80, AF_INET, 0, 0, ws.AI_NUMERICHOST],
  getnameinfo: [['127.0.0.1', 80], ws.NI_NUMERICHOST | ws.NI_NUMERICSERV],
  gethostbyname: ['127.0.0.1'], gethostbyname_ex: ['localhost'], gethostbyaddr: ['127.0.0.1'],
  getfqdn: ['localhost'], gethostname: [],
  getservbyname: ['http', 'tcp'], getservbyport: [80, 'tcp'], getprotobyname: ['tcp'],
  if_nameindex: [], if_nametoindex: ['lo'], if_indextoname: [1],
  getdefaulttimeout: [], setdefaulttimeout: [null], has_dualstack_ipv6: [],
};
const TUPLES = {
  encode_sockaddr: { 1: [['127.0.0.1', 80], ['::1', 80, 0, 0]] },
  getnameinfo: { 0: [['127.0.0.1', 80], ['::1', 80, 0, 0]] },
};

const ALLOWED = (e) => e instanceof ws.OSError ||
  ((e instanceof TypeError || e instanceof RangeError) && !/call stack/i.test(e.message));

function attempt(fnName, args, problems) {
  try {
    ws[fnName](...args);
  } catch (e) {
    if (!ALLOWED(e)) problems.push(`${fnName}: ${e && e.constructor && e.constructor.name}: ${e && e.message}`);
  }
}

// Every way of placing one hostile value into a call of fnName. `costly` values go in
// each argument position once and into the first tuple shape only; `firstOnly` ones into
// the first argument and the first tuple shape.
function* placements(fnName, v, { costly = false, firstOnly = false } = {}) {
  const base = BASE[fnName];
  if (base.length > 1 && !costly) yield [v];
  const positions = firstOnly ? [0] : [...Array(base.length + 1).keys()];
  for (const i of positions) {
    const args = base.slice();
    args[i] = v;
    yield args;
  }
  for (const [pos, tuples] of Object.entries(TUPLES[fnName] || {})) {
    for (const t of costly ? tuples.slice(0, 1) : tuples) {
      for (let j = 0; j <= t.length; j++) {
        const tuple = t.slice();
        tuple[j] = v;
        const args = base.slice();
        args[pos] = tuple;
        yield args;
      }
    }
  }
}

function run() {
  const problems = {};
  let calls = 0;
  const counted = (fnName, args, list) => { calls++; attempt(fnName, args, list); };
  const hostile = [...Object.entries(HOSTILE), ...Object.entries(HUGE)];
  for (const fnName of Object.keys(BASE)) {
    const list = (problems[fnName] = []);
    hostile.forEach(([label, make], k) => {
      const v = made(label, make);
      const costly = k >= Object.keys(HOSTILE).length;
      const firstOnly = k >= Object.keys(HOSTILE).length + 2;
      for (const args of placements(fnName, v, { costly, firstOnly })) {
        const before = list.length;
        counted(fnName, args, list);
        if (list.length > before) list[list.length - 1] += ` (with ${label})`;
      }
    });
    counted(fnName, new Array(13).fill(0), list);
    counted(fnName, [], list);
    ws.setdefaulttimeout(null);
  }

  // Anything sethostname accepted would rename this machine, anything close accepted
  // could close one of this process's fds: they get only values that cannot succeed.
  for (const fnName of ['sethostname', 'close']) problems[fnName] = [];
  for (const [label, make] of hostile) {
    const v = made(label, make);
    const before = { sethostname: problems.sethostname.length, close: problems.close.length };
    const bytesLike = ArrayBuffer.isView(v) || v instanceof ArrayBuffer || v instanceof SharedArrayBuffer;
    let size = 0;
    try { size = v.byteLength; } catch { /* detached: as good as empty */ }
    const settable = (typeof v === 'string' && v.length <= 64 && !v.includes('\0')) ||
      (bytesLike && size <= 64);
    if (!settable) counted('sethostname', [v], problems.sethostname);
    const fdLike = (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31) ||
      typeof v === 'boolean' || (typeof v === 'bigint' && v >= -(2n ** 31n) && v < 2n ** 31n);
    if (!fdLike) counted('close', [v], problems.close);
    for (const fnName of ['sethostname', 'close']) {
      if (problems[fnName].length > before[fnName]) problems[fnName][problems[fnName].length - 1] += ` (with ${label})`;
    }
  }

  const after = {
    htons: ws.htons(1),
    inet: ws.inet_ntoa(ws.inet_aton('10.9.8.7')),
    gai: ws.getaddrinfo('127.0.0.1', 80, AF_INET, ws.SOCK_STREAM).length,
    unix: ws.decode_sockaddr(ws.encode_sockaddr(AF_UNIX, '/x')),
    timeout: ws.getdefaulttimeout(),
  };
  return { problems, calls, after };
}

if (require.main === module) process.stdout.write(`${JSON.stringify(run())}\n`);

module.exports = { HOSTILE, HUGE, BASE, run };
