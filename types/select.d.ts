// SPDX-License-Identifier: MIT
// Declarations of `wasock/select` (bridge/select.js): Python's select module (select,
// poll, epoll), whose waits block the calling thread as Python's do. Timeouts are
// Python's: seconds for select() and epoll.poll(), milliseconds for poll.poll(), null
// waits forever. See docs/api.md.
/// <reference types="node" />

export * from './select_constants';

/**
 * What select(), poll and epoll take for a file: an fd, or an object whose fileno() gives
 * one (a Socket of either face, a SocketIO, an epoll object...).
 */
export type FileDescriptorLike = number | { fileno(): number };

/** `[fd, events]`: a ready fd and its returned events (POLL* or EPOLL* bits). */
export type PollEvent = [fd: number, events: number];

/** Python's select.error: OSError itself. */
export { OSError as error } from './errors';

/** Python's KeyError: poll.unregister() of an fd it lacks; selectors' unknown files. */
export declare class KeyError extends Error {
  readonly name: 'KeyError';
}

/**
 * select(rlist, wlist, xlist, timeout = null): `[readable, writable, exceptional]`, each
 * the objects of its list that are ready. timeout in seconds; null waits forever. fds
 * must be below FD_SETSIZE (1024), as select(2)'s: RangeError otherwise.
 */
export declare function select<R extends FileDescriptorLike, W extends FileDescriptorLike,
  X extends FileDescriptorLike>(rlist: Iterable<R>, wlist: Iterable<W>, xlist: Iterable<X>,
  timeout?: number | null): [R[], W[], X[]];

/** The registrations of a poll object (both faces). */
export interface PollRegistrations {
  /**
   * eventmask: POLL* bits (an unsigned short: RangeError beyond, negative int32s included,
   * as CPython's OverflowError), POLLIN | POLLPRI | POLLOUT by default; re-registering
   * modifies.
   */
  register(fd: FileDescriptorLike, eventmask?: number): void;
  /** OSError ENOENT for an fd not registered. */
  modify(fd: FileDescriptorLike, eventmask: number): void;
  /** KeyError for an fd not registered. */
  unregister(fd: FileDescriptorLike): void;
}

/** A select.poll() object. */
export interface poll extends PollRegistrations {
  /** Waits up to timeout milliseconds (null or negative: forever) for the registered fds. */
  poll(timeout?: number | null): PollEvent[];
}
/** select.poll(), with or without `new`. */
export declare const poll: {
  new (): poll;
  (): poll;
  readonly prototype: poll;
};

/** An epoll object's fd and its control calls (both faces). */
export interface EpollControl extends Disposable {
  /** Whether close() was called. */
  readonly closed: boolean;
  /** The epoll fd; RangeError once closed. */
  fileno(): number;
  close(): void;
  /**
   * eventmask: EPOLL* bits, EPOLLIN | EPOLLPRI | EPOLLOUT by default, taken modulo 2**32 as
   * CPython does (so the negative EPOLLIN | EPOLLET is that mask); OSError EEXIST if
   * registered.
   */
  register(fd: FileDescriptorLike, eventmask?: number): void;
  /** OSError ENOENT for an fd not registered. */
  modify(fd: FileDescriptorLike, eventmask: number): void;
  unregister(fd: FileDescriptorLike): void;
}

/** A select.epoll() object. */
export interface epoll extends EpollControl {
  /**
   * Waits up to timeout seconds (null or negative: forever) for at most maxevents events
   * (-1: FD_SETSIZE - 1).
   */
  poll(timeout?: number | null, maxevents?: number): PollEvent[];
}
/** select.epoll(sizehint = -1, flags = 0) (flags: 0 or EPOLL_CLOEXEC), with or without `new`. */
export declare const epoll: {
  new (sizehint?: number, flags?: number): epoll;
  (sizehint?: number, flags?: number): epoll;
  readonly prototype: epoll;
  /** An epoll object over an existing epoll fd, which it then owns. */
  fromfd(fd: FileDescriptorLike): epoll;
};
