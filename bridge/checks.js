// SPDX-License-Identifier: MIT
// Argument checks the bridge makes itself, for the helpers that build their arguments in
// JS before the core sees them (send_fds, recv_fds, create_server, makefile's file
// object): each bad argument is a TypeError or RangeError naming it, as CPython raises
// (ValueError and OverflowError are RangeError), never an engine error from inside the
// bridge. Each value is read once.
'use strict';
const C = require('./constants');
const { asBytes } = require('./wire');

function kind(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

// Python's repr of a value that is no member, for a message; reads nothing of an object, so no
// caller code runs (util.inspect would run Proxy traps and can throw on detached views).
function describe(value) {
  switch (typeof value) {
    case 'string': return `'${value.length > 64 ? `${value.slice(0, 64)}...` : value}'`;
    case 'number': case 'bigint': return String(value);
    case 'boolean': return value ? 'True' : 'False';
    case 'undefined': return 'undefined';
    default: return value === null ? 'None' : `a value of type ${typeof value}`;
  }
}

// v's items, iterated once. A typed array's items are numbers, as iterating bytes gives
// ints in Python; a detached one is a TypeError naming the argument, not the engine's.
function iterableOf(v, what) {
  if (v === null || v === undefined || typeof v[Symbol.iterator] !== 'function')
    throw new TypeError(`${what} must be an iterable, not ${kind(v)}`);
  if (ArrayBuffer.isView(v)) return [...asBytes(v, what)];
  return [...v];
}

// v as the list the wire carries: arrays as they are, other iterables spread once.
// Bytes-like values stay as they are for the core to refuse, as Python's sendmsg refuses
// the ints iterating bytes gives.
function listOf(v) {
  if (v === null || typeof v !== 'object' || Array.isArray(v) || ArrayBuffer.isView(v)) return v;
  if (typeof v[Symbol.iterator] !== 'function') return v;
  return [...v];
}

// The method `name` of a socket argument (send_fds and recv_fds take either face's).
function socketArg(sock, name, what) {
  const m = sock !== null && (typeof sock === 'object' || typeof sock === 'function') ? sock[name] : undefined;
  if (typeof m !== 'function') throw new TypeError(`${what} must be a socket, not ${kind(sock)}`);
  return sock;
}

// An int-or-None size argument of a file method (read, readline, readlines): -1 for None.
function sizeArg(v, what) {
  if (v === null || v === undefined) return -1;
  if (typeof v === 'bigint') return v < 0n ? -1 : v > 2n ** 53n ? 2 ** 53 : Number(v);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'boolean') return Number(v);
  throw new TypeError(`${what} must be an integer or null, not ${kind(v)}`);
}

// A str-or-None argument.
function strArg(v, what) {
  if (v === null || v === undefined || typeof v === 'string') return v;
  throw new TypeError(`${what} must be a string or null, not ${kind(v)}`);
}

// One C int, as array.array('i') takes it.
function cInt(v, what) {
  if (typeof v === 'bigint') v = v >= -(2n ** 31n) && v < 2n ** 31n ? Number(v) : v > 0 ? Infinity : -Infinity;
  else if (typeof v === 'boolean') v = Number(v);
  else if (typeof v !== 'number' || (!Number.isInteger(v) && Number.isFinite(v)) || Number.isNaN(v))
    throw new TypeError(`${what} must be an integer, not ${kind(v)}${typeof v === 'number' ? ` (${v})` : ''}`);
  if (v > 0x7fffffff) throw new RangeError(`${what}: signed integer is greater than maximum`);
  if (v < -0x80000000) throw new RangeError(`${what}: signed integer is less than minimum`);
  return v;
}

/** send_fds' ancillary data: one SCM_RIGHTS message of the fds as native ints. */
function fdsMessage(fds) {
  const list = iterableOf(fds, 'send_fds() argument 3 (fds)');
  const data = Buffer.alloc(4 * list.length);
  list.forEach((fd, i) => data.writeInt32LE(cInt(fd, `send_fds() fds[${i}]`), i * 4));
  return [[C.SOL_SOCKET, C.SCM_RIGHTS, data]];
}

/** recv_fds' room for maxfds native ints (CMSG_LEN checks the range). */
function maxfdsLength(maxfds) {
  if (typeof maxfds === 'bigint') return maxfds * 4n;
  if (typeof maxfds === 'number' && Number.isInteger(maxfds)) return maxfds * 4;
  throw new TypeError(`recv_fds() argument 3 (maxfds) must be an integer, not ${kind(maxfds)}`);
}

/** create_server's options: null and undefined are the defaults. */
function serverOptions(options) {
  if (options === null || options === undefined) return {};
  if (typeof options !== 'object')
    throw new TypeError(`create_server() options must be an object, not ${kind(options)}`);
  return options;
}

/**
 * The AbortSignal of a promise-face call's trailing options, or null. Anything else as
 * options.signal is a TypeError here, not a failed addEventListener call later.
 * (Duck-typed: a signal may come from another realm.)
 */
// The error an aborted signal rejects a wait with, as Node's own APIs make it.
function abortError(signal) {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  e.code = 'ABORT_ERR';
  if (signal && signal.reason !== undefined) e.cause = signal.reason;
  return e;
}

function signalOf(options) {
  if (options === null || options === undefined || typeof options !== 'object') return null;
  const signal = options.signal;
  if (signal === null || signal === undefined) return null;
  if (typeof signal !== 'object' || typeof signal.addEventListener !== 'function' ||
      typeof signal.removeEventListener !== 'function' || typeof signal.aborted !== 'boolean')
    throw new TypeError(`options.signal must be an AbortSignal, not ${kind(signal)}`);
  return signal;
}

/** readinto's buffer, writable bytes. */
function writableArg(b, what) {
  const view = asBytes(b, what);
  if (!view) throw new TypeError(`${what} must be a read-write bytes-like object, not ${kind(b)}`);
  return view;
}

module.exports = {
  describe,
  fdsMessage, maxfdsLength, serverOptions, iterableOf, listOf, socketArg, sizeArg, strArg, writableArg, signalOf, abortError,
};
