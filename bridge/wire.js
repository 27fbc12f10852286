// SPDX-License-Identifier: MIT
// Marshalling between JS values and the core's wire values (src/core.h), over any
// instance of the core: the WASI build under Node (bridge/core.js) and the Emscripten
// build in browsers (bridge/inet/browser.mjs). Nothing here interprets a value.
// Browser-safe: no Node APIs; byte results are made by the injected `bytes` factory
// (Buffer in Node, Uint8Array in browsers).
'use strict';
const errors = require('./errors');

const T = {
  NONE: 0, INT: 1, STR: 2, BYTES: 3, LIST: 4, BIGINT: 5, UINT64: 6, FLOAT: 7, BOOL: 8,
  OTHER: 9, HUGE: 10,
};
const ERR = { OS: 1, TYPE: 2, VALUE: 3, TIMEOUT: 4, GAI: 5, HERR: 6 };

const TWO63 = 2n ** 63n;
const TWO64 = 2n ** 64n;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function typeName(v) {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object') {
    const ctor = v.constructor && v.constructor.name;
    return ctor || 'object';
  }
  return typeof v;
}

function asBytes(v) {
  if (v instanceof Uint8Array) return v;
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  if (typeof SharedArrayBuffer === 'function' && v instanceof SharedArrayBuffer) {
    return new Uint8Array(v);
  }
  return null;
}

function checkString(s) {
  if (!s.isWellFormed())
    throw new RangeError("'utf-8' codec can't encode lone surrogates in a string argument");
}

