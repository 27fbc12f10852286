# SPDX-License-Identifier: MIT
# The oracle of tests/select/differential.test.js: the same situations, given to
# CPython's select module; prints {scenario: result} as JSON. fds appear as their index
# in the scenario's list of sockets; Python's ValueError and OverflowError print as
# RangeError (wasock's class for them).
import json
import select
import socket
import sys
import time

OPEN = []


def track(*socks):
    OPEN.extend(socks)
    return socks if len(socks) > 1 else socks[0]


def err(e):
    name = type(e).__name__
    name = {'ValueError': 'RangeError', 'OverflowError': 'RangeError'}.get(name, name)
    out = {'error': name}
    if isinstance(e, OSError):
        out['errno'] = e.errno
    return out


def run(f):
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - every class is the answer
        return err(e)


def idx(objs, lst):
    return [objs.index(o) for o in lst]


def fdx(socks, pairs):
    fds = [s if isinstance(s, int) else s.fileno() for s in socks]
    return [[fds.index(fd), ev] for fd, ev in pairs]


def pair():
    return track(*socket.socketpair())


def tcp_pair():
    lst = track(socket.create_server(('127.0.0.1', 0)))
    c = track(socket.create_connection(lst.getsockname()))
    s, _ = lst.accept()
    track(s)
    return lst, c, s


def refused():
    # A port with nothing listening: connect() gets a reset.
    t = socket.socket()
    t.bind(('127.0.0.1', 0))
    port = t.getsockname()[1]
    t.close()
    c = track(socket.socket())
    c.setblocking(False)
    c.connect_ex(('127.0.0.1', port))
    return c


def closed_fd():
    s = socket.socket()
    fd = s.fileno()
    s.close()
    return fd


def fill(a):
    a.setblocking(False)
    try:
        while True:
            a.send(b'x' * 65536)
    except BlockingIOError:
        pass


def drain(b):
    b.setblocking(False)
    try:
        while b.recv(1 << 20):
            pass
    except BlockingIOError:
        pass


def elapsed_at_least(f, seconds):
    t0 = time.monotonic()
    r = f()
    return [r, time.monotonic() - t0 >= seconds * 0.9]


S = {}


def scenario(f):
    S[f.__name__] = f
    return f


@scenario
def select_data():
    a, b = pair()
    before = select.select([a, b], [], [a, b], 0)
    b.send(b'x')
    objs = [a, b]
    return [[idx(objs, l) for l in before], [idx(objs, l) for l in select.select([a, b], [a, b], [a, b], 0)]]


@scenario
def select_eof():
    a, b = pair()
    b.close()
    return [idx([a], l) for l in select.select([a], [a], [a], 0)]


@scenario
def select_accept_pending():
    lst = track(socket.create_server(('127.0.0.1', 0)))
    before = select.select([lst], [lst], [], 0)
    track(socket.create_connection(lst.getsockname()))
    after = select.select([lst], [lst], [], 5)
    return [[idx([lst], l) for l in before], [idx([lst], l) for l in after]]


@scenario
def select_writable_after_drain():
    a, b = pair()
    fill(a)
    full = select.select([], [a], [], 0)
    drain(b)
    freed = select.select([], [a], [], 0)
    return [idx([a], full[1]), idx([a], freed[1])]


@scenario
def select_timeouts():
    a, b = pair()
    zero = select.select([a], [], [], 0)
    frac = elapsed_at_least(lambda: select.select([a], [], [], 0.05), 0.05)
    b.send(b'x')
    none = select.select([a], [], [], None)
    return [[len(l) for l in zero], [[len(l) for l in frac[0]], frac[1]], [len(l) for l in none]]


@scenario
def select_errors():
    a, b = pair()
    c = socket.socket()
    c.close()
    return [
        run(lambda: select.select([closed_fd()], [], [], 0)),
        run(lambda: select.select([c], [], [], 0)),
        run(lambda: select.select([a], [], [], -1)),
        run(lambda: select.select([a], [], [], 'x')),
        run(lambda: select.select([-1], [], [], 0)),
        run(lambda: select.select([1024], [], [], 0)),
        run(lambda: select.select([object()], [], [], 0)),
        run(lambda: select.select(1, [], [], 0)),
        run(lambda: select.select([a], [], [], float('nan'))),
        # The timeout is checked before the lists.
        run(lambda: select.select(1, [], [], 'x')),
        run(lambda: select.select(None, [], [], -1)),
        run(lambda: select.select([object()], [], [], 'x')),
    ]


@scenario
def select_duplicates():
    a, b = pair()
    b.send(b'x')
    fd = a.fileno()
    return [idx([a, fd], l) for l in select.select([a, a, fd], [fd], [], 0)]


