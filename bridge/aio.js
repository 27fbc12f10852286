// SPDX-License-Identifier: MIT
// The promise face's attempts: one non-blocking try of an operation, whose outcome is
// its value, or WOULD when it would have waited. "Would block" is an integer all the way
// from the kernel (EAGAIN) or the core's error record (WS_ERR_WOULDBLOCK): no exception
// object is built for it; exceptions are made only for the errors the caller sees.
'use strict';
const C = require('./constants');
const core = require('./core');
const { asBytes, byteLength } = require('./wire');

const { ex, addon, mem, result, writeArgs, lastError, ioArea, copyIn, copyOut, wouldBlock } = core;
const { ws_set_async, ws_sock_recv, ws_sock_recv_into, ws_sock_send, ws_sock_direct_async,
  ws_sock_fail, ws_method } = ex;
const { sendto: hostSendto, recvfrom: hostRecvfrom } = addon.imports;
const { pin, unpin } = addon;
const { allocUnsafe } = Buffer;
const { isIP } = require('node:net');
const { encode_sockaddr: encodeSockaddr, decode_sockaddr: decodeSockaddr } = core.fns;

const WOULD = Symbol('would block');
const EAGAIN = -C.EAGAIN;
// The constants table has too many properties for V8 to keep it a fast object: the hot
// paths read what they need from here, not from a dictionary lookup per call.
const { MSG_NOSIGNAL } = C;
// From this size up, data moves between the kernel and a JS buffer directly (pinned);
// below it, a copy through the core's I/O area is cheaper (as bridge/socket.js).
const PIN_MIN = 2048;
// Receives larger than this always go to a buffer of their own, not the I/O area.
const AREA_MAX = 262144;

// The core's method ids, by name.
const ids = {};
{
  const u8 = mem();
  for (let i = 0, n = ex.ws_method_count(); i < n; i++) {
    let p = ex.ws_method_name(i);
    let name = '';
    while (u8[p] !== 0) name += String.fromCharCode(u8[p++]);
    ids[name] = i;
  }
}

const plainInt = (v) => typeof v === 'number' && (v | 0) === v && v >= 0;
const plainFlags = (v) => v === undefined || (typeof v === 'number' && (v | 0) === v);

// The failed call's outcome: WOULD, or the exception for the core's error record.
function failed() {
  if (wouldBlock()) return WOULD;
  throw lastError();
}

/** Any method of the core's socket object, made in async mode: its value or WOULD. */
function method(name, id, args) {
  ws_set_async(1);
  let r;
  try {
    r = ws_method(ids[name], id, writeArgs(args));
  } finally {
    ws_set_async(0);
  }
  return r < 0 ? failed() : result(r);
}

/*
 * recv(bufsize, flags) whose result is sized to what arrived. A receive that arrives
 * small lands in the I/O area and is copied into a Buffer of its own size (pooled by
 * Node when small): recv(65536) of 64 bytes neither allocates nor retains 64 KiB. A
 * socket whose receives fill the buffer (hint.big, learnt from the last receive) reads
 * straight into a new Buffer, as a copy would then cost more than it saves.
 */
function recv(id, bufsize, flags, hint) {
  if (!plainInt(bufsize) || !plainFlags(flags)) return method('recv', id, [bufsize, flags]);
  const own = bufsize >= PIN_MIN && (hint.big || bufsize > AREA_MAX);
  const b = own ? allocUnsafe(bufsize) : null;
  const p = own ? pin(b) : ioArea(bufsize);
  const fd = flags ? -1 : ws_sock_direct_async(id);
  let n;
  if (fd >= 0) {
    n = hostRecvfrom(fd, p, bufsize, 0, 0, 0);
  } else {
    ws_set_async(1);
    try {
      n = ws_sock_recv(id, p, bufsize, flags | 0);
    } finally {
      ws_set_async(0);
    }
  }
  if (own) unpin();
  if (n < 0) {
    if (fd < 0) return failed();
    if (n === EAGAIN) return WOULD;
    ws_sock_fail(n, 0);
    throw lastError();
  }
  hint.big = bufsize >= PIN_MIN && n >= bufsize >> 1;
  if (!own) return copyOut(p, n);
  if (n === bufsize) return b;
  return n >= bufsize >> 1 ? b.subarray(0, n) : core.ownCopy(b, n);
}

/** recv_into(buffer, nbytes, flags): the count, or WOULD. */
function recvInto(id, b, nbytes, flags) {
  if ((nbytes === undefined || plainInt(nbytes)) && plainFlags(flags) && b.byteLength <= 0x7fffffff) {
    ws_set_async(1);
    let n;
    try {
      n = ws_sock_recv_into(id, pin(b), b.byteLength, nbytes | 0, flags | 0);
    } finally {
      unpin();
      ws_set_async(0);
    }
    return n < 0 ? failed() : n;
  }
  const n = method('recv_into', id, [b.byteLength, nbytes, flags]);
  if (n === WOULD) return n;
  copyOut(ex.ws_io_area(0), Math.min(n, nbytes ? Number(nbytes) : b.byteLength), b);
  return n;
}

/** send(data, flags): the count sent, or WOULD. */
function send(id, data, flags) {
  const b = asBytes(data);
  if (!b) return method('send', id, [data, flags]);
  return sendBytes(id, b, flags);
}

