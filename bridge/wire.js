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

// Every JS value an argument holds is read exactly once, into a snapshot made of values
// no user code can reach: primitives, plain arrays the bridge made, Uint8Arrays the bridge
// made and Other records. Getters, Proxy traps and iterators run while the snapshot is
// taken and never again; sizing and writing read the snapshot only, so a value that
// answers differently on each read, or code that re-enters the core from a getter, cannot
// make the write disagree with the area's size.
//
// Views are taken apart with the engine's own accessors, captured here before any user
// code runs: an own `length` or `byteLength` property on a view, or a Proxy posing as one,
// is never consulted.
const uncurry = (f) => Function.prototype.call.bind(f);
const accessor = (proto, name) => uncurry(Object.getOwnPropertyDescriptor(proto, name).get);
const TypedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const taBuffer = accessor(TypedArrayProto, 'buffer');
const taOffset = accessor(TypedArrayProto, 'byteOffset');
const taLength = accessor(TypedArrayProto, 'byteLength');
const dvBuffer = accessor(DataView.prototype, 'buffer');
const dvOffset = accessor(DataView.prototype, 'byteOffset');
const dvLength = accessor(DataView.prototype, 'byteLength');
const abLength = accessor(ArrayBuffer.prototype, 'byteLength');
const taTag = accessor(TypedArrayProto, Symbol.toStringTag);
const sabLength = typeof SharedArrayBuffer === 'function'
  ? accessor(SharedArrayBuffer.prototype, 'byteLength') : null;
const { isView } = ArrayBuffer;
const { isArray } = Array;
const U8 = Uint8Array;

// The core's limits (src/core.h: lengths are 32-bit, the wasm memory at most 2 GiB): a
// call whose wire form would be larger is refused before the core is entered.
const ARG_MAX = 0x7fffffff;
// Lists the wire carries hold at most this many items (sendmsg's buffers are capped at
// IOV_MAX far below): a longer list is refused before its items are read.
const LIST_MAX = 1 << 24;
const DEPTH_MAX = 32;

// True when buf (an ArrayBuffer) has been detached (transferred). Node 20 has no
// ArrayBuffer.prototype.detached; constructing a view over a detached buffer throws.
function detached(buf) {
  try {
    new U8(buf, 0, 0); // eslint-disable-line no-new
    return false;
  } catch {
    return true;
  }
}

function detachedError(what) {
  return new TypeError(`${what} is a view of a detached ArrayBuffer`);
}

function typedParts(v) {
  try {
    return [taBuffer(v), taOffset(v), taLength(v)];
  } catch {
    return null;
  }
}

// v as a Uint8Array of the bridge's own over the same bytes, or null when v is not
// bytes-like (ArrayBufferView, ArrayBuffer, SharedArrayBuffer). A detached buffer or a
// view of one is a TypeError naming `what`; a view a resizable buffer no longer covers
// has no bytes, as everywhere in JS. Runs no user code.
function asBytes(v, what = 'argument') {
  if (v === null || typeof v !== 'object') return null;
  if (isView(v)) {
    // typedParts' three reads, without its array (this runs for every send).
    let buf = null;
    let off = 0;
    let len = 0;
    try {
      buf = taBuffer(v);
      off = taOffset(v);
      len = taLength(v);
    } catch {
      buf = null;
    }
    if (buf !== null) {
      if (len === 0 && detached(buf)) throw detachedError(what);
      return new U8(buf, off, len);
    }
    const dbuf = dvBuffer(v);
    if (detached(dbuf)) throw detachedError(what);
    try {
      return new U8(dbuf, dvOffset(v), dvLength(v));
    } catch {
      // A DataView its resizable buffer no longer covers: no bytes, as a typed array's.
      return new U8(0);
    }
  }
  let n;
  try {
    n = abLength(v);
  } catch {
    if (!sabLength) return null;
    try {
      return new U8(v, 0, sabLength(v));
    } catch {
      return null;
    }
  }
  if (n === 0 && detached(v)) throw new TypeError(`${what} is a detached ArrayBuffer`);
  return new U8(v, 0, n);
}

// The length of v when it is a Uint8Array (a Buffer, whatever its prototype says), whose
// elements are its bytes and can be read by index without running user code; else -1.
function u8Length(v) {
  return isView(v) && taTag(v) === 'Uint8Array' ? taLength(v) : -1;
}

// The length of a view asBytes made, read with the engine's accessor (0 once its buffer
// was detached or shrunk).
function byteLength(b) {
  return taLength(b);
}

// b[off..] for a view asBytes made, or TypeError when its buffer was detached since.
function tail(b, off, what = 'argument') {
  const [buf, start, n] = typedParts(b);
  if (n === 0 && detached(buf)) throw detachedError(what);
  return new U8(buf, start + Math.min(off, n), Math.max(n - off, 0));
}

// Anything the wire carries as its type name only (the core raises TypeError naming it).
class Other {
  constructor(name) { this.name = name; }
}

function typeName(v) {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object') {
    // A Proxy's traps or a getter may throw here: the name only words a TypeError.
    try {
      const ctor = v.constructor && v.constructor.name;
      return typeof ctor === 'string' && ctor ? ctor : 'object';
    } catch {
      return 'object';
    }
  }
  return typeof v;
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

