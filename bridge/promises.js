// SPDX-License-Identifier: MIT
// wasock/promises: the same sockets, driven by Node's event loop.
//
// Every operation that could wait is an attempt made without blocking (bridge/aio.js:
// the core's async mode, src/socket.c, or the host call the core's plan allows), whose
// "would block" is a value, not an exception; when it would block, the socket's libuv
// poll handle waits for readiness and the attempt runs again. The handle stays
// registered while operations wait, its interest changed only when the set of waiting
// operations does (host/node/poll.c). The socket's timeout bounds each operation;
// { signal } aborts it. Name lookups the core would make run on libuv's thread pool:
// the call is answered by replaying it with the lookup's result.
'use strict';
const { Duplex } = require('node:stream');
const { inspect } = require('node:util');
const C = require('./constants');
const errors = require('./errors');
const core = require('./core');
const { asBytes, tail } = require('./wire');
const { maxfdsLength, serverOptions, socketArg, signalOf, abortError } = require('./checks');
const sync = require('./socket');
const { AsyncSocketFile } = require('./afile');
const aio = require('./aio');
const { made, decorate } = require('./errinfo');

const { ex, addon, fns, methods, wouldBlock, nameService, mem } = core;
const { kId, kOnClose } = sync;
// Node defines Symbol.dispose only in its main realm (not in vm contexts such as Jest's).
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
const kAsyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

const EINPROGRESS = require('node:os').constants.errno.EINPROGRESS;
const POLLIN = 1;
const POLLOUT = 4;
const kPollFirst = Symbol('wasock.pollFirst');
const UV_READABLE = 1;
const UV_WRITABLE = 2;
const { WOULD } = aio;
// WASOCK_HOST_EAI(EAI_INPROGRESS): the core unwinds with it while a lookup is pending.
const DEFERRED = -0x1000 - 100;
const NS_KIND = { getaddrinfo: 0, getnameinfo: 1, gethostbyname: 2, gethostbyaddr: 3 };

// Rejects (throws) at once when options carry an already aborted signal.
function checkSignal(options) {
  const signal = signalOf(options);
  if (signal && signal.aborted) throw abortError(signal);
}

// Reads the (offset, length) string of a resolver import; -1 as length means NULL.
function inBytes(off, len) {
  if (len === -1) return null;
  const u8 = mem();
  return Buffer.from(u8.subarray(off, off + len));
}

function nsRequest(name, a) {
  switch (name) {
    case 'getaddrinfo': return [inBytes(a[0], a[1]), inBytes(a[2], a[3]), a[4], a[5], a[6], a[7]];
    case 'getnameinfo': return [inBytes(a[0], a[1]), a[2], a[4], a[6]];
    default: return [inBytes(a[0], a[1]), a[2]];
  }
}

// Answers a replayed resolver import from a finished lookup; returns the import's result.
function nsAnswer(name, a, res) {
  const [r, out, serv] = res;
  if (r < 0) return r;
  const u8 = mem();
  if (name === 'getnameinfo') {
    const put = (buf, off, cap) => {
      if (!cap) return;
      const n = Math.min(buf.length, cap - 1);
      u8.set(buf.subarray(0, n), off);
      u8[off + n] = 0;
    };
    put(out, a[3], a[4]);
    put(serv, a[5], a[6]);
    return r;
  }
  const [outOff, cap] = name === 'getaddrinfo' ? [a[8], a[9]] : [a[3], a[4]];
  if (out.length <= cap) u8.set(out, outOff);
  return out.length;
}

function nsCall(name, request) {
  return new Promise((resolve) => {
    addon.ns_call(NS_KIND[name], request, (...res) => resolve(res));
  });
}

/*
 * Runs fn() (a synchronous call into the core) with every resolver import it makes
 * answered from the thread pool: the first unanswered lookup unwinds the call, the
 * lookup runs, and fn() runs again with the answers so far.
 */
async function withLookups(fn, signal = null) {
  const answers = [];
  for (;;) {
    let pending = null;
    let k = 0;
    nameService.hook = (name, a) => {
      if (k < answers.length) {
        const r = nsAnswer(name, a, answers[k].res);
        const cap = name === 'getaddrinfo' ? a[9] : name === 'getnameinfo' ? Infinity : a[4];
        if (!(r >= 0 && r > cap)) k++;
        return r;
      }
      if (!pending) pending = { name, request: nsRequest(name, a) };
      return DEFERRED;
    };
    let value;
    let error = null;
    try {
      value = fn();
    } catch (e) {
      error = e;
    } finally {
      nameService.hook = null;
    }
    if (!pending) {
      if (error) throw error;
      return value;
    }
    const lookup = nsCall(pending.name, pending.request);
    answers.push({ res: await (signal ? abortable(lookup, signal) : lookup) });
  }
}

