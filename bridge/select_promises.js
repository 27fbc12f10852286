// SPDX-License-Identifier: MIT
// wasock/select/promises: Python's select module with waits that are promises on Node's
// event loop (never blocking it).
//
// Readiness is asked of the kernel without waiting (poll(2) or epoll_wait with timeout
// 0); when nothing is ready, the wait is a libuv poll handle on an epoll fd holding the
// same fds (an epoll object's own fd, or a temporary one for select and poll), which
// becomes readable when one of them is ready. The answer is then asked again, so that
// the results are exactly those of the synchronous calls.
'use strict';
const S = require('./select');
const errors = require('./errors');
const { addon } = require('./core');
const { abortError } = require('./checks');

const { PollBase, EpollBase, prepareSelect, host, callable, kPrepare, kRelease } = S.internals;
const UV_READABLE = 1;
const EPOLL_CTL_ADD = 1;

/*
 * Resolves with attempt(0)'s first answer that is not 0 (nothing ready), or with 0 once
 * ms have passed (ms < 0: never). epfd's readability wakes the next attempt.
 */
function wait(epfd, attempt, ms, signal) {
  return new Promise((resolve, reject) => {
    let handle = null;
    let timer = null;
    const onAbort = () => done(null, abortError(signal));
    function done(value, err) {
      if (handle) addon.poll_close(handle);
      handle = null;
      if (timer) clearTimeout(timer);
      if (signal) signal.removeEventListener('abort', onAbort);
      if (err) reject(err);
      else resolve(value);
    }
    try {
      handle = addon.poll_open(epfd, (status) => {
        if (!handle) return;
        let r;
        try {
          r = attempt();
        } catch (e) {
          done(null, e);
          return;
        }
        if (r !== 0 || status < 0) done(r);
      });
      addon.poll_update(handle, UV_READABLE);
    } catch (e) {
      done(null, e);
      return;
    }
    if (ms >= 0) {
      // setTimeout's limit is 2**31 - 1 ms; past it, wait in steps.
      const arm = (left) => {
        timer = setTimeout(() => {
          if (left > 0x7fffffff) arm(left - 0x7fffffff);
          else {
            try { done(attempt()); } catch (e) { done(null, e); }
          }
        }, Math.min(left, 0x7fffffff));
      };
      arm(ms);
    }
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
  });
}

// Waits on a PollSet: an attempt at once, then a temporary epoll fd as the wake-up.
async function waitSet(set, ms, signal) {
  if (signal && signal.aborted) throw abortError(signal);
  const attempt = () => {
    const r = set.pollOnce(0);
    return r === -4 ? 0 : r;
  };
  const first = attempt();
  if (first !== 0 || ms === 0) return first;
  const epfd = host.epoll_create1(0x80000);
  if (epfd < 0) throw errors.fromErrno(-epfd, 'epoll_create1');
  try {
    for (let i = 0; i < set.n; i++) {
      // Errors need no answer here: a bad fd is POLLNVAL, and epoll refuses only fds
      // that poll(2) calls always ready, so the first attempt would have returned.
      host.epoll_ctl(epfd, EPOLL_CTL_ADD, set.fd(i), set.events(i));
    }
    return await wait(epfd, attempt, ms, signal);
  } finally {
    host.close(epfd);
  }
}

/** select(rlist, wlist, xlist, timeout = null, { signal }) -> Promise<[r, w, x]>. */
async function select(rlist, wlist, xlist, timeout = null, options = {}) {
  const { set, ms, result } = prepareSelect(rlist, wlist, xlist, timeout);
  return result(await waitSet(set, ms, options && options.signal));
}

/** select.poll() whose poll(timeout_ms = null, { signal }) returns a Promise. */
class poll extends PollBase {
  async poll(timeout = null, options = {}) {
    const { set, ms, result } = this[kPrepare](timeout);
    return result(await waitSet(set, ms, options && options.signal));
  }
}

/** select.epoll() whose poll(timeout = null, maxevents = -1, { signal }) returns a Promise. */
class epoll extends EpollBase {
  #waits = new Set();

  static fromfd(fd) { return new this(S.internals.kFromFd, S.internals.asFd(fd)); }

  async poll(timeout = null, maxevents = -1, options = {}) {
    const signal = options && options.signal;
    if (signal && signal.aborted) throw abortError(signal);
    const { epfd, ms, maxevents: max } = this[kPrepare](timeout, maxevents);
    let out = [];
    const attempt = () => {
      if (this.closed) throw errors.fromErrno(9, 'epoll_wait');
      const v = EpollBase.waitOnce(epfd, max, 0);
      if (Array.isArray(v)) {
        out = v;
        return v.length;
      }
      if (v < 0 && v !== -4) throw errors.fromErrno(-v, 'epoll_wait');
      return 0;
    };
    if (attempt() !== 0 || ms === 0) return out;
    const ctl = new AbortController();
    const onAbort = () => ctl.abort(signal.reason);
    if (signal) signal.addEventListener('abort', onAbort, { once: true });
    this.#waits.add(ctl);
    try {
      await wait(epfd, attempt, ms, ctl.signal);
      return out;
    } catch (e) {
      if (this.closed && e.name === 'AbortError' && !(signal && signal.aborted))
        throw errors.fromErrno(9, 'epoll_wait');
      throw e;
    } finally {
      this.#waits.delete(ctl);
      if (signal) signal.removeEventListener('abort', onAbort);
    }
  }

  // close(): waits let go of the fd's poll handle before it closes, and reject with EBADF.
  [kRelease]() {
    for (const ctl of this.#waits) ctl.abort();
  }
}

module.exports = { ...S, select, poll: callable(poll), epoll: callable(epoll) };
Object.defineProperty(module.exports, 'internals', { value: S.internals });
