// SPDX-License-Identifier: MIT
//
// The package-consumer checks (consumers.js) against what npm users get: a temporary app
// holding the packed tarball as installed by installedApp() (no compiler on PATH). wasock/inet must work in Node without
// the addon; pages using it, bundled by esbuild (esm, iife, inline), webpack and Vite, must
// answer the codec vectors in headless Chromium as Node does; a page importing one
// function must carry no constants; the declarations must accept a correct program and
// reject the mistakes of a wrong one.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');
const C = require('./consumers');
const { installedApp } = require('./app');
const { calls, vectorFailures, differences } = require('../browser/vectors');

const buildSkip = C.stageSkipReason();

let app;
beforeAll(() => {
  if (buildSkip) return;
  // A copy of the installed app's node_modules, so that bundles and type checks written
  // into the app leave the shared installation as npm left it.
  const installed = installedApp();
  app = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-consumer-'));
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', private: true }));
  fs.cpSync(path.join(installed.dir, 'node_modules'), path.join(app, 'node_modules'),
    { recursive: true, verbatimSymlinks: true });
  C.linkTool(app, 'esbuild');
}, 10 * 60 * 1000);
afterAll(() => {
  if (app) fs.rmSync(app, { recursive: true, force: true });
});

const show = (v) => util.inspect(v, { depth: 6, breakLength: Infinity });
const withBuild = buildSkip ? describe.skip : describe;
if (buildSkip) console.warn(`consumer checks skipped: ${buildSkip}`);

withBuild(buildSkip ? `wasock/inet in Node (skipped: ${buildSkip})` : 'wasock/inet in Node', () => {
  test('require and import load it without the addon and answer the vectors', () => {
    const { cjs, esm } = C.nodeInet(app, calls);
    expect(cjs.native).toEqual([]);
    expect(esm.native).toEqual([]);
    expect(vectorFailures(cjs.results, true)).toEqual([]);
    expect(esm.results).toEqual(cjs.results);
    expect(esm.exports).toEqual(expect.arrayContaining(['init', 'inet_pton', 'AF_INET6', 'OSError']));
  });
});

const chromeSkip = buildSkip || C.chromiumSkipReason();
const withChromium = chromeSkip ? describe.skip : describe;
const BUNDLES = [
  { bundler: 'esbuild', format: 'esm', page: 'wasm-import' },
  { bundler: 'esbuild', format: 'iife', page: 'wasm-import' },
  { bundler: 'esbuild', format: 'iife', page: 'inline' },
  { bundler: 'esbuild', format: 'esm', page: 'inline' },
  { bundler: 'webpack', page: 'default-url' },
  { bundler: 'vite', page: 'default-url' },
];

withChromium(chromeSkip ? `bundled pages in Chromium (skipped: ${chromeSkip})` : 'bundled pages in Chromium', () => {
  let nodeResults;
  const report = [];
  beforeAll(() => {
    nodeResults = C.nodeInet(app, calls).cjs.results;
  });
  afterAll(() => {
    if (report.length) console.log(`bundle sizes (bytes, raw / gzip -9):\n${report.join('\n')}`);
  });

  for (const options of BUNDLES) {
    const name = [options.bundler, options.format, options.page].filter(Boolean).join(' ');
    test(`${name}: the page answers every codec vector as Node does`, async () => {
      const bundle = await C.bundleInet(app, options);
      const total = bundle.files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
      report.push(`  ${bundle.name.padEnd(26)} ${bundle.files.map((f) =>
        `${f.file.replace(/\.[0-9a-f]{8,}\./, '.<hash>.')} ${f.raw}/${f.gzip}`).join(', ')}; total ${total.raw}/${total.gzip}`);
      const out = await C.runBundle(bundle, calls);
      expect(out.problems).toEqual([]);
      expect(out.results).toHaveLength(calls.length);
      expect(vectorFailures(out.results, true)).toEqual([]);
      expect(differences(nodeResults, out.results)).toEqual([]);
      const kinds = new Set(out.results.filter((r) => r.bytes).map((r) => r.bytes));
      expect([...kinds]).toEqual(['Uint8Array']);
      // The wasm came as its own file, or (inline) inside the JS: never a 404.
      const wasm = out.requests.filter((r) => r.endsWith('.wasm'));
      expect(wasm).toEqual(options.page === 'inline' ? [] : [expect.stringMatching(/^200 /)]);
    }, 300000);
  }
});

