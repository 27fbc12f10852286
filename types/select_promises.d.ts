// SPDX-License-Identifier: MIT
// Declarations of `wasock/select/promises` (bridge/select_promises.js): wasock/select
// whose waits (select(), poll.poll(), epoll.poll()) return Promises, never blocking the
// event loop, and take a trailing `{ signal }`; the rest is wasock/select's.
/// <reference types="node" />
import type { FileDescriptorLike, PollEvent, PollRegistrations, EpollControl } from './select';

export * from './select_constants';
export { error, KeyError, type FileDescriptorLike, type PollEvent, type PollRegistrations,
  type EpollControl } from './select';

/** The trailing options of every wait. */
export interface WaitOptions {
  /** Aborting rejects the wait with an Error named AbortError (code ABORT_ERR). */
  signal?: AbortSignal;
}

/** select.select() as a Promise: `[readable, writable, exceptional]`. */
export declare function select<R extends FileDescriptorLike, W extends FileDescriptorLike,
  X extends FileDescriptorLike>(rlist: Iterable<R>, wlist: Iterable<W>, xlist: Iterable<X>,
  timeout?: number | null, options?: WaitOptions): Promise<[R[], W[], X[]]>;

/** A poll object whose poll() returns a Promise. */
export interface poll extends PollRegistrations {
  /** timeout in milliseconds (null or negative: forever). */
  poll(timeout?: number | null, options?: WaitOptions): Promise<PollEvent[]>;
}
export declare const poll: {
  new (): poll;
  (): poll;
  readonly prototype: poll;
};

/** An epoll object whose poll() returns a Promise; close() rejects pending waits with EBADF. */
export interface epoll extends EpollControl {
  /** timeout in seconds (null or negative: forever); maxevents -1: FD_SETSIZE - 1. */
  poll(timeout?: number | null, maxevents?: number, options?: WaitOptions): Promise<PollEvent[]>;
}
export declare const epoll: {
  new (sizehint?: number, flags?: number): epoll;
  (sizehint?: number, flags?: number): epoll;
  readonly prototype: epoll;
  fromfd(fd: FileDescriptorLike): epoll;
};
