// SPDX-License-Identifier: MIT
// Text codecs for makefile()'s text mode, with Python's names, aliases, error handlers
// and error messages. The names, aliases and single-byte tables are Python's own
// (bridge/pycodecs.js, generated from CPython); the UTF codecs are written out here.
//
//   lookup(encoding, errors) -> { name, decoder(), encoder({ stream }) }
//     decoder().decode(bytes, final) -> string   (keeps an incomplete tail for later)
//     encoder().encode(string) -> Buffer           (utf-16/32: BOM on the first call,
//                                                   none for a stream: a socket's file)
//
// A codec Python does not know is a RangeError 'unknown encoding: x' (Python's
// LookupError) with code ERR_UNKNOWN_ENCODING; one Python knows but wasock does not
// carry says so, with the same code. Undecodable or unencodable text under errors=
// 'strict' is a RangeError (Python's UnicodeDecodeError / UnicodeEncodeError, both
// ValueErrors) with Python's message and its encoding, start, end and reason fields.
'use strict';
const { isUtf8 } = require('node:buffer');
const { aliases, codecs } = require('./pycodecs');

const HANDLERS = ['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace',
  'xmlcharrefreplace'];

// encodings.normalize_encoding, after the lower-casing codecs.lookup does first.
function normalize(name) {
  let out = '';
  let punct = false;
  for (const c of name.toLowerCase()) {
    if (/[\p{L}\p{N}.]/u.test(c)) {
      if (punct && out) out += '_';
      if (c.charCodeAt(0) < 128) out += c;
      punct = false;
    } else {
      punct = true;
    }
  }
  return out;
}

function lookupError(message) {
  const e = new RangeError(message);
  e.code = 'ERR_UNKNOWN_ENCODING';
  return e;
}

// Encodings Python has that wasock does not carry: they fail with their own message.
function knownToPython(norm) {
  return /^(big5|cp\d+|euc|gb|hz|iso2022|johab|shift_?jis|sjis|mac_|ptcp|tis|utf_7|u7|idna|punycode|mbcs|oem|palmos|kz|hp_|koi8|iso8859|latin|charmap|raw_unicode|unicode_escape|rot)/
    .test(norm);
}

function escapeChar(cp) {
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

function decodeError(codec, bytes, start, end, reason) {
  const what = end - start === 1 ? `byte 0x${bytes[start].toString(16).padStart(2, '0')} in position ${start}`
    : `bytes in position ${start}-${end - 1}`;
  const e = new RangeError(`'${codec}' codec can't decode ${what}: ${reason}`);
  Object.assign(e, { code: 'ERR_ENCODING_INVALID_ENCODED_DATA', encoding: codec, start, end, reason });
  return e;
}

function encodeError(codec, cps, start, end, reason) {
  const what = end - start === 1 ? `character '${escapeChar(cps[start])}' in position ${start}`
    : `characters in position ${start}-${end - 1}`;
  const e = new RangeError(`'${codec}' codec can't encode ${what}: ${reason}`);
  Object.assign(e, { encoding: codec, start, end, reason });
  return e;
}

// What a decode error handler puts in place of bytes[start..end), and where decoding
// resumes: `resume`, which surrogateescape may set before end (as Python's handler,
// it escapes at most 4 leading non-ASCII bytes and lets the codec go on after them).
let resume = 0;
function decodeReplacement(errors, codec, bytes, start, end, reason) {
  resume = end;
  switch (errors) {
    case 'ignore': return '';
    case 'replace': return '\ufffd';
    case 'backslashreplace': {
      let s = '';
      for (let i = start; i < end; i++) s += escapeChar(bytes[i]);
      return s;
    }
    case 'surrogateescape': {
      let s = '';
      let i = start;
      for (; i < end && i < start + 4 && bytes[i] >= 0x80; i++) s += String.fromCharCode(0xdc00 + bytes[i]);
      if (i === start) throw decodeError(codec, bytes, start, end, reason);
      resume = i;
      return s;
    }
    case 'xmlcharrefreplace': {
      const e = new TypeError("don't know how to handle UnicodeDecodeError in error callback");
      e.cause = decodeError(codec, bytes, start, end, reason);
      throw e;
    }
    default: throw decodeError(codec, bytes, start, end, reason);
  }
}

// The code points of a JS string: valid surrogate pairs joined, lone surrogates kept.
function codePoints(s) {
  const out = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        out.push(0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00));
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}

const isSurrogate = (cp) => cp >= 0xd800 && cp < 0xe000;

/*
 * Encodes code points with put(cp) -> bool (false: not encodable, nothing written);
 * put.probe(cp) answers the same without writing. A run of unencodable code points goes
 * to the error handler as one, as Python's encoders do (single: one at a time).
 */
