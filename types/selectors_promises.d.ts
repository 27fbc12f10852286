// SPDX-License-Identifier: MIT
// Declarations of `wasock/selectors/promises` (bridge/selectors_promises.js): wasock/selectors
// over wasock/select/promises, whose select() returns a Promise and never blocks the event
// loop; registrations are wasock/selectors' (the same SelectorKey class).
/// <reference types="node" />
import type { FileDescriptorLike } from './select';
import type { WaitOptions } from './select_promises';
import type { SelectorReady, SelectorRegistrations } from './selectors';

export {
  EVENT_READ, EVENT_WRITE, SelectorKey, KeyError, type FileDescriptorLike, type SelectorKeyFields,
  type SelectorReady, type SelectorMapping, type SelectorRegistrations,
} from './selectors';
export type { WaitOptions } from './select_promises';

/** selectors.BaseSelector of this face: a subclass defines an asynchronous select(). */
export interface BaseSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends SelectorRegistrations<F, D> {}
export declare abstract class BaseSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any> {
  /**
   * Resolves with the ready files once one is, or timeout seconds have passed (null:
   * never); aborting options.signal rejects with an AbortError, the selector still usable.
   */
  abstract select(timeout?: number | null, options?: WaitOptions): Promise<SelectorReady<F, D>[]>;
}

export interface SelectSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null, options?: WaitOptions): Promise<SelectorReady<F, D>[]>;
}
export declare const SelectSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): SelectSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): SelectSelector<F, D>;
  readonly prototype: SelectSelector;
};

export interface PollSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null, options?: WaitOptions): Promise<SelectorReady<F, D>[]>;
}
export declare const PollSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): PollSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): PollSelector<F, D>;
  readonly prototype: PollSelector;
};

export interface EpollSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any>
  extends BaseSelector<F, D> {
  select(timeout?: number | null, options?: WaitOptions): Promise<SelectorReady<F, D>[]>;
  fileno(): number;
}
export declare const EpollSelector: {
  new <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): EpollSelector<F, D>;
  <F extends FileDescriptorLike = FileDescriptorLike, D = any>(): EpollSelector<F, D>;
  readonly prototype: EpollSelector;
};

export type DefaultSelector<F extends FileDescriptorLike = FileDescriptorLike, D = any> = EpollSelector<F, D>;
export declare const DefaultSelector: typeof EpollSelector;
