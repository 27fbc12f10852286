// SPDX-License-Identifier: MIT
// Every JavaScript snippet of README.md runs verbatim against the installed package: as
// an ES module when it imports, as CommonJS otherwise; what it prints is what its
// comments say.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, installedApp, run } = require('./app');

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const snippets = [...readme.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m, i) => ({
  n: i + 1, code: m[1], esm: /^import /m.test(m[1]),
  line: readme.slice(0, m.index).split('\n').length + 1,
}));

test('README.md has JavaScript snippets', () => {
  expect(snippets.length).toBeGreaterThan(0);
});

describe.each(snippets)('README.md snippet $n (line $line)', ({ n, code, esm }) => {
  test(`runs verbatim as ${esm ? 'an ES module' : 'CommonJS'}`, () => {
    const app = installedApp();
    const file = `readme-${n}.${esm ? 'mjs' : 'js'}`;
    fs.writeFileSync(path.join(app.dir, file), code);
    const r = run(process.execPath, [file], { cwd: app.dir, env: app.env, timeout: 60 * 1000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The comment closing a line with console.log(...) states its output.
    const said = [...code.matchAll(/console\.log\(.*\/\/ (.+)$/gm)].map((m) => m[1].trim());
    const printed = r.stdout.trim() ? r.stdout.trim().split('\n') : [];
    expect(printed).toEqual(said);
  }, 10 * 60 * 1000);
});
