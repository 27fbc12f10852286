#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Kernel-family checks with CPython's socket module and can-utils as real peers.

Meant to run inside the wasock test VM (tests/vm/run.js), where Debian's stock kernel has
the CAN, ALG, TIPC, RDS, QIPCRTR, Bluetooth and VSOCK-loopback modules loaded and
vcan0/vcan1 are up. Prints one JSON object per check on stdout:
  {"check": name, "status": "pass"|"fail"|"skip", "detail": ..., "reason": ...}

  python3 tests/vm/python_families.py            run every check
  python3 tests/vm/python_families.py --plan     list checks and the modules each needs
"""
import json
import os
import socket
import struct
import subprocess
import sys
import time
import traceback

CHECKS = []
PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def check(name, modules=(), needs=(), files=()):
    """Registers a check; `modules` must be loaded, `needs` are programs it runs, `files`
    are paths (relative to the project) it uses."""
    def deco(fn):
        CHECKS.append((name, tuple(modules), tuple(needs), tuple(files), fn))
        return fn
    return deco


class Skip(Exception):
    pass


def emit(**kw):
    sys.stdout.write(json.dumps(kw, sort_keys=True) + "\n")
    sys.stdout.flush()


def module_loaded(name):
    return os.path.isdir("/sys/module/" + name.replace("-", "_"))


def insmod_error(name):
    """The message init.sh recorded when it failed to load `name`, if any."""
    out = os.environ.get("WASOCK_VM_OUT")
    try:
        with open(os.path.join(out, "modules.txt")) as f:
            for line in f:
                parts = line.split(" ", 2)
                if parts[0] == name and parts[1].strip() != "ok":
                    return parts[2].strip() if len(parts) > 2 else "failed"
    except (OSError, TypeError):
        pass
    return None


def which(prog):
    for d in os.environ.get("PATH", "/usr/bin:/bin").split(":"):
        if os.access(os.path.join(d, prog), os.X_OK):
            return True
    return False


def const(name, fallback):
    return getattr(socket, name, fallback)


# --- CAN ---------------------------------------------------------------------------
CAN_FRAME = "=IB3x8s"  # struct can_frame: can_id, len, pad/res0/len8_dlc, data[8]


def can_frame(can_id, data):
    return struct.pack(CAN_FRAME, can_id, len(data), data.ljust(8, b"\0"))


def can_unpack(frame):
    can_id, dlc, data = struct.unpack(CAN_FRAME, frame)
    return can_id, data[:dlc]


@check("can_raw_send_candump", modules=["can", "can-raw", "vcan"], needs=["candump"])
def can_raw_send():
    # candump -n 1 exits after the first frame; resend until it is listening and exits
    dump = subprocess.Popen(["candump", "-L", "-n", "1", "vcan0"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
    try:
        s.bind(("vcan0",))
        frame = can_frame(0x1A2, bytes.fromhex("CAFEF00D"))
        deadline = time.monotonic() + 20
        while dump.poll() is None and time.monotonic() < deadline:
            s.send(frame)
            time.sleep(0.2)
        if dump.poll() is None:
            dump.kill()
            raise AssertionError("candump saw nothing in 20 s")
        out, err = dump.communicate()
    finally:
        s.close()
    line = out.strip()
    # -L: "(1700000000.123456) vcan0 1A2#CAFEF00D"
    assert line.endswith("vcan0 1A2#CAFEF00D"), "candump printed %r (stderr %r)" % (out, err)
    return {"python_sent": "1A2#CAFEF00D", "candump": line.split(" ", 1)[1]}


@check("can_raw_recv_cansend", modules=["can", "can-raw", "vcan"], needs=["cansend"])
def can_raw_recv():
    s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
    try:
        s.bind(("vcan0",))
        s.settimeout(10)
        subprocess.run(["cansend", "vcan0", "123#DEADBEEF"], check=True, timeout=20)
        frame, addr = s.recvfrom(16)
    finally:
        s.close()
    can_id, data = can_unpack(frame)
    assert (can_id, data) == (0x123, bytes.fromhex("DEADBEEF")), (hex(can_id), data.hex())
    return {"cansend": "123#DEADBEEF", "python_received": "%03X#%s" % (can_id, data.hex().upper()),
            "recvfrom_address": list(addr)}


@check("can_bcm_open", modules=["can", "can-bcm", "vcan"])
def can_bcm_open():
    with socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_BCM) as s:
        s.connect(("vcan0",))
    return {"connected": "vcan0"}


@check("can_isotp_open", modules=["can", "can-isotp", "vcan"])
def can_isotp_open():
    with socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_ISOTP) as s:
        s.bind(("vcan0", 0x123, 0x321))
    return {"bound": ["vcan0", 0x123, 0x321]}


@check("can_isotp_isotpsend", modules=["can", "can-isotp", "vcan"], needs=["isotpsend"])
def can_isotp_isotpsend():
    payload = bytes(range(1, 21))  # 20 bytes: first frame + consecutive frames
    with socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_ISOTP) as s:
        s.bind(("vcan0", 0x7E0, 0x7E8))  # rx 0x7E0 (isotpsend's tx), tx 0x7E8 (flow control)
        s.settimeout(20)
        p = subprocess.run(["isotpsend", "-s", "7E0", "-d", "7E8", "vcan0"],
                           input=" ".join("%02X" % b for b in payload), text=True,
                           capture_output=True, timeout=30)
        assert p.returncode == 0, "isotpsend failed: %s" % p.stderr
        got = s.recv(4095)
    assert got == payload, got.hex()
    return {"isotpsend_bytes": len(payload), "python_received": got.hex()}


@check("can_j1939_open", modules=["can", "can-j1939", "vcan"])
def can_j1939_open():
    with socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_J1939) as s:
        s.bind(("vcan0", socket.J1939_NO_NAME, socket.J1939_NO_PGN, 0x20))
        name = s.getsockname()
    return {"getsockname": list(name)}


@check("can_j1939_exchange", modules=["can", "can-j1939", "vcan"])
def can_j1939_exchange():
    a = socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_J1939)
    b = socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, socket.CAN_J1939)
    try:
        a.bind(("vcan1", socket.J1939_NO_NAME, socket.J1939_NO_PGN, 0x20))
        b.bind(("vcan1", socket.J1939_NO_NAME, socket.J1939_NO_PGN, 0x30))
        b.settimeout(10)
        a.sendto(b"\x01\x02\x03\x04\x05\x06\x07\x08",
                 ("vcan1", socket.J1939_NO_NAME, 0x12300, 0x30))
        data, addr = b.recvfrom(64)
    finally:
        a.close()
        b.close()
    assert data == b"\x01\x02\x03\x04\x05\x06\x07\x08", data.hex()
    return {"received": data.hex(), "from": [addr[0], str(addr[1]), addr[2], addr[3]]}


# --- AF_ALG ------------------------------------------------------------------------
def alg_op(alg_type, alg_name, key=None):
    s = socket.socket(socket.AF_ALG, socket.SOCK_SEQPACKET, 0)
    s.bind((alg_type, alg_name))
    if key is not None:
        s.setsockopt(socket.SOL_ALG, socket.ALG_SET_KEY, key)
    op, _ = s.accept()
    return s, op


@check("alg_sha256", modules=["af_alg", "algif_hash"])
def alg_sha256():
    s, op = alg_op("hash", "sha256")
    with s, op:
        op.sendall(b"abc")
        digest = op.recv(32).hex()
    assert digest == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", digest
    return {"sha256('abc')": digest}


@check("alg_hmac_sha256", modules=["af_alg", "algif_hash"])
def alg_hmac_sha256():
    s, op = alg_op("hash", "hmac(sha256)", key=b"Jefe")  # RFC 4231 test case 2
    with s, op:
        op.sendall(b"what do ya want for nothing?")
        mac = op.recv(32).hex()
    assert mac == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", mac
    return {"hmac_sha256": mac}


@check("alg_aes_cbc", modules=["af_alg", "algif_skcipher"])
def alg_aes_cbc():
    # NIST SP 800-38A F.2.1, first block
    key = bytes.fromhex("2b7e151628aed2a6abf7158809cf4f3c")
    iv = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    pt = bytes.fromhex("6bc1bee22e409f96e93d7e117393172a")
    s, op = alg_op("skcipher", "cbc(aes)", key=key)
    with s, op:
        op.sendmsg_afalg([pt], op=socket.ALG_OP_ENCRYPT, iv=iv)
        ct = op.recv(16).hex()
    assert ct == "7649abac8119b246cee98e9b12e9197d", ct
    return {"aes128_cbc": ct}


# --- TIPC --------------------------------------------------------------------------
@check("tipc_rdm_open", modules=["tipc"])
def tipc_rdm_open():
    with socket.socket(socket.AF_TIPC, socket.SOCK_RDM) as s:
        s.bind((socket.TIPC_ADDR_NAMESEQ, 18888, 1, 1, socket.TIPC_NODE_SCOPE))
    return {"bound": "NAMESEQ 18888 1..1"}


@check("tipc_rdm_exchange", modules=["tipc"])
def tipc_rdm_exchange():
    srv = socket.socket(socket.AF_TIPC, socket.SOCK_RDM)
    cli = socket.socket(socket.AF_TIPC, socket.SOCK_RDM)
    try:
        srv.bind((socket.TIPC_ADDR_NAMESEQ, 18889, 17, 17, socket.TIPC_NODE_SCOPE))
        srv.settimeout(10)
        cli.sendto(b"hello tipc", (socket.TIPC_ADDR_NAME, 18889, 17, 0))
        data, addr = srv.recvfrom(64)
    finally:
        srv.close()
        cli.close()
    assert data == b"hello tipc", data
    return {"received": data.decode(), "from": list(addr)}


# --- RDS ---------------------------------------------------------------------------
@check("rds_exchange", modules=["rds"])
def rds_exchange():
    a = socket.socket(socket.AF_RDS, socket.SOCK_SEQPACKET)
    b = socket.socket(socket.AF_RDS, socket.SOCK_SEQPACKET)
    try:
        a.bind(("127.0.0.1", 4000))
        b.bind(("127.0.0.1", 4001))
        b.settimeout(10)
        a.sendto(b"hello rds", ("127.0.0.1", 4001))
        data, addr = b.recvfrom(64)
    finally:
        a.close()
        b.close()
    assert data == b"hello rds", data
    return {"received": data.decode(), "from": list(addr)}


# --- QIPCRTR -----------------------------------------------------------------------
@check("qipcrtr_open", modules=["qrtr"])
def qipcrtr_open():
    with socket.socket(socket.AF_QIPCRTR, socket.SOCK_DGRAM) as s:
        node, _ = s.getsockname()
        s.bind((node, 0))
        name = s.getsockname()
    return {"getsockname": list(name)}


# --- Bluetooth ---------------------------------------------------------------------
@check("bluetooth_hci_open", modules=["bluetooth"])
def bluetooth_hci_open():
    if not hasattr(socket, "BTPROTO_HCI"):
        raise Skip("this CPython was built without Bluetooth support")
    with socket.socket(socket.AF_BLUETOOTH, socket.SOCK_RAW, socket.BTPROTO_HCI) as s:
        detail = {"opened": True}
        if os.path.exists("/sys/class/bluetooth/hci0"):
            s.bind((0,))  # hci0: the vhci controller init.sh created
            detail["bound"] = "hci0 (vhci)"
        else:
            detail["bound"] = None
    return detail


# --- VSOCK -------------------------------------------------------------------------
@check("vsock_loopback", modules=["vsock", "vsock_loopback"])
def vsock_loopback():
    cid_local = const("VMADDR_CID_LOCAL", 1)
    srv = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
    cli = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
    try:
        srv.bind((cid_local, 5000))
        srv.listen(1)
        cli.settimeout(10)
        cli.connect((cid_local, 5000))
        conn, addr = srv.accept()
        with conn:
            cli.sendall(b"ping")
            conn.settimeout(10)
            got = conn.recv(4)
    finally:
        cli.close()
        srv.close()
    assert got == b"ping", got
    return {"received": got.decode(), "peer": list(addr)}


# --- SCTP (not in the host kernel either) ------------------------------------------
@check("sctp_loopback", modules=["sctp"])
def sctp_loopback():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
    cli = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP)
    try:
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        cli.settimeout(10)
        cli.connect(srv.getsockname())
        conn, _ = srv.accept()
        with conn:
            cli.sendall(b"hello sctp")
            conn.settimeout(10)
            got = conn.recv(64)
    finally:
        cli.close()
        srv.close()
    assert got == b"hello sctp", got
    return {"received": got.decode()}


# --- Node in the VM ----------------------------------------------------------------


def timed(argv):
    t = time.monotonic()
    p = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    return p, round(time.monotonic() - t, 2)


@check("node_runs", needs=["node"])
def node_runs():
    p1, t1 = timed(["node", "-e", "console.log(process.version)"])
    assert p1.returncode == 0, p1.stderr
    _, t2 = timed(["node", "-e", "console.log(process.version)"])
    return {"version": p1.stdout.strip(), "startup_s_cold": t1, "startup_s_warm": t2}


@check("node_bridge_loads", needs=["node"],
       files=["bridge/index.js", "build/native/wasock.node", "build/native/wasock.wasm"])
def node_bridge_loads():
    bridge = os.path.join(PROJECT, "bridge")
    p, t = timed(["node", "-e", "const w = require(%s); "
                  "console.log(JSON.stringify([Object.keys(w).length, "
                  "w.inet_aton('1.2.3.4').toString('hex')]))" % json.dumps(bridge)])
    assert p.returncode == 0, p.stderr[-2000:]
    n, packed = json.loads(p.stdout.strip().splitlines()[-1])
    assert packed == "01020304", packed
    return {"require_s": t, "exports": n, "inet_aton('1.2.3.4')": packed}


def run(name, modules, needs, files, fn):
    t = time.monotonic()
    for m in modules:
        if not module_loaded(m):
            err = insmod_error(m)
            return emit(check=name, status="skip",
                        reason="module %s not loaded%s" % (m, ": " + err if err else ""))
    for prog in needs:
        if not which(prog):
            return emit(check=name, status="skip", reason="%s not installed" % prog)
    for f in files:
        if not os.path.exists(os.path.join(PROJECT, f)):
            return emit(check=name, status="skip", reason="%s does not exist" % f)
    try:
        detail = fn()
        emit(check=name, status="pass", detail=detail, seconds=round(time.monotonic() - t, 2))
    except Skip as e:
        emit(check=name, status="skip", reason=str(e))
    except Exception as e:  # noqa: BLE001 - every failure is reported, none stops the run
        emit(check=name, status="fail", reason="%s: %s" % (type(e).__name__, e),
             trace=traceback.format_exc(limit=3))


def main(argv):
    if "--plan" in argv:
        for name, modules, needs, files, _ in CHECKS:
            emit(check=name, modules=list(modules), needs=list(needs), files=list(files))
        return 0
    only = [a for a in argv if not a.startswith("-")]
    for name, modules, needs, files, fn in CHECKS:
        if not only or name in only:
            run(name, modules, needs, files, fn)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
