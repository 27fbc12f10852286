#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference answers from CPython's socket module (glibc inet_* underneath).

stdin:  {"aton": [str...], "pton4": [str...], "pton6": [str...],
         "ntop4": [hex...], "ntop6": [hex...]}   (every key optional)
stdout: the same keys, each mapped to a list of {"ok": ...} / {"err": ...}:
  aton, pton4, pton6 -> {"ok": "<hex of packed bytes>"}
  ntop4, ntop6       -> {"ok": "<text>"}
  failure            -> {"err": "<Python exception class name>"}
"""
import json
import socket
import sys


def _call(fn, arg):
    try:
        r = fn(arg)
    except Exception as e:  # noqa: BLE001 - the class name is the answer
        return {"err": type(e).__name__}
    return {"ok": r.hex() if isinstance(r, bytes) else r}


OPS = {
    "aton": socket.inet_aton,
    "pton4": lambda s: socket.inet_pton(socket.AF_INET, s),
    "pton6": lambda s: socket.inet_pton(socket.AF_INET6, s),
    "ntop4": lambda h: socket.inet_ntop(socket.AF_INET, bytes.fromhex(h)),
    "ntop6": lambda h: socket.inet_ntop(socket.AF_INET6, bytes.fromhex(h)),
}


def main():
    req = json.load(sys.stdin)
    out = {k: [_call(OPS[k], x) for x in v] for k, v in req.items() if k in OPS}
    json.dump(out, sys.stdout, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