// p, or an AbortError as soon as signal aborts (the lookup itself runs to its end).
function abortable(p, signal) {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then((v) => {
      signal.removeEventListener('abort', onAbort);
      resolve(v);
    });
  });
}

// Operations that completed at once on one socket since it last waited for the event
// loop (a readiness callback or a deferred attempt). Each resolves in a microtask, so a
// stream that always has data would otherwise never let timers or other I/O run; past
// the budget, an operation waits for a turn. 32 per socket, as libuv reads a stream at
// most 32 times per callback: many sockets each completing a few operations a turn are
// not held back, and no timer or immediate is scheduled while none is over it.
const STREAK_MAX = 32;
// ...and at most this many bytes moved by them: a sender and a receiver in one process
// then take turns by the megabyte, which stays in the CPU's caches, rather than by 32
// receives of 256 KiB (8 MiB, through memory each way).
const STREAK_BYTES = 1 << 20;
// The attempts put off to the next turn (#deferDrain), of every socket, made by one
// setImmediate callback: the operations they complete then continue in the same
// microtask queue, interleaved. Made by a callback each, a sender and a receiver in
// one process would each run its whole budget alone, a stream's data then going
// through memory in 2 MiB batches instead of staying in the cache.
let deferredDrains = [];
function runDeferred() {
  const all = deferredDrains;
  deferredDrains = [];
  for (const f of all) f();
}

// #op's socket mode not read yet.
const MODE_UNREAD = -3;
// toStream()'s read size: a receive takes what the kernel holds up to this (the result
// is sized to what arrived, bridge/aio.js); larger than net's 64 KiB, as a bulk stream
// then needs a quarter of the calls. Writes of up to WRITEV_COPY bytes in all are sent
// as one buffer.
const STREAM_CHUNK = 262144;
const WRITEV_COPY = 65536;
// A receive of at least this size that fills its buffer is taken as part of a bulk
// transfer (see #recvAttempt).
const BULK_RECV = 65536;

// One non-blocking attempt of a call into the synchronous face: its value, or WOULD
// when it would have waited (read from the core's error record after the throw). The
// hot operations use bridge/aio.js instead, where "would block" is never an exception.
function attempt(fn) {
  ex.ws_set_async(1);
  try {
    return fn();
  } catch (e) {
    if (e instanceof errors.OSError && wouldBlock()) return WOULD;
    throw e;
  } finally {
    ex.ws_set_async(0);
  }
}

// An operation waiting for its socket's readiness: the attempt fn, called on the socket
// with the arguments a, b, c (so that the hot methods pass one shared function, not a
// closure per call), and its promise's resolving functions.
class Waiter {
  constructor(fn, a, b, c, resolve, reject, nonblocking) {
    this.init(fn, a, b, c, resolve, reject, nonblocking);
  }

  init(fn, a, b, c, resolve, reject, nonblocking) {
    this.fn = fn;
    this.a = a;
    this.b = b;
    this.c = c;
    this.resolve = resolve;
    this.reject = reject;
    this.nonblocking = nonblocking;
    // Its timeout and abort signal, when it has one of them (a Bounds), else null: a
    // field of its own for each would make every waiter larger.
    this.bounds = null;
    this.next = null;
    // The caller's decoration of a rejection (errinfo.js wrapData), or null.
    this.fail = null;
    // What the operation has done so far (sendall: bytes sent).
    this.progress = 0;
    // An attempt of it was put off to the next turn (#deferDrain), whose callback
    // knows it by this object: it is not reused for another operation.
    this.deferred = false;
  }

  /*
   * Rejects the operation's promise with e. With a decoration (fail), the caller got this
   * promise itself, not one derived from it: the rejection then goes through fail in a
   * reaction chained in front of it, made before the rejection so that V8's async stack
   * trace, taken in fail, walks from there to the callers awaiting the promise.
   */
  failWith(e) {
    const fail = this.fail;
    if (fail === null) {
      this.reject(e);
      return;
    }
    let reject;
    const first = new Promise((resolve, rej) => { reject = rej; });
    this.resolve(first.then(undefined, fail));
    queueMicrotask(() => reject(e));
  }

  finish() {
    const x = this.bounds;
    if (x === null) return;
    if (x.timer) clearTimeout(x.timer);
    if (x.onAbort) x.signal.removeEventListener('abort', x.onAbort);
  }
}

class Bounds {
  constructor() {
    this.timer = null;
    this.signal = null;
    this.onAbort = null;
  }
}

// One executor for every waiting operation's promise (a closure per call would be
// garbage at once): it hands the resolving functions over through these two.
let settle = null;
let fail = null;
const takeResolvers = (resolve, reject) => {
  settle = resolve;
  fail = reject;
};

// The operations waiting in one direction, in order: a list linked through the waiters,
// as an array that empties and fills again would get new elements storage per operation.
class WaitQueue {
  constructor() {
    this.head = null;
    this.tail = null;
    this.length = 0;
    this.spare = null;
  }

