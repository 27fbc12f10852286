#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// npm's `prepack` step: makes what the package ships but git does not hold.
//   dist/wasock.wasm, dist/web/*   the wasm core and the browser build, the same on every
//                                  platform (built by tools/build.js, copied here)
//   prebuilds/linux-x64/wasock.node, prebuilds/linux-arm64/wasock.node
//                                  the addon for each shipped platform, against the
//                                  Node-API headers of the node-api-headers package (one
//                                  NAPI_VERSION: loads on every Node >= 20), cross-compiled
//                                  with Debian's cross gcc where the machine is another arch
// Fails, naming the missing tool, rather than pack an incomplete package.
'use strict';
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const addon = require('./addon');

const root = addon.root;
const built = path.join(root, 'build', 'native');
const die = (msg) => { console.error(`wasock prepack: ${msg}`); process.exit(1); };

// Linux arch (Node's name) -> the GNU triplet of its gcc.
const TARGETS = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' };

execFileSync(process.execPath, [path.join(__dirname, 'build.js')], { cwd: root, stdio: 'inherit' });

const dist = path.join(root, 'dist');
fs.rmSync(dist, { recursive: true, force: true });
for (const f of ['wasock.wasm', 'web/wasock-inet.mjs', 'web/wasock-inet.wasm', 'web/wasock-inet.cjs',
  'web/wasock-inet-wasm.mjs']) {
  const from = path.join(built, f);
  if (!fs.existsSync(from)) {
    die(`${path.relative(root, from)} was not built` +
      (f.startsWith('web/') ? ' (the browser build needs emcc: apt-get install emscripten node-acorn)' : ''));
  }
  fs.mkdirSync(path.dirname(path.join(dist, f)), { recursive: true });
  fs.copyFileSync(from, path.join(dist, f));
}

// The WASI guest library for `wasock cc`, and a pkg-config file that finds it (and the
// header overlay the package ships in wasi/guest/include) wherever the package lies.
const guest = path.join(dist, 'guest');
const guestLib = path.join(built, 'wasm', 'guest', 'libwasock-guest.a');
if (!fs.existsSync(guestLib)) die(`${path.relative(root, guestLib)} was not built (it needs clang, lld and wasi-libc)`);
fs.mkdirSync(guest, { recursive: true });
fs.copyFileSync(guestLib, path.join(guest, 'libwasock-guest.a'));
fs.writeFileSync(path.join(guest, 'wasock-guest.pc'), fs.readFileSync(
  path.join(root, 'wasi', 'guest', 'wasock-guest.pc.in'), 'utf8')
  .replace(/^# pkg-config file.*\n(?:#.*\n)*/m, '# pkg-config file of wasock\'s WASI guest library, as the package ships it.\n')
  .replace('@WASOCK_GUEST_INCLUDE@', '${pcfiledir}/../../wasi/guest/include')
  .replace('@WASOCK_GUEST_LIBDIR@', '${pcfiledir}'));

let napiDir;
try {
  napiDir = path.join(path.dirname(require.resolve('node-api-headers/package.json')), 'include');
} catch {
  die('the node-api-headers package is missing: run npm install');
}
const headers = addon.findHeaders({ napiDir });
if (headers.missing.length) die(`no ${headers.missing.join(', ')} (looked in ${headers.looked.join(', ')})`);

const prebuilds = path.join(root, 'prebuilds');
fs.rmSync(prebuilds, { recursive: true, force: true });
for (const [arch, triplet] of Object.entries(TARGETS)) {
  const gcc = arch === process.arch ? (addon.findCompiler().argv || [`${triplet}-gcc`]) : [`${triplet}-gcc`];
  if (!addon.which(gcc[0])) {
    die(`no compiler for linux-${arch}: ${gcc[0]} is not on PATH` +
      (arch === process.arch ? '' : ` (Debian: apt-get install gcc-${triplet})`));
  }
  const out = path.join(prebuilds, `linux-${arch}`, 'wasock.node');
  const r = addon.compile({ cc: gcc, includes: headers.includes, out, strip: true });
  if (!r.ok) die(`the linux-${arch} addon did not build:\n${r.command}\n${r.output}`);
  console.log(`wasock prepack: ${path.relative(root, out)} ` +
    `(${fs.statSync(out).size} bytes, ${gcc[0]}, NAPI_VERSION ${addon.NAPI_VERSION})`);
}

// The prebuild for this machine must load, from the package's own loader.
const check = spawnSync(process.execPath, ['-e',
  "const l = require('./bridge/locate'); l.loadAddon(); console.log(l.addonPath())"], {
  cwd: root, encoding: 'utf8',
  env: { ...process.env, WASOCK_BUILD_DIR: path.join(root, 'prebuilds', `linux-${process.arch}`) },
});
if (check.status !== 0) die(`the linux-${process.arch} prebuild does not load:\n${check.stderr}`);
