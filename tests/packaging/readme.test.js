// SPDX-License-Identifier: MIT
// Every JavaScript snippet of README.md runs verbatim against the installed package: as
// an ES module when it imports, as CommonJS otherwise; what it prints is what its
// comments say. The `wasock cc` example (a shell snippet) runs first, in the same app:
// it builds the upper.wasm the `wasock/wasi` snippet runs, and talks to it from python3.
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

// The shell snippet of the `wasock cc` section; the app has a C compiler on PATH for it.
const ccSection = readme.slice(readme.indexOf('### Compiling C programs for WASI'));
const ccScript = /^```sh\n([\s\S]*?)^```$/m.exec(ccSection)[1];
const app = () => installedApp({ compiler: true });

test('the wasock cc example builds a guest, serves python3 through wasock run', () => {
  const a = app();
  fs.writeFileSync(path.join(a.dir, 'readme-cc.sh'), ccScript);
  const r = run('bash', ['readme-cc.sh'], { cwd: a.dir, env: a.env, timeout: 3 * 60 * 1000 });
  expect(r.status).toBe(0);
  expect(r.stdout.trim()).toBe('HELLO FROM PYTHON');
}, 10 * 60 * 1000);

describe.each(snippets)('README.md snippet $n (line $line)', ({ n, code, esm }) => {
  test(`runs verbatim as ${esm ? 'an ES module' : 'CommonJS'}`, () => {
    const a = app();
    const file = `readme-${n}.${esm ? 'mjs' : 'js'}`;
    fs.writeFileSync(path.join(a.dir, file), code);
    const r = run(process.execPath, [file], { cwd: a.dir, env: a.env, timeout: 60 * 1000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The comment closing a line with console.log(...) states its output.
    const said = [...code.matchAll(/console\.log\(.*\/\/ (.+)$/gm)].map((m) => m[1].trim());
    const printed = r.stdout.trim() ? r.stdout.trim().split('\n') : [];
    expect(printed).toEqual(said);
  }, 10 * 60 * 1000);
});