  push(w) {
    if (this.tail) this.tail.next = w;
    else this.head = w;
    this.tail = w;
    this.length++;
  }

  // A waiter for a new operation: the one a finished operation left (see recycle), else
  // a new one.
  waiter(fn, a, b, c, resolve, reject, nonblocking) {
    const w = this.spare;
    if (w === null) return new Waiter(fn, a, b, c, resolve, reject, nonblocking);
    this.spare = null;
    w.init(fn, a, b, c, resolve, reject, nonblocking);
    return w;
  }

  /*
   * Keeps w, an operation just settled by #drain, for the next one: a socket that waits
   * for one operation after another (a connection's read loop) then allocates no waiter
   * per operation, and its one waiter soon lives in the old generation, where what it
   * holds costs a scavenge nothing to copy. Not one with a timeout, a signal or a
   * deferred attempt, whose callbacks hold it.
   */
  recycle(w) {
    if (w.bounds !== null || w.deferred) return;
    w.init(null, undefined, undefined, undefined, null, null, false);
    this.spare = w;
  }

  shift() {
    const w = this.head;
    this.head = w.next;
    if (!this.head) this.tail = null;
    w.next = null;
    this.length--;
    return w;
  }

  remove(w) {
    let prev = null;
    for (let q = this.head; q; prev = q, q = q.next) {
      if (q !== w) continue;
      if (prev) prev.next = w.next;
      else this.head = w.next;
      if (this.tail === w) this.tail = prev;
      w.next = null;
      this.length--;
      return;
    }
  }

  // Empties the queue; returns its waiters in order.
  take() {
    const all = [];
    while (this.head) all.push(this.shift());
    return all;
  }

  toArray() {
    const all = [];
    for (let q = this.head; q; q = q.next) all.push(q);
    return all;
  }
}

class AsyncSocket {
  #sock;
  #poll = null;
  // The poll handle's callback. The addon holds it weakly while nothing waits (so an idle
  // socket can be collected): this field is what keeps it alive meanwhile.
  #onReady = (status, ev) => this.#ready(status, ev);
  #events = 0;
  #readers = new WaitQueue();
  #writers = new WaitQueue();
  #ref = true;
  #closed = false;
  #files = 0;
  #closeAsked = false;
  // Eager completions since the socket last waited for the loop (see STREAK_MAX).
  #streak = 0;
  // Bytes the attempts moved since then (see STREAK_BYTES).
  #moved = 0;
  // What recv() learnt from the last receive (bridge/aio.js).
  #recvHint = { big: false };
  // The last read attempted at once would have blocked.
  #readMiss = false;
  // Datagram sockets over IP: the last peer addresses (bridge/aio.js), else null.
  #addrMemo = null;
  // What an attempt made at once did before it would block (see #op).
  #progress = 0;

