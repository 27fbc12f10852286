// SPDX-License-Identifier: MIT
// What a Node user acts on, added to the errors the package throws, keeping Python's
// classes, messages and positive errno:
//   - OSError: `syscall` always (the method's name where the system call has none), and
//     for a call with an address (bind, connect, connect_ex, sendto, sendmsg) `address`
//     and `port` (AF_INET, AF_INET6) or `path` (AF_UNIX), as Node's net errors;
//   - gaierror / herror: `hostname`, the name that was looked up;
//   - RangeError (Python's ValueError / OverflowError) and TypeError: Node's `code`:
//     ERR_SOCKET_BAD_PORT for a port out of range, ERR_OUT_OF_RANGE for other numbers
//     out of range, ERR_INVALID_ARG_VALUE for other values, ERR_INVALID_ARG_TYPE for
//     TypeErrors; a code already set (ERR_UNKNOWN_ENCODING, ...) stays;
//   - the stack starts at the caller's call, not inside the package; a promise's
//     rejection carries the stack of the call that started the operation.
'use strict';
const C = require('./constants');
const errors = require('./errors');

// Methods and functions whose argument at this index (a function of the arguments) is
// an address.
const ADDRESS_ARG = {
  bind: (a) => a[0],
  connect: (a) => a[0],
  connect_ex: (a) => a[0],
  sendto: (a) => (a.length >= 3 && (typeof a[1] === 'number' || typeof a[1] === 'bigint') ? a[2] : a[1]),
  sendmsg: (a) => a[3],
  create_connection: (a) => a[0],
  create_server: (a) => a[0],
};
// Module functions whose first argument is the name looked up.
const HOST_ARG = {
  getaddrinfo: (a) => a[0],
  gethostbyname: (a) => a[0],
  gethostbyname_ex: (a) => a[0],
  gethostbyaddr: (a) => a[0],
  getnameinfo: (a) => (Array.isArray(a[0]) ? a[0][0] : undefined),
  getfqdn: (a) => a[0],
};

const RANGE = /out of range|must be (?:in |between |0-|at |>|<|positive|non-negative)|negative|too large|too long|overflow|greater than|less than|too small/i;

function rangeCode(e) {
  if (/port must be 0-65535|port number/i.test(e.message)) return 'ERR_SOCKET_BAD_PORT';
  return RANGE.test(e.message) ? 'ERR_OUT_OF_RANGE' : 'ERR_INVALID_ARG_VALUE';
}

function addressFields(e, family, address) {
  if (address === undefined || address === null) return;
  if ((family === C.AF_INET || family === C.AF_INET6) && Array.isArray(address)) {
    if (typeof address[0] === 'string' && e.address === undefined) e.address = address[0];
    if (typeof address[1] === 'number' && e.port === undefined) e.port = address[1];
  } else if (family === C.AF_UNIX && (typeof address === 'string' || ArrayBuffer.isView(address))) {
    if (e.path === undefined) e.path = address;
  }
}

/**
 * Adds the fields above to e (thrown by `name` called with args, on a socket of
 * `family` or null for a module function); returns e.
 */
function decorate(e, name, args, family) {
  if (e === null || typeof e !== 'object') return e;
  try {
    if (e instanceof errors.OSError) {
      if (!e.syscall) e.syscall = name;
      const addr = ADDRESS_ARG[name] && ADDRESS_ARG[name](args);
      if (e instanceof errors.gaierror || e instanceof errors.herror) {
        const host = HOST_ARG[name] ? HOST_ARG[name](args) : Array.isArray(addr) ? addr[0] : undefined;
        if (typeof host === 'string' && e.hostname === undefined) e.hostname = host;
      } else if (addr !== undefined) {
        const fam = family ?? (Array.isArray(addr) && typeof addr[0] === 'string' && addr[0].includes(':')
          ? C.AF_INET6 : Array.isArray(addr) ? C.AF_INET : C.AF_UNIX);
        addressFields(e, fam, addr);
      }
    } else if (e instanceof RangeError) {
      if (e.code === undefined) e.code = rangeCode(e);
    } else if (e instanceof TypeError) {
      if (e.code === undefined) e.code = 'ERR_INVALID_ARG_TYPE';
    }
  } catch { /* a frozen or exotic object is thrown as it is */ }
  return e;
}

const ours = (e) => e instanceof errors.OSError || e instanceof RangeError || e instanceof TypeError;

// The hot data methods take these fixed arguments: their wrappers pass them without a
// rest array (a per-call allocation the benchmark of 1-byte pairs sees).
const FIXED = { fileno: 0, recv: 2, send: 2, sendall: 2, recv_into: 3 };

/** A synchronous function whose errors are decorated and start at its caller. */
function wrapSync(fn, name, familyOf = () => null) {
  let wrapped;
  const fail = (self, e, args) => {
    if (ours(e)) {
      decorate(e, name, args, familyOf(self));
      Error.captureStackTrace(e, wrapped);
    }
    return e;
  };
  if (FIXED[name] === 0) {
    wrapped = { [name]() { try { return fn.call(this); } catch (e) { throw fail(this, e, []); } } }[name];
  } else if (FIXED[name] === 2) {
    wrapped = { [name](a, b) { try { return fn.call(this, a, b); } catch (e) { throw fail(this, e, [a, b]); } } }[name];
  } else if (FIXED[name] === 3) {
    wrapped = {
      [name](a, b, c) { try { return fn.call(this, a, b, c); } catch (e) { throw fail(this, e, [a, b, c]); } },
    }[name];
  } else {
    wrapped = { [name](...args) { try { return fn.apply(this, args); } catch (e) { throw fail(this, e, args); } } }[name];
  }
  return wrapped;
}

