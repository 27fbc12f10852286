// SPDX-License-Identifier: MIT
// The codec vectors every build of `wasock/inet` must answer (tests/vectors/codec.vec and
// tests/browser/ipnet.vec), as calls in the JSON encoding runner.mjs reads, and how to
// judge a run of them. Shared by codecs.test.js and tests/packaging/consumers.js.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { load } = require('../js/module/vectors.js');

const SAFE = 2n ** 53n;

// Arguments and expected values as JSON (the encoding runner.mjs reads and writes).
function enc(v) {
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return { $float: Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf' };
  }
  if (typeof v === 'bigint') return v > -SAFE && v < SAFE ? Number(v) : { $int: String(v) };
  if (ArrayBuffer.isView(v)) return { $bytes: Buffer.from(v).toString('hex') };
  if (Array.isArray(v)) return v.map(enc);
  return v;
}

// codec.vec's vectors, then ipnet.vec's (JSON lines, already in the runner's encoding).
const vectors = [
  ...load().map((v) => ({
    ...v, where: `codec.vec:${v.line}`, args: enc(v.args),
    expect: 'ok' in v.expect ? { ok: enc(v.expect.ok) } : v.expect,
  })),
  ...fs.readFileSync(path.join(__dirname, 'ipnet.vec'), 'utf8').split('\n')
    .map((text, n) => ({ text, n: n + 1 }))
    .filter(({ text }) => text.trim() && !text.startsWith('#'))
    .map(({ text, n }) => {
      const v = JSON.parse(text);
      return {
        text, fn: v.call, args: v.args, where: `ipnet.vec:${n}`,
        expect: 'ok' in v ? { ok: v.ok } : { err: v.err, errno: v.errno ?? null },
      };
    }),
];
const calls = vectors.map((v) => ({ fn: v.fn, args: v.args }));
const label = (i) => `${vectors[i].where}: ${vectors[i].text}`;
const show = (v) => util.inspect(v, { depth: 6, breakLength: Infinity });

function matchesVector(v, got) {
  if ('ok' in v.expect) return 'ok' in got && util.isDeepStrictEqual(got.ok, v.expect.ok);
  return got.err === v.expect.err && got.errno === v.expect.errno;
}

// A browser has no interfaces to name (CAN, packet and scoped addresses look them up):
// there such vectors fail with ENOSYS, which only the sockaddr codecs may do.
const needsOS = (i, r) => r.err === 'OSError' && r.errno === 38 &&
  /^(en|de)code_sockaddr$/.test(vectors[i].fn);

// Differences between two runs, ignoring which byte class carried the bytes.
function differences(a, b) {
  const out = [];
  a.forEach((x, i) => {
    const { bytes: bx, ...ax } = x;
    const { bytes: by, ...ay } = b[i];
    if (!util.isDeepStrictEqual(ax, ay)) out.push(`${label(i)}\n  node ${show(x)}\n  page ${show(b[i])}`);
  });
  return out;
}

function vectorFailures(results, browser) {
  return vectors.flatMap((v, i) => (matchesVector(v, results[i]) ||
    (browser && needsOS(i, results[i])) ? [] : [`${label(i)}\n  got ${show(results[i])}`]));
}

module.exports = { vectors, calls, label, matchesVector, needsOS, differences, vectorFailures };