function encodeWith(errors, codec, cps, put, reason, putReplacement, single, split) {
  for (let i = 0; i < cps.length;) {
    if (put(cps[i])) { i++; continue; }
    let j = i + 1;
    while (!single && j < cps.length && !put.probe(cps[j])) j++;
    const fail = () => encodeError(codec, cps, i, j, reason(cps[i]));
    switch (errors) {
      case 'ignore': break;
      case 'replace': for (let k = i; k < j; k++) putReplacement('?'); break;
      case 'backslashreplace':
        for (let k = i; k < j; k++) putReplacement(escapeChar(cps[k]));
        break;
      case 'xmlcharrefreplace':
        for (let k = i; k < j; k++) putReplacement(`&#${cps[k]};`);
        break;
      case 'surrogateescape': {
        // Bytes are no replacement for a UTF-16/32 encoder: Python raises. The UTF-8,
        // ASCII and Latin-1 encoders escape the run's leading \udc80-\udcff and report
        // the rest of the run; a charmap codec reports the whole run.
        let k = i;
        if (!single) {
          const escapable = (cp) => cp >= 0xdc80 && cp <= 0xdcff;
          if (!split && !cps.slice(i, j).every(escapable)) throw fail();
          for (; k < j && escapable(cps[k]); k++) putReplacement(null, cps[k] - 0xdc00);
        }
        if (k < j) throw encodeError(codec, cps, k, j, reason(cps[k]));
        break;
      }
      default: throw fail();
    }
    i = j;
  }
}

