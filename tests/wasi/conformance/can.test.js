// SPDX-License-Identifier: MIT
// Differential conformance for CAN: can.c built natively and with `wasock cc` on the
// host, both run inside the test VM (this kernel has no CAN) on vcan0; the outputs must
// be identical.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { runInVm } = require('../../vm/run');

const ROOT = path.resolve(__dirname, '..', '..', '..');
jest.setTimeout(900000);

test('can: native and wasm outputs are identical (in the VM)', async () => {
  // Inside the VM only the project directory is the host's, so the builds go there.
  const dir = path.join(ROOT, 'build', 'wasi-conformance');
  fs.mkdirSync(dir, { recursive: true });
  const src = path.join(__dirname, 'can.c');
  execFileSync('cc', ['-O1', '-Wall', '-o', path.join(dir, 'can.native'), src]);
  execFileSync(process.execPath, [path.join(ROOT, 'bridge', 'cli.js'), 'cc', '-O1', '-Wall', '-o',
    path.join(dir, 'can.wasm'), src]);
  const rel = path.relative(ROOT, dir);
  const r = await runInVm(['sh', '-c', `${rel}/can.native > "$WASOCK_VM_OUT/native.txt" 2>&1; ` +
    `node --no-warnings bridge/cli.js run --allow-net ${rel}/can.wasm ` +
    '> "$WASOCK_VM_OUT/wasm.txt" 2>&1; echo done'], { timeout: 600 });
  if (r.skipped) {
    console.log(`CAN conformance skipped: ${r.reason}`);
    return;
  }
  const native = r.files['native.txt'], wasm = r.files['wasm.txt'];
  expect(native).toMatch(/^cases: \d+$/m);
  expect(wasm).toBe(native);
});
