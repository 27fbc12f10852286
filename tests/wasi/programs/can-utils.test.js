// SPDX-License-Identifier: MIT
// can-utils 2020.11.0 from Debian's source package, built with `wasock cc` (build.js;
// the package's own Makefile, no patch), run in the test VM (this kernel has no CAN)
// against the host's native can-utils on vcan0, both directions: cansend/candump (raw
// CAN) and isotpsend/isotprecv (ISO-TP, a segmented 20-byte PDU). The runner allows
// only the CAN family and binding to vcan0 (can_in_vm.sh).
'use strict';
const { runInVm } = require('../../vm/run');
const { canUtils } = require('./build');

jest.setTimeout(900000);

let r;
beforeAll(async () => {
  const dir = canUtils();
  r = await runInVm(['sh', 'tests/wasi/programs/can_in_vm.sh', dir], { timeout: 600 });
  if (r.skipped) console.log(`can-utils VM tests skipped: ${r.reason}`);
}, 900000);

const inVm = (name, fn) => test(name, () => {
  if (r.skipped) return;
  fn();
});
const file = (n) => String((r.files || {})[n] || '');

inVm('every exchange completed', () => {
  expect(r.stdout).toBe([
    'cansend(wasm) -> candump(native): 0', 'cansend(native) -> candump(wasm): 0',
    'isotpsend(wasm) -> isotprecv(native): 0', 'isotpsend(native) -> isotprecv(wasm): 0', ''].join('\n'));
});

inVm('a frame from wasm cansend, seen by native candump', () => {
  expect(file('native-candump.txt')).toMatch(/^\s*vcan0\s+123\s+\[4\]\s+DE AD BE EF\s*$/m);
});

inVm('a frame from native cansend, seen by wasm candump', () => {
  expect(file('wasm-candump.txt')).toMatch(/^\s*vcan0\s+5A1\s+\[8\]\s+11 22 33 44 55 66 77 88\s*$/m);
});

inVm('an ISO-TP PDU from wasm isotpsend, received by native isotprecv', () => {
  expect(file('native-isotprecv.txt').trim()).toBe('00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 01 02 03 04');
});

inVm('an ISO-TP PDU from native isotpsend, received by wasm isotprecv', () => {
  expect(file('wasm-isotprecv.txt').trim()).toBe('DE AD BE EF 01 02 03 04 05 06 07 08 09 0A');
});
