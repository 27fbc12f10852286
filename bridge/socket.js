// SPDX-License-Identifier: MIT
// The socket object. State and semantics live in the core's socket table; a Socket
// holds the core's id, marshals arguments and copies data between JS buffers and the
// core's I/O area. Hot methods (send, recv, sendall, recv_into) skip the generic
// argument encoding when their arguments are plain.
'use strict';
const util = require('node:util');
const C = require('./constants');
const errors = require('./errors');
const core = require('./core');
const { asBytes, byteLength, u8Length } = require('./wire');
const { fdsMessage, maxfdsLength, serverOptions, iterableOf, listOf, socketArg } = require('./checks');
// The datagram paths (sendto/recvfrom over IP) are shared with the promise face.
const aio = require('./aio');
const { ex, addon, mem, methods, fns, lastError, ioArea, copyIn, copyOut, copyFrom, putBytes, epoch } = core;
// Hot functions as plain bindings: loads from the wasm exports object are not cheap.
const { ws_sock_recv, ws_sock_recv_into, ws_sock_send, ws_sock_sendall, ws_sock_direct,
  ws_sock_fail, ws_sock_fileno } = ex;
// The host calls the core's direct plan lets the bridge make itself (src/sockio.c): on
// the core's memory, and (send, recv) on a block of the bridge's own.
const { sendto: hostSendto, recvfrom: hostRecvfrom } = addon.imports;
const { pin, unpin, send: hostSend, recv: hostRecv } = addon;
const { allocUnsafe } = Buffer;
const { MSG_NOSIGNAL } = C;

const kId = Symbol('wasock.id');
const kWrap = Symbol('wasock.wrap');
const kFileno = Symbol('wasock.fileno');
// Called before the fd goes away (close, detach), so the promise face can let go of it.
const kOnClose = Symbol('wasock.onclose');
// Records the promise face a wasock/promises socket made over this one.
const kFace = Symbol('wasock.face');
// Node defines Symbol.dispose as this registered symbol, in its main realm only: a vm
// context (Jest, for one) has a Symbol without it.
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');
// From this size up, data moves between the kernel and the caller's buffer directly
// (the host's pinned external view); below it, a copy through the I/O area is cheaper.
const PIN_MIN = 2048;
// A receive asks for a size but usually gets less (recv(4096) of one line): up to this
// size it goes through the I/O area and copies out only what came, which costs less than
// a fresh buffer of the full size, its pinning and a second copy trimming it.
const RECV_AREA_MAX = 16384;
const EINTR = 4;
const EIO = 5;
// Direct sends of Uint8Arrays below PIN_MIN and direct receives up to RECV_AREA_MAX
// pass through this block of the bridge's own (host/node/direct.c): fd, len and flags as
// int32s, then from byte 16 the bytes, whose place the host needs no check of.
const block = new ArrayBuffer(16 + RECV_AREA_MAX);
const blockArgs = new Int32Array(block, 0, 3);
const areaU8 = new Uint8Array(block, 16);

// One direct call (hostSend or hostRecv) through the block.
function direct(call, fd, len, flags) {
  blockArgs[0] = fd;
  blockArgs[1] = len;
  blockArgs[2] = flags;
  return call(block);
}

// The promise face's libuv poll handles, by socket id. A handle must stop watching an
// fd before the fd closes, or its later epoll removal could hit a new fd of that number.
const polls = new Map();

// A socket the program dropped without close() is closed when it is collected.
const finalizer = new FinalizationRegistry((id) => {
  const poll = polls.get(id);
  if (poll) {
    polls.delete(id);
    addon.poll_close(poll);
  }
  try { methods.close(id, []); } catch { /* already gone */ }
});

function writableBytes(v, what) {
  const b = asBytes(v, what);
  if (!b) throw new TypeError(`${what} must be a writable bytes-like object, not ${
    v === null ? 'null' : typeof v}`);
  return b;
}

const plainInt = (v) => typeof v === 'number' && (v | 0) === v && v >= 0;
const plainFlags = (v) => v === undefined || (typeof v === 'number' && (v | 0) === v);

