// SPDX-License-Identifier: MIT
// socket.SocketIO, the raw I/O object under makefile() in Python, and the module-level
// dup(fd).
'use strict';
const util = require('node:util');
const errors = require('./errors');
const { addon, methods } = require('./core');
const { kId } = require('./socket');
const { describe } = require('./checks');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
const MODES = ['r', 'w', 'rw', 'rb', 'wb', 'rwb'];
const BLOCKING = new Set([11]); // EAGAIN (= EWOULDBLOCK on Linux)

/** dup(fd) -> a new, non-inheritable fd of the same open file (Python's socket.dup). */
function dup(fd) {
  if (typeof fd !== 'number' || !Number.isInteger(fd)) throw new TypeError('an integer is required');
  if (fd < 0 || fd > 0x7fffffff) return failDup(9);
  const r = addon.imports.dup(fd);
  return r < 0 ? failDup(-r) : r;
}

function failDup(errno) { throw errors.fromErrno(errno, 'dup'); }

/** SocketIO(sock, mode): raw, unbuffered reads and writes, as socket.py's SocketIO. */
class SocketIO {
  #sock;
  #reading;
  #writing;
  #timedOut = false;
  #closed = false;

  constructor(sock, mode) {
    if (!MODES.includes(mode)) throw new RangeError(`invalid mode: ${describe(mode)}`);
    // A promise-face socket reads and writes through its synchronous face.
    const s = sock && sock[kId] === undefined && sock.sync ? sock.sync : sock;
    if (!s || s[kId] === undefined) throw new TypeError('SocketIO() argument 1 must be a wasock socket');
    this.#sock = s;
    if (!mode.includes('b')) mode += 'b';
    this.mode = mode;
    this.#reading = mode.includes('r');
    this.#writing = mode.includes('w');
    methods.io_ref(this.#sock[kId], []);
  }

  get closed() { return this.#closed; }
  get name() { return this.#closed ? -1 : this.fileno(); }

  #check(what) {
    if (this.#closed) throw new RangeError('I/O operation on closed file.');
    if (what === 'r' && !this.#reading) throw new errors.OSError(null, 'File or stream is not readable.');
    if (what === 'w' && !this.#writing) throw new errors.OSError(null, 'File or stream is not writable.');
  }

  /** Receives into b: the count, 0 at EOF, null when a non-blocking socket has nothing. */
  readinto(b) {
    this.#check('r');
    if (this.#timedOut) throw new errors.OSError(null, 'cannot read from timed out object');
    try {
      return this.#sock.recv_into(b);
    } catch (e) {
      if (e instanceof errors.timeout && e.errno === null) this.#timedOut = true;
      else if (e instanceof errors.OSError && BLOCKING.has(e.errno)) return null;
      throw e;
    }
  }

  /** read(size = -1): up to size bytes (all until EOF when negative); null if it would block. */
  read(size = -1) {
    if (size === null || size < 0) return this.readall();
    const b = Buffer.allocUnsafe(size);
    const n = this.readinto(b);
    return n === null ? null : b.subarray(0, n);
  }

  readall() {
    const chunks = [];
    for (;;) {
      const chunk = this.read(8192);
      if (chunk === null) return chunks.length ? Buffer.concat(chunks) : null;
      if (!chunk.length) return Buffer.concat(chunks);
      chunks.push(Buffer.from(chunk));
    }
  }

  /** IOBase.readline on a raw stream: a byte at a time, up to and with the newline. */
  readline(size = -1) {
    const out = [];
    while (size === null || size < 0 || out.length < size) {
      const b = this.read(1);
      if (!b || !b.length) break;
      out.push(b[0]);
      if (b[0] === 10) break;
    }
    return Buffer.from(out);
  }

  readlines(hint = -1) {
    const lines = [];
    let total = 0;
    for (let line = this.readline(); line.length; line = this.readline()) {
      lines.push(line);
      total += line.length;
      if (hint !== null && hint > 0 && total >= hint) break;
    }
    return lines;
  }

  *[Symbol.iterator]() {
    for (let line = this.readline(); line.length; line = this.readline()) yield line;
  }

  writelines(lines) {
    for (const line of lines) this.write(line);
    return null;
  }

  /** Sends what the kernel takes of b: the count, or null when it would block. */
  write(b) {
    this.#check('w');
    try {
      return this.#sock.send(b);
    } catch (e) {
      if (e instanceof errors.OSError && BLOCKING.has(e.errno)) return null;
      throw e;
    }
  }

  readable() { this.#check(); return this.#reading; }
  writable() { this.#check(); return this.#writing; }
  seekable() { this.#check(); return false; }
  fileno() { this.#check(); return this.#sock.fileno(); }
  flush() { this.#check(); return null; }

  close() {
    if (!this.#closed) {
      this.#closed = true;
      methods.io_unref(this.#sock[kId], []);
    }
    return null;
  }

  [kDispose]() { this.close(); }

  [util.inspect.custom]() {
    return `<SocketIO name=${this.#closed ? -1 : this.#sock.fileno()} mode=${util.inspect(this.mode)}>`;
  }

  toString() { return this[util.inspect.custom](); }
}

// Python makes one with a call, socket.SocketIO(sock, 'rb'), as wasock's enums, poll(),
// epoll() and selectors are made: new is optional (instanceof works through the proxy).
const SocketIOCallable = new Proxy(SocketIO, { apply: (Target, self, args) => new Target(...args) });
Object.defineProperty(SocketIO.prototype, 'constructor', { value: SocketIOCallable, writable: true, configurable: true });

module.exports = { dup, SocketIO: SocketIOCallable };
