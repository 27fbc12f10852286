// SPDX-License-Identifier: MIT
// socket.makefile(): a synchronous file object over a socket, as Python's SocketIO wrapped
// in io's buffered and text layers. The socket's fd closes only after every file object
// and the socket itself are closed (the core counts the file objects).
'use strict';
const { inspect } = require('node:util');
const { methods, ex } = require('./core');
const errors = require('./errors');
const { iterableOf, writableArg, sizeArg, strArg } = require('./checks');
const { asBytes } = require('./wire');

const DEFAULT_BUFFER_SIZE = 8192;
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
const codecs = require('./codecs');

// makefile()'s arguments, checked as io.open() checks them, each read once: the file's
// direction, buffer size and, in text mode, its codec (Python's names and error handlers,
// bridge/codecs.js) and newline. Shared by the sync file and the promise face's.
function fileArgs(mode, buffering, encoding, errorsArg, newline) {
  if (typeof mode !== 'string') throw new TypeError(`makefile() mode must be a string, not ${typeof mode}`);
  if (![...mode].every((c) => 'rwb'.includes(c)))
    throw new RangeError(`invalid mode ${JSON.stringify(mode)} (only r, w, b allowed)`);
  const writing = mode.includes('w');
  const o = { reading: mode.includes('r') || !writing, writing, binary: mode.includes('b') };
  if (buffering !== null && buffering !== undefined && !Number.isInteger(buffering))
    throw new TypeError('buffering must be an integer');
  o.buffering = buffering === null || buffering === undefined || buffering < 0 ? DEFAULT_BUFFER_SIZE : buffering;
  if (o.buffering === 0 && !o.binary) throw new RangeError('unbuffered streams must be binary');
  if (!o.binary) {
    strArg(errorsArg, 'makefile() errors');
    strArg(newline, 'makefile() newline');
    o.encoding = strArg(encoding, 'makefile() encoding') ?? 'utf-8';
    o.errors = errorsArg ?? 'strict';
    o.codec = codecs.lookup(o.encoding, o.errors);
    if (![null, undefined, '', '\n', '\r', '\r\n'].includes(newline))
      throw new RangeError(`illegal newline value: ${newline}`);
    o.newline = newline ?? null;
  }
  return o;
}

class SocketFile {
  #sock; #id; #closed = false; #timedOut = false;
  #reading; #writing; #binary; #buffering;
  #rbuf = []; #rlen = 0; #eof = false;
  // The last recv of a non-blocking socket found nothing (BlockingIOError).
  #blocked = false;
  #wbuf = []; #wlen = 0;
  #decoder; #encoder; #text = ''; #newline;

