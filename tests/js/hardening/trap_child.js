// SPDX-License-Identifier: MIT
// Child process of trap_handling.test.js: makes the core stop in the middle of a call,
// then reports (one JSON line) what that call and every later one raised.
//   node trap_child.js trap     a real wasm trap: the allocator's header of the I/O
//                               area is overwritten, and the next growth of the area
//                               faults (RuntimeError) inside the core
//   node trap_child.js import   a host import throws while the core is running
'use strict';
const ws = require('../../../bridge');
const core = require('../../../bridge/core');

const how = process.argv[2];
const [a, b] = ws.socketpair();
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
  // Candidate headers, in case the allocator tolerates one of them: the first that
  // faults ends the loop (dlmalloc reads the next chunk out of bounds).
  for (const header of [0x7ffffff3, 0x7fffff03, 0x3ffffff3, 0xfffffff3]) {
    const dv = new DataView(core.ex.memory.buffer);
    core.ex.ws_io_area(10);
    const p = dv.getUint32(core.ex.ws_io_state(), true);
    new DataView(core.ex.memory.buffer).setUint32(p - 4, header, true);
    first = attempt(() => core.ex.ws_io_area(1 << 24));
    if (first) break;
  }
} else {
  core.nameService.hook = () => { throw new Error('the host failed'); };
  first = attempt(() => ws.getaddrinfo('localhost', 80));
  core.nameService.hook = null;
}

const later = [
  attempt(() => ws.htons(1)),
  attempt(() => a.send(Buffer.from('x'))),
  attempt(() => b.recv(10)),
  attempt(() => a.sendto(Buffer.from('x'), null)),
  attempt(() => ws.socket()),
  attempt(() => a.close()),
];
process.stdout.write(`${JSON.stringify({ before, first, later })}\n`);
