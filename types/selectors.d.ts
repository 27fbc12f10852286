// SPDX-License-Identifier: MIT
// Declarations of `wasock/selectors` (bridge/selectors.js): Python's selectors module over
// wasock/select, whose select() blocks. A selector's type parameters are the files it
// holds (`F`) and the data kept with them (`D`): DefaultSelector<Socket, () => void>().
// See docs/api.md.
/// <reference types="node" />
import type { FileDescriptorLike } from './select';

export { KeyError, type FileDescriptorLike } from './select';

export declare const EVENT_READ: 1;
export declare const EVENT_WRITE: 2;

/** A SelectorKey's fields. */
export interface SelectorKeyFields<F extends FileDescriptorLike = FileDescriptorLike, D = any> {
  fileobj: F;
  fd: number;
  /** EVENT_READ, EVENT_WRITE or both. */
  events: number;
  data: D;
}

/**
 * Python's selectors.SelectorKey namedtuple (frozen): its fields by name, and
 * `[fileobj, fd, events, data]` when destructured.
 */
export declare class SelectorKey<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  implements Iterable<F | number | D> {
  constructor(fileobj: F, fd: number, events: number, data: D);
  readonly fileobj: F;
  readonly fd: number;
  readonly events: number;
  readonly data: D;
  /** A copy with some fields replaced (namedtuple's _replace). */
  _replace(fields: Partial<SelectorKeyFields<F, D>>): SelectorKey<F, D>;
  [Symbol.iterator](): Iterator<F | number | D>;
}

/** One ready file of select(): its key and the events ready (EVENT_READ, EVENT_WRITE). */
export type SelectorReady<F extends FileDescriptorLike = FileDescriptorLike, D = any> =
  [key: SelectorKey<F, D>, events: number];

/** get_map(): the registrations, by file (or its fd); iterating gives the fds. */
export interface SelectorMapping<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends Iterable<number> {
  readonly size: number;
  /** KeyError if not registered. */
  get(fileobj: FileDescriptorLike): SelectorKey<F, D>;
  has(fileobj: FileDescriptorLike): boolean;
  keys(): IterableIterator<number>;
  values(): IterableIterator<SelectorKey<F, D>>;
}

/** What every selector does but wait (the same on both faces). */
export interface SelectorRegistrations<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends Disposable {
  /**
   * Watches fileobj for events (EVENT_READ, EVENT_WRITE or both: RangeError otherwise);
   * KeyError if it is registered already.
   */
  register(fileobj: F, events: number, data?: D): SelectorKey<F, D>;
  /** KeyError if not registered. */
  unregister(fileobj: F | FileDescriptorLike): SelectorKey<F, D>;
  /** New events or data (null when omitted) for a registered file; KeyError if not registered. */
  modify(fileobj: F | FileDescriptorLike, events: number, data?: D): SelectorKey<F, D>;
  /** Forgets every registration (and closes an epoll selector's fd). */
  close(): void;
  /** KeyError if not registered; Error once closed. */
  get_key(fileobj: F | FileDescriptorLike): SelectorKey<F, D>;
  /** null once closed. */
  get_map(): SelectorMapping<F, D> | null;
}

/**
 * Python's selectors.BaseSelector (with the registrations implemented): a subclass
 * defines select().
 */
export interface BaseSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends SelectorRegistrations<F, D> {}
export declare abstract class BaseSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any> {
  /**
   * Waits up to timeout seconds (null: forever; 0 or less: does not wait) for the
   * registered files; those ready, with their ready events.
   */
  abstract select(timeout?: number | null): SelectorReady<F, D>[];
}

/** A selector over select(2) (fds below 1024). */
export interface SelectSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null): SelectorReady<F, D>[];
}
/** SelectSelector(), with or without `new`. */
export declare const SelectSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): SelectSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): SelectSelector<F, D>;
  readonly prototype: SelectSelector;
};

/** A selector over poll(2). */
export interface PollSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null): SelectorReady<F, D>[];
}
/** PollSelector(), with or without `new`. */
export declare const PollSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): PollSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): PollSelector<F, D>;
  readonly prototype: PollSelector;
};

/** A selector over epoll(7): DefaultSelector. */
export interface EpollSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null): SelectorReady<F, D>[];
  /** The epoll fd. */
  fileno(): number;
}
/** EpollSelector(), with or without `new`. */
export declare const EpollSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): EpollSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): EpollSelector<F, D>;
  readonly prototype: EpollSelector;
};

/** The best selector here: EpollSelector itself. */
export type DefaultSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any> = EpollSelector<F, D>;
export declare const DefaultSelector: typeof EpollSelector;
