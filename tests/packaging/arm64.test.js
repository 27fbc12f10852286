// SPDX-License-Identifier: MIT
// The linux-arm64 prebuild, cross-compiled when the package is packed, loads for real:
// Debian's arm64 Node 20 runs under qemu-user on the installed package (arm64 process,
// so the loader picks prebuilds/linux-arm64) and moves bytes through both faces.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, installedApp, run } = require('./app');

const QEMU = ['/usr/bin/qemu-aarch64-static', '/usr/bin/qemu-aarch64'].find((f) => fs.existsSync(f));
const SYSROOT = path.join(ROOT, 'build', 'arm64-node');
const NODE = path.join(SYSROOT, 'usr', 'bin', 'node');

// On an arm64 machine the other suites load the arm64 prebuild natively.
const skip = process.arch !== 'x64' ? `this machine is ${process.arch}: the prebuild tests load it natively` :
  !QEMU ? 'qemu-user is not installed (apt-get install qemu-user-static)' : null;
if (skip) console.warn(`arm64 load test skipped: ${skip}`);

(skip ? test.skip : test)(`the linux-arm64 prebuild loads in Debian's arm64 Node under qemu-user${
  skip ? ` (skipped: ${skip})` : ''}`, () => {
  if (!fs.existsSync(NODE)) {
    // ./setup makes it; made here otherwise (Debian's archive only).
    const made = run(path.join(__dirname, 'arm64-node.sh'), [SYSROOT], { timeout: 10 * 60 * 1000 });
    if (made.status !== 0) throw new Error(`tests/packaging/arm64-node.sh failed:\n${made.output}`);
  }
  const app = installedApp();
  const locate = path.join(app.dir, 'node_modules', 'wasock', 'bridge', 'locate.js');
  fs.writeFileSync(path.join(app.dir, 'arm64.js'), `
const w = require('wasock');
const p = require('wasock/promises');
const [a, b] = w.socketpair();
a.sendall(Buffer.from('arm64 sync'));
const sync = b.recv(32).toString();
(async () => {
  const srv = await p.create_server(['127.0.0.1', 0]);
  const c = await p.create_connection(srv.getsockname());
  const [conn] = await srv.accept();
  await c.sendall(Buffer.from('arm64 async'));
  const got = (await conn.recv(32)).toString();
  for (const s of [a, b, c, conn, srv]) s.close();
  const addon = require(${JSON.stringify(locate)}).addonPath();
  console.log([process.arch, process.version, path(addon), sync, got].join(' | '));
})();
function path(f) { return f.split('/').slice(-3).join('/'); }
`);
  const r = run(QEMU, ['-L', SYSROOT, NODE, 'arm64.js'], { cwd: app.dir, env: app.env, timeout: 3 * 60 * 1000 });
  console.log(`qemu-aarch64 ${path.relative(ROOT, NODE)} arm64.js:\n${r.output.trim()}`);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toMatch(/^arm64 \| v2\d\.\d+\.\d+ \| prebuilds\/linux-arm64\/wasock\.node \| arm64 sync \| arm64 async$/);
}, 15 * 60 * 1000);
