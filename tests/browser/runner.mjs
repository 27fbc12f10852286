// SPDX-License-Identifier: MIT
// Runs calls on a `wasock/inet` module and describes each outcome as JSON. Loaded by the
// test page in Chromium and by node-run.mjs in Node, so it uses no Node APIs.
//
// Values as JSON (as tests/diff does): bytes {$bytes: hex}, integers beyond 2**53
// {$int: decimal}, non-finite floats {$float: 'nan' | 'inf' | '-inf'}.
// Outcomes: {ok: value, bytes?: 'Buffer' | 'Uint8Array'} or
//           {err: 'OSError' | 'gaierror' | 'TypeError' | 'RangeError' | ..., errno, code, message}.

const SAFE = 2n ** 53n;

const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

function fromHex(h) {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function dec(v) {
  if (Array.isArray(v)) return v.map(dec);
  if (v && typeof v === 'object') {
    if ('$bytes' in v) return fromHex(v.$bytes);
    if ('$int' in v) return BigInt(v.$int);
    if ('$float' in v) return { nan: NaN, inf: Infinity, '-inf': -Infinity }[v.$float];
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dec(x)]));
  }
  return v;
}

export function enc(v) {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $float: 'nan' };
    if (!Number.isFinite(v)) return { $float: v > 0 ? 'inf' : '-inf' };
    return v;
  }
  if (typeof v === 'bigint') return v > -SAFE && v < SAFE ? Number(v) : { $int: String(v) };
  if (v instanceof Uint8Array) return { $bytes: hex(v) };
  if (Array.isArray(v)) return v.map(enc);
  if (typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, enc(x)]));
  return { $unexpected: typeof v };
}

// The kinds of byte objects in a result ('Buffer' in Node, 'Uint8Array' in browsers).
function byteKinds(v, into = new Set()) {
  if (v instanceof Uint8Array) into.add(v.constructor.name);
  else if (Array.isArray(v)) v.forEach((x) => byteKinds(x, into));
  return into;
}

export function classify(e, inet) {
  const out = { errno: null, code: null, message: e && e.message };
  if (e instanceof inet.gaierror) out.err = 'gaierror';
  else if (e instanceof inet.herror) out.err = 'herror';
  else if (e instanceof inet.OSError) out.err = 'OSError';
  else if (e instanceof TypeError) out.err = 'TypeError';
  else if (e instanceof RangeError) out.err = 'RangeError';
  else out.err = `unexpected ${e && e.constructor && e.constructor.name}`;
  if (e instanceof inet.OSError) {
    out.errno = e.errno ?? null;
    out.code = e.code ?? null;
    out.name = e.name;
  }
  return out;
}

// calls: [{fn, args}] with JSON-encoded args.
export function run(inet, calls) {
  return calls.map(({ fn, args }) => {
    try {
      const value = inet[fn](...dec(args));
      const kinds = [...byteKinds(value)];
      return kinds.length ? { ok: enc(value), bytes: kinds.join() } : { ok: enc(value) };
    } catch (e) {
      return classify(e, inet);
    }
  });
}
