// SPDX-License-Identifier: MIT
// Where no prebuild matches the platform (prebuilds/ hidden from the tarball), the install
// step compiles the addon from source (the machine's compiler and Node headers) into
// build/Release, and the package works from that build.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { installedApp, run } = require('./app');

let app;
beforeAll(() => {
  app = installedApp({ prebuilds: false, compiler: true, headers: true });
  console.log(`npm install (no prebuild, compiler and headers present):\n${app.install.output.trim()}`);
}, 10 * 60 * 1000);

test('install builds the addon from source, saying so', () => {
  expect(app.install.status).toBe(0);
  expect(app.install.output).toContain(`no prebuilt addon loads on linux-${process.arch} (none is shipped for it); building it from source`);
  expect(app.install.output).toContain('wasock: built build/Release/wasock.node from source');
  const pkg = path.join(app.dir, 'node_modules', 'wasock');
  expect(fs.existsSync(path.join(pkg, 'prebuilds'))).toBe(false);
  expect(fs.existsSync(path.join(pkg, 'build', 'Release', 'wasock.node'))).toBe(true);
});

test('the package loads that build and carries bytes over a socketpair', () => {
  const locate = path.join(app.dir, 'node_modules', 'wasock', 'bridge', 'locate.js');
  const r = run(process.execPath, ['-e', `
const w = require('wasock');
const [a, b] = w.socketpair();
a.sendall(Buffer.from('from source'));
console.log(require(${JSON.stringify(locate)}).addonPath().split('/').slice(-3).join('/'), '|', b.recv(32).toString());
`], { cwd: app.dir, env: app.env });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('build/Release/wasock.node | from source');
});