// A growable byte sink.
function sink() {
  let buf = Buffer.allocUnsafe(64);
  let n = 0;
  return {
    byte(b) {
      if (n === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      buf[n++] = b;
    },
    done() { return Buffer.from(buf.subarray(0, n)); },
  };
}

/*
 * A codec's encoder over a per-code-point writer: unit(cp, out) writes cp and returns
 * true, or returns false without writing; probe(cp) answers the same without writing.
 */
function makeEncoder(codec, errors, unit, probe, reason, bom = null, fast = null, single = false, split = true) {
  let first = true;
  return {
    encode(s) {
      if (fast && !(first && bom) && s.isWellFormed()) return Buffer.from(s, fast);
      const out = sink();
      // As Python's incremental encoders: the BOM comes with the first call.
      if (first && bom) {
        for (const b of bom) out.byte(b);
      }
      first = false;
      const put = (cp) => unit(cp, out);
      put.probe = probe;
      const putReplacement = (text, byte) => {
        if (text === null) {
          out.byte(byte);
          return;
        }
        // Replacement text is ASCII, which every codec here can write.
        for (const ch of text) unit(ch.charCodeAt(0), out);
      };
      encodeWith(errors, codec, codePoints(s), put, reason, putReplacement, single, split);
      return out.done();
    },
  };
}

function utf8Encoder(codec, errors) {
  const unit = (cp, out) => {
    if (isSurrogate(cp)) return false;
    if (cp < 0x80) out.byte(cp);
    else if (cp < 0x800) { out.byte(0xc0 | (cp >> 6)); out.byte(0x80 | (cp & 63)); }
    else if (cp < 0x10000) {
      out.byte(0xe0 | (cp >> 12)); out.byte(0x80 | ((cp >> 6) & 63)); out.byte(0x80 | (cp & 63));
    } else {
      out.byte(0xf0 | (cp >> 18)); out.byte(0x80 | ((cp >> 12) & 63));
      out.byte(0x80 | ((cp >> 6) & 63)); out.byte(0x80 | (cp & 63));
    }
    return true;
  };
  return (bom) => makeEncoder(codec, errors, unit, (cp) => !isSurrogate(cp), () => 'surrogates not allowed', bom, 'utf8');
}

function utf16Encoder(codec, errors, le, wide) {
  const w = (out, v, n) => {
    for (let i = 0; i < n; i++) out.byte(le ? (v >>> (8 * i)) & 255 : (v >>> (8 * (n - 1 - i))) & 255);
  };
  const unit = (cp, out) => {
    if (isSurrogate(cp)) return false;
    if (wide) w(out, cp, 4);
    else if (cp < 0x10000) w(out, cp, 2);
    else {
      w(out, 0xd800 + ((cp - 0x10000) >> 10), 2);
      w(out, 0xdc00 + ((cp - 0x10000) & 1023), 2);
    }
    return true;
  };
  // Python's UTF-16/32 encoders report each unencodable code point on its own.
  return (bom) => makeEncoder(codec, errors, unit, (cp) => !isSurrogate(cp), () => 'surrogates not allowed', bom,
    null, true);
}

function tableEncoder(codec, errors, limit, table) {
  let reverse = null;
  if (table) {
    reverse = new Map();
    for (let b = 0; b < 256; b++) if (table.charCodeAt(b) !== 0xfffe) reverse.set(table.charCodeAt(b), b);
  }
  const probe = (cp) => (reverse ? reverse.has(cp) : cp < limit);
  const unit = (cp, out) => {
    if (!probe(cp)) return false;
    out.byte(reverse ? reverse.get(cp) : cp);
    return true;
  };
  const reason = reverse ? () => 'character maps to <undefined>' : () => `ordinal not in range(${limit})`;
  return () => makeEncoder(codec, errors, unit, probe, reason, null, null, false, !reverse);
}

// Incremental decoders: step(bytes, final) decodes what it can and returns [text, used].
function decoderOf(step) {
  let held = Buffer.alloc(0);
  return {
    decode(bytes, final = false) {
      const all = held.length ? Buffer.concat([held, bytes]) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const [text, used] = step(all, final);
      held = Buffer.from(all.subarray(used));
      return text;
    },
  };
}

function utf8Step(codec, errors) {
  return (b, final) => {
    // Fast path: everything up to an incomplete tail is valid UTF-8.
    let cut = b.length;
    for (let k = 1; k <= 3 && k <= b.length; k++) {
      const c = b[b.length - k];
      if (c < 0x80) break;
      if (c >= 0xc0) {
        const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (need > k) cut = b.length - k;
        break;
      }
    }
    if ((cut === b.length || !final) && isUtf8(b.subarray(0, cut))) return [b.utf8Slice(0, cut), cut];
    let s = '';
    let i = 0;
    const n = b.length;
    while (i < n) {
      const c = b[i];
      if (c < 0x80) {
        let j = i;
        while (j < n && b[j] < 0x80) j++;
        s += b.latin1Slice(i, j);
        i = j;
        continue;
      }
      let need, lo = 0x80, hi = 0xbf;
      if (c >= 0xc2 && c <= 0xdf) need = 1;
      else if (c >= 0xe0 && c <= 0xef) {
        need = 2;
        if (c === 0xe0) lo = 0xa0;
        if (c === 0xed) hi = 0x9f;
      } else if (c >= 0xf0 && c <= 0xf4) {
        need = 3;
        if (c === 0xf0) lo = 0x90;
        if (c === 0xf4) hi = 0x8f;
      } else {
        s += decodeReplacement(errors, codec, b, i, i + 1, 'invalid start byte');
        i = resume;
        continue;
      }
      let j = i + 1;
      let bad = false;
      for (let k = 0; k < need; k++, j++) {
        if (j >= n) break;
        const d = b[j];
        if (d < (k === 0 ? lo : 0x80) || d > (k === 0 ? hi : 0xbf)) { bad = true; break; }
      }
      if (bad) {
        s += decodeReplacement(errors, codec, b, i, j, 'invalid continuation byte');
        i = resume;
      } else if (j - i <= need) {
        if (!final) return [s, i];
        s += decodeReplacement(errors, codec, b, i, n, 'unexpected end of data');
        i = resume;
      } else {
        s += b.utf8Slice(i, j);
        i = j;
      }
    }
    return [s, i];
  };
}

function tableStep(codec, errors, limit, table) {
  return (b) => {
    let s = '';
    for (let i = 0; i < b.length; i++) {
      const c = b[i];
      const ch = table ? table[c] : c < limit ? String.fromCharCode(c) : '\ufffe';
      if (ch !== '\ufffe') s += ch;
      else s += decodeReplacement(errors, codec, b, i, i + 1,
        table ? 'character maps to <undefined>' : `ordinal not in range(${limit})`);
    }
    return [s, b.length];
  };
}

// UTF-16 / UTF-32; le null: from the BOM (little-endian without one, as on this machine).
function utfWideStep(names, errors, le, size) {
  let order = le;
  return (b, final) => {
    let i = 0;
    let s = '';
    if (order === null) {
      if (b.length < size && !final) return ['', 0];
      const bomLE = size === 2 ? b[0] === 0xff && b[1] === 0xfe : b.length >= 4 && b.readUInt32LE(0) === 0xfeff;
      const bomBE = size === 2 ? b[0] === 0xfe && b[1] === 0xff : b.length >= 4 && b.readUInt32BE(0) === 0xfeff;
      order = !bomBE;
      if (bomLE || bomBE) i = size;
    }
    const codec = order ? names[0] : names[1];
    const rd = (at) => (size === 2 ? (order ? b.readUInt16LE(at) : b.readUInt16BE(at))
      : (order ? b.readUInt32LE(at) : b.readUInt32BE(at)));
    for (;;) {
      while (i + size <= b.length) {
        const u = rd(i);
        if (size === 4) {
          if (u > 0x10ffff) s += decodeReplacement(errors, codec, b, i, i + 4, 'code point not in range(0x110000)');
          else if (isSurrogate(u)) s += decodeReplacement(errors, codec, b, i, i + 4, 'code point in surrogate code point range(0xd800, 0xe000)');
          else { s += String.fromCodePoint(u); resume = i + 4; }
          i = resume;
          continue;
        }
        if (u < 0xd800 || u >= 0xe000) { s += String.fromCharCode(u); i += 2; continue; }
        if (u >= 0xdc00) { s += decodeReplacement(errors, codec, b, i, i + 2, 'illegal encoding'); i = resume; continue; }
        if (i + 4 > b.length) {
          if (!final) return [s, i];
          s += decodeReplacement(errors, codec, b, i, b.length, 'unexpected end of data');
          i = resume;
          continue;
        }
        const v = rd(i + 2);
        if (v >= 0xdc00 && v < 0xe000) { s += String.fromCharCode(u, v); i += 4; continue; }
        s += decodeReplacement(errors, codec, b, i, i + 2, 'illegal UTF-16 surrogate');
        i = resume;
      }
      if (!final || i >= b.length) return [s, i];
      s += decodeReplacement(errors, codec, b, i, b.length, 'truncated data');
      i = resume;
    }
  };
}

/** The codec for Python's encoding name (or alias) and error handler name. */
function lookup(encoding, errors = 'strict') {
  if (typeof encoding !== 'string') throw new TypeError(`encoding must be str, not ${typeof encoding}`);
  if (errors === null || errors === undefined) errors = 'strict';
  if (typeof errors !== 'string') throw new TypeError(`errors must be str, not ${typeof errors}`);
  const norm = normalize(encoding);
  const name = aliases[norm] || aliases[norm.replace(/\./g, '_')];
  if (!name) {
    if (knownToPython(norm)) {
      throw lookupError(`encoding '${encoding}' is not supported by wasock (supported: ${
        Object.keys(codecs).join(', ')})`);
    }
    throw lookupError(`unknown encoding: ${encoding}`);
  }
  if (!HANDLERS.includes(errors)) {
    const e = new RangeError(`unknown error handler name '${errors}' (wasock supports ${HANDLERS.join(', ')})`);
    e.code = 'ERR_UNKNOWN_ERROR_HANDLER';
    throw e;
  }
  const [infoName, decName, encName, table] = codecs[name];
  let step, encoder;
  switch (name) {
    case 'utf_8': case 'utf_8_sig': {
      const enc = utf8Encoder(encName, errors);
      const sig = name === 'utf_8_sig';
      encoder = () => enc(sig ? [0xef, 0xbb, 0xbf] : null);
      step = () => {
        const inner = utf8Step(decName, errors);
        let start = sig;
        return (b, final) => {
          if (!start) return inner(b, final);
          if (b.length < 3 && !final && [0xef, 0xbb, 0xbf].slice(0, b.length).every((x, k) => b[k] === x))
            return ['', 0];
          start = false;
          const skip = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
          const [s, used] = inner(b.subarray(skip), final);
          return [s, used + skip];
        };
      };
      break;
    }
    case 'ascii': case 'latin_1': {
      const limit = name === 'ascii' ? 128 : 256;
      encoder = tableEncoder(encName, errors, limit, null);
      step = () => tableStep(decName, errors, limit, null);
      break;
    }
    default: {
      const m = /^utf_(16|32)(_le|_be)?$/.exec(name);
      if (m) {
        const size = Number(m[1]) / 8;
        const le = m[2] ? m[2] === '_le' : null;
        const names = [`utf-${m[1]}-le`, `utf-${m[1]}-be`];
        const enc = utf16Encoder(encName, errors, le !== false, size === 4);
        // TextIOWrapper over a non-seekable stream (a socket) writes UTF-16/32 with the
        // little-endian codec (this machine's order), without BOM.
        const encLE = utf16Encoder(names[0], errors, true, size === 4);
        encoder = ({ stream = false } = {}) => (le === null && stream ? encLE(null)
          : enc(le === null ? (size === 2 ? [0xff, 0xfe] : [0xff, 0xfe, 0, 0]) : null));
        step = () => utfWideStep(names, errors, le, size);
      } else {
        encoder = tableEncoder(encName, errors, 256, table);
        step = () => tableStep(decName, errors, 256, table);
      }
    }
  }
  return { name: infoName, decoder: () => decoderOf(step()), encoder };
}

module.exports = { lookup, normalize };
