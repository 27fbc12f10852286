// SPDX-License-Identifier: MIT
import { createRequire } from 'node:module';

const mod = createRequire(import.meta.url)('./selectors_promises.js');
export default mod;
export const {
  EVENT_READ, EVENT_WRITE, SelectorKey, BaseSelector, SelectSelector, PollSelector,
  EpollSelector, DefaultSelector, KeyError,
} = mod;