  constructor(family, type, proto, fileno) {
    const s = family instanceof sync.Socket ? family : new sync.Socket(family, type, proto, fileno);
    this.#sock = s;
    s[kOnClose] = () => {
      this.#closeAsked = true;
      if (this.#files === 0) this.#release();
    };
    s[sync.kFace](this);
    if (aio.dgramIP(s.family, s.type)) this.#addrMemo = new aio.AddrMemo();
  }

  // One attempt of recvfrom: through the host directly where aio.recvfrom applies.
  #recvfrom(bufsize, flags) {
    const id = this.#sockId();
    if (this.#addrMemo) {
      const r = aio.recvfrom(ex.ws_sock_direct_async(id), bufsize, flags, this.#addrMemo, true);
      if (r !== undefined) return r;
    }
    return aio.method('recvfrom', id, [bufsize, flags]);
  }

  #sendto(args) {
    const id = this.#sockId();
    if (this.#addrMemo && args.length === 2) {
      const r = aio.sendto(ex.ws_sock_direct_async(id), this.#sock.family, args,
        this.#addrMemo, true);
      if (r !== undefined) return r;
    }
    return aio.method('sendto', id, args);
  }

  /** The synchronous face of the same socket. */
  get sync() { return this.#sock; }
  get family() { return this.#sock.family; }
  get type() { return this.#sock.type; }
  get proto() { return this.#sock.proto; }
  get timeout() { return this.#sock.timeout; }

  [inspect.custom]() { return this.#sock[inspect.custom]().replace('<wasock.Socket', '<wasock.AsyncSocket'); }
  toString() { return this[inspect.custom](); }

  fileno() { return this.#sock.fileno(); }
  listen(backlog) { return backlog === undefined ? this.#sock.listen() : this.#sock.listen(backlog); }
  getsockname() { return this.#sock.getsockname(); }
  getpeername() { return this.#sock.getpeername(); }
  getsockopt(...args) { return this.#sock.getsockopt(...args); }
  setsockopt(...args) { return this.#sock.setsockopt(...args); }
  getblocking() { return this.#sock.getblocking(); }
  setblocking(flag) { return this.#sock.setblocking(flag); }
  gettimeout() { return this.#sock.gettimeout(); }
  settimeout(value) { return this.#sock.settimeout(value); }
  get_inheritable() { return this.#sock.get_inheritable(); }
  set_inheritable(flag) { return this.#sock.set_inheritable(flag); }
  shutdown(how) { return this.#sock.shutdown(how); }
  detach() { return this.#sock.detach(); }
  dup() { return new AsyncSocket(this.#sock.dup()); }
  // A file whose reads and writes are promises (bridge/afile.js). While one is open, a
  // close() of the socket leaves the fd, and this face's waits on it, to the files.
  makefile(mode, buffering, encoding, errorsArg, newline) {
    const f = new AsyncSocketFile(this, this.#sock[kId], mode, buffering, encoding, errorsArg, newline, () => {
      if (--this.#files === 0 && this.#closeAsked) this.#release();
    });
    this.#files++;
    return f;
  }

  /** Whether pending operations keep the event loop alive (as net.Socket's ref/unref). */
  ref() { this.#setRef(true); return this; }
  unref() { this.#setRef(false); return this; }

  #setRef(on) {
    this.#ref = on;
    if (this.#poll) addon.poll_ref(this.#poll, on);
    for (const w of [...this.#readers.toArray(), ...this.#writers.toArray()]) {
      const t = w.bounds && w.bounds.timer;
      if (t) on ? t.ref() : t.unref();
    }
  }

  close() {
    return this.#sock.close();
  }

  [kDispose]() { this.close(); }
  async [kAsyncDispose]() { this.close(); }

  // The fd is about to close: fail what waits on it and let go of the poll handle first.
  #release() {
    if (this.#closed) return;
    this.#closed = true;
    const waiting = [...this.#readers.take(), ...this.#writers.take()];
    if (this.#poll) {
      sync.polls.delete(this.#sock[kId]);
      addon.poll_close(this.#poll);
      this.#poll = null;
    }
    for (const w of waiting) {
      w.finish();
      w.failWith(errors.fromErrno(C.EBADF, 'close'));
    }
  }

  #updatePoll() {
    const r = this.#readers.head;
    const w = this.#writers.head;
    // A queue whose first operation is put off to the next turn does not watch the fd.
    const events = (r !== null && !r.deferred ? UV_READABLE : 0) | (w !== null && !w.deferred ? UV_WRITABLE : 0);
    if (events === this.#events || this.#closed) return;
    if (!this.#poll) {
      if (!events) return;
      this.#poll = addon.poll_open(this.#sock.fileno(), this.#onReady, true);
      sync.polls.set(this.#sock[kId], this.#poll);
      if (!this.#ref) addon.poll_ref(this.#poll, false);
    }
    addon.poll_update(this.#poll, events);
    this.#events = events;
  }

  #ready(status, ev) {
    // The handle is one-shot: the addon has given up its interest for this callback,
    // and the update below asks again for what still waits. On an error condition
    // (POLLERR) libuv has stopped the handle: that update must reach the addon too.
    this.#events = status < 0 ? -1 : 0;
    if (status < 0 || ev & UV_READABLE) this.#drain(this.#readers);
    if (status < 0 || ev & UV_WRITABLE) this.#drain(this.#writers);
    this.#updatePoll();
  }

  #drain(queue) {
    while (queue.length && !this.#closed) {
      const w = queue.head;
      let r;
      try {
        r = w.fn.call(this, w.a, w.b, w.c, w);
      } catch (e) {
        queue.shift();
        w.finish();
        w.failWith(e);
        continue;
      }
      if (r === WOULD) {
        if (!w.nonblocking) break;
        queue.shift();
        w.finish();
        w.failWith(errors.fromErrno(C.EAGAIN, queue === this.#writers ? 'send' : 'recv'));
        continue;
      }
      queue.shift();
      w.finish();
      w.resolve(r);
      queue.recycle(w);
    }
  }

  // Runs fn (an attempt: its value or WOULD), called on this socket with a, b, c and its
  // Waiter (null for an attempt made at once), now if nothing is queued before it (and
  // not waitFirst), else when the fd is ready. What an attempt made at once did before
  // it would block is left in this.#progress, and the Waiter starts from there.
  #op(writing, fn, options, waitFirst = false, a, b, c) {
    let signal;
    try {
      signal = signalOf(options);
    } catch (e) {
      return Promise.reject(e);
    }
    if (signal && signal.aborted) return Promise.reject(abortError(signal));
    // As CPython: a closed socket's call checks its arguments, then fails with EBADF
    // (fd -1), or answers at once where Python does (recv(0)).
    if (this.#closed) {
      try {
        const r = fn.call(this, a, b, c, null);
        return r === WOULD ? Promise.reject(errors.fromErrno(C.EBADF, writing ? 'send' : 'recv')) : (made.fulfilled = Promise.resolve(r));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const queue = writing ? this.#writers : this.#readers;
    // -1 blocking, 0 non-blocking, 1 a timeout, -2 gone (gettimeout() then raises);
    // MODE_UNREAD until needed: an attempt that completes at once never needs it.
    let mode = MODE_UNREAD;
    let eager = !queue.length && !waitFirst;
    // A socket whose last read found nothing waits for readiness first, as net does,
    // instead of a receive that fails with EAGAIN (a non-blocking socket must try).
    if (eager && !writing && this.#readMiss) {
      mode = ex.ws_sock_mode(this.#sockId());
      if (mode !== 0) eager = false;
    }
    // Over budget: the attempt is made after the event loop's next turn instead.
    const deferred = eager && (this.#streak >= STREAK_MAX || this.#moved >= STREAK_BYTES);
    // What the attempt made now did before it would block (a sendall's bytes sent).
    let progress = 0;
    if (eager && !deferred) {
      let r;
      this.#progress = 0;
      try {
        r = fn.call(this, a, b, c, null);
      } catch (e) {
        if (!this[kPollFirst](writing, e)) {
          this.#progress = 0;
          return Promise.reject(e);
        }
        r = WOULD;
      }
      progress = this.#progress;
      this.#progress = 0;
      if (r !== WOULD) {
        this.#streak++;
        if (!writing) this.#readMiss = false;
        return (made.fulfilled = Promise.resolve(r));
      }
      if (!writing) this.#readMiss = true;
    }
    this.#streak = 0;
    this.#moved = 0;
    if (mode === MODE_UNREAD) mode = ex.ws_sock_mode(this.#sockId());
    let timeout = mode === -1 ? null : 0;
    if (mode === 1 || mode === -2) {
      try {
        timeout = this.#sock.gettimeout();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (timeout === 0 && !deferred)
      return Promise.reject(errors.fromErrno(C.EAGAIN, writing ? 'send' : 'recv'));
    const p = new Promise(takeResolvers);
    const w = queue.waiter(fn, a, b, c, settle, fail, timeout === 0);
    settle = fail = null;
    w.progress = progress;
    if ((timeout !== null && timeout > 0) || signal) this.#bound(queue, w, timeout, signal);
    queue.push(w);
    made.waiting = w;
    if (deferred) this.#deferDrain(queue, w);
    this.#updatePoll();
    return p;
  }

  // The closures an operation may need are made here, not in #op: a function that makes
  // a closure gets a context object on every call, even the calls that make none.

  // Arms w's timeout and abort signal.
  #bound(queue, w, timeout, signal) {
    w.bounds = new Bounds();
    if (timeout !== null && timeout > 0) {
      w.bounds.timer = setTimeout(() => {
        this.#remove(queue, w);
        w.finish();
        w.failWith(new errors.timeout());
      // setTimeout takes at most 2^31-1 ms (about 24.8 days); past it Node fires at once.
      }, Math.min(Math.ceil(timeout * 1000), 0x7fffffff));
      if (!this.#ref) w.bounds.timer.unref();
    }
    if (signal) {
      w.bounds.signal = signal;
      w.bounds.onAbort = () => {
        this.#remove(queue, w);
        w.finish();
        w.failWith(abortError(signal));
      };
      signal.addEventListener('abort', w.bounds.onAbort, { once: true });
    }
  }

  // The attempt of w, over the streak budget, after the event loop's next turn: with
  // every other socket's put off in the same turn (see runDeferred), and not on
  // readiness meanwhile.
  #deferDrain(queue, w) {
    w.deferred = true;
    if (deferredDrains.length === 0) setImmediate(runDeferred);
    deferredDrains.push(() => {
      w.deferred = false;
      if (this.#closed || queue.head !== w) return;
      this.#drain(queue);
      this.#updatePoll();
    });
  }

  #remove(queue, w) {
    queue.remove(w);
    this.#updatePoll();
  }

  #sockId() { return this.#sock[kId]; }

  // CPython's sock_call in timeout mode polls before the system call: an error the call
  // would give at once (recv on a listening socket) is only seen once the fd is ready,
  // and a timeout comes first. True when e must wait so: timeout mode, fd not ready.
  [kPollFirst](writing, e) {
    if (!(e instanceof errors.OSError) || e instanceof errors.timeout || e.errno === null) return false;
    const timeout = this.#sock.gettimeout();
    const fd = this.#sock.fileno();
    return timeout !== null && timeout > 0 && fd >= 0 && addon.imports.poll(fd, writing ? POLLOUT : POLLIN, 0) === 0;
  }

  async accept(options) {
    const [info, address] = await this.#op(false, () => aio.method('accept', this.#sockId(), []), options);
    return [new AsyncSocket(sync.wrap(info)), address];
  }

  // The connect starts at once; its outcome is read (SO_ERROR) once the fd is writable.
  async connect(address, options) {
    checkSignal(options);
    const r = await withLookups(() => aio.method('connect', this.#sockId(), [address]),
      signalOf(options));
    if (r === WOULD) {
      // A non-blocking socket reports the connect in progress, as Python's does.
      if (this.#sock.gettimeout() === 0) throw errors.fromErrno(EINPROGRESS, 'connect');
      await this.#op(true, () => aio.method('connect', this.#sockId(), [address]), options, true);
    }
    return null;
  }

  async connect_ex(address, options) {
    try {
      await this.connect(address, options);
      return 0;
    } catch (e) {
      if (e instanceof errors.timeout) return C.EAGAIN;
      if (e instanceof errors.OSError && e.errno !== null && !(e instanceof errors.gaierror) &&
          !(e instanceof errors.herror)) return e.errno;
      throw e;
    }
  }

  async bind(address) {
    return withLookups(() => this.#sock.bind(address));
  }

  recv(bufsize, flags, options) {
    // recv(0) answers at once in every mode, as CPython's: the core checks the arguments
    // and returns empty bytes without waiting for readiness.
    if (bufsize === 0) {
      const r = this.#recvNothing(flags, options);
      if (r !== WOULD) return r;
    }
    return this.#op(false, this.#recvAttempt, options, false, bufsize, flags);
  }

  #recvNothing(flags, options) {
    return this.#now(() => aio.method('recv', this.#sockId(), [0, flags]), options);
  }

  #recvAttempt(bufsize, flags, unused, w) {
    const r = aio.recv(this.#sock[kId], bufsize, flags, this.#recvHint);
    if (r !== WOULD) this.#moved += r.length;
    // A large receive made on readiness that filled its buffer likely left more: the
    // next one is tried at once (a bulk stream), not after another turn of the event
    // loop. A small one that filled its buffer (recv(1) in a ping-pong) says nothing:
    // trying the next at once would mostly cost a failed system call.
    if (w !== null && bufsize >= BULK_RECV && r !== WOULD && r.length === bufsize) this.#readMiss = false;
    return r;
  }

  // An attempt made now, whatever is queued: a Promise of its outcome, or WOULD.
  #now(fn, options) {
    try {
      const signal = signalOf(options);
      if (signal && signal.aborted) return Promise.reject(abortError(signal));
      const r = fn();
      return r === WOULD ? r : (made.fulfilled = Promise.resolve(r));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  recvfrom(bufsize, flags, options) {
    return this.#op(false, this.#recvfrom, options, false, bufsize, flags);
  }

  recv_into(buffer, nbytes, flags, options) {
    const b = asBytes(buffer);
    if (!b) return this.#op(false, () => attempt(() => this.#sock.recv_into(buffer, nbytes, flags)), options);
    return this.#op(false, this.#recvIntoAttempt, options, false, b, nbytes, flags);
  }

  #recvIntoAttempt(b, nbytes, flags) {
    const n = aio.recvInto(this.#sock[kId], b, nbytes, flags);
    if (n !== WOULD) this.#moved += n;
    return n;
  }

  recvfrom_into(buffer, nbytes, flags, options) {
    return this.#op(false, () => attempt(() => this.#sock.recvfrom_into(buffer, nbytes, flags)), options);
  }

  recvmsg(bufsize, ancbufsize, flags, options) {
    return this.#op(false, () => aio.method('recvmsg', this.#sockId(), [bufsize, ancbufsize, flags]), options);
  }

  recvmsg_into(buffers, ancbufsize, flags, options) {
    return this.#op(false, () => attempt(() => this.#sock.recvmsg_into(buffers, ancbufsize, flags)), options);
  }

  send(data, flags, options) {
    return this.#op(true, this.#sendAttempt, options, false, data, flags);
  }

  #sendAttempt(data, flags) {
    const n = aio.send(this.#sock[kId], data, flags);
    if (n !== WOULD) this.#moved += n;
    return n;
  }

  // The whole buffer, in order with other writes; the timeout bounds the whole call.
  sendall(data, flags, options) {
    return this.#sendall(data, flags, options);
  }

  #sendall(data, flags, options) {
    if (!ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer))
      return Promise.reject(new TypeError('sendall() argument 1 must be a bytes-like object'));
    let b;
    try {
      b = asBytes(data, 'sendall() argument 1');
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#op(true, this.#sendallAttempt, options, false, b, flags);
  }

  #sendallAttempt(b, flags, unused, w) {
    const id = this.#sock[kId];
    let off = w === null ? 0 : w.progress;
    do {
      const n = aio.sendBytes(id, off === 0 && b.length !== 0 ? b : tail(b, off, 'sendall() argument 1'), flags);
      if (n === WOULD) return n;
      off += n;
      this.#moved += n;
      // Kept as it goes: an attempt that then fails and waits (see kPollFirst) goes on
      // from here, not from the start.
      if (w === null) this.#progress = off;
      else w.progress = off;
    } while (off < b.length);
    return null;
  }


  // The first attempt of a send that may name a host (looked up off the main thread).
  async #firstSend(fn, options) {
    try {
      return await withLookups(() => attempt(fn), signalOf(options));
    } catch (e) {
      if (!this.#closed && this[kPollFirst](true, e)) return WOULD;
      throw e;
    }
  }

  // sendall of several buffers in order, as one operation (toStream's writev).
  #sendallv(bufs) {
    let i = 0;
    let off = 0;
    return this.#op(true, () => {
      while (i < bufs.length) {
        const b = asBytes(bufs[i]);
        if (off >= b.length) {
          i++;
          off = 0;
          continue;
        }
        const n = aio.send(this.#sockId(), off ? b.subarray(off) : b, 0);
        if (n === WOULD) return n;
        off += n;
      }
      return null;
    });
  }

  // sendto(data, address[, options]) or sendto(data, flags, address[, options]).
  async sendto(data, ...rest) {
    const withFlags = typeof rest[0] === 'number' || typeof rest[0] === 'bigint';
    const args = withFlags ? [data, rest[0], rest[1]] : [data, rest[0]];
    const options = withFlags ? rest[2] : rest[1];
    checkSignal(options);
    const r = await this.#firstSend(() => this.#sendto(args), options);
    if (r !== WOULD) return r;
    return this.#op(true, () => this.#sendto(args), options, true);
  }

  async sendmsg(buffers, ancdata, flags, address, options) {
    checkSignal(options);
    const args = [buffers, ancdata, flags, address];
    const r = await this.#firstSend(() => this.#sock.sendmsg(...args), options);
    if (r !== WOULD) return r;
    return this.#op(true, () => attempt(() => this.#sock.sendmsg(...args)), options, true);
  }

  sendmsg_afalg(...args) {
    const options = args.length > 0 && args[args.length - 1] && typeof args[args.length - 1] === 'object' &&
      'signal' in args[args.length - 1] ? args.pop() : undefined;
    return this.#op(true, () => attempt(() => this.#sock.sendmsg_afalg(...args)), options);
  }

  sendfile(file, offset = 0, count = null, options) {
    let sent = 0;
    return this.#op(true, () => attempt(() => {
      for (;;) {
        // The first send passes the caller's values for the core to check (whatever count
        // is); the ones after it continue from there (Number(): a BigInt the core took).
        const want = count === null || count === undefined ? null : sent ? Number(count) - sent : count;
        if (sent > 0 && want !== null && want <= 0) return sent;
        const n = this.#sock.sendfile(file, sent ? Number(offset) + sent : offset, want);
        if (n === 0) return sent;
        sent += n;
      }
    }), options);
  }

  async *[Symbol.asyncIterator]() {
    const listening = !this.#closed && this.#sock.type === C.SOCK_STREAM &&
      this.#sock.getsockopt(C.SOL_SOCKET, C.SO_ACCEPTCONN) !== 0;
    for (;;) {
      let item;
      try {
        item = listening ? await this.accept() : await this.recv(65536);
      } catch (e) {
        if (this.#closed && e.code === 'EBADF') return;
        throw e;
      }
      if (!listening && item.length === 0) return;
      yield item;
    }
  }

  /**
   * A stream.Duplex over this socket: reads until EOF, writes with sendall. Reading goes
   * on while the stream wants more (push() answers true), up to STREAM_CHUNK at a time;
   * several buffered writes go out together (writev).
   */
  toStream(options = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options))
      throw new TypeError('toStream() options must be an object');
    signalOf(options);
    const sock = this;
    let reading = false;
    return new Duplex({
      ...options,
      read(size) {
        if (reading) return;
        reading = true;
        const more = (chunk) => {
          if (!chunk.length) {
            reading = false;
            this.push(null);
          } else if (this.push(chunk)) {
            sock.recv(Math.max(size || 0, STREAM_CHUNK)).then(more, fail);
          } else {
            reading = false;
          }
        };
        const fail = (e) => {
          reading = false;
          this.destroy(e);
        };
        sock.recv(Math.max(size || 0, STREAM_CHUNK)).then(more, fail);
      },
      // A write sent at once calls back at once, as net's: the stream then hands over
      // its next chunk in the same turn instead of buffering it for a microtask.
      write(chunk, encoding, callback) {
        streamWrote(sock.#sendall(chunk), callback);
      },
      writev(chunks, callback) {
        const bufs = chunks.map(({ chunk, encoding }) =>
          (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
        const total = bufs.reduce((n, b) => n + b.byteLength, 0);
        // Small chunks: one send of their concatenation; large ones: each in turn, uncopied.
        streamWrote(total <= WRITEV_COPY ? sock.#sendall(Buffer.concat(bufs, total)) : sock.#sendallv(bufs), callback);
      },
      final(callback) {
        try {
          sock.shutdown(C.SHUT_WR);
          callback();
        } catch (e) {
          callback(e);
        }
      },
      destroy(err, callback) {
        try { sock.close(); } catch { /* closing anyway */ }
        callback(err);
      },
    });
  }
}

// Calls a stream's write callback for p, a send's promise: at once when p was made
// fulfilled, else when it settles (an error decorated as the sendall() method's are).
function streamWrote(p, callback) {
  if (p === made.fulfilled) {
    made.fulfilled = null;
    callback();
    return;
  }
  p.then(() => callback(), (e) => callback(decorate(e, 'sendall', [], null)));
}

function socket(family, type, proto, fileno) {
  return new AsyncSocket(family, type, proto, fileno);
}

function socketpair(family, type, proto) {
  return sync.socketpair(family, type, proto).map((s) => new AsyncSocket(s));
}

function fromfd(fd, family, type, proto) {
  return new AsyncSocket(sync.fromfd(fd, family, type, proto));
}

const getaddrinfo = (...args) => withLookups(() => fns.getaddrinfo(...args));
const getnameinfo = (...args) => withLookups(() => fns.getnameinfo(...args));
const gethostbyname = (...args) => withLookups(() => fns.gethostbyname(...args));
const gethostbyname_ex = (...args) => withLookups(() => fns.gethostbyname_ex(...args));
const gethostbyaddr = (...args) => withLookups(() => fns.gethostbyaddr(...args));
const getfqdn = (...args) => withLookups(() => fns.getfqdn(...args));

// socket.py's create_connection, with lookups and connects that do not block.
async function create_connection(address, timeout = sync.DEFAULT, source_address = null, options = {}) {
  if (!Array.isArray(address) || address.length !== 2)
    throw new TypeError('create_connection() address must be an array [host, port]');
  const all_errors = Boolean(options && options.all_errors);
  const failures = [];
  for (const [af, socktype, proto, , sa] of await getaddrinfo(address[0], address[1], 0, C.SOCK_STREAM)) {
    let sock = null;
    try {
      sock = new AsyncSocket(af, socktype, proto);
      if (timeout !== sync.DEFAULT && timeout !== undefined) sock.settimeout(timeout);
      if (source_address) await sock.bind(source_address);
      await sock.connect(sa, options);
      return sock;
    } catch (e) {
      if (sock) sock.close();
      if (!(e instanceof errors.OSError)) throw e;
      if (!all_errors) failures.length = 0;
      failures.push(e);
    }
  }
  if (!failures.length) throw new errors.OSError(null, 'getaddrinfo returns an empty list');
  if (!all_errors) throw failures[0];
  throw new AggregateError(failures, 'create_connection failed');
}

async function create_server(address, options) {
  options = serverOptions(options);
  if (Array.isArray(address) && typeof address[0] === 'string' && address[0] !== '') {
    // Resolve off the main thread first; the bind below then sees a numeric address.
    const family = options.family === undefined ? C.AF_INET : options.family;
    const [[, , , , sa]] = await getaddrinfo(address[0], address[1], family, C.SOCK_STREAM,
      0, C.AI_PASSIVE);
    address = [sa[0], ...address.slice(1)];
  }
  return new AsyncSocket(sync.create_server(address, options));
}

async function send_fds(sock, buffers, fds, flags = 0, address = null) {
  return socketArg(sock, 'sendmsg', 'send_fds() argument 1').sendmsg(buffers, sync.fdsMessage(fds), flags, address);
}

async function recv_fds(sock, bufsize, maxfds, flags = 0) {
  socketArg(sock, 'recvmsg', 'recv_fds() argument 1');
  return sync.fdsReceived(await sock.recvmsg(bufsize, fns.CMSG_LEN(maxfdsLength(maxfds)), flags));
}

const base = require('./index');

module.exports = {
  ...base,
  Socket: AsyncSocket, SocketType: AsyncSocket, AsyncSocket, socket, socketpair, fromfd,
  getaddrinfo, getnameinfo, gethostbyname, gethostbyname_ex, gethostbyaddr, getfqdn,
  create_connection, create_server, send_fds, recv_fds,
};
// Node-style fields on errors; a rejection carries the stack of the call that started it.
{
  const errinfo = require('./errinfo');
  errinfo.wrapClass(AsyncSocket, errinfo.SOCKET_METHODS.filter((m) => !errinfo.ASYNC_SOCKET_METHODS.includes(m)),
    errinfo.ASYNC_SOCKET_METHODS, errinfo.ASYNC_DATA_METHODS);
  errinfo.wrapFunctions(module.exports, ['socket', 'socketpair', 'fromfd'], ['getaddrinfo', 'getnameinfo',
    'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getfqdn', 'create_connection', 'create_server',
    'send_fds', 'recv_fds']);
}
