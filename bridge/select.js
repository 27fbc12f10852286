// SPDX-License-Identifier: MIT
// wasock/select: Python's select module (select, poll, epoll) over real fds.
//
// The calls block the calling thread as Python's do. Records for poll(2) and epoll_wait
// live in a private scratch memory served by its own host binding (addon.bind), so a
// wait never disturbs the core's memory. EINTR is retried with the time that remains
// (PEP 475). The promise face (bridge/select_promises.js) shares everything here but the
// wait itself.
'use strict';
const util = require('node:util');
const K = require('./select_constants');
const errors = require('./errors');
const { addon } = require('./core');
// The fd of a socket of this module, read without calling through its public fileno().
const { socketFd } = require('./socket');

const EINTR = 4;
const EBADF = 9;
const ENOENT = 2;
// Python's select() refuses fds beyond its fd_set, as glibc's select(2) must.
const FD_SETSIZE = 1024;
const INT32_MAX = 0x7fffffff;
// epoll_ctl ops (<sys/epoll.h>; the same on every Linux).
const EPOLL_CTL_ADD = 1;
const EPOLL_CTL_DEL = 2;
const EPOLL_CTL_MOD = 3;

// The kernel's own select(2) sets, in poll bits (fs/select.c POLLIN_SET etc.).
const IN_SET = K.POLLRDNORM | K.POLLRDBAND | K.POLLIN | K.POLLHUP | K.POLLERR;
const OUT_SET = K.POLLWRBAND | K.POLLWRNORM | K.POLLOUT | K.POLLERR;
const EX_SET = K.POLLPRI;

/** Python's KeyError (poll.unregister, selectors), which JavaScript has no class for. */
class KeyError extends Error {
  get name() { return 'KeyError'; }
}

// The scratch memory and its host functions; grown on demand.
const scratch = new WebAssembly.Memory({ initial: 1 });
const host = addon.bind(scratch);
let i32 = new Int32Array(scratch.buffer);

function room(bytes) {
  // i32 always views the whole scratch (this is the only place that grows it): its
  // length is read without a call to the memory's buffer getter.
  if (bytes > i32.length * 4) {
    scratch.grow(Math.ceil((bytes - i32.length * 4) / 65536));
    host.memory_grown();
    i32 = new Int32Array(scratch.buffer);
  }
}

function reprOf(v) {
  return util.inspect(v, { depth: 1, breakLength: Infinity });
}

// PyObject_AsFileDescriptor: an int, or an object whose fileno() gives one. A socket of
// this module answers without a call through its fileno() (socketFd).
function asFd(obj) {
  const fd = socketFd(obj) ?? filenoOf(obj);
  if (fd < 0) throw new RangeError(`file descriptor cannot be a negative integer (${fd})`);
  if (fd > INT32_MAX) throw new RangeError('fd is greater than maximum');
  return fd;
}

// obj itself when an integer, else what its fileno() answers (an integer).
function filenoOf(obj) {
  if (typeof obj === 'number') {
    if (!Number.isInteger(obj)) throw new TypeError('argument must be an int, or have a fileno() method.');
    return obj;
  }
  if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function') || typeof obj.fileno !== 'function')
    throw new TypeError('argument must be an int, or have a fileno() method.');
  const fd = obj.fileno();
  if (typeof fd !== 'number' || !Number.isInteger(fd)) throw new TypeError('fileno() returned a non-integer');
  return fd;
}

function integer(v, what) {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new TypeError(`${what} must be an integer, not ${v === null ? 'null' : typeof v}`);
  return v;
}

// An epoll event mask: CPython reads it as a C unsigned int without an overflow check
// (the value modulo 2**32), which is what >>> 0 does; so EPOLLIN | EPOLLET, negative in
// JavaScript, is the mask it stands for.
function epollMask(v) {
  return integer(v, 'eventmask') >>> 0;
}

// A poll event mask: an unsigned short. A negative int32 stands for its unsigned value
// (as in epollMask), which is then too large, as CPython finds the same bits too large.
function pollMask(v) {
  integer(v, 'eventmask');
  if (v < 0 && v >= -0x80000000) v >>>= 0;
  if (v < 0) throw new RangeError('value must be positive');
  if (v > 0xffff) throw new RangeError('Python int too large for C unsigned short');
  return v;
}