// UTF-8 length of a well-formed string.
function utf8Length(s) {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

// Room the wire form of v may take (exact but for short strings: 3 bytes a code unit).
function sizeOf(v, depth = 0) {
  if (depth > 32) throw new RangeError('argument nested too deeply');
  switch (typeof v) {
    case 'number': case 'bigint': return 9;
    case 'boolean': return 2;
    case 'string':
      checkString(v);
      return 5 + (v.length <= 256 ? 3 * v.length : utf8Length(v));
    case 'object': {
      if (v === null) return 1;
      if (Array.isArray(v)) {
        let n = 5;
        for (const item of v) n += sizeOf(item, depth + 1);
        return n;
      }
      const b = asBytes(v);
      if (b) return 5 + b.byteLength;
      break;
    }
  }
  return 5 + utf8Length(typeName(v));
}

// Marshalling over one instance of the core:
//   exports  the core's exports: ws_arg_area, ws_call, ws_out, ws_error, ws_fn_count,
//            ws_fn_name
//   memory   its WebAssembly.Memory
//   bytes    (u8, start, end) => a new byte object holding a copy of u8[start..end)
//   views    optional (u8, dv) => void, told the current views of memory now and
//            whenever they are remade
function createWire({ exports: ex, memory, bytes, views = () => {} }) {
  let u8 = new Uint8Array(memory.buffer);
  let dv = new DataView(memory.buffer);
  views(u8, dv);
  // A grown memory detaches the old buffer, whose views then have length 0.
  function mem() {
    if (u8.byteLength === 0) {
      u8 = new Uint8Array(memory.buffer);
      dv = new DataView(memory.buffer);
      views(u8, dv);
    }
    return u8;
  }

  function writeInt(at, tag, big) {
    u8[at] = tag;
    dv.setBigUint64(at + 1, BigInt.asUintN(64, big), true);
    return at + 9;
  }

  // Writes s as UTF-8 at `at`; returns its length. ASCII by hand: for the short strings
  // addresses are, that is several times cheaper than TextEncoder.encodeInto.
  function writeUtf8(s, at) {
    const n = s.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return i + encoder.encodeInto(s.slice(i), u8.subarray(at + i)).written;
      u8[at + i] = c;
    }
    return n;
  }

  // Writes v at `at`; returns the next offset. The area was sized by sizeOf.
  function write(v, at) {
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v)) {
          if (Number.isSafeInteger(v)) {
            u8[at] = T.INT;
            dv.setInt32(at + 1, v | 0, true);
            dv.setInt32(at + 5, Math.floor(v / 4294967296), true);
            return at + 9;
          }
          if (v >= -9223372036854775808 && v < 9223372036854775808) {
            return writeInt(at, T.INT, BigInt(v));
          }
          u8[at] = T.HUGE; u8[at + 1] = v < 0 ? 0xff : 1;
          return at + 9;
        }
        u8[at] = T.FLOAT;
        dv.setFloat64(at + 1, v, true);
        return at + 9;
      case 'bigint':
        if (v >= -TWO63 && v < TWO63) return writeInt(at, T.INT, v);
        if (v >= 0n && v < TWO64) return writeInt(at, T.UINT64, v);
        u8[at] = T.HUGE; u8[at + 1] = v < 0n ? 0xff : 1;
        return at + 9;
      case 'boolean':
        u8[at] = T.BOOL; u8[at + 1] = v ? 1 : 0;
        return at + 2;
      case 'string': {
        u8[at] = T.STR;
        const written = writeUtf8(v, at + 5);
        dv.setUint32(at + 1, written, true);
        return at + 5 + written;
      }
      case 'object': {
        if (v === null) { u8[at] = T.NONE; return at + 1; }
        if (Array.isArray(v)) {
          u8[at] = T.LIST;
          dv.setUint32(at + 1, v.length, true);
          at += 5;
          for (const item of v) at = write(item, at);
          return at;
        }
        const b = asBytes(v);
        if (b) {
          const n = b.byteLength;
          u8[at] = T.BYTES;
          dv.setUint32(at + 1, n, true);
          if (n <= 64) for (let i = 0; i < n; i++) u8[at + 5 + i] = b[i];
          else u8.set(b, at + 5);
          return at + 5 + n;
        }
      }
    }
    const name = encoder.encode(typeName(v));
    u8[at] = T.OTHER;
    dv.setUint32(at + 1, name.length, true);
    u8.set(name, at + 5);
    return at + 5 + name.length;
  }

  // UTF-8 at u8[start..end): ASCII by hand, which short strings (addresses) mostly are.
  function shortString(start, end) {
    let s = '';
    for (let i = start; i < end; i++) {
      if (u8[i] >= 0x80) return decoder.decode(u8.subarray(start, end));
      s += String.fromCharCode(u8[i]);
    }
    return s;
  }

  // Reads one wire value at `at`; leaves the offset after it in `next`.
  let next = 0;
  function value(at) {
    const tag = u8[at];
    switch (tag) {
      case T.NONE: next = at + 1; return null;
      case T.INT: {
        next = at + 9;
        const lo = dv.getUint32(at + 1, true), hi = dv.getInt32(at + 5, true);
        if (hi >= -0x200000 && hi < 0x200000) return hi * 4294967296 + lo;
        return dv.getBigInt64(at + 1, true);
      }
      case T.BIGINT: next = at + 9; return dv.getBigUint64(at + 1, true);
      case T.FLOAT: next = at + 9; return dv.getFloat64(at + 1, true);
      case T.BOOL: next = at + 2; return u8[at + 1] !== 0;
      case T.STR: {
        const n = dv.getUint32(at + 1, true);
        next = at + 5 + n;
        return n <= 64 ? shortString(at + 5, next) : decoder.decode(u8.subarray(at + 5, next));
      }
      case T.BYTES: {
        const n = dv.getUint32(at + 1, true);
        next = at + 5 + n;
        return bytes(u8, at + 5, next);
      }
      case T.LIST: {
        const n = dv.getUint32(at + 1, true);
        const out = new Array(n);
        next = at + 5;
        for (let i = 0; i < n; i++) out[i] = value(next);
        return out;
      }
    }
    throw new Error(`wasock: malformed result from the core (tag ${tag})`);
  }

  // Reads one wire value at `at`: returns [value, next offset].
  function read(at) {
    const v = value(at);
    return [v, next];
  }

  function cString(ptr, max) {
    mem();
    let end = ptr;
    while (end < ptr + max && u8[end] !== 0) end++;
    return decoder.decode(u8.subarray(ptr, end));
  }

  // Builds the exception for the core's current error record.
  function lastError() {
    mem();
    const p = ex.ws_error();
    const kind = dv.getInt32(p, true), code = dv.getInt32(p + 4, true);
    const syscall = cString(p + 8, 32) || undefined;
    const msg = cString(p + 40, 472);
    switch (kind) {
      case ERR.TYPE: return new TypeError(msg);
      case ERR.VALUE: return new RangeError(msg);
      case ERR.TIMEOUT: return new errors.timeout(msg || 'timed out');
      case ERR.GAI: return new errors.gaierror(code, undefined, { syscall });
      case ERR.HERR: return new errors.herror(code, undefined, { syscall });
      default:
        if (code) return errors.fromErrno(code, syscall);
        return new errors.OSError(null, msg, { syscall });
    }
  }

  // Writes args as one wire list into the core's argument area; returns its length.
  function writeArgs(args) {
    let n = args.length;
    while (n > 0 && args[n - 1] === undefined) n--;
    let size = 5;
    for (let i = 0; i < n; i++) size += sizeOf(args[i]);
    const at = ex.ws_arg_area(size);
    if (at === 0) throw new RangeError('arguments too large');
    mem();
    u8[at] = T.LIST;
    dv.setUint32(at + 1, n, true);
    let p = at + 5;
    for (let i = 0; i < n; i++) p = write(args[i], p);
    return p - at;
  }

  function result(r) {
    if (r < 0) throw lastError();
    mem();
    return value(ex.ws_out());
  }

  // The module-level functions of the core, by name.
  const fns = {};
  for (let i = 0, n = ex.ws_fn_count(); i < n; i++) {
    const name = cString(ex.ws_fn_name(i), 64);
    const id = i;
    fns[name] = {
      [name](...args) {
        return result(ex.ws_call(id, writeArgs(args)));
      },
    }[name];
  }

  return { T, mem, read, writeArgs, result, lastError, cString, fns };
}

module.exports = { createWire, asBytes, T };
