// SPDX-License-Identifier: MIT
// Child process of trap_handling.test.js: makes the core stop in the middle of a call,
// then reports (one JSON line) what that call and every later one raised.
//   node trap_child.js trap     a real wasm trap: the allocator's header of the I/O
//                               area is overwritten, and the next growth of the area
//                               faults (RuntimeError) inside the core
//   node trap_child.js import   a host import throws while the core is running
'use strict';
const ws = require('../../../bridge');
const wsp = require('../../../bridge/promises');
const core = require('../../../bridge/core');

const how = process.argv[2];
const [a, b] = ws.socketpair();
const [pa, pb] = wsp.socketpair();
a.sendall(Buffer.from('before'));
const before = b.recv(100).toString();

function describe(e) {
  if (!e) return null;
  return {
    name: e.name, code: e.code, isError: e instanceof Error,
    internal: e instanceof ws.InternalError, os: e instanceof ws.OSError,
    cause: e.cause ? e.cause.constructor.name : null, message: e.message,
  };
}

function attempt(fn) {
  try {
    fn();
    return null;
  } catch (e) {
    return describe(e);
  }
}

let first = null;
if (how === 'trap') {
  // The allocator's chunk header before the I/O area (or the argument area) is
  // overwritten; growing that area then makes the allocator read far out of bounds.
  // Several headers and both areas, in case the allocator tolerates one: the first that
  // faults ends the loop.
  const areas = [
    [() => core.ex.ws_io_area(10), () => core.ex.ws_io_area(1 << 24)],
    [() => core.ex.ws_arg_area(10), () => core.ex.ws_arg_area(1 << 24)],
  ];
  for (const [small, grow] of areas) {
    for (const header of [0x7ffffff3, 0x7fffff03, 0x3ffffff3, 0xfffffff3]) {
      const p = small();
      new DataView(core.ex.memory.buffer).setUint32(p - 4, header, true);
      first = attempt(grow);
      if (first) break;
    }
    if (first) break;
  }
} else {
  core.nameService.hook = () => { throw new Error('the host failed'); };
  first = attempt(() => ws.getaddrinfo('localhost', 80));
  core.nameService.hook = null;
}

async function attemptAsync(fn) {
  try {
    await fn();
    return null;
  } catch (e) {
    return describe(e);
  }
}

(async () => {
  const later = [
    attempt(() => ws.htons(1)),
    attempt(() => a.send(Buffer.from('x'))),
    attempt(() => b.recv(10)),
    attempt(() => a.sendto(Buffer.from('x'), null)),
    attempt(() => ws.socket()),
    attempt(() => a.close()),
    await attemptAsync(() => pa.send(Buffer.from('x'))),
    await attemptAsync(() => pb.recv(10)),
    await attemptAsync(() => wsp.getaddrinfo('127.0.0.1', 80)),
  ];
  process.stdout.write(`${JSON.stringify({ before, first, later })}\n`);
  process.exit(0);
})();
