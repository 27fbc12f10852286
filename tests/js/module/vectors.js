// SPDX-License-Identifier: MIT
// Reads tests/vectors/codec.vec (the codec vectors both builds of the core run; format
// in the file's header) into { line, text, fn, args, expect } records, and runs them
// against require('wasock').
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');

const FILE = path.resolve(__dirname, '..', '..', 'vectors', 'codec.vec');
const SAFE = 2n ** 53n;

function parseLine(text) {
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i])) i++; };
  const fail = (why) => { throw new Error(`codec.vec: ${why} at column ${i + 1} of: ${text}`); };

  function repeat(v) {
    if (text[i] !== '*') return v;
    i++;
    const m = /^\d+/.exec(text.slice(i));
    if (!m) fail('repeat count expected');
    i += m[0].length;
    const n = Number(m[0]);
    return typeof v === 'string' ? v.repeat(n) : Buffer.concat(Array(n).fill(v));
  }

  function atom() {
    ws();
    const c = text[i];
    if (c === '[') {
      i++;
      const out = [];
      for (;;) {
        ws();
        if (text[i] === ']') { i++; return out; }
        if (i >= text.length) fail('unterminated list');
        out.push(value());
      }
    }
    if (c === '"') {
      let s = '';
      for (i++; text[i] !== '"'; i++) {
        if (i >= text.length) fail('unterminated string');
        if (text[i] !== '\\') { s += text[i]; continue; }
        const e = text[++i];
        if (e === 'x') { s += String.fromCharCode(parseInt(text.slice(i + 1, i + 3), 16)); i += 2; }
        else s += { 0: '\0', t: '\t', n: '\n', '\\': '\\', '"': '"' }[e] ?? fail(`bad escape \\${e}`);
      }
      i++;
      return repeat(s);
    }
    if (c === 'x' && text[i + 1] === "'") {
      const end = text.indexOf("'", i + 2);
      if (end < 0) fail('unterminated bytes');
      const b = Buffer.from(text.slice(i + 2, end), 'hex');
      i = end + 1;
      return repeat(b);
    }
    const m = /^[^\s\]]+/.exec(text.slice(i));
    if (!m) fail('value expected');
    i += m[0].length;
    const w = m[0];
    if (w === 'null') return null;
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'nan') return NaN;
    if (w === 'inf') return Infinity;
    if (w === '-inf') return -Infinity;
    if (/^-?\d+$/.test(w)) {
      const b = BigInt(w);
      return b > -SAFE && b < SAFE ? Number(b) : b;
    }
    if (/^-?\d*\.\d+(e-?\d+)?$/.test(w)) return Number(w);
    return fail(`unknown word ${w}`);
  }

  // Adjacent strings or bytes concatenate, as in C.
  function value() {
    let v = atom();
    for (;;) {
      ws();
      const save = i;
      if (typeof v === 'string' && text[i] === '"') v += atom();
      else if (Buffer.isBuffer(v) && text.startsWith("x'", i)) v = Buffer.concat([v, atom()]);
      else { i = save; return v; }
    }
  }

  const [lhs, rhs] = text.split(' => ');
  if (rhs === undefined) fail("' => ' expected");
  const fn = /^\S+/.exec(lhs)[0];
  const args = [];
  const whole = text;
  text = lhs;
  i = fn.length;
  for (ws(); i < text.length; ws()) args.push(value());
  text = rhs.trim();
  i = 0;
  let expect;
  const err = /^!(TypeError|RangeError|OSError)(?:\((-?\d+)\))?$/.exec(text);
  if (err) expect = { err: err[1], errno: err[2] === undefined ? null : Number(err[2]) };
  else {
    expect = { ok: value() };
    ws();
    if (i < text.length) fail('junk after the expected value');
  }
  return { text: whole, fn, args, expect };
}

function load(fns) {
  const out = [];
  fs.readFileSync(FILE, 'utf8').split('\n').forEach((line, n) => {
    if (!line.trim() || line.startsWith('#')) return;
    const v = parseLine(line);
    v.line = n + 1;
    if (!fns || fns.includes(v.fn)) out.push(v);
  });
  return out;
}

// Runs one vector through wasock; returns null when it matches, else a description.
function check(ws, v) {
  let got;
  try {
    got = { ok: ws[v.fn](...v.args) };
  } catch (e) {
    const cls = e instanceof ws.OSError ? 'OSError' : e instanceof TypeError ? 'TypeError'
      : e instanceof RangeError ? 'RangeError' : `unexpected ${e && e.name}: ${e && e.message}`;
    got = { err: cls, errno: e instanceof ws.OSError ? e.errno : null };
  }
  const same = 'ok' in v.expect
    ? 'ok' in got && util.isDeepStrictEqual(got.ok, v.expect.ok)
    : got.err === v.expect.err && got.errno === v.expect.errno;
  return same ? null : `codec.vec:${v.line}: ${v.text}\n    got ${util.inspect(got, { depth: 5 })}`;
}

// Declares one Jest test per vector of the given functions.
function runVectors(fns) {
  const ws = require('../../../bridge');
  const vectors = load(fns);
  test('the vector file has vectors for every function', () => {
    for (const fn of fns) expect(vectors.some((v) => v.fn === fn)).toBe(true);
  });
  test.each(vectors.map((v) => [`${v.line}: ${v.text.slice(0, 100)}`, v]))('vector %s', (_, v) => {
    const problem = check(ws, v);
    if (problem) throw new Error(problem);
  });
}

module.exports = { FILE, load, parseLine, check, runVectors };