@scenario
def select_refused():
    c = refused()
    select.select([], [c], [], 5)
    return [len(l) for l in select.select([c], [c], [c], 0)]


@scenario
def poll_basic():
    a, b = pair()
    p = select.poll()
    p.register(a)
    first = fdx([a], p.poll(0))
    b.send(b'x')
    return [first, fdx([a], p.poll(0)), fdx([a], p.poll(None)), fdx([a], p.poll(-1))]


@scenario
def poll_eof():
    a, b = pair()
    b.close()
    p = select.poll()
    p.register(a)
    q = select.poll()
    q.register(a, select.POLLIN | select.POLLRDHUP)
    return [fdx([a], p.poll(0)), fdx([a], q.poll(0))]


@scenario
def poll_hup_tcp():
    lst, c, s = tcp_pair()
    c.shutdown(socket.SHUT_RDWR)
    p = select.poll()
    p.register(c)
    p.register(s, select.POLLIN | select.POLLOUT | select.POLLRDHUP)
    time.sleep(0.05)
    return fdx([c, s], p.poll(0))


@scenario
def poll_err():
    c = refused()
    p = select.poll()
    p.register(c, select.POLLOUT)
    return fdx([c], p.poll(5000))


@scenario
def poll_nval():
    fd = closed_fd()
    p = select.poll()
    p.register(fd)
    return fdx([fd], p.poll(0))


@scenario
def poll_modify():
    a, b = pair()
    p = select.poll()
    p.register(a, select.POLLIN)
    r = [fdx([a], p.poll(0))]
    p.modify(a, select.POLLOUT)
    r.append(fdx([a], p.poll(0)))
    p.register(a, select.POLLIN | select.POLLOUT)
    r.append(fdx([a], p.poll(0)))
    r.append(run(lambda: p.modify(b, select.POLLIN)))
    r.append(run(lambda: p.unregister(b)))
    p.unregister(a)
    r.append(p.poll(0))
    r.append(run(lambda: p.register(a, 0x10000)))
    r.append(run(lambda: p.register(a, -1)))
    r.append(run(lambda: p.register(-1)))
    r.append(run(lambda: p.poll('x')))
    return r


@scenario
def poll_timeouts():
    a, b = pair()
    p = select.poll()
    p.register(a, select.POLLIN)
    return [p.poll(0), elapsed_at_least(lambda: p.poll(30.5), 0.03)]


@scenario
def epoll_basic():
    a, b = pair()
    ep = select.epoll()
    ep.register(a)
    r = [fdx([a], ep.poll(0))]
    b.send(b'x')
    r.append(fdx([a], ep.poll(0)))
    r.append(run(lambda: ep.register(a)))
    ep.modify(a, select.EPOLLIN)
    r.append(fdx([a], ep.poll(None)))
    ep.unregister(a)
    r.append(ep.poll(0))
    r.append(run(lambda: ep.unregister(a)))
    r.append(run(lambda: ep.modify(a, select.EPOLLIN)))
    r.append(run(lambda: ep.register(closed_fd())))
    r.append(run(lambda: ep.poll(0, 0)))
    r.append(run(lambda: ep.poll(0, -2)))
    r.append(elapsed_at_least(lambda: ep.poll(0.03), 0.03))
    r.append([ep.closed, ep.close(), ep.closed, ep.close()])
    r.append(run(lambda: ep.poll(0)))
    r.append(run(lambda: ep.fileno()))
    r.append(run(lambda: ep.register(a)))
    return r


@scenario
def epoll_maxevents():
    socks = []
    ep = select.epoll()
    for _ in range(3):
        a, b = pair()
        b.send(b'x')
        ep.register(a, select.EPOLLIN)
        socks.append(a)
    n = [len(ep.poll(0, 2)), len(ep.poll(0)), len(ep.poll(0, 1))]
    ep.close()
    return n


@scenario
def epoll_closed_fd_forgotten():
    a, b = pair()
    ep = select.epoll()
    ep.register(a)
    b.send(b'x')
    first = len(ep.poll(0))
    a.close()
    return [first, ep.poll(0)]


@scenario
def epoll_hup_err():
    a, b = pair()
    b.close()
    c = refused()
    ep = select.epoll()
    ep.register(a, select.EPOLLIN | select.EPOLLRDHUP)
    ep.register(c, select.EPOLLOUT)
    time.sleep(0.05)
    r = sorted(fdx([a, c], ep.poll(5)))
    ep.close()
    return r


if __name__ == '__main__':
    names = sys.argv[1:] or list(S)
    print(json.dumps({n: run(S[n]) for n in names}))
