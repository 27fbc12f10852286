// SPDX-License-Identifier: MIT
// A prebuild that is there but does not load (here: another CPU's binary in this
// platform's place, as a glibc build is on musl) is not the end: the install step sees
// it fail, says why, and builds from source.
'use strict';
const path = require('node:path');
const { installedApp, run } = require('./app');

test('install replaces an unloadable prebuild with a source build', () => {
  const app = installedApp({ prebuilds: 'foreign', compiler: true, headers: true });
  console.log(`npm install (a prebuild that cannot load):\n${app.install.output.trim()}`);
  expect(app.install.status).toBe(0);
  expect(app.install.output).toMatch(new RegExp(
    `no prebuilt addon loads on linux-${process.arch} \\(prebuilds/linux-${process.arch}/wasock\\.node: .+\\); building it from source`));
  expect(app.install.output).toContain('wasock: built build/Release/wasock.node from source');
  const locate = path.join(app.dir, 'node_modules', 'wasock', 'bridge', 'locate.js');
  const r = run(process.execPath, ['-e', `
const [a, b] = require('wasock').socketpair();
a.sendall(Buffer.from('ok'));
console.log(require(${JSON.stringify(locate)}).addonPath().split('/').slice(-3).join('/'), b.recv(4).toString());
`], { cwd: app.dir, env: app.env });
  expect(r.stderr).toBe('');
  expect(r.stdout.trim()).toBe('build/Release/wasock.node ok');
}, 10 * 60 * 1000);
