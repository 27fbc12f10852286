#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// npm's `install` step for the published package: keeps the shipped prebuild when it loads
// here, otherwise compiles the addon from source into build/Release (where the loader,
// bridge/locate.js, looks before the prebuilds) and fails, naming what is missing, when it
// cannot. In a clone it does nothing: `npm run build` (CMake) builds there.
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const locate = require('../bridge/locate');
const addon = require('./addon');

const say = (msg) => console.error(`wasock: ${msg}`);

if (locate.isCheckout) process.exit(0);

// Loads in a child process: a prebuild for another libc (musl) can fail in ways a
// try/catch around require() should not have to survive. Says which file loaded, or why
// none did (no file for this platform, or the loader's own error).
function loads() {
  const r = spawnSync(process.execPath, ['-e', `
const l = require('./bridge/locate');
let f;
try { f = l.addonPath(); } catch { console.log('-'); process.exit(1); }
try { require(f); } catch (e) {
  const m = e.message.split('\\n')[0];
  console.log(m.includes(f) ? m : f + ': ' + m);
  process.exit(1);
}
console.log(f);`], { cwd: locate.root, encoding: 'utf8' });
  const out = r.stdout.trim() || r.stderr.trim().split('\n')[0];
  return r.status === 0 ? { ok: true, file: out } :
    { ok: false, why: out === '-' ? 'none is shipped for it' : out.split(locate.root + path.sep).join('') };
}

const first = loads();
if (first.ok) {
  say(`using the native addon ${path.relative(locate.root, first.file)}`);
  process.exit(0);
}

const platform = `${process.platform}-${process.arch}`;
say(`no prebuilt addon loads on ${platform} (${first.why}); building it from source`);
const problems = addon.missingForBuild();
if (problems.length) {
  say(`cannot build the native addon from source:\n${problems.map((p) => `  - ${p}`).join('\n')}` +
    '\nwasock: then run `npm rebuild wasock` (or install again).');
  process.exit(1);
}
const cc = addon.findCompiler().argv;
const headers = addon.findHeaders();
const out = path.join(locate.root, 'build', 'Release', 'wasock.node');
say(`${cc.join(' ')} with headers from ${headers.includes.join(', ')}`);
const r = addon.compile({ cc, includes: headers.includes, out });
if (!r.ok) {
  say(`the source build failed:\n${r.command}\n${r.output}` +
    'wasock: fix the cause above, then run `npm rebuild wasock` (or install again).');
  process.exit(1);
}
const after = loads();
if (!after.ok) {
  say(`built ${path.relative(locate.root, out)} but it does not load: ${after.why}`);
  process.exit(1);
}
say(`built ${path.relative(locate.root, out)} from source`);
