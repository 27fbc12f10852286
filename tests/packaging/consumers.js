// SPDX-License-Identifier: MIT
// What a consumer of the wasock package does with it, as reusable checks. Each takes an
// app directory whose node_modules/wasock is the package under test: this checkout's
// files with its build (consumers.test.js stages one) or the packed tarball installed
// into a fresh app. The tools (esbuild, webpack, typescript, playwright-core) come from
// this repository's devDependencies; the package is resolved only from the app.
//
//   stageCheckout(dir)               an app over this checkout (its files and web build)
//   nodeInet(appDir)                 wasock/inet through require() and import in Node
//   bundleInet(appDir, options)      a page using wasock/inet, bundled (esbuild, webpack)
//   runBundle(bundle, calls)         that page in headless Chromium, running codec calls
//   treeShaking(appDir)              what a page importing one function carries
//   typeCheck(appDir)                tsc --strict over programs using the declarations
//   declarationCoverage(appDir, names)  every run-time name (runtimeNames(dir)) declared,
//                                    select and selectors objects' members too
//   loadPage(dir, module, logs)      a built page in Chromium, until it logs `logs` lines
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(ROOT, 'tests', 'browser', 'runner.mjs');
const TYPES_DIR = path.join(__dirname, 'types');
const CHROMIUM = process.env.WASOCK_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

const WEB = path.join(ROOT, 'build', 'native', 'web');
const WEB_FILES = ['wasock-inet.mjs', 'wasock-inet.cjs', 'wasock-inet.wasm', 'wasock-inet-wasm.mjs'];
const RUNTIME = ['package.json', 'bridge', 'types', 'README.md', 'LICENSE'];

// Why stageCheckout() cannot work here (the web build is missing), or null.
function stageSkipReason() {
  const missing = WEB_FILES.filter((f) => !fs.existsSync(path.join(WEB, f)));
  return missing.length
    ? `build/native/web lacks ${missing.join(', ')} (emcc missing? run npm run build)` : null;
}

// Makes dir an app whose node_modules/wasock holds this checkout's runtime files, with
// the web build in dist/web where a packed package has it, and esbuild linked as a local
// tool (as `npm install -D esbuild` would); returns dir.
function stageCheckout(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  const pkg = path.join(dir, 'node_modules', 'wasock');
  for (const f of RUNTIME) {
    if (fs.existsSync(path.join(ROOT, f))) fs.cpSync(path.join(ROOT, f), path.join(pkg, f), { recursive: true });
  }
  fs.mkdirSync(path.join(pkg, 'dist', 'web'), { recursive: true });
  for (const f of WEB_FILES) fs.copyFileSync(path.join(WEB, f), path.join(pkg, 'dist', 'web', f));
  linkTool(dir, 'esbuild');
  return dir;
}

// Links a devDependency of this repository into the app's node_modules (and .bin).
function linkTool(dir, name) {
  const target = path.join(dir, 'node_modules', name);
  if (!fs.existsSync(target)) fs.symlinkSync(path.join(ROOT, 'node_modules', name), target);
  const bin = path.join(dir, 'node_modules', '.bin');
  fs.mkdirSync(bin, { recursive: true });
  const pj = require(path.join(ROOT, 'node_modules', name, 'package.json'));
  const bins = typeof pj.bin === 'string' ? { [name]: pj.bin } : pj.bin || {};
  for (const [b, rel] of Object.entries(bins)) {
    const link = path.join(bin, b);
    if (!fs.existsSync(link)) fs.symlinkSync(path.join('..', name, rel), link);
  }
}

// Why the Chromium checks cannot run here, or null.
function chromiumSkipReason() {
  if (!fs.existsSync(CHROMIUM)) return `${CHROMIUM} is not installed (apt-get install chromium)`;
  try {
    require.resolve('playwright-core');
  } catch {
    return 'playwright-core is not installed (npm install)';
  }
  return null;
}

