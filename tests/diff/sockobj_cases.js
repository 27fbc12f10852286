// SPDX-License-Identifier: MIT
// The socket-object differential's cases and wasock's side of it. Every case is a fresh
// socket in some state and mode, then one method call; tests/diff/sockobj_oracle.py
// answers the same cases with CPython. Run as a child process:
//   node sockobj_cases.js sync|promises < cases.json   one JSON answer per line
// (the parent restarts it after a case that blocks, which only the sync face can).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const STATES = ['tcp', 'tcp6', 'udp', 'udp_bound', 'udp_data', 'pair', 'pair_data', 'pair_eof',
  'listen', 'unix_dgram', 'closed', 'closed_pair', 'detached'];
const MODES = ['block', 'nonblock', 'timeout'];
const b = (hex) => ({ $bytes: hex });
const buf = (n) => ({ $buf: n });
const OPS = [
  ['recv', [0]], ['recv', [1]], ['recv', [0, 2 /* MSG_PEEK */]], ['recv', [1, 2]], ['recv', [-1]],
  ['recv', [4096]],
  ['recv_into', [buf(0)]], ['recv_into', [buf(4)]], ['recv_into', [buf(4), 0]], ['recv_into', [buf(4), 2]],
  ['recv_into', [buf(4), 5]], ['recv_into', [buf(4), -1]], ['recv_into', [buf(0), 0, 2]],
  ['recvfrom', [0]], ['recvfrom', [1]], ['recvfrom_into', [buf(0)]], ['recvfrom_into', [buf(4)]],
  ['recvmsg', [0]], ['recvmsg', [8]], ['recvmsg_into', [{ $bufs: [0] }]], ['recvmsg_into', [{ $bufs: [2, 2] }]],
  ['send', [b('')]], ['send', [b('78')]], ['sendall', [b('')]], ['sendall', [b('78')]],
  ['sendto', [b(''), '$CLOSED_ADDR']], ['sendto', [b('78'), '$CLOSED_ADDR']],
  ['sendmsg', [[]]], ['sendmsg', [[b('78')]]],
  ['sendfile', ['$FILE']], ['sendfile', ['$FILE', 3]], ['sendfile', ['$FILE', 2, 4]],
  ['sendfile', ['$FILE', -1]], ['sendfile', ['$FILE', 0, 0]],
  ['gettimeout', []], ['getblocking', []], ['fileno', []], ['detach', []], ['close', []], ['close2', []],
  ['shutdown', [2]], ['shutdown', [1]], ['shutdown', [3]], ['getsockname', []], ['getpeername', []],
  ['connect_ex', ['$CLOSED_ADDR']], ['connect', ['$CLOSED_ADDR']], ['connect_ex', [['127.0.0.1']]],
  ['setblocking', [true]], ['setblocking', [false]], ['settimeout', [1.5]], ['settimeout', [-1]],
  ['settimeout', [null]], ['listen', []], ['listen', [0]], ['bind', [['127.0.0.1', 0]]],
  ['setsockopt', [1, 2, 1]], ['getsockopt', [1, 3]], ['getsockopt', [1, 4]], ['get_inheritable', []],
  ['set_inheritable', [true]], ['dup', []], ['family', []], ['type', []], ['proto', []], ['accept', []],
  // makefile(): the file's answers (f.method(...args) on s.makefile(mode)).
  ['mf_close', ['rb']], ['mf_read', ['rb', 0]], ['mf_read', ['rb', 1]], ['mf_read', ['rb', 8]],
  ['mf_readline', ['rb']], ['mf_read', ['r', 3]], ['mf_readline', ['r']], ['mf_write', ['wb', b('78')]],
  ['mf_write', ['w', 'x\u00e9']], ['mf_flush', ['wb']], ['mf_read', ['rb', -1]],
];

function cases() {
  const out = [];
  for (const state of STATES) {
    for (const mode of MODES) {
      for (const [op, args] of OPS) out.push({ state, mode, op, args });
    }
  }
  return out;
}

module.exports = { cases, STATES, MODES, OPS };