  constructor(sock, id, mode, buffering, encoding, errorsArg, newline) {
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

  // One recv into the read buffer; false at EOF or when a non-blocking socket has nothing.
  #fill(size) {
    if (this.#eof) return false;
    if (this.#timedOut) throw new errors.OSError(null, 'cannot read from timed out object');
    let chunk;
    try {
      chunk = this.#sock.recv(Math.max(size, this.#buffering || 1));
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
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.#rbuf = rest.length ? [rest] : [];
    this.#rlen = rest.length;
    return Buffer.from(out);
  }

  // As BufferedReader: null when a non-blocking socket had nothing at all to give.
  #readBytes(n) {
    this.#blocked = false;
    let out;
    if (n === null || n === undefined || n < 0) {
      while (this.#fill(DEFAULT_BUFFER_SIZE));
      out = this.#take(this.#rlen);
    } else if (this.#buffering === 0 && this.#rlen === 0) {
      this.#fill(n);
      out = this.#take(Math.min(n, this.#rlen));
    } else {
      while (this.#rlen < n && this.#fill(n - this.#rlen));
      out = this.#take(Math.min(n, this.#rlen));
    }
    return out.length === 0 && n !== 0 && this.#blocked ? null : out;
  }

  #readBytesLine(limit) {
    for (;;) {
      const all = this.#rbuf.length > 1 ? Buffer.concat(this.#rbuf, this.#rlen) : this.#rbuf[0];
      if (all) this.#rbuf = [all];
      const nl = all ? all.indexOf(10) : -1;
      if (nl >= 0 && (limit < 0 || nl < limit)) return this.#take(nl + 1);
      if (limit >= 0 && this.#rlen >= limit) return this.#take(limit);
      // Unbuffered: one byte at a time, as RawIOBase.readline, so nothing past the line
      // is consumed from the socket.
      if (!this.#fill(this.#buffering === 0 ? 1 : DEFAULT_BUFFER_SIZE))
        return this.#take(this.#rlen);
    }
  }

  // Decodes what is buffered, applying universal newlines when newline is null.
  #decodeMore() {
    const more = this.#fill(DEFAULT_BUFFER_SIZE);
    const bytes = this.#take(this.#rlen);
    let s = this.#decoder.decode(bytes, !more);
    if (this.#newline === null) {
      s = this.#pendingCR + s;
      this.#pendingCR = '';
    }
    this.#text += s;
    if (this.#newline === null) {
      const held = more && this.#text.endsWith('\r') ? '\r' : '';
      if (held) this.#text = this.#text.slice(0, -1);
      this.#text = this.#text.replace(/\r\n?/g, '\n');
      this.#pendingCR = held;
    }
    return more;
  }

  #pendingCR = '';

  #textTake(n) {
    const out = this.#text.slice(0, n);
    this.#text = this.#text.slice(n);
    return out;
  }

  read(n = -1) {
    this.#check('r');
    n = sizeArg(n, 'read() argument');
    if (this.#binary) return this.#readBytes(n);
    if (n === null || n < 0) {
      while (this.#decodeMore());
      return this.#textTake(this.#text.length);
    }
    while (this.#text.length < n && this.#decodeMore());
    return this.#textTake(n);
  }

  readinto(b) {
    this.#check('r');
    if (!this.#binary) throw new TypeError('readinto() needs a binary file');
    const view = writableArg(b, 'readinto() argument');
    const data = this.#readBytes(view.length);
    if (data === null) return null;
    view.set(data.subarray(0, view.length));
    return data.length;
  }

  readline(limit = -1) {
    this.#check('r');
    limit = sizeArg(limit, 'readline() argument');
    if (this.#binary) return this.#readBytesLine(limit);
    const ends = this.#newline === '' ? /\r\n|\r|\n/ : this.#newline === null ? /\n/
      : new RegExp(this.#newline.replace('\r', '\\r').replace('\n', '\\n'));
    for (;;) {
      const m = ends.exec(this.#text);
      if (m && !(this.#newline === '' && m[0] === '\r' && m.index === this.#text.length - 1 && !this.#eof)) {
        const end = m.index + m[0].length;
        if (limit < 0 || end <= limit) return this.#textTake(end);
      }
      if (limit >= 0 && this.#text.length >= limit) return this.#textTake(limit);
      if (!this.#decodeMore()) {
        const m2 = ends.exec(this.#text);
        if (m2) return this.#textTake(m2.index + m2[0].length);
        return this.#textTake(this.#text.length);
      }
    }
  }

  readlines(hint = -1) {
    hint = sizeArg(hint, 'readlines() argument');
    const lines = [];
    let total = 0;
    for (;;) {
      const line = this.readline();
      if (!line.length) break;
      lines.push(line);
      total += line.length;
      if (hint > 0 && total >= hint) break;
    }
    return lines;
  }

  *[Symbol.iterator]() {
    for (;;) {
      const line = this.readline();
      if (!line.length) return;
      yield line;
    }
  }

  write(data) {
    this.#check('w');
    let bytes;
    if (this.#binary) {
      const view = asBytes(data, 'write() argument');
      if (!view) throw new TypeError(`a bytes-like object is required, not '${typeof data}'`);
      bytes = Buffer.from(view.buffer, view.byteOffset, view.length);
    } else {
      if (typeof data !== 'string') throw new TypeError(`write() argument must be str, not ${typeof data}`);
      let s = data;
      if (this.#newline === '\r' || this.#newline === '\r\n') s = s.replace(/\n/g, this.#newline);
      bytes = this.#encoder.encode(s);
    }
    if (this.#buffering === 0) {
      return this.#sock.send(bytes);
    }
    this.#wbuf.push(Buffer.from(bytes));
    this.#wlen += bytes.length;
    if (this.#wlen >= this.#buffering)
      this.flush();
    return this.#binary ? bytes.length : [...data].length;
  }

  writelines(lines) {
    for (const l of iterableOf(lines, 'writelines() argument')) this.write(l);
    return null;
  }

  flush() {
    this.#check();
    if (!this.#wlen) return null;
    const data = Buffer.concat(this.#wbuf, this.#wlen);
    this.#wbuf = [];
    this.#wlen = 0;
    this.#sock.sendall(data);
    return null;
  }

  close() {
    if (this.#closed) return null;
    try {
      if (this.#writing && this.#wlen) this.flush();
    } finally {
      this.#closed = true;
      // A socket detached meanwhile has no count left to drop (Python: nothing happens).
      if (ex.ws_sock_alive(this.#id)) methods.io_unref(this.#id, []);
    }
    return null;
  }

  [kDispose]() { this.close(); }

  // As Python's <_io.BufferedReader name=3> / <_io.TextIOWrapper name=3 mode='w' ...>.
  [inspect.custom]() {
    const enc = this.#binary ? '' : ` encoding='${this.encoding}'`;
    return `<SocketFile name=${this.name} mode='${this.mode}'${enc}>`;
  }

  toString() { return this[inspect.custom](); }
}

// Node-style fields and caller-first stacks on every error a file method throws.
require('./errinfo').wrapClass(SocketFile, ['read', 'readinto', 'readline', 'readlines', 'write',
  'writelines', 'flush', 'close', 'fileno', 'readable', 'writable', 'seekable']);

module.exports = { SocketFile, DEFAULT_BUFFER_SIZE, fileArgs };
