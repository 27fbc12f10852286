// SPDX-License-Identifier: MIT
//
// How `wasock/inet` is packaged: the exports map picks browser.mjs under the `browser`
// condition, node.mjs / node.js in Node and browser.mjs elsewhere; the ES modules
// generated from the CommonJS sources are up to date; every entry exports the same
// names; Node loads it without the native addon; the browser bundle stays within its
// size budget (40 KB gzipped).

'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { ROOT, WEB } = require('./harness');

function resolveWith(conditions, id = 'wasock/inet') {
  const r = spawnSync(process.execPath, [
    ...conditions.flatMap((c) => ['--conditions', c]), '--input-type=module', '-e',
    `console.log(import.meta.resolve(${JSON.stringify(id)}))`,
  ], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return path.relative(ROOT, new URL(r.stdout.trim()).pathname);
}

test('the exports map serves node.mjs / node.js to Node and browser.mjs to browsers', () => {
  expect(resolveWith([])).toBe(path.join('bridge', 'inet', 'node.mjs'));
  expect(path.relative(ROOT, require.resolve('wasock/inet'))).toBe(path.join('bridge', 'inet', 'node.js'));
  expect(resolveWith(['browser'])).toBe(path.join('bridge', 'inet', 'browser.mjs'));
  expect(resolveWith([], 'wasock/inet/inline')).toBe(path.join('bridge', 'inet', 'inline.mjs'));
  expect(resolveWith([], 'wasock/inet/wasm')).toBe(path.join('dist', 'web', 'wasock-inet.wasm'));
});

test('in Node, wasock/inet loads without the native addon or the WASI core', () => {
  const r = spawnSync(process.execPath, ['-e', `
    const inet = require('wasock/inet');
    const loaded = Object.keys(require.cache).map((f) => require('node:path').relative(${
  JSON.stringify(ROOT)}, f));
    console.log(JSON.stringify({ loaded, v: inet.inet_ntoa(inet.inet_aton('127.1')) }));`],
  { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const { loaded, v } = JSON.parse(r.stdout);
  expect(v).toBe('127.0.0.1');
  expect(loaded.filter((f) => /\.node$|core\.js$|wasock\.wasm$/.test(f))).toEqual([]);
});

test('bridge/inet/*.mjs and types/constants.d.ts are generated from the current sources', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bridge', 'inet', 'gen.js'), '--check'],
    { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('browser.mjs, inline.mjs and node.mjs export the same names, those of node.js', () => {
  const names = (file) => {
    const text = fs.readFileSync(path.join(ROOT, 'bridge', 'inet', file), 'utf8');
    const block = /export const \{([^}]*)\} =/.exec(text)[1];
    return block.split(',').map((s) => s.trim()).filter(Boolean).sort();
  };
  const browser = names('browser.mjs');
  expect(names('inline.mjs')).toEqual(browser);
  expect(names('node.mjs')).toEqual(browser);
  const constants = Object.keys(require('../../bridge/constants'));
  expect(Object.keys(require('../../bridge/inet/node.js')).sort())
    .toEqual([...browser, ...constants].sort());
});

const BUDGET = 40 * 1024;
const built = fs.existsSync(path.join(WEB, 'wasock-inet.wasm'));
if (!built) console.warn('bundle size not measured: build/native/web is not built (emcc missing?)');

(built ? test : test.skip)(`the browser bundle is under ${BUDGET / 1024} KB gzipped${
  built ? '' : ' (skipped: build/native/web is not built)'}`, () => {
  const files = [
    path.join(ROOT, 'bridge', 'inet', 'browser.mjs'),
    path.join(ROOT, 'bridge', 'inet', 'bundle.mjs'),
    path.join(ROOT, 'bridge', 'inet', 'constants.mjs'),
    path.join(WEB, 'wasock-inet.mjs'),
    path.join(WEB, 'wasock-inet.wasm'),
  ];
  let raw = 0;
  let gz = 0;
  const lines = files.map((f) => {
    const data = fs.readFileSync(f);
    const z = zlib.gzipSync(data, { level: 9 }).length;
    raw += data.length;
    gz += z;
    return `  ${path.relative(ROOT, f).padEnd(34)} ${String(data.length).padStart(7)} ${String(z).padStart(7)}`;
  });
  console.log(`browser bundle (bytes raw, gzip -9):\n${lines.join('\n')}\n  ${'total'.padEnd(34)} ${
    String(raw).padStart(7)} ${String(gz).padStart(7)}`);
  expect(gz).toBeLessThan(BUDGET);
});