if (require.main === module) {
  const face = process.argv[2];
  const ws = require('../../bridge');
  const wp = require('../../bridge/promises');
  const lib = face === 'promises' ? wp : ws;
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  const skip = Number(process.argv[3] || 0);

  let closedPort;
  {
    const s = ws.socket();
    s.bind(['127.0.0.1', 0]);
    closedPort = s.getsockname()[1];
    s.close();
  }

  function makeState(name, mode) {
    const keep = [];
    let s;
    if (['tcp', 'listen', 'closed', 'detached'].includes(name)) s = lib.socket(ws.AF_INET, ws.SOCK_STREAM);
    else if (name === 'tcp6') s = lib.socket(ws.AF_INET6, ws.SOCK_STREAM);
    else if (name.startsWith('udp')) s = lib.socket(ws.AF_INET, ws.SOCK_DGRAM);
    else if (name.startsWith('pair') || name === 'closed_pair') {
      const [x, y] = ws.socketpair();
      s = face === 'promises' ? new wp.AsyncSocket(x) : x;
      keep.push(y);
    } else if (name === 'unix_dgram') {
      const [x, y] = ws.socketpair(ws.AF_UNIX, ws.SOCK_DGRAM);
      s = face === 'promises' ? new wp.AsyncSocket(x) : x;
      keep.push(y);
      y.send(Buffer.from('dgram'));
    }
    if (mode === 'nonblock') s.setblocking(false);
    else if (mode === 'timeout') s.settimeout(0.05);
    if (['udp_bound', 'udp_data', 'listen'].includes(name)) {
      const sync = face === 'promises' ? s.sync : s;
      sync.bind(['127.0.0.1', 0]);
    }
    if (name === 'udp_data') {
      const p = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
      p.sendto(Buffer.from('hello'), s.getsockname());
      p.close();
    }
    if (name === 'listen') s.listen();
    if (name === 'pair_data' || name === 'closed_pair') keep[0].sendall(Buffer.from('hello'));
    if (name === 'pair_eof') keep[0].close();
    if (name === 'closed' || name === 'closed_pair') s.close();
    if (name === 'detached') fs.closeSync(s.detach());
    return [s, keep];
  }

  let file = null;
  function arg(v) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if ('$bytes' in v) return Buffer.from(v.$bytes, 'hex');
      if ('$buf' in v) return Buffer.alloc(v.$buf);
      if ('$bufs' in v) return v.$bufs.map((n) => Buffer.alloc(n));
    }
    if (v === '$CLOSED_ADDR') return ['127.0.0.1', closedPort];
    if (v === '$FILE') return file;
    if (Array.isArray(v)) return v.map(arg);
    return v;
  }

  function norm(v, op) {
    if (v === undefined) return '<undefined>';
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') return (op === 'fileno' || op === 'detach') && v >= 0 ? 'fd' : v;
    if (typeof v === 'bigint') return Number(v);
    if (Buffer.isBuffer(v)) return { $bytes: v.toString('hex') };
    if (v instanceof ws.Socket || v instanceof wp.AsyncSocket) {
      v.close();
      return 'socket';
    }
    if (Array.isArray(v)) {
      const out = v.map((x) => norm(x, op));
      if ((out.length === 2 || out.length === 4) && typeof out[0] === 'string' && typeof out[1] === 'number' &&
          out[1] !== 0) out[1] = 'P';
      return out;
    }
    return `<${typeof v} ${v && v.constructor && v.constructor.name}>`;
  }

  function jsClass(e) {
    if (e instanceof ws.OSError) return e.name;
    if (e instanceof TypeError) return 'TypeError';
    if (e instanceof RangeError) return 'RangeError';
    return `unexpected ${e && e.constructor && e.constructor.name}: ${e && e.message}`;
  }

  // A promise that has not settled within 250 ms counts as blocking, as in the oracle.
  const settle = (p) => Promise.race([p, new Promise((resolve) => setTimeout(() => resolve(BLOCKS), 250))]);
  const BLOCKS = Symbol('blocks');

  async function run(c) {
    const [s, keep] = makeState(c.state, c.mode);
    const { op } = c;
    if (op === 'sendfile') {
      const p = path.join(os.tmpdir(), `wasock-diff-${process.pid}`);
      fs.writeFileSync(p, '0123456789');
      file = fs.openSync(p, 'r');
      fs.unlinkSync(p);
    }
    const args = c.args.map(arg);
    let out;
    try {
      let v;
      if (['family', 'type', 'proto'].includes(op)) v = Number(s[op]);
      else if (op === 'recv_into' || op === 'recvfrom_into' || op === 'recvmsg_into') v = [await settle(s[op](...args)), args[0]];
      else if (op === 'sendfile') v = [await settle(s.sendfile(...args)), Number(require('node:child_process')
        .execFileSync('sh', ['-c', `grep ^pos: /proc/${process.pid}/fdinfo/${file}`]).toString().split(/\s+/)[1])];
      else if (op === 'close2') { s.close(); v = s.close(); }
      else if (op.startsWith('mf_')) {
        const f = s.makefile(args[0]);
        try {
          v = await settle(f[op.slice(3)](...args.slice(1)));
          if (op === 'mf_write' && v !== BLOCKS) await settle(f.flush());
        } finally {
          // As the oracle: close errors are not compared; a promise-face file still
          // waiting keeps its place in the file's queue (the child exits at the end).
          const closing = (async () => f.close())().catch(() => {});
          if (v !== BLOCKS) await closing;
        }
      }
      else v = await settle(s[op](...args));
      if (v === BLOCKS || (Array.isArray(v) && v[0] === BLOCKS)) out = { blocks: true };
      else out = { ok: norm(v, op) };
    } catch (e) {
      out = { err: jsClass(e), errno: e instanceof ws.OSError ? e.errno : null };
    }
    try { s.close(); } catch { /* closed */ }
    for (const k of keep) k.close();
    if (file !== null) { fs.closeSync(file); file = null; }
    return out;
  }

  (async () => {
    for (let i = skip; i < input.length; i++) {
      process.stdout.write(`${JSON.stringify(await run(input[i]))}\n`);
    }
    process.exit(0);
  })();
}
