// SPDX-License-Identifier: MIT
//
// Every example of docs/api.md runs as written. A ```js block runs in Node from this
// checkout (an ES module when it imports, CommonJS otherwise) and must exit 0 with
// nothing on stderr. A block introduced as *browser* is the page.js of a fresh app over
// this checkout (consumers.js stageCheckout), bundled by the ```sh command that follows
// the first of them, verbatim, and loaded in headless Chromium, where it must log
// without errors.
'use strict';

const { spawnSync, execSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const C = require('./consumers');

const ROOT = path.resolve(__dirname, '..', '..');
const DOC = path.join(ROOT, 'docs', 'api.md');
const text = fs.readFileSync(DOC, 'utf8');

const blocks = [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  code: m[2],
  line: text.slice(0, m.index).split('\n').length,
  browser: /\(\*browser\*\):\s*$/.test(text.slice(Math.max(0, m.index - 200), m.index)),
}));
const node = blocks.filter((b) => b.lang === 'js' && !b.browser);
const browser = blocks.filter((b) => b.lang === 'js' && b.browser);
const shell = blocks.filter((b) => b.lang === 'sh');

test('docs/api.md has examples of every kind', () => {
  expect(node.length).toBeGreaterThanOrEqual(6);
  expect(browser.length).toBe(2);
  expect(shell.length).toBe(1);
});

// Inside the package, so that 'wasock' resolves to this checkout (self-reference).
const dir = path.join(ROOT, 'build', 'api-docs');

describe('Node examples', () => {
  beforeAll(() => fs.mkdirSync(dir, { recursive: true }));
  for (const b of node) {
    test(`docs/api.md:${b.line}`, () => {
      const file = path.join(dir, `example-${b.line}.${/^import /m.test(b.code) ? 'mjs' : 'cjs'}`);
      fs.writeFileSync(file, b.code);
      const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
      console.log(`docs/api.md:${b.line}:\n${r.stdout}`);
    }, 90000);
  }
});

const skip = C.stageSkipReason() || C.chromiumSkipReason();
if (skip) console.warn(`browser examples skipped: ${skip}`);
(skip ? describe.skip : describe)(skip ? `browser examples (skipped: ${skip})` : 'browser examples', () => {
  let app;
  beforeAll(() => {
    app = C.stageCheckout(fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-docs-')));
  });
  afterAll(() => {
    if (app) fs.rmSync(app, { recursive: true, force: true });
  });

  for (const [i, b] of browser.entries()) {
    test(`docs/api.md:${b.line}, bundled by docs/api.md:${shell[0].line}`, async () => {
      const out = path.join(app, 'out');
      fs.rmSync(out, { recursive: true, force: true });
      fs.writeFileSync(path.join(app, 'page.js'), b.code);
      execSync(shell[0].code, {
        cwd: app, stdio: 'pipe',
        env: { ...process.env, PATH: `${path.join(app, 'node_modules', '.bin')}:${process.env.PATH}` },
      });
      const r = await C.loadPage(out, { script: 'page.js', module: true, logs: 1 });
      expect(r.problems).toEqual([]);
      expect(r.logs).toHaveLength(1);
      console.log(`docs/api.md:${b.line} in Chromium ${r.version}: ${r.logs.join('\n')}`);
      // The first example ships the wasm as a file, the second (inline) needs none.
      expect(r.requests.filter((x) => x.endsWith('.wasm'))).toEqual(i === 0 ? [expect.stringMatching(/^200 /)] : []);
    }, 180000);
  }
});