/** send() of b, a Uint8Array of the bridge's own (wire.js asBytes). */
function sendBytes(id, b, flags) {
  if (!plainFlags(flags) || b.length > 0x7fffffff) return method('send', id, [b, flags]);
  const big = b.length >= PIN_MIN;
  let p;
  if (big) {
    p = pin(b);
  } else {
    p = ioArea(b.length);
    copyIn(b, p);
  }
  const fd = flags ? -1 : ws_sock_direct_async(id);
  let n;
  if (fd >= 0) {
    n = hostSendto(fd, p, b.length, MSG_NOSIGNAL, 0, 0);
  } else {
    ws_set_async(1);
    try {
      n = ws_sock_send(id, p, b.length, flags | 0);
    } finally {
      ws_set_async(0);
    }
  }
  if (big) unpin();
  if (n >= 0) return n;
  if (fd < 0) return failed();
  if (n === EAGAIN) return WOULD;
  ws_sock_fail(n, 1);
  throw lastError();
}

// The direct call's failure: the exception, named after the call the core would name.
function hostError(r, writing, syscall) {
  ws_sock_fail(r, writing);
  const e = lastError();
  e.syscall = syscall;
  return e;
}

/*
 * Datagrams over INET/INET6 (flags 0, numeric addresses): one host call on fd (the one
 * the core's direct plan gave: ws_sock_direct for the sync face, ws_sock_direct_async
 * here), the address in its native form. The codecs stay the core's: each AddrMemo
 * remembers the last address a socket sent to and received from, encoded or decoded by
 * the core on a miss, so a peer that keeps talking costs no codec call. Each returns
 * undefined where it does not apply, and the caller takes the core's path; EAGAIN is
 * WOULD only for the promise face (wait), an error for a blocking call.
 */
const SA_MAX = 128;

class AddrMemo {
  constructor() {
    this.toHost = null;
    this.toPort = -1;
    this.toBytes = null;
    this.fromBytes = null;
    this.fromAddr = null;
  }
}

// args is the caller's [data, address]. The address is read once, here: where the core's
// path must take over, args[1] is that copy, so a caller's getter runs once whichever path
// sends, and a buffer it detaches is refused as the core's argument snapshot refuses it.
function sendto(fd, family, args, memo, wait) {
  if (fd < 0) return undefined;
  const b = asBytes(args[0]);
  const address = args[1];
  if (!b || !Array.isArray(address) || address.length !== 2) return undefined;
  const len = b.length;
  const host = address[0];
  const port = address[1];
  args[1] = [host, port];
  if (byteLength(b) !== len)
    throw new TypeError('sendto(): a buffer argument was detached or resized while the arguments were read');
  if (len > AREA_MAX || typeof host !== 'string' || !plainInt(port)) return undefined;
  if (host !== memo.toHost || port !== memo.toPort) {
    if (isIP(host) !== (family === C.AF_INET ? 4 : 6)) return undefined;
    let bytes;
    try {
      bytes = encodeSockaddr(family, args[1]);
    } catch {
      return undefined;
    }
    memo.toHost = host;
    memo.toPort = port;
    memo.toBytes = bytes;
  }
  const sa = memo.toBytes;
  const p = ioArea(SA_MAX + b.length);
  copyIn(sa, p);
  copyIn(b, p + SA_MAX);
  const n = hostSendto(fd, p + SA_MAX, b.length, MSG_NOSIGNAL, p, sa.length);
  if (n >= 0) return n;
  if (n === EAGAIN && wait) return WOULD;
  throw hostError(n, 1, 'sendto');
}

function recvfrom(fd, bufsize, flags, memo, wait) {
  if (fd < 0 || !plainInt(bufsize) || bufsize > AREA_MAX || (flags !== undefined && flags !== 0))
    return undefined;
  const p = ioArea(SA_MAX + 8 + bufsize);
  let u8 = mem();
  const lenAt = p + SA_MAX;
  u8[lenAt] = SA_MAX; u8[lenAt + 1] = 0; u8[lenAt + 2] = 0; u8[lenAt + 3] = 0;
  const n = hostRecvfrom(fd, lenAt + 8, bufsize, 0, p, lenAt);
  if (n < 0) {
    if (n === EAGAIN && wait) return WOULD;
    throw hostError(n, 0, 'recvfrom');
  }
  const data = copyOut(lenAt + 8, n);
  u8 = mem();
  const salen = Math.min(u8[lenAt] | (u8[lenAt + 1] << 8), SA_MAX);
  let known = memo.fromBytes !== null && memo.fromBytes.length === salen;
  for (let i = 0; known && i < salen; i++) known = memo.fromBytes[i] === u8[p + i];
  if (!known) {
    memo.fromBytes = Buffer.from(u8.subarray(p, p + salen));
    memo.fromAddr = decodeSockaddr(memo.fromBytes)[1];
  }
  return [data, memo.fromAddr.slice()];
}

// Whether a socket of this family and type takes the datagram paths (gets an AddrMemo).
const dgramIP = (family, type) => type === C.SOCK_DGRAM && (family === C.AF_INET || family === C.AF_INET6);

module.exports = { WOULD, method, recv, recvInto, send, sendBytes, sendto, recvfrom, AddrMemo, dgramIP, plainFlags };
