// SPDX-License-Identifier: MIT
// Loads the native host (wasock.node) and the wasm core (wasock.wasm) synchronously,
// wires the core's "wasock_host" imports to the host, and marshals JS values to and
// from the core's wire format (see src/core.h). Nothing here interprets a value.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const errors = require('./errors');

const T = {
  NONE: 0, INT: 1, STR: 2, BYTES: 3, LIST: 4, BIGINT: 5, UINT64: 6, FLOAT: 7, BOOL: 8,
  OTHER: 9, HUGE: 10,
};
const ERR = { OS: 1, TYPE: 2, VALUE: 3, TIMEOUT: 4, GAI: 5, HERR: 6 };

function locate(file) {
  const root = path.resolve(__dirname, '..');
  const candidates = [
    process.env.WASOCK_BUILD_DIR && path.join(process.env.WASOCK_BUILD_DIR, file),
    path.join(root, 'build', 'native', file),
    path.join(root, 'build', file),
  ].filter(Boolean);
  for (const c of candidates) if (fs.existsSync(c)) return c;
  throw new Error(`wasock: ${file} is not built (looked in ${candidates.join(', ')}); ` +
    'run `npm run build`');
}

const addon = require(locate('wasock.node'));
const wasmModule = new WebAssembly.Module(fs.readFileSync(locate('wasock.wasm')));
const instance = new WebAssembly.Instance(wasmModule, { wasock_host: addon.imports });
const ex = instance.exports;
const memory = ex.memory;
addon.attach(memory);
ex._initialize();

let u8 = new Uint8Array(memory.buffer);
let dv = new DataView(memory.buffer);
// A grown memory detaches the old buffer, whose views then have length 0.
function mem() {
  if (u8.byteLength === 0) {
    u8 = new Uint8Array(memory.buffer);
    dv = new DataView(memory.buffer);
  }
  return u8;
}

const TWO63 = 2n ** 63n;
const TWO64 = 2n ** 64n;

function typeName(v) {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object') {
    const ctor = v.constructor && v.constructor.name;
    return ctor || 'object';
  }
  return typeof v;
}

function asBytes(v) {
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  if (v instanceof ArrayBuffer || v instanceof SharedArrayBuffer) return new Uint8Array(v);
  return null;
}

function checkString(s) {
  if (!s.isWellFormed())
    throw new RangeError("'utf-8' codec can't encode lone surrogates in a string argument");
}

// Size of the wire form of v.
function sizeOf(v, depth = 0) {
  if (depth > 32) throw new RangeError('argument nested too deeply');
  switch (typeof v) {
    case 'number': case 'bigint': return 9;
    case 'boolean': return 2;
    case 'string': checkString(v); return 5 + Buffer.byteLength(v, 'utf8');
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
  return 5 + Buffer.byteLength(typeName(v));
}

function writeInt(at, tag, big) {
  u8[at] = tag;
  dv.setBigUint64(at + 1, BigInt.asUintN(64, big), true);
  return at + 9;
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
        if (v >= -9223372036854775808 && v < 9223372036854775808) return writeInt(at, T.INT, BigInt(v));
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
      const { written } = encoder.encodeInto(v, u8.subarray(at + 5));
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
        u8[at] = T.BYTES;
        dv.setUint32(at + 1, b.byteLength, true);
        u8.set(b, at + 5);
        return at + 5 + b.byteLength;
      }
    }
  }
  const name = Buffer.from(typeName(v));
  u8[at] = T.OTHER;
  dv.setUint32(at + 1, name.length, true);
  u8.set(name, at + 5);
  return at + 5 + name.length;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

// Reads one wire value at `at`: returns [value, next offset].
function read(at) {
  const tag = u8[at];
  switch (tag) {
    case T.NONE: return [null, at + 1];
    case T.INT: {
      const lo = dv.getUint32(at + 1, true), hi = dv.getInt32(at + 5, true);
      if (hi >= -0x200000 && hi < 0x200000) return [hi * 4294967296 + lo, at + 9];
      return [dv.getBigInt64(at + 1, true), at + 9];
    }
    case T.BIGINT: return [dv.getBigUint64(at + 1, true), at + 9];
    case T.FLOAT: return [dv.getFloat64(at + 1, true), at + 9];
    case T.BOOL: return [u8[at + 1] !== 0, at + 2];
    case T.STR: {
      const n = dv.getUint32(at + 1, true);
      return [decoder.decode(u8.subarray(at + 5, at + 5 + n)), at + 5 + n];
    }
    case T.BYTES: {
      const n = dv.getUint32(at + 1, true);
      return [Buffer.from(u8.subarray(at + 5, at + 5 + n)), at + 5 + n];
    }
    case T.LIST: {
      const n = dv.getUint32(at + 1, true);
      const out = new Array(n);
      at += 5;
      for (let i = 0; i < n; i++) [out[i], at] = read(at);
      return [out, at];
    }
  }
  throw new Error(`wasock: malformed result from the core (tag ${tag})`);
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
  return size;
}

function result(r) {
  if (r < 0) throw lastError();
  mem();
  return read(ex.ws_out())[0];
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

// The socket object's methods, by name: method(name) calls it on a socket id.
const methods = {};
for (let i = 0, n = ex.ws_method_count(); i < n; i++) {
  const name = cString(ex.ws_method_name(i), 64);
  const id = i;
  methods[name] = (sock, args) => result(ex.ws_method(id, sock, writeArgs(args)));
}

module.exports = { addon, ex, mem, fns, methods, writeArgs, result, lastError, read, T };