class Socket {
  #id;
  #family;
  #type;
  #proto;
  #promises = null;
  // After close() or detach(): the timeout (ns) it had, and whether its core slot is gone;
  // its calls then run on the core's stand-in for closed sockets, as CPython's run on
  // fd -1 (arguments checked first, then EBADF).
  #closedTimeout = null;
  #dead = false;
  // Datagram sockets over IP: the last peer addresses (bridge/aio.js), else null.
  #dgram = null;
  // The core's direct plan (ws_sock_direct) and the core's epoch it was asked at.
  #plan = -1;
  #planEpoch = NaN;

  // socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=null); with a fileno, the
  // omitted ones are read from the descriptor.
  constructor(family, type, proto, fileno = null) {
    let info;
    if (family && family[kWrap]) {
      info = family.info;
    } else {
      const given = (v) => v !== undefined && v !== null;
      const fd = given(fileno);
      info = fns.socket(given(family) ? family : fd ? -1 : C.AF_INET,
        given(type) ? type : fd ? -1 : C.SOCK_STREAM, given(proto) ? proto : fd ? -1 : 0,
        fd ? fileno : null);
    }
    [this.#id, this.#family, this.#type, this.#proto] = info;
    if (aio.dgramIP(this.#family, this.#type)) this.#dgram = new aio.AddrMemo();
    finalizer.register(this, this.#id, this);
  }

  static [kWrap](info) {
    return new Socket({ [kWrap]: true, info });
  }

  get family() { return this.#family; }
  get type() { return this.#type; }
  get proto() { return this.#proto; }
  /** Python's sock.timeout attribute: gettimeout(). */
  get timeout() { return this.gettimeout(); }
  get [kId]() { return this.#sid(); }

  // The core id to call: the socket's, or the closed-socket stand-in set up as this one.
  #sid() {
    if (!this.#dead) {
      if (this.#closedTimeout === null || ex.ws_sock_alive(this.#id)) return this.#id;
      this.#dead = true;
    }
    return ex.ws_sock_zombie(this.#family, this.#type, this.#proto, this.#closedTimeout);
  }

  /** The promise face of this socket (wasock/promises), made on first use. */
  get promises() {
    if (!this.#promises) {
      const { AsyncSocket } = require('./promises');
      this.#promises = new AsyncSocket(this);
    }
    return this.#promises;
  }

  [kFace](face) { this.#promises = face; }

  #call(name, args) {
    const id = this.#sid();
    if (!this.#dead) return methods[name](id, args);
    try {
      return methods[name](id, args);
    } finally {
      this.#closedTimeout = ex.ws_sock_zombie_timeout();
    }
  }

  #forget() {
    finalizer.unregister(this);
  }

  // Before close() or detach(): keeps what a closed socket still answers.
  #closing() {
    if (this.#closedTimeout === null) this.#closedTimeout = ex.ws_sock_timeout_ns(this.#id);
  }

  accept() {
    const [info, address] = this.#call('accept', []);
    return [Socket[kWrap](info), address];
  }

  bind(address) { return this.#call('bind', [address]); }
  connect(address) { return this.#call('connect', [address]); }
  connect_ex(address) { return this.#call('connect_ex', [address]); }
  listen(...args) { return this.#call('listen', args); }
  shutdown(how) { return this.#call('shutdown', [how]); }
  getsockname() { return this.#call('getsockname', []); }
  getpeername() { return this.#call('getpeername', []); }
  getsockopt(...args) { return this.#call('getsockopt', args); }
  setsockopt(...args) { return this.#call('setsockopt', args); }
  getblocking() { return this.#call('getblocking', []); }
  setblocking(flag) { return this.#call('setblocking', [flag]); }
  gettimeout() { return this.#call('gettimeout', []); }
  settimeout(value) { return this.#call('settimeout', [value]); }
  get_inheritable() { return this.#call('get_inheritable', []); }
  set_inheritable(flag) { return this.#call('set_inheritable', [flag]); }

  fileno() {
    const fd = ws_sock_fileno(this.#sid());
    return fd === -2 ? this.#call('fileno', []) : fd;
  }

  // fileno() without the caller-first wrapper's frame, for select(), which asks every
  // socket on every wait; used only while the socket's fileno is the class's own.
  static [kFileno](s) {
    const fd = ws_sock_fileno(s.#sid());
    return fd === -2 ? s.#call('fileno', []) : fd;
  }

  close() {
    if (this[kOnClose]) this[kOnClose]();
    if (this.#dead) return null;
    this.#closing();
    // close(2) failing with EBADF (the fd was closed behind its back) is raised, as in
    // Python; the socket is closed all the same.
    try {
      return this.#call('close', []);
    } finally {
      if (!ex.ws_sock_alive(this.#id)) {
        this.#dead = true;
        this.#forget();
      }
    }
  }

  [kDispose]() { this.close(); }

  detach() {
    if (this[kOnClose]) this[kOnClose]();
    if (this.#dead) return -1;
    this.#closing();
    const fd = this.#call('detach', []);
    this.#dead = true;
    this.#forget();
    return fd;
  }

  dup() { return Socket[kWrap](this.#call('dup', [])); }

  // The core's direct plan for this socket: the fd to call the host with, or -1. Kept
  // while no socket's mode changed (the core's epoch); a closed socket's is never kept.
  #direct() {
    const e = epoch();
    if (e === this.#planEpoch) return this.#plan;
    const fd = ws_sock_direct(this.#sid());
    this.#planEpoch = this.#closedTimeout === null ? e : NaN;
    this.#plan = fd;
    return fd;
  }

  // One receive into p: the host directly when the core's plan allows it.
  #recvAt(p, bufsize, flags) {
    const fd = flags ? -1 : this.#direct();
    if (fd < 0) return ws_sock_recv(this.#sid(), p, bufsize, flags | 0);
    const n = hostRecvfrom(fd, p, bufsize, 0, 0, 0);
    return n < 0 ? ws_sock_fail(n, 0) : n;
  }

  recv(bufsize, flags) {
    if (!plainInt(bufsize) || !plainFlags(flags)) return this.#call('recv', [bufsize, flags]);
    // As CPython: nothing asked, nothing done, whatever the mode (the direct call would block).
    if (bufsize === 0) return allocUnsafe(0);
    if (bufsize > RECV_AREA_MAX) {
      const b = allocUnsafe(bufsize);
      const n = this.#recvAt(pin(b), bufsize, flags);
      unpin();
      if (n < 0) throw lastError();
      if (n === bufsize) return b;
      return n >= bufsize >> 1 ? b.subarray(0, n) : core.ownCopy(b, n);
    }
    const fd = flags ? -1 : this.#direct();
    if (fd >= 0) {
      const n = direct(hostRecv, fd, bufsize, 0);
      if (n < 0) {
        ws_sock_fail(n, 0);
        throw lastError();
      }
      return copyFrom(areaU8, 0, n);
    }
    const p = ioArea(bufsize);
    const n = ws_sock_recv(this.#sid(), p, bufsize, flags | 0);
    if (n < 0) throw lastError();
    return copyOut(p, n);
  }

  recvfrom(...args) {
    if (this.#dgram && args.length <= 2) {
      const r = aio.recvfrom(this.#direct(), args[0], args[1], this.#dgram, false);
      if (r !== undefined) return r;
    }
    return this.#call('recvfrom', args);
  }

  recv_into(buffer, nbytes, flags) {
    const b = writableBytes(buffer, 'recv_into() argument 1');
    if ((nbytes === undefined || plainInt(nbytes)) && plainFlags(flags) && b.byteLength <= 0x7fffffff) {
      const n = ws_sock_recv_into(this.#sid(), pin(b), b.byteLength, nbytes | 0, flags | 0);
      unpin();
      if (n < 0) throw lastError();
      return n;
    }
    const n = this.#call('recv_into', [b.byteLength, nbytes, flags]);
    // n is the datagram's full length under MSG_TRUNC; only nbytes arrived.
    copyOut(ex.ws_io_area(0), Math.min(n, nbytes ? Number(nbytes) : b.byteLength), b);
    return n;
  }

  recvfrom_into(buffer, nbytes, flags) {
    const b = writableBytes(buffer, 'recvfrom_into() argument 1');
    const [n, address] = this.#call('recvfrom_into', [b.byteLength, nbytes, flags]);
    copyOut(ex.ws_io_area(0), Math.min(n, nbytes ? Number(nbytes) : b.byteLength), b);
    return [n, address];
  }

  recvmsg(...args) { return this.#call('recvmsg', args); }

  recvmsg_into(buffers, ancbufsize, flags) {
    if (buffers === null || typeof buffers !== 'object')
      throw new TypeError('recvmsg_into() argument 1 must be an iterable');
    const views = iterableOf(buffers, 'recvmsg_into() argument 1')
      .map((b) => writableBytes(b, 'recvmsg_into() argument 1 item'));
    const res = this.#call('recvmsg_into', [views.map((v) => v.byteLength), ancbufsize, flags]);
    let left = res[0];
    let p = ex.ws_io_area(0);
    const m = mem();
    for (const v of views) {
      if (left <= 0) break;
      const k = Math.min(left, byteLength(v));
      v.set(m.subarray(p, p + k));
      p += k;
      left -= k;
    }
    return res;
  }

  // One send from p: the host directly when the core's plan allows it.
  #sendAt(p, len, flags) {
    const fd = flags ? -1 : this.#direct();
    if (fd < 0) return ws_sock_send(this.#sid(), p, len, flags | 0);
    const n = hostSendto(fd, p, len, MSG_NOSIGNAL, 0, 0);
    return n < 0 ? ws_sock_fail(n, 1) : n;
  }

  send(data, flags) {
    // A Uint8Array (Buffer) is copied into the block straight from it, without a view.
    const k = u8Length(data);
    if (k > 0 && k < PIN_MIN && (flags === undefined || flags === 0)) {
      const fd = this.#direct();
      if (fd >= 0) {
        putBytes(areaU8, 0, data, k);
        const n = direct(hostSend, fd, k, MSG_NOSIGNAL);
        if (n < 0) {
          ws_sock_fail(n, 1);
          throw lastError();
        }
        return n;
      }
    }
    const b = asBytes(data, 'send() argument 1');
    if (!b || !plainFlags(flags) || b.length > 0x7fffffff) return this.#call('send', [data, flags]);
    let n;
    if (b.length >= PIN_MIN) {
      n = this.#sendAt(pin(b), b.length, flags);
      unpin();
    } else {
      const p = ioArea(b.length);
      copyIn(b, p);
      n = this.#sendAt(p, b.length, flags);
    }
    if (n < 0) throw lastError();
    return n;
  }

  // sendall's loop, made here when the core's plan allows a direct call (a blocking socket
  // without timeout, flags 0) as the core's own loop would make it: send until all is
  // sent, EINTR retried (PEP 475), an empty buffer sent once; anything else the core's.
  #sendallAt(p, len, flags) {
    const fd = flags ? -1 : this.#direct();
    if (fd < 0) return ws_sock_sendall(this.#sid(), p, len, flags | 0, 0);
    let off = 0;
    do {
      const n = hostSendto(fd, p + off, len - off, MSG_NOSIGNAL, 0, 0);
      // More than was left would walk past the data: a host answer out of range.
      if (n > len - off) return ws_sock_fail(-EIO, 1);
      if (n >= 0) off += n;
      else if (n !== -EINTR) return ws_sock_fail(n, 1);
    } while (off < len);
    return 0;
  }

  sendall(data, flags) {
    const b = asBytes(data, 'sendall() argument 1');
    if (!b || !plainFlags(flags) || b.length > 0x7fffffff) return this.#call('sendall', [data, flags]);
    let r;
    if (b.length >= PIN_MIN) {
      r = this.#sendallAt(pin(b), b.length, flags);
      unpin();
    } else {
      const p = ioArea(b.length);
      copyIn(b, p);
      r = this.#sendallAt(p, b.length, flags);
    }
    if (r < 0) throw lastError();
    return null;
  }

  sendto(...args) {
    if (this.#dgram && args.length === 2) {
      const r = aio.sendto(this.#direct(), this.#family, args, this.#dgram, false);
      if (r !== undefined) return r;
    }
    return this.#call('sendto', args);
  }

  sendmsg(buffers, ...rest) {
    return this.#call('sendmsg', [listOf(buffers), ...rest.map((r, i) => (i === 0 ? listOf(r) : r))]);
  }

  // sendmsg_afalg(msg = [], op, iv = null, assoclen = null, flags = 0), or Python's
  // keywords as an object: sendmsg_afalg(msg, { op, iv, assoclen, flags }).
  sendmsg_afalg(msg, op, iv, assoclen, flags) {
    if (op !== null && typeof op === 'object' && !Array.isArray(op) && !ArrayBuffer.isView(op))
      ({ op, iv, assoclen, flags } = op);
    msg = listOf(msg);
    return this.#call('sendmsg_afalg', [msg, op, iv, assoclen, flags]);
  }

  sendfile(file, offset = 0, count = null) {
    let fd = file;
    if (file !== null && typeof file === 'object') {
      const f = file.fd; // read once: a getter may answer differently the second time
      if (typeof f === 'number') fd = f;
    }
    return this.#call('sendfile', [fd, offset, count]);
  }

  makefile(mode = 'r', buffering = null, encoding = null, errorsArg = null, newline = null) {
    const { SocketFile } = require('./makefile');
    // Python's keyword-only arguments as an object, in place of buffering or of encoding.
    if (buffering !== null && typeof buffering === 'object') {
      ({ buffering = null, encoding = null, errors: errorsArg = null, newline = null } = buffering);
    } else if (encoding !== null && typeof encoding === 'object') {
      ({ encoding = null, errors: errorsArg = null, newline = null } = encoding);
    }
    return new SocketFile(this, this.#sid(), mode, buffering, encoding, errorsArg, newline);
  }

  [util.inspect.custom]() {
    let fd = -1;
    try { fd = this.#call('fileno', []); } catch { /* closed */ }
    const parts = [`fd=${fd}`, `family=${this.#family}`, `type=${this.#type}`, `proto=${this.#proto}`];
    if (fd >= 0) {
      // As socket.py's __repr__: only names that are not empty.
      for (const [key, get] of [['laddr', 'getsockname'], ['raddr', 'getpeername']]) {
        try {
          const addr = this[get]();
          if (addr !== null && addr.length !== 0) parts.push(`${key}=${util.inspect(addr)}`);
        } catch { /* unbound or unconnected */ }
      }
    } else {
      parts[0] = '[closed] fd=-1';
    }
    return `<wasock.Socket ${parts.join(', ')}>`;
  }

  // Python's str(sock) is its repr.
  toString() { return this[util.inspect.custom](); }
}

function socket(family, type, proto, fileno) {
  return new Socket(family, type, proto, fileno);
}

function socketpair(family, type, proto) {
  const [a, b] = fns.socketpair(...[family, type, proto].map((v) => (v === null ? undefined : v)));
  return [Socket[kWrap](a), Socket[kWrap](b)];
}

function fromfd(fd, family, type, proto) {
  return Socket[kWrap](fns.fromfd(fd, family, type, proto));
}

const DEFAULT = Symbol('wasock.default_timeout');

// socket.py's create_connection: every getaddrinfo answer in order, the last error wins.
function create_connection(address, timeout = DEFAULT, source_address = null, options = {}) {
  if (!Array.isArray(address) || address.length !== 2)
    throw new TypeError('create_connection() address must be an array [host, port]');
  const [host, port] = address;
  const all_errors = Boolean(options && options.all_errors);
  const failures = [];
  for (const [af, socktype, proto, , sa] of fns.getaddrinfo(host, port, 0, C.SOCK_STREAM)) {
    let sock = null;
    try {
      sock = new Socket(af, socktype, proto);
      if (timeout !== DEFAULT && timeout !== undefined) sock.settimeout(timeout);
      if (source_address) sock.bind(source_address);
      sock.connect(sa);
      return sock;
    } catch (e) {
      if (!(e instanceof errors.OSError)) {
        if (sock) sock.close();
        throw e;
      }
      if (!all_errors) failures.length = 0;
      failures.push(e);
      if (sock) sock.close();
    }
  }
  if (!failures.length) throw new errors.OSError(null, 'getaddrinfo returns an empty list');
  if (!all_errors) throw failures[0];
  throw new AggregateError(failures, 'create_connection failed');
}

// Python's repr() of an address: tuples, str, int, bytes.
function pyRepr(v) {
  if (Array.isArray(v)) return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    const body = [...v].map((c) => {
      if (c === '\\' || c === q) return `\\${c}`;
      const n = c.codePointAt(0);
      if (n < 0x20 || n === 0x7f) return { '\n': '\\n', '\r': '\\r', '\t': '\\t' }[c] || `\\x${n.toString(16).padStart(2, '0')}`;
      return c;
    }).join('');
    return `${q}${body}${q}`;
  }
  if (ArrayBuffer.isView(v)) {
    return `b'${[...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)].map((n) => (n >= 0x20 && n < 0x7f &&
      n !== 0x27 && n !== 0x5c ? String.fromCharCode(n) : `\\x${n.toString(16).padStart(2, '0')}`)).join('')}'`;
  }
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

// socket.py's create_server.
function create_server(address, options) {
  const { family = C.AF_INET, backlog = null, reuse_port = false, dualstack_ipv6 = false } =
    serverOptions(options);
  if (dualstack_ipv6) {
    if (!fns.has_dualstack_ipv6()) throw new RangeError('dualstack_ipv6 not supported on this platform');
    if (family !== C.AF_INET6) throw new RangeError('dualstack_ipv6 requires AF_INET6 family');
  }
  const sock = new Socket(family, C.SOCK_STREAM);
  try {
    try { sock.setsockopt(C.SOL_SOCKET, C.SO_REUSEADDR, 1); } catch (e) {
      if (!(e instanceof errors.OSError)) throw e;
    }
    if (reuse_port) sock.setsockopt(C.SOL_SOCKET, C.SO_REUSEPORT, 1);
    if (family === C.AF_INET6)
      sock.setsockopt(C.IPPROTO_IPV6, C.IPV6_V6ONLY, dualstack_ipv6 ? 0 : 1);
    try {
      sock.bind(address);
    } catch (e) {
      if (!(e instanceof errors.OSError) || e.errno === null) throw e;
      // socket.py: error(err.errno, '%s (while attempting to bind on address %r)').
      const strerror = `${e.strerror} (while attempting to bind on address ${pyRepr(address)})`;
      throw new (errors.fromErrno(e.errno).constructor)(e.errno, strerror, { syscall: 'bind' });
    }
    if (backlog === null || backlog === undefined) sock.listen();
    else sock.listen(backlog);
    return sock;
  } catch (e) {
    sock.close();
    throw e;
  }
}

// send_fds / recv_fds (socket.py): SCM_RIGHTS messages of native ints, for both faces.
function fdsReceived([msg, ancdata, msgFlags, addr]) {
  const fds = [];
  for (const [level, type, data] of ancdata) {
    if (level === C.SOL_SOCKET && type === C.SCM_RIGHTS)
      for (let i = 0; i + 4 <= data.length; i += 4) fds.push(data.readInt32LE(i));
  }
  return [msg, fds, msgFlags, addr];
}

function send_fds(sock, buffers, fds, flags = 0, address = null) {
  return socketArg(sock, 'sendmsg', 'send_fds() argument 1').sendmsg(buffers, fdsMessage(fds), flags, address);
}

function recv_fds(sock, bufsize, maxfds, flags = 0) {
  socketArg(sock, 'recvmsg', 'recv_fds() argument 1');
  return fdsReceived(sock.recvmsg(bufsize, fns.CMSG_LEN(maxfdsLength(maxfds)), flags));
}

// Node-style fields and caller-first stacks on every error a method throws.
{
  const errinfo = require('./errinfo');
  errinfo.wrapClass(Socket, errinfo.SOCKET_METHODS);
}
// What fileno() is when no subclass or instance replaced it.
const ownFileno = Socket.prototype.fileno;
// An object's fd the way select() takes it (PyObject_AsFileDescriptor), or undefined when
// it is not a socket of this module answering with the class's own fileno().
function socketFd(obj) {
  return obj instanceof Socket && obj.fileno === ownFileno ? Socket[kFileno](obj) : undefined;
}

module.exports = {
  Socket, SocketType: Socket, socket, socketpair, fromfd, create_connection, create_server,
  send_fds, recv_fds, fdsMessage, fdsReceived, socketFd, kId, kOnClose, kFace, polls, wrap: (info) => Socket[kWrap](info), DEFAULT,
};
