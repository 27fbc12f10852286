// SPDX-License-Identifier: MIT
// tests/select/scenarios.py, translated: the same situations given to wasock/select.
// Each scenario returns what the Python one returns (fds as indices, error classes by
// name, with errno for OSError).
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const select = require(path.join(ROOT, 'bridge', 'select.js'));

let OPEN = [];

function track(...socks) {
  OPEN.push(...socks);
  return socks.length > 1 ? socks : socks[0];
}

function closeAll() {
  for (const s of OPEN) s.close();
  OPEN = [];
}

function err(e) {
  const out = { error: e.name };
  if (e instanceof socket.OSError) out.errno = e.errno;
  return out;
}

function run(f) {
  try {
    return f();
  } catch (e) {
    return err(e);
  }
}

const idx = (objs, lst) => lst.map((o) => objs.indexOf(o));

function fdx(socks, pairs) {
  const fds = socks.map((s) => (typeof s === 'number' ? s : s.fileno()));
  return pairs.map(([fd, ev]) => [fds.indexOf(fd), ev]);
}

const pair = () => track(...socket.socketpair());

function tcp_pair() {
  const lst = track(socket.create_server(['127.0.0.1', 0]));
  const c = track(socket.create_connection(lst.getsockname()));
  const [s] = lst.accept();
  track(s);
  return [lst, c, s];
}

function refused() {
  const t = socket.socket();
  t.bind(['127.0.0.1', 0]);
  const port = t.getsockname()[1];
  t.close();
  const c = track(socket.socket());
  c.setblocking(false);
  c.connect_ex(['127.0.0.1', port]);
  return c;
}

function closed_fd() {
  const s = socket.socket();
  const fd = s.fileno();
  s.close();
  return fd;
}

function fill(a) {
  a.setblocking(false);
  try {
    for (;;) a.send(Buffer.alloc(65536, 'x'));
  } catch (e) {
    if (!(e instanceof socket.BlockingIOError)) throw e;
  }
}

function drain(b) {
  b.setblocking(false);
  try {
    while (b.recv(1 << 20).length);
  } catch (e) {
    if (!(e instanceof socket.BlockingIOError)) throw e;
  }
}

function sleep(s) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, s * 1000);
}

function elapsed_at_least(f, seconds) {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000 >= seconds * 0.9];
}

