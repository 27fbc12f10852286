#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""CPython's socket module as the oracle for wasock's sockaddr codecs.

Reads a JSON array of cases on stdin, prints a JSON array of answers. Runs with
capture.c preloaded (see codecs.test.js), so every family CPython was built with can be
checked even where this kernel cannot open the socket: the socket object is CPython's own
over a UDP descriptor, its family/proto as given; bind() then runs CPython's
getsockaddrarg and the shim hands back the bytes it built; getsockname() answers bytes
of the case's choosing and CPython's makesockaddr decodes them.

  {"op": "encode", "family": F, "proto": P, "addr": A} -> {"ok": hex} | {"err": ...}
  {"op": "decode", "family": F, "proto": P, "hex": H}  -> {"ok": value} | {"err": ...}
  {"op": "layouts"} -> {"ok": [[family, proto, addr, hex], ...]} built with struct.pack
  {"op": "has", "name": N} -> {"ok": bool}: does this CPython have socket.N

Values: JSON arrays are tuples, {"$b": hex} bytes, {"$i": "123"} integers beyond 2**53.
"""
import json
import os
import socket
import struct
import sys
import tempfile

BIG = 2 ** 53


def from_json(v):
    if isinstance(v, list):
        return tuple(from_json(x) for x in v)
    if isinstance(v, dict):
        if "$b" in v:
            return bytes.fromhex(v["$b"])
        if "$i" in v:
            return int(v["$i"])
    return v


def to_json(v):
    if isinstance(v, (tuple, list)):
        return [to_json(x) for x in v]
    if isinstance(v, (bytes, bytearray)):
        return {"$b": bytes(v).hex()}
    if isinstance(v, bool):
        return v
    if isinstance(v, int) and abs(v) > BIG:
        return {"$i": str(v)}
    return v


def error(e):
    return {"err": type(e).__name__, "errno": getattr(e, "errno", None), "msg": str(e)}


UDP = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
CAPTURE = os.path.join(tempfile.mkdtemp(prefix="wasock-oracle-"), "sockaddr")


def fake(case):
    return socket.socket(case["family"], socket.SOCK_DGRAM, case.get("proto", 0),
                         fileno=os.dup(UDP.fileno()))


def encode(case):
    s = fake(case)
    try:
        if os.path.exists(CAPTURE):
            os.unlink(CAPTURE)
        os.environ["WASOCK_CAPTURE"] = CAPTURE
        try:
            s.bind(from_json(case["addr"]))
        except Exception as e:  # noqa: BLE001 - the error class is the answer
            if os.path.exists(CAPTURE):
                with open(CAPTURE) as f:
                    return {"ok": f.read()}
            return error(e)
        finally:
            del os.environ["WASOCK_CAPTURE"]
        return {"err": "NoError", "msg": "bind() reached the kernel"}
    finally:
        s.close()


def decode(case):
    s = fake(case)
    try:
        os.environ["WASOCK_FAKE_NAME"] = case["hex"]
        try:
            return {"ok": to_json(s.getsockname())}
        except Exception as e:  # noqa: BLE001
            return error(e)
        finally:
            del os.environ["WASOCK_FAKE_NAME"]
    finally:
        s.close()


def layouts():
    """Expected bytes from the kernel headers' layouts, packed by hand."""
    lo = socket.if_nametoindex("lo")
    out = []

    def add(family, proto, addr, data):
        out.append([family, proto, to_json(addr), data.hex()])

    # struct sockaddr_can: u16 family, pad, int ifindex, union { u32 rx_id, tx_id;
    # u64 name, u32 pgn, u8 addr } (8-aligned: 24 bytes)
    can = socket.AF_CAN
    add(can, socket.CAN_RAW, ("lo",), struct.pack("=H2xi16x", can, lo))
    add(can, socket.CAN_BCM, ("",), struct.pack("=H2xi16x", can, 0))
    add(can, socket.CAN_ISOTP, ("lo", 0x7E0, 0x7E8), struct.pack("=H2xiII8x", can, lo, 0x7E0, 0x7E8))
    add(can, socket.CAN_J1939, ("lo", 0x1122334455667788, 0x12300, 0x20),
        struct.pack("=H2xiQIB3x", can, lo, 0x1122334455667788, 0x12300, 0x20))
    # struct sockaddr_ll: u16 family, be16 protocol, int ifindex, u16 hatype, u8 pkttype,
    # u8 halen, u8 addr[8]
    ll = socket.AF_PACKET
    mac = bytes.fromhex("020000000001")
    add(ll, 0, ("lo", 0x0800), struct.pack("=H", ll) + struct.pack(">H", 0x0800) +
        struct.pack("=iHBB8s", lo, 0, socket.PACKET_HOST, 0, b""))
    add(ll, 0, ("lo", 0x88B5, socket.PACKET_BROADCAST, 1, mac), struct.pack("=H", ll) +
        struct.pack(">H", 0x88B5) + struct.pack("=iHBB8s", lo, 1, socket.PACKET_BROADCAST, 6, mac))
    # struct sockaddr_nl: u16 family, u16 pad, u32 pid, u32 groups
    add(socket.AF_NETLINK, 0, (1234, 5), struct.pack("=H2xII", socket.AF_NETLINK, 1234, 5))
    # struct sockaddr_tipc: u16 family, u8 addrtype, s8 scope, union of u32s
    tipc = socket.AF_TIPC
    add(tipc, 0, (socket.TIPC_ADDR_NAMESEQ, 18888, 1, 9, socket.TIPC_NODE_SCOPE),
        struct.pack("=HBbIII", tipc, socket.TIPC_ADDR_NAMESEQ, socket.TIPC_NODE_SCOPE, 18888, 1, 9))
    add(tipc, 0, (socket.TIPC_ADDR_NAME, 18888, 17, 0),
        struct.pack("=HBbIII", tipc, socket.TIPC_ADDR_NAME, socket.TIPC_CLUSTER_SCOPE, 18888, 17, 0))
    add(tipc, 0, (socket.TIPC_ADDR_ID, 0x1001002, 77, 0, socket.TIPC_ZONE_SCOPE),  # node, ref
        struct.pack("=HBbII4x", tipc, socket.TIPC_ADDR_ID, socket.TIPC_ZONE_SCOPE, 77, 0x1001002))
    # struct sockaddr_alg: u16 family, u8 type[14], u32 feat, u32 mask, u8 name[64]
    add(socket.AF_ALG, 0, ("skcipher", "cbc(aes)", 1, 2),
        struct.pack("=H14sII64s", socket.AF_ALG, b"skcipher", 1, 2, b"cbc(aes)"))
    # struct sockaddr_vm: u16 family, u16 reserved, u32 port, u32 cid, u8 flags, u8 zero[3]
    add(socket.AF_VSOCK, 0, (socket.VMADDR_CID_ANY, 5000),
        struct.pack("=H2xIIB3x", socket.AF_VSOCK, 5000, socket.VMADDR_CID_ANY, 0))
    # struct sockaddr_qrtr: u16 family, pad, u32 node, u32 port
    add(socket.AF_QIPCRTR, 0, (1, 0x4000), struct.pack("=H2xII", socket.AF_QIPCRTR, 1, 0x4000))
    # AF_RDS: a struct sockaddr_in, family AF_INET
    add(socket.AF_RDS, 0, ("127.0.0.1", 4000),
        struct.pack("=H", socket.AF_INET) + struct.pack(">H4s", 4000, bytes([127, 0, 0, 1])) + bytes(8))
    # Bluetooth (BlueZ): bdaddr_t is 6 bytes, least significant first
    bt = getattr(socket, "AF_BLUETOOTH", 31)
    bd = bytes.fromhex("01:23:45:67:89:AB".replace(":", ""))[::-1]
    add(bt, 0, ("01:23:45:67:89:AB", 0x1001), struct.pack("=HH6sHB1x", bt, 0x1001, bd, 0, 0))
    add(bt, 3, ("01:23:45:67:89:AB", 3), struct.pack("=H6sB1x", bt, bd, 3))
    add(bt, 1, (0,), struct.pack("=HHH", bt, 0, 0))
    add(bt, 2, b"01:23:45:67:89:AB", struct.pack("=H6s", bt, bd))
    return out


def main():
    answers = []
    for case in json.load(sys.stdin):
        op = case["op"]
        try:
            if op == "encode":
                answers.append(encode(case))
            elif op == "decode":
                answers.append(decode(case))
            elif op == "layouts":
                answers.append({"ok": layouts()})
            elif op == "has":
                answers.append({"ok": hasattr(socket, case["name"])})
            else:
                answers.append({"err": "BadCase", "msg": op})
        except Exception as e:  # noqa: BLE001 - one bad case must not hide the others
            answers.append({"err": "OracleError", "msg": "%s: %s" % (type(e).__name__, e)})
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
