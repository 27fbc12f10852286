#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference answers from CPython's socket module for the module-function differential
suite (tests/diff/module.diff.test.js).

stdin:  a JSON list of cases, each one of
  {"call": "<socket module function>", "args": [value...]}
  {"sockaddr": family, "addr": value}        what bind()/connect() make of an address
  {"timeout": value}                         setdefaulttimeout(value); getdefaulttimeout()
stdout: a JSON list, one answer per case:
  {"ok": value}
  {"err": "TypeError" | "RangeError" | "OSError" | "gaierror" | "herror" | "timeout",
   "errno": int or null, "py": "<Python class>", "msg": "<str(exception)>"}
  {"skip": "<reason>"}                       Python cannot answer this case here
A sockaddr answer is {"ok": {"bytes": hex, "decoded": address}}: the native sockaddr
built from the tuple as Python's getsockaddrarg fills it in, and the address Python's
makesockaddr reports for those bytes (inet_ntop text, no %scope; the scope is the
tuple's last item).

Values: JSON null/bool/str/list, integers (beyond 2**53: {"$int": "decimal"}), floats
({"$float": "nan" | "inf" | "-inf"} for the non-finite ones), bytes ({"$bytes": hex}).
Argument lists become tuples, as Python addresses are tuples.

Nothing here changes the machine: addresses are validated with connect() on
unconnected datagram sockets (no packet leaves), never bind().
"""
import json
import math
import socket
import struct
import sys

SAFE = 2 ** 53


def decode(v, top=True):
    if isinstance(v, list):
        t = [decode(x, False) for x in v]
        return t if top else tuple(t)
    if isinstance(v, dict):
        if "$int" in v:
            return int(v["$int"])
        if "$float" in v:
            return float(v["$float"])
        if "$bytes" in v:
            return bytes.fromhex(v["$bytes"])
        raise ValueError("bad value %r" % (v,))
    return v


def encode(v):
    if isinstance(v, bool) or v is None or isinstance(v, str):
        return v
    if isinstance(v, int):
        v = int(v)
        return v if -SAFE < v < SAFE else {"$int": str(v)}
    if isinstance(v, float):
        if math.isnan(v):
            return {"$float": "nan"}
        if math.isinf(v):
            return {"$float": "inf" if v > 0 else "-inf"}
        return v
    if isinstance(v, (bytes, bytearray)):
        return {"$bytes": bytes(v).hex()}
    if isinstance(v, (list, tuple)):
        return [encode(x) for x in v]
    raise TypeError("cannot encode %r" % (v,))


def err(e):
    """Python's exception as the class wasock must raise for it."""
    if isinstance(e, socket.gaierror):
        cls = "gaierror"
    elif isinstance(e, socket.herror):
        cls = "herror"
    elif isinstance(e, TimeoutError) and e.errno is None:
        cls = "timeout"
    elif isinstance(e, OSError):
        cls = "OSError"
    elif isinstance(e, TypeError):
        cls = "TypeError"
    elif isinstance(e, (ValueError, OverflowError)):
        cls = "RangeError"  # UnicodeError is a ValueError
    else:
        cls = type(e).__name__
    errno = e.errno if isinstance(e, OSError) else None
    return {"err": cls, "errno": errno, "py": type(e).__name__, "msg": str(e)}


def run_call(case):
    fn = getattr(socket, case["call"])
    try:
        return {"ok": encode(fn(*decode(case["args"])))}
    except Exception as e:  # noqa: BLE001 - the exception is the answer
        return err(e)


def is_parse_error(e):
    """An exception raised while Python turned the tuple into a sockaddr, not by the
    system call that used it: those carry no errno, or are gaierror."""
    return isinstance(e, socket.gaierror) or not isinstance(e, OSError) or e.errno is None


def inet_expected(family, addr):
    host, port = addr[0], int(addr[1])
    flow = addr[2] & 0xffffffff if len(addr) > 2 else 0
    scope = addr[3] & 0xffffffff if len(addr) > 3 else 0
    if isinstance(host, (bytes, bytearray)):
        host = bytes(host).decode("ascii")
    # Python's setipaddr: '' is the wildcard, '<broadcast>' INADDR_BROADCAST, else the
    # first answer of getaddrinfo(host, NULL, family).
    if host == "":
        ip = socket.getaddrinfo(None, 0, family, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE)[0][4][0]
    elif host in ("<broadcast>", "255.255.255.255"):
        ip = "255.255.255.255"
    else:
        ip = socket.getaddrinfo(host, None, family)[0][4][0]
    ip = ip.split("%")[0]
    packed = socket.inet_pton(family, ip)
    if family == socket.AF_INET:
        raw = struct.pack("<H", family) + struct.pack(">H", port) + packed + bytes(8)
        return raw, [socket.inet_ntop(family, packed), port]
    raw = (struct.pack("<H", family) + struct.pack(">HI", port, flow) + packed
           + struct.pack("<I", scope))
    return raw, [socket.inet_ntop(family, packed), port, flow, scope]


def unix_expected(addr):
    path = addr.encode("utf-8", "surrogateescape") if isinstance(addr, str) else bytes(addr)
    raw = struct.pack("<H", socket.AF_UNIX) + path
    if path and path[0] != 0:
        raw += b"\0"
        decoded = path.split(b"\0")[0].decode("utf-8", "surrogateescape")
    else:
        decoded = path if path else ""
    return raw, decoded


def run_sockaddr(case):
    family = case["sockaddr"]
    addr = decode([case["addr"]])[0]
    with socket.socket(family, socket.SOCK_DGRAM) as s:
        try:
            s.connect(addr)
        except Exception as e:  # noqa: BLE001
            if is_parse_error(e):
                return err(e)
    try:
        if family == socket.AF_UNIX:
            raw, decoded = unix_expected(addr)
        else:
            raw, decoded = inet_expected(family, addr)
    except Exception as e:  # noqa: BLE001
        return {"skip": "python cannot build the expected sockaddr: %r" % (e,)}
    return {"ok": {"bytes": raw.hex(), "decoded": encode(decoded)}}


def run_timeout(case):
    old = socket.getdefaulttimeout()
    try:
        socket.setdefaulttimeout(decode([case["timeout"]])[0])
        return {"ok": encode(socket.getdefaulttimeout())}
    except Exception as e:  # noqa: BLE001
        return err(e)
    finally:
        socket.setdefaulttimeout(old)


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        if "call" in case:
            out.append(run_call(case))
        elif "sockaddr" in case:
            out.append(run_sockaddr(case))
        elif "timeout" in case:
            out.append(run_timeout(case))
        else:
            out.append({"skip": "unknown case"})
    json.dump(out, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
