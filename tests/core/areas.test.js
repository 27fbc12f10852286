// SPDX-License-Identifier: MIT
// Regressions of the wasm core's areas (argument, I/O, result), each in a child process
// with a time limit, since the findings were hangs:
// - area allocation of 2-4 GiB: a 32-bit capacity doubled to 0 and looped forever;
// - I/O area shrink after recvfrom(2**30): the 1 GiB area stayed for the rest of the
//   process (the next such call could fail with ENOMEM);
// - recv_into / recvmsg_into lengths arriving negative became ~4 GiB requests.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(killChildren);

const core = JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'core'));
const wasock = JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge'));

async function run(body) {
  const { done } = startChild(process.execPath, ['-e', `
    const core = require(${core});
    const socket = require(${wasock});
    const out = {};
    ${body}
    console.log(JSON.stringify(out));
  `], { timeout: 60000 });
  const r = await done;
  expect(r.signal).toBe(null);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

test('area allocation of 2-4 GiB is refused, not looped on', async () => {
  const out = await run(`
    const { ex } = core;
    out.arg2g = ex.ws_arg_area(0x80000000);
    out.arg4g = ex.ws_arg_area(0xffffffff);
    out.io3g = ex.ws_io_area(0xc0000000);
    out.still = ex.ws_arg_area(64) !== 0 && ex.ws_io_area(64) !== 0;
    out.htons = socket.htons(1);
  `);
  expect(out).toEqual({ arg2g: 0, arg4g: 0, io3g: 0, still: true, htons: 256 });
});

test('I/O area shrink after recvfrom(2**30)', async () => {
  const out = await run(`
    const { ex, mem } = core;
    const cap = () => new DataView(mem().buffer).getUint32(ex.ws_io_state() + 4, true);
    const [a, b] = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM);
    out.caps = [];
    out.data = [];
    for (const call of ['recvfrom', 'recvfrom', 'recvmsg', 'recvfrom', 'recvmsg']) {
      b.send(Buffer.from('x'));
      const r = call === 'recvfrom' ? a.recvfrom(2 ** 30) : a.recvmsg(2 ** 30);
      out.data.push(r[0].toString());
      out.caps.push(cap() <= 1 << 20);
    }
    b.send(Buffer.from('y'));
    out.data.push(a.recv(10).toString());
    // linear memory never shrinks, but the space is reused: one 1 GiB area at a time
    out.memory = mem().buffer.byteLength <= 1.25 * 2 ** 30;
    a.close(); b.close();
  `);
  expect(out).toEqual({ caps: [true, true, true, true, true],
    data: ['x', 'x', 'x', 'x', 'x', 'y'], memory: true });
});

test('recv_into and recvmsg_into lengths that arrive negative are refused', async () => {
  const out = await run(`
    const { ex, fns, methods, lastError } = core;
    const [[ia], [ib]] = fns.socketpair();
    const p = ex.ws_io_area(16);
    out.fast = [-1, -0x80000000].map((n) => {
      const r = ex.ws_sock_recv_into(ia, p, n, 0, 0);
      return r === -1 ? lastError().constructor.name : 'accepted';
    });
    const err = (f) => { try { f(); return 'accepted'; } catch (e) { return e.constructor.name; } };
    out.wire = [
      err(() => methods.recv_into(ia, [-5])),
      err(() => methods.recvfrom_into(ia, [-5])),
      err(() => methods.recvmsg_into(ia, [[-1, 1]])),
      err(() => methods.recvmsg_into(ia, [[0x7fffffff, 0x7fffffff]])),
    ];
    methods.close(ia, []); methods.close(ib, []);
  `);
  expect(out).toEqual({ fast: ['RangeError', 'RangeError'],
    wire: ['RangeError', 'RangeError', 'RangeError', 'RangeError'] });
});
