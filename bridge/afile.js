// SPDX-License-Identifier: MIT
// The promise face's makefile(): Python's buffered and text file layers over a socket,
// whose reads and writes are promises driven by the event loop (the socket's recv and
// sendall of wasock/promises). read, readline, readlines, readinto, write, writelines,
// flush and close return promises; `for await (const line of f)` reads lines. Calls on
// one file run one after another in the order they were made, as they would in a
// thread. The socket's fd closes only after it and every file object are closed (the
// core counts the file objects, as for the synchronous face's files).
'use strict';
const { methods, ex } = require('./core');
const errors = require('./errors');
const { fileArgs, DEFAULT_BUFFER_SIZE } = require('./makefile');

const kAsyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

class AsyncSocketFile {
  #sock; #id; #closed = false; #timedOut = false;
  #reading; #writing; #binary; #buffering;
  #rbuf = []; #rlen = 0; #eof = false;
  // The last recv of a non-blocking socket found nothing (BlockingIOError).
  #blocked = false;
  #wbuf = []; #wlen = 0;
  #decoder = null; #encoder = null; #text = ''; #newline = null; #pendingCR = '';
  // The tail of the queue of calls: each call starts when the one before it settled.
  #queue = Promise.resolve();

  #onClose;

  // onClose runs before the file lets go of the socket (which may close its fd).
  constructor(sock, id, mode = 'r', buffering = null, encoding = null, errorsArg = null, newline = null,
    onClose = () => {}) {
    this.#onClose = onClose;
    // Python's keyword arguments as an object, in place of buffering or of encoding.
    if (buffering !== null && typeof buffering === 'object') {
      ({ buffering = null, encoding = null, errors: errorsArg = null, newline = null } = buffering);
    } else if (encoding !== null && typeof encoding === 'object') {
      ({ encoding = null, errors: errorsArg = null, newline = null } = encoding);
    }
    const o = fileArgs(mode, buffering, encoding, errorsArg, newline);
    this.#reading = o.reading;
    this.#writing = o.writing;
    this.#binary = o.binary;
    this.#buffering = o.buffering;
    if (!o.binary) {
      this.#decoder = o.codec.decoder();
      this.#encoder = o.codec.encoder({ stream: true });
      this.encoding = o.encoding;
      this.errors = o.errors;
      this.#newline = o.newline;
    }
    this.mode = mode;
    this.#sock = sock;
    this.#id = id;
    methods.io_ref(id, []);
  }

