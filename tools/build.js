#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Configures and builds everything with CMake into build/native (addon, wasm core,
// native core + C tests), leaving wasock.node and wasock.wasm where the bridge loads them.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'build', 'native');
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error && r.error.code === 'ENOENT') {
    console.error(`wasock build: ${cmd} is not installed (./setup installs what the build needs)`);
    process.exit(1);
  }
  return r.status === 0;
};

// A configure that failed (or was interrupted) leaves a CMakeCache.txt without the
// generated Makefile, and cached results (a missing compiler, a header not found) that
// would fail every later build: configure again from scratch until one completes.
const configured = () => fs.existsSync(path.join(bin, 'CMakeCache.txt')) &&
  fs.existsSync(path.join(bin, 'Makefile'));
const forget = () => {
  fs.rmSync(path.join(bin, 'CMakeCache.txt'), { force: true });
  fs.rmSync(path.join(bin, 'CMakeFiles'), { recursive: true, force: true });
};
if (!configured()) {
  forget();
  if (!run('cmake', ['-S', '.', '-B', bin, '-DCMAKE_BUILD_TYPE=Release'])) {
    forget();
    console.error('wasock build: CMake configure failed (see above); fix the cause and run it again');
    process.exit(1);
  }
}
if (!run('cmake', ['--build', bin, '-j', String(Math.max(2, require('node:os').cpus().length))]))
  process.exit(1);