/*
 * A function returning a promise: its rejection carries the stack of this call. The
 * stack is taken when the rejection arrives, in an async function awaiting it, where
 * V8's async stack traces name the callers that await this call ("at async f (file:line)")
 * instead of the event-loop callback that failed it; nothing is captured on success.
 */
function wrapAsync(fn, name, familyOf = () => null) {
  const wrapped = {
    async [name](...args) {
      try {
        const p = fn.apply(this, args);
        // What the operation left for wrapData is not for this wrapper: let it go.
        made.fulfilled = null;
        made.waiting = null;
        return await p;
      } catch (e) {
        if (ours(e)) {
          decorate(e, name, args, familyOf(this));
          Error.captureStackTrace(e, wrapped);
        }
        throw e;
      }
    },
  }[name];
  return wrapped;
}

// What the promise face's last operation made, for the wrapper below: a promise made
// already fulfilled (the operation completed at once), which cannot reject and is returned
// as it is; or the waiter of an operation that waits, whose rejection the wrapper's
// decoration then goes through (Waiter.failWith in promises.js).
const made = { fulfilled: null, waiting: null };

/*
 * As wrapAsync, for the promise face's data methods, without an async function. The
 * method's own promise is returned: as it is where the operation completed at once; for
 * an operation that waits, with the decoration handed to its waiter, which rejects
 * through it (the stack taken there: V8's async stack trace names the callers awaiting
 * the promise). Only a promise rejected at once gets a reaction of its own. An await in
 * an async wrapper would keep a generator, an await's closures and a rest array alive
 * per waiting operation: with a thousand sockets waiting, that is what makes V8 grow
 * the young generation.
 */
function wrapData(fn, name) {
  // None of these methods takes an address: the decoration needs neither the arguments
  // nor the socket, and one handler per method serves every call.
  const failed = (e) => {
    if (ours(e)) {
      decorate(e, name, [], null);
      Error.captureStackTrace(e, failed);
    }
    throw e;
  };
  return {
    [name](a, b, c, d) {
      let p;
      made.waiting = null;
      try {
        p = fn.call(this, a, b, c, d);
      } catch (e) {
        p = Promise.reject(e);
      }
      if (p === made.fulfilled) {
        made.fulfilled = null;
        return p;
      }
      const w = made.waiting;
      if (w !== null) {
        made.waiting = null;
        w.fail = failed;
        return p;
      }
      return p.then(undefined, failed);
    },
  }[name];
}

/**
 * Wraps the named methods of cls.prototype (sync or promise-returning; dataNames, among
 * asyncNames, with wrapData: methods of at most four arguments, none an address).
 */
function wrapClass(cls, syncNames, asyncNames = [], dataNames = []) {
  const familyOf = (self) => {
    try { return self.family; } catch { return null; }
  };
  for (const name of syncNames) {
    const fn = cls.prototype[name];
    if (typeof fn === 'function') cls.prototype[name] = wrapSync(fn, name, familyOf);
  }
  for (const name of asyncNames) {
    const fn = cls.prototype[name];
    if (typeof fn !== 'function') continue;
    cls.prototype[name] = dataNames.includes(name) ? wrapData(fn, name) : wrapAsync(fn, name, familyOf);
  }
}

/** Wraps the named functions of an exports object in place. */
function wrapFunctions(api, syncNames, asyncNames = []) {
  for (const name of syncNames) if (typeof api[name] === 'function') api[name] = wrapSync(api[name], name);
  for (const name of asyncNames) if (typeof api[name] === 'function') api[name] = wrapAsync(api[name], name);
}

// The socket object's methods, as both faces name them.
const SOCKET_METHODS = ['accept', 'bind', 'close', 'connect', 'connect_ex', 'listen', 'shutdown',
  'getsockname', 'getpeername', 'getsockopt', 'setsockopt', 'getblocking', 'setblocking',
  'gettimeout', 'settimeout', 'get_inheritable', 'set_inheritable', 'fileno', 'detach', 'dup',
  'recv', 'recvfrom', 'recv_into', 'recvfrom_into', 'recvmsg', 'recvmsg_into', 'send',
  'sendall', 'sendto', 'sendmsg', 'sendmsg_afalg', 'sendfile', 'makefile'];
const ASYNC_SOCKET_METHODS = ['accept', 'bind', 'connect', 'connect_ex', 'recv', 'recvfrom',
  'recv_into', 'recvfrom_into', 'recvmsg', 'recvmsg_into', 'send', 'sendall', 'sendto', 'sendmsg',
  'sendmsg_afalg', 'sendfile'];
// The promise face's methods wrapped by wrapData (not async functions, at most 4 arguments).
const ASYNC_DATA_METHODS = ['recv', 'recvfrom', 'recv_into', 'send', 'sendall'];
const MODULE_FUNCTIONS = ['getaddrinfo', 'getnameinfo', 'gethostbyname', 'gethostbyname_ex',
  'gethostbyaddr', 'getfqdn', 'gethostname', 'sethostname', 'getservbyname', 'getservbyport',
  'getprotobyname', 'if_nameindex', 'if_nametoindex', 'if_indextoname', 'inet_aton', 'inet_ntoa',
  'inet_pton', 'inet_ntop', 'htons', 'ntohs', 'htonl', 'ntohl', 'CMSG_LEN', 'CMSG_SPACE',
  'encode_sockaddr', 'decode_sockaddr', 'setdefaulttimeout', 'close', 'socket', 'socketpair',
  'fromfd', 'create_connection', 'create_server', 'send_fds', 'recv_fds'];

module.exports = {
  decorate, wrapSync, wrapAsync, wrapData, wrapClass, wrapFunctions, made, SOCKET_METHODS,
  ASYNC_SOCKET_METHODS, ASYNC_DATA_METHODS, MODULE_FUNCTIONS,
};