// A timeout in seconds (select, epoll.poll): null waits forever. Milliseconds, rounded up
// as Python rounds timeouts, or -1.
function secondsToMs(timeout, { negativeIsForever, what = 'timeout' }) {
  if (timeout === null || timeout === undefined) return -1;
  if (typeof timeout !== 'number') throw new TypeError(`${what} must be a float or None`);
  if (Number.isNaN(timeout)) throw new RangeError('Invalid value NaN (not a number)');
  if (timeout < 0) {
    if (negativeIsForever) return -1;
    throw new RangeError(`${what} must be non-negative`);
  }
  const ms = Math.ceil(timeout * 1000);
  if (!Number.isFinite(ms) || ms > Number.MAX_SAFE_INTEGER) throw new RangeError(`${what} is too large`);
  return ms;
}

// A poll() timeout in milliseconds: null or negative waits forever.
function pollMs(timeout) {
  if (timeout === null || timeout === undefined) return -1;
  if (typeof timeout !== 'number') throw new TypeError('Timeout must be an integer or None');
  if (Number.isNaN(timeout)) throw new RangeError('Invalid value NaN (not a number)');
  if (timeout < 0) return -1;
  const ms = Math.ceil(timeout);
  if (ms > INT32_MAX) throw new RangeError('Timeout value too large');
  return ms;
}

/*
 * Waits with a deadline: call(ms) makes one wait of at most ms and returns its result
 * (>= 0 or -errno). EINTR waits again for what is left; a wait cut short by the int32
 * limit goes on. timeoutMs < 0 waits forever.
 */
function waitLoop(call, timeoutMs) {
  const deadline = timeoutMs < 0 ? null : performance.now() + timeoutMs;
  let ms = timeoutMs < 0 ? -1 : Math.min(timeoutMs, INT32_MAX);
  for (;;) {
    const r = call(ms);
    if (r === -EINTR || (r === 0 && deadline !== null && ms === INT32_MAX)) {
      if (deadline !== null) ms = Math.min(Math.max(0, Math.ceil(deadline - performance.now())), INT32_MAX);
      if (r === 0 && ms === 0) return 0;
      continue;
    }
    return r;
  }
}

// A set of pollfd records, kept in JS (so that concurrent promise waits each own theirs)
// and copied into the scratch memory for each poll(2). Record i is a[2i] = fd and
// a[2i + 1] = events | revents << 16 (little-endian int16 pair).
class PollSet {
  constructor(n) {
    this.n = n;
    this.a = new Int32Array(2 * n);
  }

  set(i, fd, events) {
    this.a[2 * i] = fd;
    this.a[2 * i + 1] = events & 0xffff;
  }

  fd(i) { return this.a[2 * i]; }
  events(i) { return this.a[2 * i + 1] & 0xffff; }
  revents(i) { return this.a[2 * i + 1] >>> 16; }

  // One poll(2) of at most ms; the count of ready records or -errno.
  pollOnce(ms) {
    const n = this.n;
    room(8 * n);
    i32.set(this.a, 0);
    const r = host.poll_many(0, n, ms);
    if (r > 0) this.a.set(i32.subarray(0, 2 * n));
    return r;
  }
}

const SELECT_BITS = [K.POLLIN, K.POLLOUT, K.POLLPRI];
const SELECT_SETS = [IN_SET, OUT_SET, EX_SET];

// select()'s three lists, each iterated once: the items in order, their fds and the
// count of each list. The results are built from these items, not from a second pass
// over lists a fileno() could have changed.
function selectArgs(rlist, wlist, xlist, timeout) {
  // The timeout first, as CPython converts it before it looks at the lists.
  const ms = timeout === null ? -1 : secondsToMs(timeout, SELECT_TIMEOUT);
  const lists = [rlist, wlist, xlist];
  for (let k = 0; k < 3; k++) {
    const l = lists[k];
    if (l === null || typeof l !== 'object' || typeof l[Symbol.iterator] !== 'function')
      throw new TypeError('arguments 1-3 must be sequences');
    if (!Array.isArray(l)) lists[k] = [...l];
  }
  const objs = [];
  const fds = [];
  const counts = [0, 0, 0];
  for (let k = 0; k < 3; k++) {
    const list = lists[k];
    // Indexed, length read each time: an array is iterated live, as for-of would.
    for (let i = 0; i < list.length; i++) {
      const obj = list[i];
      const fd = asFd(obj);
      if (fd >= FD_SETSIZE) throw new RangeError('filedescriptor out of range in select()');
      objs.push(obj);
      fds.push(fd);
      counts[k]++;
    }
  }
  return { objs, fds, counts, ms };
}

const SELECT_TIMEOUT = { negativeIsForever: false };

// The three result lists from the revents of each item (rev(i)).
function selectResult(r, objs, counts, rev) {
  if (r < 0) throw errors.fromErrno(-r, 'select');
  if (r === 0) return [[], [], []];
  const out = [[], [], []];
  let j = 0;
  for (let k = 0; k < 3; k++) {
    const mask = SELECT_SETS[k];
    const list = out[k];
    for (let end = j + counts[k]; j < end; j++) {
      const ev = rev(j);
      if (ev & K.POLLNVAL) throw errors.fromErrno(EBADF, 'select');
      if (ev & mask) list.push(objs[j]);
    }
  }
  return out;
}

