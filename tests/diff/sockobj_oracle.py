#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CPython's answers for the socket-object differential (tests/diff/sockobj.diff.test.js).

stdin: a JSON list of cases {"state", "mode", "op", "args"} (see sockobj_cases.js);
stdout: one JSON answer per line, in order:
  {"ok": value} | {"err": class, "errno": n} | {"blocks": true}
A call still waiting after 0.25 s counts as blocking (an interval timer raises in it).
Values: None -> null, bytes -> {"$bytes": hex}, sockets -> "socket", descriptors -> "fd",
tuples -> lists; ports other than 0 in (host, port, ...) addresses -> "P".
"""
import json
import os
import signal
import socket
import sys
import tempfile


class Blocked(Exception):
    pass


def on_alarm(signum, frame):
    raise Blocked()


signal.signal(signal.SIGALRM, on_alarm)

closed_port = None


def free_port():
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def make_state(name, mode):
    """Returns (sock, keep) for a fresh state; keep holds the peers alive."""
    keep = []
    if name in ('tcp', 'listen', 'closed', 'detached'):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    elif name == 'tcp6':
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    elif name in ('udp', 'udp_bound', 'udp_data'):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    elif name.startswith('pair') or name == 'closed_pair':
        s, b = socket.socketpair()
        keep.append(b)
    elif name == 'unix_dgram':
        s, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
        keep.append(b)
        b.send(b'dgram')
    else:
        raise ValueError(name)
    if mode == 'nonblock':
        s.setblocking(False)
    elif mode == 'timeout':
        s.settimeout(0.05)
    if name in ('udp_bound', 'udp_data', 'listen'):
        s.bind(('127.0.0.1', 0))
    if name == 'udp_data':
        p = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        p.sendto(b'hello', s.getsockname())
        p.close()
        keep.append(None)
    if name == 'listen':
        s.listen()
    if name in ('pair_data', 'closed_pair'):
        keep[0].sendall(b'hello')
    if name == 'pair_eof':
        keep[0].close()
    if name in ('closed', 'closed_pair'):
        s.close()
    if name == 'detached':
        os.close(s.detach())
    return s, keep


def arg(v, s):
    if isinstance(v, dict):
        if '$bytes' in v:
            return bytes.fromhex(v['$bytes'])
        if '$buf' in v:
            return bytearray(v['$buf'])
        if '$bufs' in v:
            return [bytearray(n) for n in v['$bufs']]
    if v == '$CLOSED_ADDR':
        return ('127.0.0.1', closed_port)
    if v == '$FILE':
        return file_for_sendfile
    if isinstance(v, list):
        return tuple(arg(x, s) for x in v)
    return v


def norm(v, op):
    if v is None or isinstance(v, (bool, float, str)):
        return v
    if isinstance(v, int):
        if op in ('fileno', 'detach') and v >= 0:
            return 'fd'
        return v
    if isinstance(v, (bytes, bytearray)):
        return {'$bytes': bytes(v).hex()}
    if isinstance(v, socket.socket):
        v.close()
        return 'socket'
    if isinstance(v, (list, tuple)):
        out = [norm(x, op) for x in v]
        if len(out) in (2, 4) and isinstance(out[0], str) and isinstance(out[1], int) \
                and not isinstance(out[1], bool) and out[1] != 0:
            out[1] = 'P'
        return out
    return repr(v)


def py_class(e):
    if isinstance(e, (ValueError, OverflowError)):
        return 'RangeError'
    return type(e).__name__


file_for_sendfile = None


def run(case):
    global file_for_sendfile
    s, keep = make_state(case['state'], case['mode'])
    op = case['op']
    file_for_sendfile = None
    if op == 'sendfile':
        file_for_sendfile = tempfile.TemporaryFile()
        file_for_sendfile.write(b'0123456789')
        file_for_sendfile.seek(0)
    args = [arg(a, s) for a in case['args']]
    signal.setitimer(signal.ITIMER_REAL, 0.25)
    try:
        if op in ('family', 'type', 'proto'):
            v = int(getattr(s, op))
        elif op == 'recv_into' or op == 'recvfrom_into':
            r = getattr(s, op)(*args)
            v = [r, args[0]]
        elif op == 'recvmsg_into':
            r = s.recvmsg_into(*args)
            v = [r, args[0]]
        elif op == 'sendfile':
            n = s.sendfile(*args)
            v = [n, file_for_sendfile.tell()]
        elif op == 'close2':
            s.close()
            v = s.close()
        elif op.startswith('mf_'):
            f = s.makefile(args[0])
            try:
                v = getattr(f, op[3:])(*args[1:])
                if op == 'mf_write':
                    f.flush()
            finally:
                try:
                    f.close()
                except Exception:
                    pass
        else:
            v = getattr(s, op)(*args)
        out = {'ok': norm(v, op)}
    except Blocked:
        out = {'blocks': True}
    except Exception as e:
        out = {'err': py_class(e), 'errno': getattr(e, 'errno', None)}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    s.close()
    for k in keep:
        if k is not None:
            k.close()
    if file_for_sendfile:
        file_for_sendfile.close()
    return out


def main():
    global closed_port
    closed_port = free_port()
    for case in json.load(sys.stdin):
        print(json.dumps(run(case)), flush=True)


main()
