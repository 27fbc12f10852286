// SPDX-License-Identifier: MIT
// What a socket's file object is, for both faces: Python's buffered and text layers
// (io.BufferedReader/Writer, io.TextIOWrapper) over a socket. Each algorithm is written
// once, as a generator that yields the socket calls it needs ([RECV, size], [SEND, bytes],
// [SENDALL, bytes]) and is resumed with their outcome; bridge/makefile.js drives it with
// the synchronous socket, bridge/afile.js with the promise face's, awaiting each call.
'use strict';
const errors = require('./errors');
const codecs = require('./codecs');
const { asBytes } = require('./wire');
const { strArg } = require('./checks');
const { methods, ex } = require('./core');

const DEFAULT_BUFFER_SIZE = 8192;
const RECV = 0;
const SEND = 1;
const SENDALL = 2;

// makefile()'s arguments, checked as io.open() checks them, each read once: the file's
// direction, buffer size and, in text mode, its codec (Python's names and error handlers,
// bridge/codecs.js) and newline.
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

// A text write's str with '\n' translated as newline asks ('\r' or '\r\n').
const translated = (s, newline) => (newline === '\r' || newline === '\r\n' ? s.replace(/\n/g, newline) : s);

/** A file's state and its algorithms; the public objects of both faces hold one. */
class FileCore {
  constructor(sock, id, mode, buffering, encoding, errorsArg, newline) {
    const o = fileArgs(mode, buffering, encoding, errorsArg, newline);
    this.sock = sock;
    this.id = id;
    this.mode = mode;
    this.closed = false;
    this.timedOut = false;
    this.reading = o.reading;
    this.writing = o.writing;
    this.binary = o.binary;
    this.buffering = o.buffering;
    this.encoding = o.encoding;
    this.errors = o.errors;
    this.newline = o.binary ? null : o.newline;
    this.decoder = o.binary ? null : o.codec.decoder();
    this.encoder = o.binary ? null : o.codec.encoder({ stream: true });
    // Received bytes not read yet, and whether the socket has said EOF.
    this.rbuf = [];
    this.rlen = 0;
    this.eof = false;
    // The last recv of a non-blocking socket found nothing (BlockingIOError).
    this.blocked = false;
    // Decoded text not read yet; a '\r' held back as maybe half of a '\r\n'.
    this.text = '';
    this.pendingCR = '';
    this.wbuf = [];
    this.wlen = 0;
    methods.io_ref(id, []);
  }

  check(what) {
    if (this.closed) throw new RangeError('I/O operation on closed file.');
    if (what === 'r' && !this.reading) throw new errors.OSError(null, 'File not open for reading');
    if (what === 'w' && !this.writing) throw new errors.OSError(null, 'File not open for writing');
  }

  // A recv the algorithms asked for: its size, or -1 when none is to be made (EOF seen).
  recvSize(size) {
    if (this.eof) return -1;
    if (this.timedOut) throw new errors.OSError(null, 'cannot read from timed out object');
    return Math.max(size, this.buffering || 1);
  }

  // What a recv brought: true when data came, false at EOF.
  received(chunk) {
    if (chunk.length === 0) {
      this.eof = true;
      return false;
    }
    this.rbuf.push(chunk);
    this.rlen += chunk.length;
    return true;
  }

  // A recv that failed: false when a non-blocking socket had nothing, else the error.
  recvFailed(e) {
    if (e instanceof errors.timeout) this.timedOut = true;
    if (e instanceof errors.BlockingIOError) {
      this.blocked = true;
      return false;
    }
    throw e;
  }

  take(n) {
    const all = this.rbuf.length === 1 ? this.rbuf[0] : Buffer.concat(this.rbuf, this.rlen);
    const rest = all.subarray(n);
    this.rbuf = rest.length ? [rest] : [];
    this.rlen = rest.length;
    return Buffer.from(all.subarray(0, n));
  }

  // As BufferedReader: null when a non-blocking socket had nothing at all to give.
  * readBytes(n) {
    this.blocked = false;
    let out;
    if (n < 0) {
      while (yield [RECV, DEFAULT_BUFFER_SIZE]);
      out = this.take(this.rlen);
    } else if (this.buffering === 0 && this.rlen === 0) {
      yield [RECV, n];
      out = this.take(Math.min(n, this.rlen));
    } else {
      while (this.rlen < n && (yield [RECV, n - this.rlen]));
      out = this.take(Math.min(n, this.rlen));
    }
    return out.length === 0 && n !== 0 && this.blocked ? null : out;
  }

  * readBytesLine(limit) {
    // Where the search for '\n' resumes: bytes already searched are not searched again,
    // so a long line costs time linear in its length.
    let from = 0;
    for (;;) {
      if (this.rbuf.length > 1) this.rbuf = [Buffer.concat(this.rbuf, this.rlen)];
      const all = this.rbuf[0];
      const nl = all ? all.indexOf(10, from) : -1;
      if (nl >= 0 && (limit < 0 || nl < limit)) return this.take(nl + 1);
      if (limit >= 0 && this.rlen >= limit) return this.take(limit);
      from = this.rlen;
      // Unbuffered: one byte at a time, as RawIOBase.readline, so nothing past the line
      // leaves the socket.
      if (!(yield [RECV, this.buffering === 0 ? 1 : DEFAULT_BUFFER_SIZE])) return this.take(this.rlen);
    }
  }

