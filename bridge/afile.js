// SPDX-License-Identifier: MIT
// The promise face's makefile(): Python's buffered and text file layers over a socket,
// whose reads and writes are promises driven by the event loop (the socket's recv and
// sendall of wasock/promises). read, readline, readlines, readinto, write, writelines,
// flush and close return promises; `for await (const line of f)` reads lines. Calls on
// one file run one after another in the order they were made, as they would in a
// thread. The buffered and text layers are bridge/filecore.js, shared with the
// synchronous face's file. The socket's fd closes only after it and every file object are
// closed (the core counts the file objects, as for the synchronous face's files).
'use strict';
const { inspect } = require('node:util');
const { iterableOf, writableArg, sizeArg } = require('./checks');
const { FileCore, RECV, SEND } = require('./filecore');

const kAsyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

// Runs one of FileCore's algorithms to its end, awaiting the socket calls it asks for.
async function run(f, gen) {
  let step = gen.next();
  while (!step.done) {
    const [op, arg] = step.value;
    let answer;
    if (op === RECV) {
      const size = f.recvSize(arg);
      if (size < 0) {
        answer = false;
      } else {
        let chunk = null;
        try {
          chunk = await f.sock.recv(size);
        } catch (e) {
          answer = f.recvFailed(e);
        }
        if (chunk !== null) answer = f.received(chunk);
      }
    } else if (op === SEND) {
      answer = await f.sock.send(arg);
    } else {
      await f.sock.sendall(arg);
    }
    step = gen.next(answer);
  }
  return step.value;
}

class AsyncSocketFile {
  #f;
  // The tail of the queue of calls: each call starts when the one before it settled.
  #queue = Promise.resolve();
  #onClose;

  // onClose runs before the file lets go of the socket (which may close its fd).
  constructor(sock, id, mode = 'r', buffering = null, encoding = null, errorsArg = null, newline = null,
    onClose = () => {}) {
    // Python's keyword arguments as an object, in place of buffering or of encoding.
    if (buffering !== null && typeof buffering === 'object') {
      ({ buffering = null, encoding = null, errors: errorsArg = null, newline = null } = buffering);
    } else if (encoding !== null && typeof encoding === 'object') {
      ({ encoding = null, errors: errorsArg = null, newline = null } = encoding);
    }
    this.#f = new FileCore(sock, id, mode, buffering, encoding, errorsArg, newline);
    if (!this.#f.binary) {
      this.encoding = this.#f.encoding;
      this.errors = this.#f.errors;
    }
    this.mode = mode;
    this.#onClose = onClose;
  }

  get closed() { return this.#f.closed; }
  get name() { return this.#f.name; }
  fileno() { this.#f.check(); return this.#f.sock.fileno(); }
  readable() { this.#f.check(); return this.#f.reading; }
  writable() { this.#f.check(); return this.#f.writing; }
  seekable() { this.#f.check(); return false; }

  // Runs the algorithm gen() makes after every call made before it; the file's checks
  // run when it starts.
  #serial(what, gen) {
    const result = this.#queue.then(() => {
      this.#f.check(what);
      return run(this.#f, gen());
    });
    this.#queue = result.catch(() => {});
    return result;
  }

  // A call: its arguments checked now (a bad one rejects at once), its algorithm run in
  // turn. prepare() checks them and returns what makes the algorithm.
  #call(what, prepare) {
    let make;
    try {
      make = prepare();
    } catch (e) {
      return Promise.reject(e);
    }
    return this.#serial(what, make);
  }

  /** read(n = -1): up to n bytes (or characters), all until EOF when n < 0. */
  read(n = -1) {
    return this.#call('r', () => {
      const size = sizeArg(n, 'read() argument');
      return () => this.#f.read(size);
    });
  }

  /** readinto(b): fills b as far as one read(b.length) would; resolves to the count. */
  readinto(b) {
    return this.#call('r', () => {
      const view = writableArg(b, 'readinto() argument');
      return () => this.#f.readinto(view);
    });
  }

  /** readline(limit = -1): one line, its ending included; empty at EOF. */
  readline(limit = -1) {
    return this.#call('r', () => {
      const size = sizeArg(limit, 'readline() argument');
      return () => this.#f.readline(size);
    });
  }

  /** readlines(hint = -1): the lines left, stopping once hint bytes/characters are read. */
  readlines(hint = -1) {
    return this.#call('r', () => {
      const size = sizeArg(hint, 'readlines() argument');
      return () => this.#f.readlines(size);
    });
  }

  async *[Symbol.asyncIterator]() {
    for (;;) {
      const line = await this.readline();
      if (!line.length) return;
      yield line;
    }
  }

  /** write(data): buffered; resolves to the number of bytes (characters) taken. */
  write(data) {
    return this.#call('w', () => {
      const prepared = this.#f.prepareWrite(data);
      return () => this.#f.write(prepared);
    });
  }

  /** writelines(lines): each item written in turn; a bad one fails after those before it. */
  writelines(lines) {
    const f = this.#f;
    return this.#call('w', () => {
      const items = iterableOf(lines, 'writelines() argument');
      return function* writeAll() {
        for (const l of items) yield* f.write(f.prepareWrite(l));
        return null;
      };
    });
  }

  /** flush(): sends what write() buffered. */
  flush() {
    return this.#serial(null, () => this.#f.flush());
  }

  /** close(): flushes, then lets go of the socket (whose fd closes with its last user). */
  close() {
    const f = this.#f;
    if (f.closed) return Promise.resolve(null);
    const result = this.#queue.then(async () => {
      if (f.closed) return null;
      try {
        if (f.writing && f.wlen) await run(f, f.flush());
      } finally {
        this.#onClose();
        f.release();
      }
      return null;
    });
    this.#queue = result.catch(() => {});
    return result;
  }

  [kAsyncDispose]() { return this.close(); }

  // As the synchronous face's file, under the promise face's name.
  [inspect.custom]() { return this.#f.describe().replace('<SocketFile', '<AsyncSocketFile'); }
  toString() { return this[inspect.custom](); }
}

// Node-style fields on errors; a rejection carries the stack of the call that started it.
require('./errinfo').wrapClass(AsyncSocketFile, ['fileno', 'readable', 'writable', 'seekable'],
  ['read', 'readinto', 'readline', 'readlines', 'write', 'writelines', 'flush', 'close']);

module.exports = { AsyncSocketFile };
