// SPDX-License-Identifier: MIT
// wasock/selectors: Python's selectors module over wasock/select. make(select, isAsync)
// builds it over either face of select: the sync one (select() blocks, as Python's does)
// or the promise one (wasock/selectors/promises: select() returns a Promise).
'use strict';
const util = require('node:util');

const EVENT_READ = 1 << 0;
const EVENT_WRITE = 1 << 1;
const kDispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

/** SelectorKey(fileobj, fd, events, data): fields by name, and as a 4-array when destructured. */
class SelectorKey {
  constructor(fileobj, fd, events, data) {
    this.fileobj = fileobj;
    this.fd = fd;
    this.events = events;
    this.data = data;
    Object.freeze(this);
  }

  *[Symbol.iterator]() { yield this.fileobj; yield this.fd; yield this.events; yield this.data; }

  _replace(fields) {
    const f = { ...this, ...fields };
    return new SelectorKey(f.fileobj, f.fd, f.events, f.data);
  }

  [util.inspect.custom](depth, options, inspect = util.inspect) {
    const r = (v) => inspect(v, { ...options, depth: 1 });
    return `SelectorKey(fileobj=${r(this.fileobj)}, fd=${this.fd}, events=${this.events}, data=${
      this.data === null || this.data === undefined ? 'None' : r(this.data)})`;
  }
}

