// SPDX-License-Identifier: MIT
// Loads the native host (wasock.node) and the wasm core (wasock.wasm) synchronously and
// wires the core's "wasock_host" imports to the host. Marshalling of JS values to and
// from the core's wire format (see src/core.h) is bridge/wire.js, shared with the
// browser build; here byte results are Buffers.
'use strict';
const fs = require('node:fs');
const locate = require('./locate');
const { createWire, T } = require('./wire');
const { guardExports, isPoisoned } = require('./poison');

// Where the addon and the core are (a clone's build, a prebuild, a source build): locate.js.
const addon = locate.loadAddon();
const wasmModule = new WebAssembly.Module(fs.readFileSync(locate.wasmPath()));

// The resolver imports can be intercepted (see bridge/promises.js): a hook answers them
// from lookups made on the thread pool instead of blocking the main thread.
const nameService = { hook: null };
const imports = { ...addon.imports };
for (const name of ['getaddrinfo', 'getnameinfo', 'gethostbyname', 'gethostbyaddr']) {
  const direct = addon.imports[name];
  imports[name] = (...args) => (nameService.hook ? nameService.hook(name, args) : direct(...args));
}
const instance = new WebAssembly.Instance(wasmModule, { wasock_host: imports });
const memory = instance.exports.memory;
addon.attach(memory);
instance.exports._initialize();
// Every call into the core goes through a guard: an exception out of it (a trap) poisons
// the instance (bridge/poison.js).
const ex = guardExports(instance.exports);
// In a worker thread every wait is a poll() that terminate() and process.exit() can end
// (host/node/wake.c): blocking mode is emulated there, as the promise face does.
if (!require('node:worker_threads').isMainThread) {
  addon.interruptible();
  ex.ws_set_all_async(1);
}

// A received message's own Buffer. Not a slice of Node's 8 KiB pool: a program keeping
// one small message (the last one a connection's loop read) would keep its whole pool,
// and pools that outlive two scavenges are old and wait for a full collection, so a
// thousand connections kept megabytes. From Node's pool size up, allocUnsafe gives a
// buffer of its own anyway. Up to 64 bytes (V8's typed_array_max_size_in_heap)
// Buffer.alloc keeps the bytes in the object itself, which costs the least of all.
const { alloc, allocUnsafe, allocUnsafeSlow } = Buffer;
const ownBuffer = (n) => (n <= 64 ? alloc(n) : n < 4096 ? allocUnsafeSlow(n) : allocUnsafe(n));

/** The first n bytes of b (a receive's buffer, larger than what arrived): its own copy. */
function ownCopy(b, n) {
  const c = ownBuffer(n);
  b.copy(c, 0, 0, n);
  return c;
}

// u8, dv and i32 follow wire.js's views of the memory, remade when it grows.
let u8, dv, i32;
const wire = createWire({
  exports: ex,
  memory,
  bytes(mem, start, end) { return copyFrom(mem, start, end - start); },
  views(a, b) { u8 = a; dv = b; i32 = new Int32Array(a.buffer); },
});
const { mem, fns, writeArgs, result, lastError, read, cString } = wire;

// The socket object's methods, by name: method(name) calls it on a socket id.
const methods = {};
for (let i = 0, n = ex.ws_method_count(); i < n; i++) {
  const name = cString(ex.ws_method_name(i), 64);
  const id = i;
  const what = `${name}()`;
  methods[name] = (sock, args) => result(ex.ws_method(id, sock, writeArgs(args, what)));
}

// The I/O area's place ({u32 ptr, u32 cap} in the core) and copies in and out of it.
const ioState = ex.ws_io_state();
const { ws_io_area } = ex;
function ioArea(n) {
  mem();
  const p = dv.getUint32(ioState, true);
  if (p !== 0 && n <= dv.getUint32(ioState + 4, true)) return p;
  const q = ws_io_area(n);
  mem();
  return q;
}

// The n bytes of src into dst at p. Small copies by hand: cheaper than a native call for
// a few bytes.
function putBytes(dst, p, src, n) {
  if (n <= 32) for (let i = 0; i < n; i++) dst[p + i] = src[i];
  else dst.set(src, p);
}

// n bytes of src from p, into `into` (a Buffer of its own unless given). Up to COPY_LOOP
// bytes, a loop: set() would need a view of src made per copy.
const COPY_LOOP = 128;
function copyFrom(src, p, n, into = ownBuffer(n)) {
  if (n <= COPY_LOOP) for (let i = 0; i < n; i++) into[i] = src[p + i];
  else into.set(src.subarray(p, p + n));
  return into;
}

// Copies in and out of the core's memory.
function copyIn(src, p) {
  putBytes(u8, p, src, src.length);
}

function copyOut(p, n, into) {
  mem();
  return copyFrom(u8, p, n, into);
}

// The core's count of changes to socket modes (src/socket.c ws_sock_epoch): a socket's
// direct plan holds while it reads the same. Once the core is poisoned it reads NaN, so
// that every call goes back into the core and fails there.
const epochAt = ex.ws_sock_epoch_at() >> 2;
function epoch() {
  mem();
  return isPoisoned() ? NaN : i32[epochAt];
}

// After a failed call made in async mode: the poll events the attempt would have waited
// for (src/core.h WS_ERR_WOULDBLOCK), or 0 when it failed for real.
function wouldBlock() {
  mem();
  const p = ex.ws_error();
  return dv.getInt32(p, true) === 7 ? dv.getInt32(p + 4, true) : 0;
}

module.exports = {
  addon, ex, mem, fns, methods, writeArgs, result, lastError, read, T, ioArea, copyIn, copyOut, ownCopy,
  putBytes, copyFrom, wouldBlock, nameService, epoch,
};
