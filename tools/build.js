#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Configures and builds everything with CMake into build/native (addon, wasm core,
// native core + C tests), leaving wasock.node and wasock.wasm where the bridge loads them.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'build', 'native');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

if (!fs.existsSync(path.join(bin, 'CMakeCache.txt')))
  run('cmake', ['-S', '.', '-B', bin, '-DCMAKE_BUILD_TYPE=Release']);
run('cmake', ['--build', bin, '-j', String(Math.max(2, require('node:os').cpus().length))]);