function make(sel, isAsync) {
  const { KeyError } = sel;
  const reprOf = sel.internals.reprOf;
  // The result of a wait, mapped: now, or when the promise of the async face settles.
  const then = isAsync ? (v, f) => Promise.resolve(v).then(f) : (v, f) => f(v);
  // The trailing { signal } of a promise wait, passed on to select's; the sync face's
  // waits take none (Python's select() has no such argument).
  const waitOptions = isAsync ? (options) => [options ?? {}] : () => [];

  // selectors._fileobj_to_fd
  function fileobjToFd(fileobj) {
    let fd;
    if (typeof fileobj === 'number' && Number.isInteger(fileobj)) {
      fd = fileobj;
    } else {
      try {
        fd = fileobj.fileno();
        if (typeof fd !== 'number' || !Number.isInteger(fd)) throw new TypeError('not an int');
      } catch {
        throw new RangeError(`Invalid file object: ${reprOf(fileobj)}`);
      }
    }
    if (fd < 0) throw new RangeError(`Invalid file descriptor: ${fd}`);
    return fd;
  }

  /** get_map()'s read-only mapping: fileobj -> SelectorKey, iterating over fds. */
  class SelectorMapping {
    #selector;
    constructor(selector) { this.#selector = selector; }
    get size() { return this.#selector._fd_to_key.size; }
    get(fileobj) {
      const fd = this.#selector._fileobj_lookup(fileobj);
      const key = this.#selector._fd_to_key.get(fd);
      if (!key) throw new KeyError(`${reprOf(fileobj)} is not registered`);
      return key;
    }
    has(fileobj) {
      try { return this.#selector._fd_to_key.has(this.#selector._fileobj_lookup(fileobj)); } catch { return false; }
    }
    keys() { return this.#selector._fd_to_key.keys(); }
    values() { return this.#selector._fd_to_key.values(); }
    [Symbol.iterator]() { return this.keys(); }
  }

  /** selectors.BaseSelector's implementation: the registrations; subclasses wait. */
  class BaseSelector {
    constructor() {
      this._fd_to_key = new Map();
      this._map = new SelectorMapping(this);
    }

    _fileobj_lookup(fileobj) {
      try {
        return fileobjToFd(fileobj);
      } catch (e) {
        // A closed file object: found by identity among the registrations.
        for (const key of this._fd_to_key.values()) if (key.fileobj === fileobj) return key.fd;
        throw e;
      }
    }

    register(fileobj, events, data = null) {
      if (!events || events & ~(EVENT_READ | EVENT_WRITE))
        throw new RangeError(`Invalid events: ${reprOf(events)}`);
      const key = new SelectorKey(fileobj, this._fileobj_lookup(fileobj), events, data);
      if (this._fd_to_key.has(key.fd))
        throw new KeyError(`${reprOf(fileobj)} (FD ${key.fd}) is already registered`);
      this._fd_to_key.set(key.fd, key);
      return key;
    }

    unregister(fileobj) {
      const fd = this._fileobj_lookup(fileobj);
      const key = this._fd_to_key.get(fd);
      if (!key) throw new KeyError(`${reprOf(fileobj)} is not registered`);
      this._fd_to_key.delete(fd);
      return key;
    }

    modify(fileobj, events, data = null) {
      const key = this._fd_to_key.get(this._fileobj_lookup(fileobj));
      if (!key) throw new KeyError(`${reprOf(fileobj)} is not registered`);
      if (events !== key.events) {
        this.unregister(fileobj);
        return this.register(fileobj, events, data);
      }
      if (data !== key.data) {
        const k = key._replace({ data });
        this._fd_to_key.set(k.fd, k);
        return k;
      }
      return key;
    }

    close() {
      this._fd_to_key.clear();
      this._map = null;
      return null;
    }

    get_key(fileobj) {
      const mapping = this.get_map();
      if (mapping === null) throw new Error('Selector is closed');
      return mapping.get(fileobj);
    }

    get_map() { return this._map; }

    _key_from_fd(fd) { return this._fd_to_key.get(fd) ?? null; }

    [kDispose]() { this.close(); }
  }

  /** selectors.SelectSelector: select(2)'s semantics (fds below 1024). */
  class SelectSelector extends BaseSelector {
    constructor() {
      super();
      this._readers = new Set();
      this._writers = new Set();
    }

    register(fileobj, events, data = null) {
      const key = super.register(fileobj, events, data);
      if (events & EVENT_READ) this._readers.add(key.fd);
      if (events & EVENT_WRITE) this._writers.add(key.fd);
      return key;
    }

    unregister(fileobj) {
      const key = super.unregister(fileobj);
      this._readers.delete(key.fd);
      this._writers.delete(key.fd);
      return key;
    }

    select(timeout = null, options = undefined) {
      timeout = timeout === null || timeout === undefined ? null : Math.max(timeout, 0);
      let waited;
      try {
        waited = sel.select([...this._readers], [...this._writers], [], timeout, ...waitOptions(options));
      } catch (e) {
        if (e instanceof sel.error && e.errno === 4) return then([], (v) => v);
        throw e;
      }
      return then(waited, ([r, w]) => {
        const rs = new Set(r);
        const ws = new Set(w);
        const ready = [];
        // In fd order, as a Python set of small ints iterates.
        for (const fd of [...new Set([...r, ...w])].sort((a, b) => a - b)) {
          const events = (rs.has(fd) ? EVENT_READ : 0) | (ws.has(fd) ? EVENT_WRITE : 0);
          const key = this._key_from_fd(fd);
          if (key) ready.push([key, events & key.events]);
        }
        return ready;
      });
    }
  }

  // selectors._PollLikeSelector: poll and epoll objects, which keep registrations themselves.
  class PollLikeSelector extends BaseSelector {
    _poller_events(events) {
      return (events & EVENT_READ ? this._EVENT_READ : 0) | (events & EVENT_WRITE ? this._EVENT_WRITE : 0);
    }

    register(fileobj, events, data = null) {
      const key = super.register(fileobj, events, data);
      try {
        this._selector.register(key.fd, this._poller_events(events));
      } catch (e) {
        super.unregister(fileobj);
        throw e;
      }
      return key;
    }

    unregister(fileobj) {
      const key = super.unregister(fileobj);
      try {
        this._selector.unregister(key.fd);
      } catch (e) {
        // The fd may have been closed already (epoll forgets it by itself).
        if (!(e instanceof sel.error)) throw e;
      }
      return key;
    }

    modify(fileobj, events, data = null) {
      let key = this._fd_to_key.get(this._fileobj_lookup(fileobj));
      if (!key) throw new KeyError(`${reprOf(fileobj)} is not registered`);
      let changed = false;
      if (events !== key.events) {
        try {
          this._selector.modify(key.fd, this._poller_events(events));
        } catch (e) {
          super.unregister(fileobj);
          throw e;
        }
        changed = true;
      }
      if (data !== key.data) changed = true;
      if (changed) {
        key = key._replace({ events, data });
        this._fd_to_key.set(key.fd, key);
      }
      return key;
    }

    _ready(list) {
      const ready = [];
      for (const [fd, event] of list) {
        let events = 0;
        if (event & ~this._EVENT_READ) events |= EVENT_WRITE;
        if (event & ~this._EVENT_WRITE) events |= EVENT_READ;
        const key = this._key_from_fd(fd);
        if (key) ready.push([key, events & key.events]);
      }
      return ready;
    }

    _wait(timeout) { throw new Error(`${this.constructor.name} must define _wait(${timeout})`); }

    select(timeout = null, options = undefined) {
      let waited;
      try {
        waited = this._wait(timeout, ...waitOptions(options));
      } catch (e) {
        if (e instanceof sel.error && e.errno === 4) return then([], (v) => v);
        throw e;
      }
      return then(waited, (list) => this._ready(list));
    }
  }

  /** selectors.PollSelector: poll(2). */
  class PollSelector extends PollLikeSelector {
    constructor() {
      super();
      this._selector = new sel.poll();
      this._EVENT_READ = sel.POLLIN;
      this._EVENT_WRITE = sel.POLLOUT;
    }

    _wait(timeout, ...options) {
      if (timeout === null || timeout === undefined) timeout = null;
      else if (timeout <= 0) timeout = 0;
      else timeout = Math.ceil(timeout * 1e3);
      return this._selector.poll(timeout, ...options);
    }
  }

  /** selectors.EpollSelector: epoll(7); DefaultSelector on Linux. */
  class EpollSelector extends PollLikeSelector {
    constructor() {
      super();
      this._selector = new sel.epoll();
      this._EVENT_READ = sel.EPOLLIN;
      this._EVENT_WRITE = sel.EPOLLOUT;
    }

    fileno() { return this._selector.fileno(); }

    _wait(timeout, ...options) {
      if (timeout === null || timeout === undefined) timeout = -1;
      else if (timeout <= 0) timeout = 0;
      // epoll_wait() has a resolution of 1 millisecond: round up, or it spins.
      else timeout = Math.ceil(timeout * 1e3) * 1e-3;
      // The result is at most one entry per registered fd (and epoll needs at least one).
      return this._selector.poll(timeout, Math.max(this._fd_to_key.size, 1), ...options);
    }

    close() {
      this._selector.close();
      return super.close();
    }
  }

  // Python makes a selector with a call (selectors.DefaultSelector()); so can JavaScript.
  const { callable } = sel.internals;
  const Epoll = callable(EpollSelector);
  return {
    EVENT_READ, EVENT_WRITE, SelectorKey, BaseSelector, SelectSelector: callable(SelectSelector),
    PollSelector: callable(PollSelector), EpollSelector: Epoll, DefaultSelector: Epoll, KeyError,
  };
}

module.exports = make(require('./select'), false);
Object.defineProperty(module.exports, 'make', { value: make });