// select()'s arguments as one PollSet (one record per item: poll(2) takes an fd twice);
// result() turns revents into the three lists.
function prepareSelect(rlist, wlist, xlist, timeout) {
  const { objs, fds, counts, ms } = selectArgs(rlist, wlist, xlist, timeout);
  const set = new PollSet(objs.length);
  for (let i = 0, k = 0; k < 3; k++)
    for (let end = i + counts[k]; i < end; i++) set.set(i, fds[i], SELECT_BITS[k]);
  const result = (r) => selectResult(r, objs, counts, (j) => set.revents(j));
  return { set, ms, result };
}

// The blocking select() writes its records straight into the scratch memory (the wait
// is synchronous: nothing else uses the scratch meanwhile) and polls there; EINTR waits
// again on the same records (poll(2) rewrites every revents).
function scratchPoll(ms) { return host.poll_many(0, scratchN, ms); }
let scratchN = 0;
const scratchRevents = (j) => i32[2 * j + 1] >>> 16;

/** select(rlist, wlist, xlist, timeout = null) -> [r, w, x], as Python's select.select. */
function select(rlist, wlist, xlist, timeout = null) {
  const { objs, fds, counts, ms } = selectArgs(rlist, wlist, xlist, timeout);
  const n = objs.length;
  room(8 * n);
  for (let i = 0, k = 0; k < 3; k++) {
    const bits = SELECT_BITS[k];
    for (let end = i + counts[k]; i < end; i++) {
      i32[2 * i] = fds[i];
      i32[2 * i + 1] = bits;
    }
  }
  scratchN = n;
  const r = ms < 0 ? waitForever(n) : waitLoop(scratchPoll, ms);
  return selectResult(r, objs, counts, scratchRevents);
}

// waitLoop with no deadline, without its closure: one poll, again on EINTR.
function waitForever(n) {
  for (;;) {
    const r = host.poll_many(0, n, -1);
    if (r !== -EINTR) return r;
  }
}

const kFds = Symbol('wasock.poll.fds');
// Hooks between the two faces, kept off the public surface: a wait's checked arguments
// (poll and epoll objects), and close()'s call to let pending promise waits go.
const kPrepare = Symbol('wasock.select.prepare');
const kRelease = Symbol('wasock.epoll.release');

// The registrations of a poll object (shared by both faces).
class PollBase {
  constructor() {
    this[kFds] = new Map();
  }

  register(fd, eventmask = K.POLLIN | K.POLLPRI | K.POLLOUT) {
    fd = asFd(fd);
    this[kFds].set(fd, pollMask(eventmask));
    return null;
  }

  modify(fd, eventmask) {
    fd = asFd(fd);
    const events = pollMask(eventmask);
    if (!this[kFds].has(fd)) throw errors.fromErrno(ENOENT, 'modify');
    this[kFds].set(fd, events);
    return null;
  }

  unregister(fd) {
    fd = asFd(fd);
    if (!this[kFds].delete(fd)) throw new KeyError(String(fd));
    return null;
  }

  // The registrations as a PollSet, and the function that reads its result.
  [kPrepare](timeout) {
    const ms = pollMs(timeout);
    const set = new PollSet(this[kFds].size);
    let i = 0;
    for (const [fd, events] of this[kFds]) set.set(i++, fd, events);
    const result = (r) => {
      if (r < 0) throw errors.fromErrno(-r, 'poll');
      const out = [];
      for (let j = 0; r > 0 && j < set.n; j++) {
        const ev = set.revents(j);
        if (ev) out.push([set.fd(j), ev]);
      }
      return out;
    };
    return { set, ms, result };
  }

  [util.inspect.custom]() { return `<select.poll object fds=${this[kFds].size}>`; }
}

/** select.poll(): register, modify, unregister, poll(timeout_ms = null) -> [[fd, events]]. */
class poll extends PollBase {
  poll(timeout = null) {
    const { set, ms, result } = this[kPrepare](timeout);
    return result(waitLoop((t) => set.pollOnce(t), ms));
  }
}

const kEpfd = Symbol('wasock.epoll.fd');
// new epoll(kFromFd, fd): epoll.fromfd's way in.
const kFromFd = Symbol('wasock.epoll.fromfd');

