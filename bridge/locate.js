// SPDX-License-Identifier: MIT
// Finds the two binary pieces of the package: the native addon (wasock.node, one per
// platform) and the wasm core (wasock.wasm, the same everywhere).
//
// Addon, first found wins: $WASOCK_BUILD_DIR, build/native (the CMake build of a clone),
// then node-gyp-build's order: build/Release (a source build made at install), then
// prebuilds/<platform>-<arch>/ (shipped in the package). Wasm: $WASOCK_BUILD_DIR,
// build/native, dist/ (shipped in the package).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// A clone has the build description; the installed package does not ship it.
const isCheckout = fs.existsSync(path.join(root, 'CMakeLists.txt'));

function devDirs() {
  return [process.env.WASOCK_BUILD_DIR, path.join(root, 'build', 'native')].filter(Boolean);
}

const rel = (f) => (f.startsWith(root + path.sep) ? path.relative(root, f) : f);
const target = () => `${process.platform}-${process.arch} (Node ${process.version}, ` +
  `Node-API ${process.versions.napi})`;

// What to do about a missing or unloadable addon, named after what is missing here.
function fix() {
  if (isCheckout) return 'Build it with `npm run build` (README.md, "Quick start from a clone").';
  let missing = [];
  try {
    missing = require('../tools/addon.js').missingForBuild();
  } catch { /* the build helper is not shipped: say what to install in general */ }
  const rebuild = '`npm rebuild wasock`, which compiles it from source';
  return missing.length ?
    `To build it from source, this machine lacks: ${missing.join('; ')}. Fix that, then run ${rebuild}.` :
    `This machine has a C compiler and Node's headers: run ${rebuild} (the install step ` +
    'that does so may have been skipped, e.g. by --ignore-scripts).';
}

function addonPath() {
  for (const dir of devDirs()) {
    const f = path.join(dir, 'wasock.node');
    if (fs.existsSync(f)) return f;
  }
  try {
    return require('node-gyp-build').resolve(root);
  } catch (e) {
    const looked = [...(isCheckout ? devDirs() : []), path.join(root, 'build', 'Release'),
      path.join(root, 'prebuilds', `${process.platform}-${process.arch}`)];
    throw new Error(`wasock: no native addon for ${target()}: ` +
      (isCheckout ? 'it is not built' : 'the package has no prebuild for this platform and ' +
        'none was built from source when it was installed') +
      ` (looked in ${looked.map(rel).join(', ')}). ${fix()}`);
  }
}

function loadAddon() {
  const file = addonPath();
  try {
    return require(file);
  } catch (e) {
    throw new Error(`wasock: the native addon ${rel(file)} does not load on ${target()}: ` +
      `${e.message.split('\n')[0]}. ${fix()}`);
  }
}

function wasmPath() {
  const dirs = [...devDirs(), path.join(root, 'dist')];
  for (const dir of dirs) {
    const f = path.join(dir, 'wasock.wasm');
    if (fs.existsSync(f)) return f;
  }
  throw new Error(`wasock: wasock.wasm is missing (looked in ${dirs.map(rel).join(', ')}). ` +
    (isCheckout ? 'Build it with `npm run build`.' :
      'The installed package is incomplete: reinstall wasock.'));
}

module.exports = { root, isCheckout, addonPath, loadAddon, wasmPath };