function tooLarge(what, size) {
  return new RangeError(`${what}: arguments too large (${size} bytes or more; ` +
    `the limit is ${ARG_MAX})`);
}

// What freeze() accumulates over one call's arguments. `what` and `arg` name the argument
// in errors (built only when one is raised).
class State {
  constructor(what) {
    this.size = 5;
    this.views = null;
    this.fn = what;
    this.arg = 0;
  }

  get what() { return `${this.fn} argument ${this.arg}`; }
}

/*
 * The snapshot of one argument (see above). st.size accumulates the room its wire form
 * takes (exact but for short strings: 3 bytes a code unit), in float64, which counts
 * exactly far past any limit; st.views collects [view, length] of every bytes value so
 * that a later getter detaching or resizing one is caught before the write.
 */
function freeze(v, depth, st) {
  switch (typeof v) {
    case 'number': case 'bigint': st.size += 9; return v;
    case 'boolean': st.size += 2; return v;
    case 'string':
      checkString(v);
      st.size += 5 + (v.length <= 256 ? 3 * v.length : utf8Length(v));
      return v;
    case 'object': {
      if (v === null) { st.size += 1; return null; }
      let list;
      try {
        list = isArray(v);
      } catch {
        throw new TypeError(`${st.what} holds a revoked Proxy`);
      }
      if (list) {
        if (depth >= DEPTH_MAX) throw new RangeError('argument nested too deeply');
        // ToLength, without calling anything: a Proxy's length trap may answer anything.
        let n = v.length;
        if (typeof n !== 'number') throw new TypeError(`${st.what} holds a list whose length is not a number`);
        n = n > 0 ? Math.floor(n) : 0;
        if (!(n <= LIST_MAX)) throw new RangeError(`${st.what} holds a list of ${n} items (at most ${LIST_MAX})`);
        st.size += 5;
        const out = new Array(n);
        for (let i = 0; i < n; i++) {
          out[i] = freeze(v[i], depth + 1, st);
          if (st.size > ARG_MAX) throw tooLarge(st.what, st.size);
        }
        return out;
      }
      const b = asBytes(v, st.what);
      if (b) {
        const n = b.length;
        st.size += 5 + n;
        if (st.views === null) st.views = [];
        st.views.push(b, n);
        return b;
      }
      break;
    }
  }
  const name = typeName(v);
  st.size += 5 + utf8Length(name);
  return new Other(name);
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
  // A grown memory detaches the old buffer, whose views then have length 0. (`length`,
  // not `byteLength`: V8 inlines the first, and calls a generic load for the second.)
  function mem() {
    if (u8.length === 0) {
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

  // Writes the snapshot v at `at`; returns the next offset. The area was sized by freeze.
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
    }
    if (v === null) { u8[at] = T.NONE; return at + 1; }
    if (v instanceof Other) {
      const name = encoder.encode(v.name);
      u8[at] = T.OTHER;
      dv.setUint32(at + 1, name.length, true);
      u8.set(name, at + 5);
      return at + 5 + name.length;
    }
    if (isArray(v)) {
      const n = v.length;
      u8[at] = T.LIST;
      dv.setUint32(at + 1, n, true);
      at += 5;
      for (let i = 0; i < n; i++) at = write(v[i], at);
      return at;
    }
    const n = v.length;
    u8[at] = T.BYTES;
    dv.setUint32(at + 1, n, true);
    if (n <= 64) for (let i = 0; i < n; i++) u8[at + 5 + i] = v[i];
    else u8.set(v, at + 5);
    return at + 5 + n;
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

  /*
   * Writes args as one wire list into the core's argument area; returns its length.
   * `what` names the call in errors. Every argument is snapshotted (freeze) before the
   * area is asked for: user code runs only then, so nothing can run, re-enter the core or
   * change a value between sizing and writing.
   */
  function writeArgs(args, what = 'call') {
    let n = args.length;
    while (n > 0 && args[n - 1] === undefined) n--;
    const st = new State(what);
    const frozen = new Array(n);
    for (let i = 0; i < n; i++) {
      st.arg = i + 1;
      frozen[i] = freeze(args[i], 0, st);
      if (st.size > ARG_MAX) throw tooLarge(what, st.size);
    }
    // A getter of a later argument may have detached or shrunk an earlier one's buffer.
    const { views } = st;
    if (views !== null) {
      for (let i = 0; i < views.length; i += 2) {
        if (byteLength(views[i]) !== views[i + 1])
          throw new TypeError(`${what}: a buffer argument was detached or resized while the arguments were read`);
      }
    }
    const at = ex.ws_arg_area(st.size);
    if (at === 0) throw new RangeError(`${what}: arguments too large (${st.size} bytes)`);
    mem();
    u8[at] = T.LIST;
    dv.setUint32(at + 1, n, true);
    let p = at + 5;
    for (let i = 0; i < n; i++) p = write(frozen[i], p);
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
        return result(ex.ws_call(id, writeArgs(args, `${name}()`)));
      },
    }[name];
  }

  return { T, mem, read, writeArgs, result, lastError, cString, fns };
}

module.exports = { createWire, asBytes, byteLength, u8Length, tail, T, ARG_MAX };
