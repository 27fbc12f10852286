// SPDX-License-Identifier: MIT
// No prebuild for the platform and no compiler (nor Node headers): the install step fails
// naming both, and where the install step was skipped (--ignore-scripts, or a package
// manager policy that does not run dependencies' install scripts) require() fails naming
// the same fix.
'use strict';
const { installedApp, run } = require('./app');

const COMPILER = 'no C compiler: looked for cc, gcc, clang on PATH';
const HEADERS = 'no Node headers (node_api.h, uv.h)';

test('install fails, naming the missing compiler and headers', () => {
  const app = installedApp({ prebuilds: false, allowFailure: true });
  console.log(`npm install (no prebuild, no compiler, no headers):\n${app.install.output.trim()}`);
  expect(app.install.status).not.toBe(0);
  expect(app.install.output).toContain('wasock: cannot build the native addon from source');
  expect(app.install.output).toContain(COMPILER);
  expect(app.install.output).toContain(HEADERS);
  expect(app.install.output).toContain('npm rebuild wasock');
}, 10 * 60 * 1000);

test('with the install step skipped, require() names the compiler and the fix', () => {
  const app = installedApp({ prebuilds: false, scripts: false });
  expect(app.install.status).toBe(0);
  const r = run(process.execPath, ['-e', "require('wasock')"], { cwd: app.dir, env: app.env });
  console.log(`require('wasock') there:\n${r.stderr.split('\n').find((l) => l.startsWith('Error'))}`);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toContain(`no native addon for linux-${process.arch}`);
  expect(r.stderr).toContain(COMPILER);
  expect(r.stderr).toContain(HEADERS);
  expect(r.stderr).toContain('npm rebuild wasock');
  // The named fix is real: `npm rebuild wasock` runs the same source build and says the same.
  const rebuild = run('npm', ['rebuild', 'wasock', '--foreground-scripts'], { cwd: app.dir, env: app.env });
  expect(rebuild.status).not.toBe(0);
  expect(rebuild.output).toContain(COMPILER);
}, 10 * 60 * 1000);
