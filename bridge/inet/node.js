// SPDX-License-Identifier: MIT
// `wasock/inet` in Node (require): the same Emscripten build of the core as in browsers,
// with no native addon (no OS: names do not resolve, interfaces are ENOSYS, the codecs
// work in full), loaded synchronously, so ready at require(); byte results are Buffers.
// The build is found beside the package's other artifacts: a clone's build/native/web,
// then a packed package's dist/web.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const constants = require('../constants');
const { makeFace } = require('./face');

const FILES = ['wasock-inet.cjs', 'wasock-inet.wasm'];

function locate() {
  const root = path.resolve(__dirname, '..', '..');
  const dirs = [
    process.env.WASOCK_BUILD_DIR && path.join(process.env.WASOCK_BUILD_DIR, 'web'),
    path.join(root, 'build', 'native', 'web'),
    path.join(root, 'dist', 'web'),
  ].filter(Boolean);
  for (const d of dirs) if (FILES.every((f) => fs.existsSync(path.join(d, f)))) return d;
  throw new Error(`wasock/inet: its wasm build (${FILES.join(', ')}) is not in ${dirs.join(' or ')}; ` +
    'in a clone, run `npm run build` (it needs emcc: apt-get install emscripten node-acorn)');
}

const dir = locate();
const createCore = require(path.join(dir, FILES[0]));

const face = makeFace(createCore, {
  source: () => fs.readFileSync(path.join(dir, FILES[1])),
  bytes(mem, start, end) {
    const b = Buffer.allocUnsafe(end - start);
    b.set(mem.subarray(start, end));
    return b;
  },
});
face.initSync();

module.exports = { ...constants, ...face };