const S = {
  select_data() {
    const [a, b] = pair();
    const before = select.select([a, b], [], [a, b], 0);
    b.send(Buffer.from('x'));
    const objs = [a, b];
    return [before.map((l) => idx(objs, l)), select.select([a, b], [a, b], [a, b], 0).map((l) => idx(objs, l))];
  },

  select_eof() {
    const [a, b] = pair();
    b.close();
    return select.select([a], [a], [a], 0).map((l) => idx([a], l));
  },

  select_accept_pending() {
    const lst = track(socket.create_server(['127.0.0.1', 0]));
    const before = select.select([lst], [lst], [], 0);
    track(socket.create_connection(lst.getsockname()));
    const after = select.select([lst], [lst], [], 5);
    return [before.map((l) => idx([lst], l)), after.map((l) => idx([lst], l))];
  },

  select_writable_after_drain() {
    const [a, b] = pair();
    fill(a);
    const full = select.select([], [a], [], 0);
    drain(b);
    const freed = select.select([], [a], [], 0);
    return [idx([a], full[1]), idx([a], freed[1])];
  },

  select_timeouts() {
    const [a, b] = pair();
    const zero = select.select([a], [], [], 0);
    const frac = elapsed_at_least(() => select.select([a], [], [], 0.05), 0.05);
    b.send(Buffer.from('x'));
    const none = select.select([a], [], [], null);
    return [zero.map((l) => l.length), [frac[0].map((l) => l.length), frac[1]], none.map((l) => l.length)];
  },

  select_errors() {
    const [a] = pair();
    const c = socket.socket();
    c.close();
    return [
      run(() => select.select([closed_fd()], [], [], 0)),
      run(() => select.select([c], [], [], 0)),
      run(() => select.select([a], [], [], -1)),
      run(() => select.select([a], [], [], 'x')),
      run(() => select.select([-1], [], [], 0)),
      run(() => select.select([1024], [], [], 0)),
      run(() => select.select([{}], [], [], 0)),
      run(() => select.select(1, [], [], 0)),
      run(() => select.select([a], [], [], NaN)),
      // The timeout is checked before the lists.
      run(() => select.select(1, [], [], 'x')),
      run(() => select.select(null, [], [], -1)),
      run(() => select.select([{}], [], [], 'x')),
    ];
  },

  select_duplicates() {
    const [a, b] = pair();
    b.send(Buffer.from('x'));
    const fd = a.fileno();
    return select.select([a, a, fd], [fd], [], 0).map((l) => idx([a, fd], l));
  },

  select_refused() {
    const c = refused();
    select.select([], [c], [], 5);
    return select.select([c], [c], [c], 0).map((l) => l.length);
  },

  poll_basic() {
    const [a, b] = pair();
    const p = new select.poll();
    p.register(a);
    const first = fdx([a], p.poll(0));
    b.send(Buffer.from('x'));
    return [first, fdx([a], p.poll(0)), fdx([a], p.poll(null)), fdx([a], p.poll(-1))];
  },

  poll_eof() {
    const [a, b] = pair();
    b.close();
    const p = new select.poll();
    p.register(a);
    const q = new select.poll();
    q.register(a, select.POLLIN | select.POLLRDHUP);
    return [fdx([a], p.poll(0)), fdx([a], q.poll(0))];
  },

  poll_hup_tcp() {
    const [, c, s] = tcp_pair();
    c.shutdown(socket.SHUT_RDWR);
    const p = new select.poll();
    p.register(c);
    p.register(s, select.POLLIN | select.POLLOUT | select.POLLRDHUP);
    sleep(0.05);
    return fdx([c, s], p.poll(0));
  },

  poll_err() {
    const c = refused();
    const p = new select.poll();
    p.register(c, select.POLLOUT);
    return fdx([c], p.poll(5000));
  },

  poll_nval() {
    const fd = closed_fd();
    const p = new select.poll();
    p.register(fd);
    return fdx([fd], p.poll(0));
  },

  poll_modify() {
    const [a, b] = pair();
    const p = new select.poll();
    p.register(a, select.POLLIN);
    const r = [fdx([a], p.poll(0))];
    p.modify(a, select.POLLOUT);
    r.push(fdx([a], p.poll(0)));
    p.register(a, select.POLLIN | select.POLLOUT);
    r.push(fdx([a], p.poll(0)));
    r.push(run(() => p.modify(b, select.POLLIN)));
    r.push(run(() => p.unregister(b)));
    p.unregister(a);
    r.push(p.poll(0));
    r.push(run(() => p.register(a, 0x10000)));
    r.push(run(() => p.register(a, -1)));
    r.push(run(() => p.register(-1)));
    r.push(run(() => p.poll('x')));
    return r;
  },

  poll_timeouts() {
    const [a] = pair();
    const p = new select.poll();
    p.register(a, select.POLLIN);
    return [p.poll(0), elapsed_at_least(() => p.poll(30.5), 0.03)];
  },

  epoll_basic() {
    const [a, b] = pair();
    const ep = new select.epoll();
    ep.register(a);
    const r = [fdx([a], ep.poll(0))];
    b.send(Buffer.from('x'));
    r.push(fdx([a], ep.poll(0)));
    r.push(run(() => ep.register(a)));
    ep.modify(a, select.EPOLLIN);
    r.push(fdx([a], ep.poll(null)));
    ep.unregister(a);
    r.push(ep.poll(0));
    r.push(run(() => ep.unregister(a)));
    r.push(run(() => ep.modify(a, select.EPOLLIN)));
    r.push(run(() => ep.register(closed_fd())));
    r.push(run(() => ep.poll(0, 0)));
    r.push(run(() => ep.poll(0, -2)));
    r.push(elapsed_at_least(() => ep.poll(0.03), 0.03));
    r.push([ep.closed, ep.close(), ep.closed, ep.close()]);
    r.push(run(() => ep.poll(0)));
    r.push(run(() => ep.fileno()));
    r.push(run(() => ep.register(a)));
    return r;
  },

  epoll_maxevents() {
    const ep = new select.epoll();
    for (let i = 0; i < 3; i++) {
      const [a, b] = pair();
      b.send(Buffer.from('x'));
      ep.register(a, select.EPOLLIN);
    }
    const n = [ep.poll(0, 2).length, ep.poll(0).length, ep.poll(0, 1).length];
    ep.close();
    return n;
  },

  epoll_closed_fd_forgotten() {
    const [a, b] = pair();
    const ep = new select.epoll();
    ep.register(a);
    b.send(Buffer.from('x'));
    const first = ep.poll(0).length;
    a.close();
    const r = [first, ep.poll(0)];
    ep.close();
    return r;
  },

  epoll_hup_err() {
    const [a, b] = pair();
    b.close();
    const c = refused();
    const ep = new select.epoll();
    ep.register(a, select.EPOLLIN | select.EPOLLRDHUP);
    ep.register(c, select.EPOLLOUT);
    sleep(0.05);
    const r = fdx([a, c], ep.poll(5)).sort((x, y) => x[0] - y[0]);
    ep.close();
    return r;
  },
};

function runScenario(name) {
  try {
    return run(S[name]);
  } finally {
    closeAll();
  }
}

module.exports = { S, runScenario };
