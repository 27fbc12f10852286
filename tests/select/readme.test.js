// SPDX-License-Identifier: MIT
// Every JavaScript snippet of the README's readiness and enum sections runs verbatim
// (each in its own process, from the package root) and prints what its comments say.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

function section(heading) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no ${heading}`);
  const end = readme.indexOf('\n## ', start + 1) >= 0 ? Math.min(
    ...['\n### ', '\n## '].map((h) => readme.indexOf(h, start + heading.length + 1)).filter((i) => i >= 0)) : readme.length;
  return readme.slice(start, end);
}

const snippets = [];
for (const h of ['### Readiness: `wasock/select` and `wasock/selectors`',
  '### Enums: `AddressFamily`, `SocketKind`, `MsgFlag`, `AddressInfo`']) {
  for (const m of section(h).matchAll(/```js\n([\s\S]*?)```/g)) snippets.push([h, m[1]]);
}

test('the sections have their snippets', () => {
  expect(snippets.length).toBe(4);
});

snippets.forEach(([h, code], i) => {
  test(`${h.slice(4, 30)}... snippet ${i + 1} runs verbatim and prints what its comments say`, () => {
    const out = execFileSync(process.execPath, ['-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 20000 });
    // The comments of console.log lines state the output ("// true", "// 1 1"), then
    // maybe an explanation in parentheses.
    const expected = code.split('\n').filter((l) => /console\.log\(/.test(l) && /\/\/ /.test(l))
      .map((l) => l.replace(/^.*\/\/ /, '').replace(/\s+\(.*\)$/, ''));
    const got = out.trimEnd().split('\n');
    expect(got.length).toBe(expected.length);
    expected.forEach((e, k) => expect(got[k]).toBe(e));
  });
});