  get closed() { return this.#closed; }
  get name() { return this.#closed ? -1 : this.#sock.fileno(); }
  fileno() { this.#check(); return this.#sock.fileno(); }
  readable() { this.#check(); return this.#reading; }
  writable() { this.#check(); return this.#writing; }
  seekable() { this.#check(); return false; }

  #check(what) {
    if (this.#closed) throw new RangeError('I/O operation on closed file.');
    if (what === 'r' && !this.#reading) throw new errors.OSError(null, 'File not open for reading');
    if (what === 'w' && !this.#writing) throw new errors.OSError(null, 'File not open for writing');
  }

  // Runs fn after every call made before it; its checks run when it starts.
  #serial(what, fn) {
    const run = this.#queue.then(() => {
      this.#check(what);
      return fn();
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  // One recv into the read buffer; false at EOF or when a non-blocking socket has nothing.
  async #fill(size) {
    if (this.#eof) return false;
    if (this.#timedOut) throw new errors.OSError(null, 'cannot read from timed out object');
    let chunk;
    try {
      chunk = await this.#sock.recv(Math.max(size, this.#buffering || 1));
    } catch (e) {
      if (e instanceof errors.timeout) this.#timedOut = true;
      if (e instanceof errors.BlockingIOError) {
        this.#blocked = true;
        return false;
      }
      throw e;
    }
    if (chunk.length === 0) {
      this.#eof = true;
      return false;
    }
    this.#rbuf.push(chunk);
    this.#rlen += chunk.length;
    return true;
  }

  #take(n) {
    const all = this.#rbuf.length === 1 ? this.#rbuf[0] : Buffer.concat(this.#rbuf, this.#rlen);
    const rest = all.subarray(n);
    this.#rbuf = rest.length ? [rest] : [];
    this.#rlen = rest.length;
    return Buffer.from(all.subarray(0, n));
  }

  // As BufferedReader: null when a non-blocking socket had nothing at all to give.
  async #readBytes(n) {
    this.#blocked = false;
    let out;
    if (n === null || n === undefined || n < 0) {
      while (await this.#fill(DEFAULT_BUFFER_SIZE));
      out = this.#take(this.#rlen);
    } else if (this.#buffering === 0 && this.#rlen === 0) {
      await this.#fill(n);
      out = this.#take(Math.min(n, this.#rlen));
    } else {
      while (this.#rlen < n && await this.#fill(n - this.#rlen));
      out = this.#take(Math.min(n, this.#rlen));
    }
    return out.length === 0 && n !== 0 && this.#blocked ? null : out;
  }

  async #readBytesLine(limit) {
    // Where the search for '\n' resumes: bytes already searched are not searched again,
    // so a long line costs time linear in its length.
    let from = 0;
    for (;;) {
      if (this.#rbuf.length > 1) this.#rbuf = [Buffer.concat(this.#rbuf, this.#rlen)];
      const all = this.#rbuf[0];
      const nl = all ? all.indexOf(10, from) : -1;
      if (nl >= 0 && (limit < 0 || nl < limit)) return this.#take(nl + 1);
      if (limit >= 0 && this.#rlen >= limit) return this.#take(limit);
      from = this.#rlen;
      // Unbuffered: one byte at a time, so nothing past the line leaves the socket.
      if (!await this.#fill(this.#buffering === 0 ? 1 : DEFAULT_BUFFER_SIZE)) return this.#take(this.#rlen);
    }
  }

  // Decodes what one more recv brings, applying universal newlines when newline is null.
  async #decodeMore() {
    const more = await this.#fill(DEFAULT_BUFFER_SIZE);
    let s = this.#decoder.decode(this.#take(this.#rlen), !more);
    if (this.#newline === null) {
      s = this.#pendingCR + s;
      this.#pendingCR = '';
      // A '\r' at the end may be the first half of '\r\n': held until more text comes.
      if (more && s.endsWith('\r')) {
        s = s.slice(0, -1);
        this.#pendingCR = '\r';
      }
      s = s.replace(/\r\n?/g, '\n');
    }
    this.#text += s;
    return more;
  }

  #textTake(n) {
    const out = this.#text.slice(0, n);
    this.#text = this.#text.slice(n);
    return out;
  }

  async #readText(n) {
    if (n === null || n === undefined || n < 0) {
      while (await this.#decodeMore());
      return this.#textTake(this.#text.length);
    }
    while (this.#text.length < n && await this.#decodeMore());
    return this.#textTake(n);
  }

  async #readTextLine(limit) {
    const ends = this.#newline === '' ? /\r\n|\r|\n/ : this.#newline === null ? /\n/
      : new RegExp(this.#newline.replace('\r', '\\r').replace('\n', '\\n'));
    for (;;) {
      const m = ends.exec(this.#text);
      // newline='': a '\r' last in the text may be followed by '\n'; wait for more.
      if (m && !(this.#newline === '' && m[0] === '\r' && m.index === this.#text.length - 1 && !this.#eof)) {
        const end = m.index + m[0].length;
        if (limit < 0 || end <= limit) return this.#textTake(end);
      }
      if (limit >= 0 && this.#text.length >= limit) return this.#textTake(limit);
      if (!await this.#decodeMore()) {
        const last = ends.exec(this.#text);
        return this.#textTake(last ? last.index + last[0].length : this.#text.length);
      }
    }
  }

  /** read(n = -1): up to n bytes (or characters), all until EOF when n < 0. */
  read(n = -1) {
    return this.#serial('r', () => (this.#binary ? this.#readBytes(n) : this.#readText(n)));
  }

  /** readinto(b): fills b as far as one read(b.length) would; resolves to the count. */
  readinto(b) {
    return this.#serial('r', async () => {
      if (!this.#binary) throw new TypeError('readinto() needs a binary file');
      const data = await this.#readBytes(b.byteLength);
      if (data === null) return null;
      new Uint8Array(b.buffer, b.byteOffset, b.byteLength).set(data);
      return data.length;
    });
  }

  /** readline(limit = -1): one line, its ending included; empty at EOF. */
  readline(limit = -1) {
    if (limit === null) limit = -1;
    return this.#serial('r', () => (this.#binary ? this.#readBytesLine(limit) : this.#readTextLine(limit)));
  }

  /** readlines(hint = -1): the lines left, stopping once hint bytes/characters are read. */
  readlines(hint = -1) {
    return this.#serial('r', async () => {
      const lines = [];
      let total = 0;
      for (;;) {
        const line = this.#binary ? await this.#readBytesLine(-1) : await this.#readTextLine(-1);
        if (!line.length) break;
        lines.push(line);
        total += line.length;
        if (hint !== null && hint > 0 && total >= hint) break;
      }
      return lines;
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
    let bytes;
    let count;
    if (this.#binary) {
      if (!ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer))
        return Promise.reject(new TypeError(`a bytes-like object is required, not '${typeof data}'`));
      bytes = Buffer.from(ArrayBuffer.isView(data) ? data.buffer : data,
        ArrayBuffer.isView(data) ? data.byteOffset : 0, data.byteLength);
      count = bytes.length;
    } else {
      if (typeof data !== 'string')
        return Promise.reject(new TypeError(`write() argument must be str, not ${typeof data}`));
      count = [...data].length;
    }
    return this.#serial('w', async () => {
      if (!this.#binary) {
        const s = this.#newline === '\r' || this.#newline === '\r\n' ? data.replace(/\n/g, this.#newline) : data;
        bytes = this.#encoder.encode(s);
      }
      if (this.#buffering === 0) return this.#sock.send(bytes);
      // A copy: the caller may reuse its buffer once this resolves, before the flush.
      this.#wbuf.push(Buffer.from(bytes));
      this.#wlen += bytes.length;
      if (this.#wlen >= this.#buffering) await this.#flush();
      return count;
    });
  }

  writelines(lines) {
    return this.#serial('w', async () => {
      for (const l of lines) await this.#writeNow(l);
      return null;
    });
  }

  // write() inside a call that already holds the queue.
  async #writeNow(data) {
    if (this.#binary) {
      if (!ArrayBuffer.isView(data) && !(data instanceof ArrayBuffer))
        throw new TypeError(`a bytes-like object is required, not '${typeof data}'`);
      this.#wbuf.push(Buffer.from(new Uint8Array(ArrayBuffer.isView(data) ? data.buffer : data,
        ArrayBuffer.isView(data) ? data.byteOffset : 0, data.byteLength)));
    } else {
      if (typeof data !== 'string') throw new TypeError(`write() argument must be str, not ${typeof data}`);
      const s = this.#newline === '\r' || this.#newline === '\r\n' ? data.replace(/\n/g, this.#newline) : data;
      this.#wbuf.push(this.#encoder.encode(s));
    }
    this.#wlen += this.#wbuf[this.#wbuf.length - 1].length;
    if (this.#wlen >= this.#buffering) await this.#flush();
  }

  async #flush() {
    if (!this.#wlen) return;
    const data = Buffer.concat(this.#wbuf, this.#wlen);
    this.#wbuf = [];
    this.#wlen = 0;
    await this.#sock.sendall(data);
  }

  /** flush(): sends what write() buffered. */
  flush() {
    return this.#serial(null, async () => {
      await this.#flush();
      return null;
    });
  }

  /** close(): flushes, then lets go of the socket (whose fd closes with its last user). */
  close() {
    if (this.#closed) return Promise.resolve(null);
    const run = this.#queue.then(async () => {
      if (this.#closed) return null;
      try {
        if (this.#writing && this.#wlen) await this.#flush();
      } finally {
        this.#closed = true;
        this.#onClose();
        // A socket detached meanwhile has no count left to drop (Python: nothing happens).
        if (ex.ws_sock_alive(this.#id)) methods.io_unref(this.#id, []);
      }
      return null;
    });
    this.#queue = run.catch(() => {});
    return run;
  }

  [kAsyncDispose]() { return this.close(); }
}

// Node-style fields on errors; a rejection carries the stack of the call that started it.
require('./errinfo').wrapClass(AsyncSocketFile, ['fileno', 'readable', 'writable', 'seekable'],
  ['read', 'readinto', 'readline', 'readlines', 'write', 'writelines', 'flush', 'close']);

module.exports = { AsyncSocketFile };
