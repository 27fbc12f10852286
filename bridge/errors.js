// SPDX-License-Identifier: MIT
// The error classes of Python's socket module, with Node-style `code` and `syscall`.
// Every exception the package throws is built here.
'use strict';
const table = require('./errno');
const C = require('./constants');

const gaiNames = {};
const herrNames = { 1: 'HOST_NOT_FOUND', 2: 'TRY_AGAIN', 3: 'NO_RECOVERY', 4: 'NO_DATA' };
for (const [k, v] of Object.entries(C)) if (k.startsWith('EAI_')) gaiNames[v] = k;

class OSError extends Error {
  constructor(errno, strerror, extra = {}) {
    const hasErrno = errno !== null && errno !== undefined;
    super(hasErrno ? `[Errno ${errno}] ${strerror}` : strerror);
    this.errno = hasErrno ? errno : null;
    this.strerror = hasErrno ? strerror : null;
    if (extra.code !== undefined) this.code = extra.code;
    else if (hasErrno && table.errno[errno]) this.code = table.errno[errno][0];
    if (extra.syscall) this.syscall = extra.syscall;
    if (extra.filename !== undefined) this.filename = extra.filename;
  }
  get name() { return this.constructor.name; }
}


class gaierror extends OSError {
  constructor(eai, strerror = table.gai[eai] || 'Unknown error', extra = {}) {
    super(eai, strerror, { code: gaiNames[eai] || 'EAI_UNKNOWN', ...extra });
  }
}

class herror extends OSError {
  constructor(h, strerror = table.herror[h] || 'Resolver internal error', extra = {}) {
    super(h, strerror, { code: herrNames[h] || 'HERROR', ...extra });
  }
}

// Python's OSError subclasses chosen by errno (PEP 3151).
class BlockingIOError extends OSError {}
class ConnectionError extends OSError {}
class BrokenPipeError extends ConnectionError {}
class ConnectionAbortedError extends ConnectionError {}
class ConnectionRefusedError extends ConnectionError {}
class ConnectionResetError extends ConnectionError {}
class FileExistsError extends OSError {}
class FileNotFoundError extends OSError {}
class InterruptedError extends OSError {}
class PermissionError extends OSError {}
class ProcessLookupError extends OSError {}
// socket.timeout is TimeoutError (Python 3.10+): new timeout() is 'timed out' with no
// errno; an ETIMEDOUT from the kernel is a TimeoutError with its errno.
class TimeoutError extends OSError {
  constructor(errno = null, strerror = 'timed out', extra = {}) {
    if (typeof errno === 'string') [errno, strerror] = [null, errno];
    super(errno, strerror, { code: 'ETIMEDOUT', ...extra });
  }
}
const timeout = TimeoutError;

// A call into the wasm core did not return (a trap): the core is unusable from then on
// in this process (bridge/poison.js). Not an OSError: nothing the system said.
class InternalError extends Error {
  constructor(message, options) {
    super(message, options);
    this.code = 'ERR_WASOCK_INTERNAL';
  }
  get name() { return 'InternalError'; }
}

class ChildProcessError extends OSError {}
class IsADirectoryError extends OSError {}
class NotADirectoryError extends OSError {}

const classes = {
  BlockingIOError, ChildProcessError, ConnectionError, BrokenPipeError,
  ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
  FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
  PermissionError, ProcessLookupError, TimeoutError,
};
// Python's own errno -> class table (PEP 3151), generated into bridge/pyerrno.js.
const byErrno = {};
for (const [n, name] of Object.entries(require('./pyerrno').errnoClass)) byErrno[n] = classes[name];

/** OSError (or the PEP 3151 subclass) for a positive errno, as Python raises it. */
function fromErrno(errno, syscall, extra = {}) {
  if (!Number.isInteger(errno)) throw new TypeError(`fromErrno() errno must be an integer, not ${typeof errno}`);
  if (extra === null || typeof extra !== 'object' || ArrayBuffer.isView(extra) || Array.isArray(extra))
    throw new TypeError('fromErrno() extra must be an object');
  const Cls = byErrno[errno] || OSError;
  const text = table.errno[errno] ? table.errno[errno][1] : `Unknown error ${errno}`;
  return new Cls(errno, text, { syscall, ...extra });
}

const exported = { OSError, gaierror, herror, ...classes, InternalError };
// Minifiers rename classes (a bundle of wasock/inet): the names that `name` reports are
// these property keys, which they keep.
for (const [n, Cls] of Object.entries(exported)) Object.defineProperty(Cls, 'name', { value: n });

module.exports = { ...exported, error: OSError, timeout, fromErrno };