function node(appDir, args, input) {
  const r = spawnSync(process.execPath, args, {
    cwd: appDir, input, encoding: 'utf8', maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

// Runs calls through require('wasock/inet') and import 'wasock/inet' in the app:
// { cjs, esm }, each { exports, results, native } (native: .node files and the WASI
// core loaded, which must be none).
function nodeInet(appDir, calls) {
  const runner = JSON.stringify(RUNNER);
  const cjs = node(appDir, ['-e', `
    (async () => {
      const inet = require('wasock/inet');
      const { run } = await import(${runner});
      const native = Object.keys(require.cache).filter((f) => /\\.node$|[\\/]core\\.js$/.test(f));
      const calls = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
      process.stdout.write(JSON.stringify({ exports: Object.keys(inet).sort(), results: run(inet, calls), native }));
    })();`], JSON.stringify(calls));
  const esm = node(appDir, ['--input-type=module', '-e', `
    import * as inet from 'wasock/inet';
    import { readFileSync } from 'node:fs';
    import { createRequire } from 'node:module';
    const { run } = await import(${runner});
    const cache = createRequire(import.meta.url).cache;
    const native = Object.keys(cache).filter((f) => /\\.node$|[\\/]core\\.js$/.test(f));
    const calls = JSON.parse(readFileSync(0, 'utf8'));
    await inet.init();
    process.stdout.write(JSON.stringify({ exports: Object.keys(inet).sort(), results: run(inet, calls), native }));
  `], JSON.stringify(calls));
  return { cjs: JSON.parse(cjs), esm: JSON.parse(esm) };
}

// The page's source for each way of loading the wasm.
const PAGES = {
  // The bundler emits the wasm as a file and gives its URL (esbuild --loader:.wasm=file).
  'wasm-import': `import * as inet from 'wasock/inet';
import wasm from 'wasock/inet/wasm';
import { run } from './runner.mjs';
globalThis.wasockRun = async (calls) => {
  await inet.init(wasm);
  return { exports: Object.keys(inet).sort(), results: run(inet, calls) };
};
`,
  // The bundler follows new URL('...wasm', import.meta.url) in the package (webpack, Vite).
  'default-url': `import * as inet from 'wasock/inet';
import { run } from './runner.mjs';
globalThis.wasockRun = async (calls) => {
  await inet.init();
  return { exports: Object.keys(inet).sort(), results: run(inet, calls) };
};
`,
  // The wasm inside the JS: no init() at all, the first call loads it.
  inline: `import * as inet from 'wasock/inet/inline';
import { run } from './runner.mjs';
globalThis.wasockRun = async (calls) => ({ exports: Object.keys(inet).sort(), results: run(inet, calls) });
`,
};

function sizes(dir) {
  return fs.readdirSync(dir).filter((f) => /\.(js|mjs|wasm)$/.test(f)).sort().map((f) => {
    const data = fs.readFileSync(path.join(dir, f));
    return { file: f, raw: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
  });
}

// Bundles a page using wasock/inet: options { bundler: 'esbuild' | 'webpack' | 'vite',
// format: 'esm' | 'iife' (esbuild), page: a key of PAGES }. Returns { dir, script,
// module, files: [{ file, raw, gzip }] }: dir holds index.html, script its bundle.
async function bundleInet(appDir, { bundler, format = 'esm', page }) {
  const name = bundler === 'esbuild' ? `${bundler}-${format}-${page}` : `${bundler}-${page}`;
  const work = path.join(appDir, 'consumer', name);
  const out = path.join(work, 'out');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  fs.copyFileSync(RUNNER, path.join(work, 'runner.mjs'));
  const entry = path.join(work, 'page.mjs');
  fs.writeFileSync(entry, PAGES[page]);
  let module = format === 'esm';
  if (bundler === 'esbuild') {
    const esbuild = require('esbuild');
    const r = await esbuild.build({
      entryPoints: [entry], bundle: true, format, platform: 'browser', minify: true,
      outfile: path.join(out, 'page.js'), loader: { '.wasm': 'file' },
      absWorkingDir: appDir, logLevel: 'silent',
    });
    if (r.errors.length) throw new Error(`esbuild: ${JSON.stringify(r.errors)}`);
  } else if (bundler === 'webpack') {
    const webpack = require('webpack');
    module = false;
    const stats = await new Promise((resolve, reject) => {
      webpack({
        mode: 'production', context: appDir, entry, target: 'web', devtool: false,
        output: { path: out, filename: 'page.js', assetModuleFilename: '[name].[hash][ext]' },
        performance: { hints: false },
      }, (err, s) => (err ? reject(err) : resolve(s)));
    });
    if (stats.hasErrors()) throw new Error(`webpack: ${stats.toString('errors-only')}`);
  } else if (bundler === 'vite') {
    // Vite is ES modules only: it runs in its own process (Jest's cannot import them).
    module = true;
    fs.writeFileSync(path.join(work, 'index.html'), '<!doctype html><meta charset="utf-8">' +
      '<link rel="icon" href="data:,"><script type="module" src="./page.mjs"></script>');
    const script = `import { build } from ${JSON.stringify(require.resolve('vite'))};
await build({
  root: ${JSON.stringify(work)}, configFile: false, logLevel: 'error',
  build: { outDir: ${JSON.stringify(out)}, assetsDir: '', emptyOutDir: true, minify: true },
});`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script],
      { cwd: appDir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`vite build failed (${r.status}): ${r.stderr}`);
    // Vite writes its own index.html; the page's script is the one JS file it emitted.
    const js = fs.readdirSync(out).filter((f) => f.endsWith('.js'));
    if (js.length !== 1) throw new Error(`vite: expected one script, got ${js.join(', ')}`);
    fs.renameSync(path.join(out, js[0]), path.join(out, 'page.js'));
  } else {
    throw new Error(`unknown bundler ${bundler}`);
  }
  writeIndex(out, 'page.js', module);
  return { name, dir: out, module, files: sizes(out) };
}

function serve(dir) {
  const types = { '.js': 'text/javascript', '.html': 'text/html', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    const name = new URL(req.url, 'http://127.0.0.1').pathname.slice(1) || 'index.html';
    const file = path.join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !fs.existsSync(file)) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(name)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// Opens dir/index.html (served over http) in headless Chromium; body(page) runs in it.
async function withPage(dir, body) {
  const { chromium } = require('playwright-core');
  const server = await serve(dir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 120000 });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(120000);
    const seen = { problems: [], requests: [], logs: [], version: browser.version() };
    page.on('pageerror', (e) => seen.problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') seen.problems.push(`console: ${m.text()}`);
      else seen.logs.push(m.text());
    });
    page.on('requestfailed', (r) => seen.problems.push(`request failed: ${r.url()}`));
    page.on('response', (r) => seen.requests.push(`${r.status()} ${new URL(r.url()).pathname}`));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return { ...seen, ...(await body(page, seen)) };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

function writeIndex(dir, script, module) {
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><meta charset="utf-8">' +
    '<link rel="icon" href="data:,"><title>wasock/inet consumer</title>' +
    `<script ${module ? 'type="module" ' : ''}src="${script}"></script>`);
}

// Loads dir's script (an index.html is written for it) and waits until the page has
// logged `logs` lines or failed: { logs, problems, requests }.
async function loadPage(dir, { script = 'page.js', module = true, logs = 1 } = {}) {
  writeIndex(dir, script, module);
  return withPage(dir, async (page, seen) => {
    const until = Date.now() + 60000;
    while (seen.logs.length < logs && !seen.problems.length && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return {};
  });
}

// Loads a bundle's page in headless Chromium and runs calls through it:
// { exports, results, problems, requests, version }.
async function runBundle(bundle, calls) {
  return withPage(bundle.dir, async (page) => {
    await page.waitForFunction(() => typeof globalThis.wasockRun === 'function');
    return page.evaluate((list) => globalThis.wasockRun(list), calls);
  });
}

// What a page that imports one function carries, against one that uses everything:
// { one, all } as { raw, gzip } of minified esbuild bundles (JS only; the wasm is the
// same file for both), and constantsInOne: the constants declared in the unminified
// one-function bundle (only the EAI_* ones that name gaierrors are expected).
async function treeShaking(appDir) {
  const esbuild = require('esbuild');
  const work = path.join(appDir, 'consumer', 'tree-shaking');
  fs.mkdirSync(work, { recursive: true });
  const one = path.join(work, 'one.mjs');
  const all = path.join(work, 'all.mjs');
  fs.writeFileSync(one, "import { inet_pton } from 'wasock/inet';\nglobalThis.f = inet_pton;\n");
  fs.writeFileSync(all, "import * as inet from 'wasock/inet';\nglobalThis.f = inet;\n");
  const build = async (entry, minify) => {
    const r = await esbuild.build({
      entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', minify,
      write: false, absWorkingDir: appDir, logLevel: 'silent',
    });
    return Buffer.from(r.outputFiles[0].contents);
  };
  const measure = (b) => ({ raw: b.length, gzip: zlib.gzipSync(b, { level: 9 }).length });
  const constants = require(path.join(appDir, 'node_modules', 'wasock', 'bridge', 'constants.js'));
  const plain = (await build(one, false)).toString('utf8');
  return {
    one: measure(await build(one, true)),
    all: measure(await build(all, true)),
    constantsInOne: Object.keys(constants).filter((n) => new RegExp(`\\b${n} = -?\\d`).test(plain)),
  };
}

// tsc --strict --noEmit over one file; with node false, no @types/node (a browser app).
function tsc(work, file, { node: withNode = true } = {}) {
  const bin = path.join(path.dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  const types = withNode
    ? ['--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules', '@types')] : ['--types', ''];
  const r = spawnSync(process.execPath, [bin, '--strict', '--noEmit', '--pretty', 'false',
    '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022',
    '--lib', 'es2022,dom', ...types, file], { cwd: work, encoding: 'utf8' });
  const output = r.stdout + r.stderr;
  return { status: r.status, diagnostics: output.split('\n').filter((l) => /error TS\d+/.test(l)), output };
}

// The entry points of select and selectors, with the name each has in coverage.mts.
const SELECT_ENTRIES = {
  'wasock/select': 'sl', 'wasock/select/promises': 'slp', 'wasock/selectors': 'sr',
  'wasock/selectors/promises': 'srp',
};

// What the entry points give at run time, loaded from dir (a checkout, or an app with
// the package installed): { 'wasock': names, ..., 'Socket': methods, 'AsyncSocket': ...,
// statics: { entry: { export: its own properties } } for the enums and the select and
// selectors callables, members: { entry: { type: public members of an instance } } for
// enum members, SocketIO and the objects select and selectors make (names starting with
// _ are Python's private ones).
function runtimeNames(dir) {
  const out = node(dir, ['-e', `
    const methods = (C) => Object.getOwnPropertyNames(C.prototype).filter((n) => n !== 'constructor');
    const members = (o) => {
      const names = new Set();
      for (let p = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
        for (const n of Object.getOwnPropertyNames(p)) {
          if (n !== 'constructor' && !n.startsWith('_')) names.add(n);
        }
      }
      return [...names];
    };
    const statics = (mod, list) => Object.fromEntries(list.map((n) => [n,
      Object.getOwnPropertyNames(mod[n]).filter((k) => !['length', 'name', 'prototype'].includes(k))]));
    const m = require('wasock'), p = require('wasock/promises'), i = require('wasock/inet');
    const names = {
      wasock: Object.keys(m), 'wasock/promises': Object.keys(p), 'wasock/inet': Object.keys(i),
      Socket: methods(m.Socket), AsyncSocket: methods(p.AsyncSocket), can: Object.keys(m.can),
      statics: { wasock: statics(m, ['AddressFamily', 'SocketKind', 'MsgFlag', 'AddressInfo']) },
      members: {},
    };
    const [x, y] = m.socketpair();
    const io = new m.SocketIO(x, 'rw');
    names.members.wasock = {
      AddressFamily: members(m.AddressFamily(m.AF_INET)), SocketKind: members(m.SocketKind(m.SOCK_STREAM)),
      MsgFlag: members(m.MsgFlag(3)), AddressInfo: members(m.AddressInfo(0)), SocketIO: members(io),
    };
    for (const o of [io, x, y]) o.close();
    for (const entry of ${JSON.stringify(Object.keys(SELECT_ENTRIES))}) {
      const mod = require(entry);
      names[entry] = Object.keys(mod);
      const made = {};
      if (mod.epoll) {
        names.statics[entry] = statics(mod, ['poll', 'epoll']);
        made.poll = mod.poll();
        made.epoll = mod.epoll();
      } else {
        names.statics[entry] = statics(mod, ['SelectSelector', 'PollSelector', 'EpollSelector', 'DefaultSelector']);
        for (const n of ['SelectSelector', 'PollSelector', 'EpollSelector', 'DefaultSelector']) made[n] = mod[n]();
        made.SelectorKey = new mod.SelectorKey(0, 0, mod.EVENT_READ, null);
        made.SelectorMapping = made.SelectSelector.get_map();
        made.KeyError = new mod.KeyError('x');
      }
      names.members[entry] = Object.fromEntries(Object.entries(made).map(([n, o]) => [n, members(o)]));
      for (const o of Object.values(made)) if (typeof o.close === 'function') o.close();
    }
    console.log(JSON.stringify(names));`]);
  return JSON.parse(out);
}

// Compiles a program that mentions every name of runtimeNames() through the
// declarations: a name without one fails it ({ status, diagnostics, output }).
function declarationCoverage(appDir, names) {
  const work = path.join(appDir, 'consumer', 'coverage');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
  const alias = { wasock: 'm', ...SELECT_ENTRIES };
  const declared = [];
  const refs = [
    ...names.wasock.map((n) => `m.${n}`),
    ...names['wasock/promises'].map((n) => `p.${n}`),
    ...names['wasock/inet'].map((n) => `i.${n}`),
    ...names.Socket.map((n) => `s.${n}`),
    ...names.AsyncSocket.map((n) => `a.${n}`),
    ...names.can.map((n) => `m.can.${n}`),
    ...Object.entries(SELECT_ENTRIES).flatMap(([entry, a]) => names[entry].map((n) => `${a}.${n}`)),
  ];
  for (const [entry, byExport] of Object.entries(names.statics)) {
    for (const [n, list] of Object.entries(byExport)) refs.push(...list.map((k) => `${alias[entry]}.${n}.${k}`));
  }
  for (const [entry, byType] of Object.entries(names.members)) {
    for (const [type, list] of Object.entries(byType)) {
      const v = `${alias[entry]}_${type}`;
      declared.push(`declare const ${v}: ${alias[entry]}.${type};`);
      refs.push(...list.map((k) => `${v}.${k}`));
    }
  }
  fs.writeFileSync(path.join(work, 'coverage.mts'), [
    "import * as m from 'wasock';",
    "import * as p from 'wasock/promises';",
    "import * as i from 'wasock/inet';",
    ...Object.entries(SELECT_ENTRIES).map(([entry, a]) => `import * as ${a} from '${entry}';`),
    'declare const s: m.Socket;',
    'declare const a: p.AsyncSocket;',
    ...declared,
    `export const all = [\n  ${refs.join(',\n  ')},\n];`,
    '',
  ].join('\n'));
  return tsc(work, 'coverage.mts');
}

// Compiles tests/packaging/types/*.ts in the app with tsc --strict --noEmit (those named
// *browser* without @types/node, as a browser app would):
// { [file]: { status, diagnostics: ['file(line,col): error TSxxxx: ...'] } }.
function typeCheck(appDir) {
  const work = path.join(appDir, 'consumer', 'types');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ type: 'module' }));
  const out = {};
  for (const f of fs.readdirSync(TYPES_DIR).filter((x) => /\.(ts|mts|cts)$/.test(x)).sort()) {
    fs.copyFileSync(path.join(TYPES_DIR, f), path.join(work, f));
    out[f] = tsc(work, f, { node: !f.includes('browser') });
  }
  return out;
}

module.exports = {
  stageSkipReason, stageCheckout, linkTool, chromiumSkipReason, nodeInet, bundleInet, runBundle,
  loadPage, treeShaking, typeCheck, runtimeNames, declarationCoverage, PAGES,
};
