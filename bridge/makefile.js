// SPDX-License-Identifier: MIT
// socket.makefile(): a synchronous file object over a socket, as Python's SocketIO wrapped
// in io's buffered and text layers (bridge/filecore.js, shared with the promise face's
// file), driven here by the socket's blocking calls. The socket's fd closes only after
// every file object and the socket itself are closed (the core counts the file objects).
'use strict';
const { inspect } = require('node:util');
const { iterableOf, writableArg, sizeArg } = require('./checks');
const { FileCore, fileArgs, DEFAULT_BUFFER_SIZE, RECV, SEND } = require('./filecore');

const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

// Runs one of FileCore's algorithms to its end, making the socket calls it asks for.
function run(f, gen) {
  let step = gen.next();
  while (!step.done) {
    const [op, arg] = step.value;
    let answer;
    if (op === RECV) {
      const size = f.recvSize(arg);
      if (size < 0) {
        answer = false;
      } else {
        let chunk;
        try {
          chunk = f.sock.recv(size);
        } catch (e) {
          chunk = null;
          answer = f.recvFailed(e);
        }
        if (chunk !== null) answer = f.received(chunk);
      }
    } else if (op === SEND) {
      answer = f.sock.send(arg);
    } else {
      f.sock.sendall(arg);
    }
    step = gen.next(answer);
  }
  return step.value;
}

class SocketFile {
  #f;

  constructor(sock, id, mode, buffering, encoding, errorsArg, newline) {
    this.#f = new FileCore(sock, id, mode, buffering, encoding, errorsArg, newline);
    if (!this.#f.binary) {
      this.encoding = this.#f.encoding;
      this.errors = this.#f.errors;
    }
    this.mode = mode;
  }

  get closed() { return this.#f.closed; }
  get name() { return this.#f.name; }
  fileno() { this.#f.check(); return this.#f.sock.fileno(); }
  readable() { this.#f.check(); return this.#f.reading; }
  writable() { this.#f.check(); return this.#f.writing; }
  seekable() { this.#f.check(); return false; }

  read(n = -1) {
    this.#f.check('r');
    return run(this.#f, this.#f.read(sizeArg(n, 'read() argument')));
  }

  readinto(b) {
    this.#f.check('r');
    if (!this.#f.binary) throw new TypeError('readinto() needs a binary file');
    return run(this.#f, this.#f.readinto(writableArg(b, 'readinto() argument')));
  }

  readline(limit = -1) {
    this.#f.check('r');
    return run(this.#f, this.#f.readline(sizeArg(limit, 'readline() argument')));
  }

  readlines(hint = -1) {
    hint = sizeArg(hint, 'readlines() argument');
    this.#f.check('r');
    return run(this.#f, this.#f.readlines(hint));
  }

  *[Symbol.iterator]() {
    for (;;) {
      const line = this.readline();
      if (!line.length) return;
      yield line;
    }
  }

  write(data) {
    this.#f.check('w');
    return run(this.#f, this.#f.write(this.#f.prepareWrite(data)));
  }

  writelines(lines) {
    for (const l of iterableOf(lines, 'writelines() argument')) this.write(l);
    return null;
  }

  flush() {
    this.#f.check();
    return run(this.#f, this.#f.flush());
  }

  close() {
    const f = this.#f;
    if (f.closed) return null;
    try {
      if (f.writing && f.wlen) run(f, f.flush());
    } finally {
      f.release();
    }
    return null;
  }

  [kDispose]() { this.close(); }

  [inspect.custom]() { return this.#f.describe(); }
  toString() { return this[inspect.custom](); }
}

// Node-style fields and caller-first stacks on every error a file method throws.
require('./errinfo').wrapClass(SocketFile, ['read', 'readinto', 'readline', 'readlines', 'write',
  'writelines', 'flush', 'close', 'fileno', 'readable', 'writable', 'seekable']);

module.exports = { SocketFile, DEFAULT_BUFFER_SIZE, fileArgs };