  // Decodes what one more recv brings, applying universal newlines when newline is null.
  * decodeMore() {
    const more = yield [RECV, DEFAULT_BUFFER_SIZE];
    let s = this.decoder.decode(this.take(this.rlen), !more);
    if (this.newline === null) {
      s = this.pendingCR + s;
      this.pendingCR = '';
      // A '\r' at the end may be the first half of '\r\n': held until more text comes.
      if (more && s.endsWith('\r')) {
        s = s.slice(0, -1);
        this.pendingCR = '\r';
      }
      s = s.replace(/\r\n?/g, '\n');
    }
    this.text += s;
    return more;
  }

  textTake(n) {
    const out = this.text.slice(0, n);
    this.text = this.text.slice(n);
    return out;
  }

  * readText(n) {
    if (n < 0) {
      while (yield* this.decodeMore());
      return this.textTake(this.text.length);
    }
    while (this.text.length < n && (yield* this.decodeMore()));
    return this.textTake(n);
  }

  * readTextLine(limit) {
    const ends = this.newline === '' ? /\r\n|\r|\n/ : this.newline === null ? /\n/
      : new RegExp(this.newline.replace('\r', '\\r').replace('\n', '\\n'));
    for (;;) {
      const m = ends.exec(this.text);
      // newline='': a '\r' last in the text may be followed by '\n'; wait for more.
      if (m && !(this.newline === '' && m[0] === '\r' && m.index === this.text.length - 1 && !this.eof)) {
        const end = m.index + m[0].length;
        if (limit < 0 || end <= limit) return this.textTake(end);
      }
      if (limit >= 0 && this.text.length >= limit) return this.textTake(limit);
      if (!(yield* this.decodeMore())) {
        const last = ends.exec(this.text);
        return this.textTake(last ? last.index + last[0].length : this.text.length);
      }
    }
  }

  /** read(n): n < 0 reads to EOF. */
  * read(n) {
    return this.binary ? yield* this.readBytes(n) : yield* this.readText(n);
  }

  /** readinto(view): a read of view.length bytes, copied into view; the count, or null. */
  * readinto(view) {
    if (!this.binary) throw new TypeError('readinto() needs a binary file');
    const data = yield* this.readBytes(view.length);
    if (data === null) return null;
    view.set(data.subarray(0, view.length));
    return data.length;
  }

  * readline(limit) {
    return this.binary ? yield* this.readBytesLine(limit) : yield* this.readTextLine(limit);
  }

  /** readlines(hint): the lines left, stopping once hint bytes/characters are read. */
  * readlines(hint) {
    const lines = [];
    let total = 0;
    for (;;) {
      const line = yield* this.readline(-1);
      if (!line.length) break;
      lines.push(line);
      total += line.length;
      if (hint > 0 && total >= hint) break;
    }
    return lines;
  }

  // A write's data, checked (and a bytes-like one read, once) when write() is called,
  // and the count write() returns: bytes, or characters in text mode.
  prepareWrite(data) {
    if (this.binary) {
      const view = asBytes(data, 'write() argument');
      if (!view) throw new TypeError(`a bytes-like object is required, not '${typeof data}'`);
      return [view, view.length];
    }
    if (typeof data !== 'string') throw new TypeError(`write() argument must be str, not ${typeof data}`);
    return [data, [...data].length];
  }

  /** write of prepared data: encoded in turn, buffered, flushed once the buffer is full. */
  * write([data, count]) {
    const bytes = this.binary ? data : this.encoder.encode(translated(data, this.newline));
    if (this.buffering === 0) return yield [SEND, bytes];
    // A copy: the caller may reuse its buffer once write() returns, before the flush.
    this.wbuf.push(Buffer.from(bytes));
    this.wlen += bytes.length;
    if (this.wlen >= this.buffering) yield* this.flush();
    return count;
  }

  * flush() {
    if (!this.wlen) return null;
    const data = Buffer.concat(this.wbuf, this.wlen);
    this.wbuf = [];
    this.wlen = 0;
    yield [SENDALL, data];
    return null;
  }

  // After close() flushed (or failed to): the file lets go of the socket, whose fd
  // closes with its last user. A socket detached meanwhile has no count left to drop
  // (Python: nothing happens).
  release() {
    this.closed = true;
    if (ex.ws_sock_alive(this.id)) methods.io_unref(this.id, []);
  }

  get name() { return this.closed ? -1 : this.sock.fileno(); }

  // As Python's <_io.BufferedReader name=3> / <_io.TextIOWrapper name=3 mode='w' ...>.
  describe() {
    const enc = this.binary ? '' : ` encoding='${this.encoding}'`;
    return `<SocketFile name=${this.name} mode='${this.mode}'${enc}>`;
  }
}

module.exports = { FileCore, fileArgs, DEFAULT_BUFFER_SIZE, RECV, SEND, SENDALL };
