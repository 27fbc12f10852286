#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CPython's answers for the wasock/inet differential (tests/browser/differential.test.js).

stdin:  {"calls": [{"fn": name, "args": [...]}, ...]}   or   {"boundaries": true}
stdout: {"python": version, "cve_2024_4032_fixed": bool, "results": [...]}
        or {"boundaries": [address text, ...]}

Values use the runner's JSON encoding (tests/browser/runner.mjs): bytes {"$bytes": hex}.
Each result is {"ok": value} or {"err": class, "errno": n}, the class named as wasock
raises it: OSError, gaierror, TypeError, and RangeError for ValueError / OverflowError.
The ip_* functions are wasock/inet's shapes over the ipaddress module.
"""
import ipaddress
import json
import socket
import sys

# CPython 3.11.10 / 3.12.4 / Debian's 3.11.2-6+deb12u2 (CVE-2024-4032) added the
# exception lists and corrected the tables; wasock follows the corrected ones.
FIXED = hasattr(ipaddress._IPv4Constants, "_private_networks_exceptions")


def dec(v):
    if isinstance(v, list):
        return [dec(x) for x in v]
    if isinstance(v, dict):
        if "$bytes" in v:
            return bytes.fromhex(v["$bytes"])
        return {k: dec(x) for k, x in v.items()}
    return v


def enc(v):
    if isinstance(v, bytes):
        return {"$bytes": v.hex()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    return v


def ip_address(a):
    x = ipaddress.ip_address(a)
    return [x.version, x.packed, getattr(x, "scope_id", None)]


def ip_network(n, strict=True):
    x = ipaddress.ip_network(n, strict)
    return [x.version, x.network_address.packed, x.prefixlen]


def ip_network_contains(n, a, strict=True):
    return ipaddress.ip_address(a) in ipaddress.ip_network(n, strict)


def ip_address_info(a):
    x = ipaddress.ip_address(a)
    mapped = getattr(x, "ipv4_mapped", None)
    return {
        "version": x.version, "is_private": x.is_private, "is_global": x.is_global,
        "is_loopback": x.is_loopback, "is_link_local": x.is_link_local,
        "is_multicast": x.is_multicast, "is_reserved": x.is_reserved,
        "is_unspecified": x.is_unspecified, "ipv4_mapped": str(mapped) if mapped else None,
    }


FNS = {
    "inet_aton": socket.inet_aton, "inet_ntoa": socket.inet_ntoa,
    "inet_pton": socket.inet_pton, "inet_ntop": socket.inet_ntop,
    "ip_address": ip_address, "ip_network": ip_network,
    "ip_network_contains": ip_network_contains, "ip_address_info": ip_address_info,
}


def call(c):
    try:
        return {"ok": enc(FNS[c["fn"]](*dec(c["args"])))}
    except socket.gaierror as e:
        return {"err": "gaierror", "errno": e.errno}
    except OSError as e:
        return {"err": "OSError", "errno": e.errno}
    except TypeError:
        return {"err": "TypeError", "errno": None}
    except (ValueError, OverflowError):
        return {"err": "RangeError", "errno": None}


def boundaries():
    """Every special range's first and last address and their neighbours, and the
    IPv4-mapped form of each IPv4 one."""
    out = []
    for consts in (ipaddress._IPv4Constants, ipaddress._IPv6Constants):
        for value in vars(consts).values():
            nets = value if isinstance(value, list) else [value]
            for net in nets:
                if not isinstance(net, (ipaddress.IPv4Network, ipaddress.IPv6Network)):
                    continue
                first, last = int(net.network_address), int(net.broadcast_address)
                for i in (first - 1, first, first + 1, last - 1, last, last + 1):
                    if 0 <= i < 2 ** net.max_prefixlen:
                        cls = ipaddress.IPv4Address if net.version == 4 else ipaddress.IPv6Address
                        a = cls(i)
                        out.append(str(a))
                        if net.version == 4:
                            out.append("::ffff:" + str(a))
    return list(dict.fromkeys(out))


def main():
    req = json.load(sys.stdin)
    if req.get("boundaries"):
        out = {"boundaries": boundaries()}
    else:
        out = {"python": sys.version.split()[0], "executable": sys.executable,
               "cve_2024_4032_fixed": FIXED, "results": [call(c) for c in req["calls"]]}
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