// An epoll object's fd and its control calls (shared by both faces).
class EpollBase {
  constructor(sizehint = -1, flags = 0) {
    if (sizehint === kFromFd) {
      this[kEpfd] = flags;
      return;
    }
    if (typeof sizehint !== 'number' || !Number.isInteger(sizehint))
      throw new TypeError('sizehint must be an integer');
    if (sizehint === 0 || sizehint < -1) throw new RangeError('negative sizehint');
    if (typeof flags !== 'number' || !Number.isInteger(flags)) throw new TypeError('flags must be an integer');
    if (flags && flags !== K.EPOLL_CLOEXEC) throw new errors.OSError(null, 'invalid flags');
    // Python's epoll fds are never inherited.
    const fd = host.epoll_create1(K.EPOLL_CLOEXEC);
    if (fd < 0) throw errors.fromErrno(-fd, 'epoll_create1');
    this[kEpfd] = fd;
  }

  get closed() { return this[kEpfd] < 0; }

  #fd() {
    if (this[kEpfd] < 0) throw new RangeError('I/O operation on closed epoll object');
    return this[kEpfd];
  }

  fileno() { return this.#fd(); }

  // As CPython's, close() never raises: a failing close(2) is ignored.
  close() {
    const fd = this[kEpfd];
    if (fd >= 0) {
      this[kEpfd] = -1;
      this[kRelease]?.();
      host.close(fd);
    }
    return null;
  }

  #ctl(op, fd, eventmask) {
    const epfd = this.#fd();
    fd = asFd(fd);
    const events = op === EPOLL_CTL_DEL ? 0 : epollMask(eventmask);
    const r = host.epoll_ctl(epfd, op, fd, events);
    if (r < 0) throw errors.fromErrno(-r, 'epoll_ctl');
    return null;
  }

  register(fd, eventmask = K.EPOLLIN | K.EPOLLPRI | K.EPOLLOUT) { return this.#ctl(EPOLL_CTL_ADD, fd, eventmask); }
  modify(fd, eventmask) { return this.#ctl(EPOLL_CTL_MOD, fd, eventmask); }
  unregister(fd) { return this.#ctl(EPOLL_CTL_DEL, fd, 0); }

  // The checked arguments of poll(): the epoll fd, milliseconds, maxevents.
  [kPrepare](timeout, maxevents) {
    const epfd = this.#fd();
    const ms = secondsToMs(timeout, { negativeIsForever: true });
    if (typeof maxevents !== 'number' || !Number.isInteger(maxevents)) throw new TypeError('maxevents must be an integer');
    if (maxevents === -1) maxevents = FD_SETSIZE - 1;
    else if (maxevents < 1) throw new RangeError(`maxevents must be greater than 0, got ${maxevents}`);
    maxevents = Math.min(maxevents, 65536);
    room(8 * maxevents);
    return { epfd, ms, maxevents };
  }

  // One epoll_wait of at most ms into the scratch memory: [[fd, events]] or -errno.
  static waitOnce(epfd, maxevents, ms) {
    const r = host.epoll_wait(epfd, 0, maxevents, ms);
    if (r <= 0) return r;
    const out = new Array(r);
    const dv = new DataView(scratch.buffer);
    for (let i = 0; i < r; i++) out[i] = [dv.getInt32(8 * i, true), dv.getUint32(8 * i + 4, true)];
    return out;
  }

  [Symbol.dispose ?? Symbol.for('nodejs.dispose')]() { this.close(); }

  [util.inspect.custom]() {
    return this.closed ? '<select.epoll object [closed]>' : `<select.epoll object fd=${this[kEpfd]}>`;
  }
}

/** select.epoll(sizehint = -1, flags = 0), with Python's method set; poll() blocks. */
class epoll extends EpollBase {
  static fromfd(fd) { return new this(kFromFd, asFd(fd)); }

  poll(timeout = null, maxevents = -1) {
    const { epfd, ms, maxevents: max } = this[kPrepare](timeout, maxevents);
    let out = [];
    const r = waitLoop((t) => {
      const v = EpollBase.waitOnce(epfd, max, t);
      if (Array.isArray(v)) {
        out = v;
        return v.length;
      }
      return v;
    }, ms);
    if (r < 0) throw errors.fromErrno(-r, 'epoll_wait');
    return out;
  }
}

/** Cls callable with or without new: Python's select.poll() is a call, as is epoll(). */
function callable(Cls) {
  return new Proxy(Cls, { apply: (target, self, args) => new target(...args) });
}

module.exports = { select, poll: callable(poll), epoll: callable(epoll), error: errors.OSError, KeyError, ...K };
// For the promise face and selectors; not part of Python's module, so not enumerable.
Object.defineProperty(module.exports, 'internals', {
  value: {
    PollBase, EpollBase, PollSet, prepareSelect, waitLoop, asFd, host, reprOf, callable, kFromFd,
    kPrepare, kRelease,
  },
});
