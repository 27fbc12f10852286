// SPDX-License-Identifier: MIT
// makefile()'s text codecs (bridge/codecs.js) against CPython's: every codec wasock
// carries x every error handler x a set of texts and byte strings, encoded and decoded
// by both; results and error messages must be equal. Names and aliases resolve as
// codecs.lookup() resolves them. Prints the number of cases compared.
'use strict';
const { spawnSync } = require('node:child_process');
const codecs = require('../../bridge/codecs');
const { codecs: carried, aliases } = require('../../bridge/pycodecs');

const HANDLERS = ['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace'];
const TEXTS = ['', 'plain ascii', 'caf\u00e9', '\u20ac5', 'snake \u{1f40d}!', 'a\ud800b', '\udcff\udc80',
  '\u00ff\u0100', 'line\r\nnext\n', '\u0416\u0436', '\u00e9\u00e8\u00ea\u00eb\u00c0', '\udcff\ud800x',
  '\u00e9\udcff\u20ac\udc80'];
const BYTES = ['', '616263', 'ff', 'c3a9', 'c3', 'e282ac', 'e282', 'e080', 'eda080', 'f09f9090',
  'f4908080', '80', 'c0af', 'fffe6100', 'feff0061', '6100d800', '00d8', '0000d800', '41', '81', '9d',
  'a4', 'efbbbf61', '610062'];

function py(cases) {
  const r = spawnSync('python3', ['-c', `
import json, sys
out = []
for c in json.load(sys.stdin):
    try:
        if c['op'] == 'encode':
            v = c['s'].encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass').encode(c['enc'], c['err']).hex()
        elif c['op'] == 'decode':
            v = bytes.fromhex(c['b']).decode(c['enc'], c['err']).encode('utf-16-le', 'surrogatepass').hex()
        else:
            import codecs
            v = codecs.lookup(c['enc']).name
        out.append({'ok': v})
    except LookupError as e:
        out.append({'err': 'LookupError'})
    except (UnicodeError, ValueError) as e:
        out.append({'err': 'RangeError', 'msg': str(e)})
print(json.dumps(out))`], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

// JSON cannot carry lone surrogates both ways: texts travel as UTF-16LE hex.
const hex16 = (s) => Buffer.from(s, 'utf16le').toString('hex');

function js(c) {
  try {
    if (c.op === 'encode') return { ok: codecs.lookup(c.enc, c.err).encoder().encode(c.s).toString('hex') };
    if (c.op === 'decode') return { ok: hex16(codecs.lookup(c.enc, c.err).decoder().decode(Buffer.from(c.b, 'hex'), true)) };
    return { ok: codecs.lookup(c.enc).name };
  } catch (e) {
    if (e.code === 'ERR_UNKNOWN_ENCODING') return { err: 'LookupError' };
    if (e instanceof RangeError) return { err: 'RangeError', msg: e.message };
    throw e;
  }
}

test('every carried codec, alias and error handler agrees with CPython', () => {
  const cases = [];
  for (const enc of Object.keys(carried)) {
    for (const err of HANDLERS) {
      for (const s of TEXTS) cases.push({ op: 'encode', enc, err, s });
      for (const b of BYTES) cases.push({ op: 'decode', enc, err, b });
    }
  }
  for (const alias of Object.keys(aliases)) cases.push({ op: 'name', enc: alias });
  for (const spelled of ['UTF-8', 'U8', 'utf_8', 'Latin-1', 'L1', 'iso8859-1', 'ISO_8859-1', 'us_ascii',
    'US-ASCII', 'cp1252', 'windows-1252', 'UTF16', 'utf-16-le', 'koi8-r', 'bogus', 'utf 8', '8859'])
    cases.push({ op: 'name', enc: spelled });
  // Texts go to Python as JSON (lone surrogates survive its \\u escapes); decoded text
  // comes back as UTF-16LE hex.
  const want = py(cases);
  const diffs = [];
  cases.forEach((c, i) => {
    const got = js(c);
    if (JSON.stringify(got) !== JSON.stringify(want[i])) diffs.push({ c, got, want: want[i] });
  });
  console.log(`codecs differential: ${cases.length} cases compared, ${diffs.length} disagreements`);
  expect(diffs.slice(0, 10)).toEqual([]);
});