withBuild(buildSkip ? `tree shaking (skipped: ${buildSkip})` : 'tree shaking', () => {
  test('a page importing one function carries no constants but the EAI_* codes', async () => {
    const r = await C.treeShaking(app);
    console.log(`esbuild, minified JS: inet_pton alone ${r.one.raw}/${r.one.gzip} bytes, ` +
      `everything ${r.all.raw}/${r.all.gzip} bytes (raw/gzip -9)`);
    const eai = Object.keys(require('../../bridge/constants')).filter((n) => n.startsWith('EAI_'));
    expect(r.constantsInOne.sort()).toEqual(eai.sort());
    expect(r.one.raw).toBeLessThan(r.all.raw - 15000);
  }, 120000);
});

// Each mistake of types/bad.mts and the diagnostic tsc must give for it.
const BAD = [
  ['bad.mts(9,3): error TS2551', "Property 'conect' does not exist on type 'Socket<2>'. Did you mean 'connect'?"],
  ['bad.mts(10,8): error TS2345', "Argument of type 'string' is not assignable to parameter of type 'number'."],
  ['bad.mts(11,26): error TS2345', "Argument of type 'string' is not assignable to parameter of type '[host: string, port: string | number]'."],
  ['bad.mts(12,22): error TS2322', "Type 'string' is not assignable to type 'number'."],
  ['bad.mts(13,7): error TS2322', "Type 'number' is not assignable to type 'string'."],
  ['bad.mts(14,1): error TS2554', 'Expected 2 arguments, but got 1.'],
  ['bad.mts(15,52): error TS2561', "Object literal may only specify known properties, but 'signl' does not exist in type 'OperationOptions'. Did you mean to write 'signal'?"],
  ['bad.mts(16,7): error TS2322', "Type '2' is not assignable to type '3'."],
  ['bad.mts(18,8): error TS1192', /^Module '".*\/node_modules\/wasock\/types\/inet"' has no default export\.$/],
  ['bad.mts(21,41): error TS2345', "Argument of type 'string' is not assignable to parameter of type 'number'."],
  ['bad.mts(22,7): error TS2322', /^Type 'Buffer<ArrayBufferLike>' is not assignable to type 'string'\.$/],
];

withBuild(buildSkip ? `TypeScript declarations (skipped: ${buildSkip})` : 'TypeScript declarations', () => {
  let result;
  beforeAll(() => {
    result = C.typeCheck(app);
  }, 120000);

  test('programs using the entry points (and a browser one) compile with tsc --strict', () => {
    for (const f of ['good.mts', 'good-require.cts', 'good-browser.mts']) {
      expect({ file: f, diagnostics: result[f].diagnostics, output: result[f].output })
        .toEqual({ file: f, diagnostics: [], output: '' });
      expect(result[f].status).toBe(0);
    }
  });

  test('every export, socket method, CAN helper and select/selectors object member has a declaration', () => {
    const names = C.runtimeNames(path.resolve(__dirname, '..', '..'));
    expect(names.Socket).toEqual(expect.arrayContaining(['accept', 'recvmsg_into', 'sendfile', 'timeout']));
    expect(names['wasock/select']).toEqual(expect.arrayContaining(['select', 'poll', 'epoll', 'EPOLLIN']));
    expect(names.members['wasock/selectors/promises'].DefaultSelector)
      .toEqual(expect.arrayContaining(['register', 'select', 'get_map', 'fileno']));
    const r = C.declarationCoverage(app, names);
    expect(r.diagnostics).toEqual([]);
    expect(r.status).toBe(0);
  }, 120000);

  test('each mistake fails to compile with its own diagnostic', () => {
    expect(result['bad.mts'].status).not.toBe(0);
    expect(result['bad.mts'].diagnostics).toEqual(BAD.map(([where, text]) => (typeof text === 'string'
      ? `${where}: ${text}` : expect.stringMatching(new RegExp(`^${where.replace(/[()]/g, '\\$&')}: ${text.source.slice(1)}`)))));
  });
});
