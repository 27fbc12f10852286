# SPDX-License-Identifier: MIT
# The oracle of tests/select/selectors.test.js: CPython's selectors module, each selector
# class through the same steps; prints {class: [step results]} as JSON.
import json
import selectors
import socket


def err(e):
    name = type(e).__name__
    return {'error': {'ValueError': 'RangeError', 'RuntimeError': 'Error'}.get(name, name)}


def run(f):
    try:
        return f()
    except Exception as e:  # noqa: BLE001 - the class is the answer
        return err(e)


class Closed:
    """A file object whose fileno() fails, as a closed file's does."""
    def fileno(self):
        raise ValueError('closed')


def steps(cls):
    a, b = socket.socketpair()
    c, d = socket.socketpair()
    sel = cls()
    out = []
    names = {a.fileno(): 'a', c.fileno(): 'c'}

    def ready(timeout=0):
        return sorted([names[k.fd], k.data, mask] for k, mask in sel.select(timeout))

    key = sel.register(a, selectors.EVENT_READ, 'A')
    out.append([key.fileobj is a, key.fd == a.fileno(), key.events, key.data])
    out.append(ready())
    b.send(b'x')
    out.append(ready())
    out.append(ready(None))
    out.append(run(lambda: sel.register(a, selectors.EVENT_READ)))
    out.append(run(lambda: sel.register(c, 0)))
    out.append(run(lambda: sel.register(c, 4)))
    out.append(run(lambda: sel.register(-1, selectors.EVENT_READ)))
    out.append(run(lambda: sel.register(object(), selectors.EVENT_READ)))
    sel.register(c, selectors.EVENT_WRITE, 'C')
    out.append(ready())
    key = sel.modify(c, selectors.EVENT_READ | selectors.EVENT_WRITE, 'C2')
    out.append([key.events, key.data])
    out.append(ready())
    key = sel.modify(a, selectors.EVENT_READ, 'A2')
    out.append([key.events, key.data, sel.get_key(a).data])
    out.append(run(lambda: sel.modify(b, selectors.EVENT_READ).events))
    out.append(run(lambda: sel.modify(a, 0).events))
    out.append([len(sel.get_map()), sorted(names[fd] for fd in sel.get_map()), sel.get_map()[c].data])
    out.append(run(lambda: sel.get_key(b)))
    key = sel.unregister(c)
    out.append([key.data, len(sel.get_map())])
    out.append(run(lambda: sel.unregister(c)))
    out.append(ready(0.01))
    out.append(run(lambda: sel.unregister(a).data))
    out.append(ready(0.01))
    closed = Closed()
    out.append(run(lambda: sel.register(closed, selectors.EVENT_READ)))
    sel.close()
    out.append(run(lambda: sel.get_key(a)))
    out.append(sel.get_map())
    for s in (a, b, c, d):
        s.close()
    return out


print(json.dumps({cls.__name__: steps(cls) for cls in (
    selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector)}))
