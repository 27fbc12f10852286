// SPDX-License-Identifier: MIT
// The error classes of every entry point (bridge/errors.js): Python's OSError hierarchy.

export interface OSErrorExtra {
  code?: string;
  syscall?: string;
  filename?: unknown;
}

/** Python's OSError (alias `error`): `errno` is positive, as in Python, or null. */
export declare class OSError extends Error {
  constructor(errno?: number | null, strerror?: string, extra?: OSErrorExtra);
  /** The errno value (`EAI_*` for gaierror, `h_errno` for herror), or null. */
  errno: number | null;
  /** The error's text (strerror(3)), or null when there is no errno. */
  strerror: string | null;
  /** The errno's name, as Node's errors have it (`'ECONNREFUSED'`, `'EAI_NONAME'`). */
  code?: string;
  /** The system call that failed (`'connect'`), when one did. */
  syscall?: string;
  filename?: unknown;
}
export { OSError as error };

/** A getaddrinfo()/getnameinfo() failure: `errno` is the (negative) `EAI_*` value. */
export declare class gaierror extends OSError {
  constructor(eai: number, strerror?: string, extra?: OSErrorExtra);
  errno: number;
  strerror: string;
  code: string;
}

/** A gethostbyname()/gethostbyaddr() family failure: `errno` is `h_errno`. */
export declare class herror extends OSError {
  constructor(h: number, strerror?: string, extra?: OSErrorExtra);
  errno: number;
  strerror: string;
  code: string;
}

export declare class BlockingIOError extends OSError {}
export declare class ConnectionError extends OSError {}
export declare class BrokenPipeError extends ConnectionError {}
export declare class ConnectionAbortedError extends ConnectionError {}
export declare class ConnectionRefusedError extends ConnectionError {}
export declare class ConnectionResetError extends ConnectionError {}
export declare class FileExistsError extends OSError {}
export declare class FileNotFoundError extends OSError {}
export declare class InterruptedError extends OSError {}
export declare class PermissionError extends OSError {}
export declare class ProcessLookupError extends OSError {}
export declare class ChildProcessError extends OSError {}
export declare class IsADirectoryError extends OSError {}
export declare class NotADirectoryError extends OSError {}

/** Python's socket.timeout (TimeoutError): `'timed out'`, code `'ETIMEDOUT'`. */
export declare class TimeoutError extends OSError {
  constructor(errno?: number | null | string, strerror?: string, extra?: OSErrorExtra);
}
export { TimeoutError as timeout };

/**
 * A call into the wasm core trapped: the core is unusable for the rest of the process and
 * every later call raises this too (docs/hardening.md). `cause` is the original error.
 */
export declare class InternalError extends Error {
  constructor(message?: string, options?: { cause?: unknown });
  readonly code: 'ERR_WASOCK_INTERNAL';
}

/** The OSError (or its PEP 3151 subclass) Python raises for a positive errno. */
export declare function fromErrno(errno: number, syscall?: string, extra?: OSErrorExtra): OSError;
