# SPDX-License-Identifier: MIT
# The CPython reference for tests/bench/socket.bench.js (same operations as socket_ref.c).
import socket
import sys
import threading
import time

CHUNK = 65536
mode, n = sys.argv[1], int(sys.argv[2])
if mode == "pairs":
    a, b = socket.socketpair()
    one = b"\1"
    t = time.monotonic()
    for _ in range(n):
        a.send(one)
        b.recv(1)
    print(n, time.monotonic() - t)
elif mode == "udp":
    a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    a.bind(("127.0.0.1", 0))
    b.bind(("127.0.0.1", 0))
    baddr = b.getsockname()
    one = b"\1"
    t = time.monotonic()
    for _ in range(n):
        a.sendto(one, baddr)
        b.recvfrom(2048)
    print(n, time.monotonic() - t)
else:
    srv = socket.create_server(("127.0.0.1", 0))
    port = srv.getsockname()[1]

    def sender():
        buf = bytes(CHUNK)
        with socket.create_connection(("127.0.0.1", port)) as s:
            left = n
            while left > 0:
                left -= s.send(buf[: min(left, CHUNK)])

    th = threading.Thread(target=sender)
    th.start()
    conn, _ = srv.accept()
    t = time.monotonic()
    buf = bytearray(CHUNK)
    got = 0
    while True:
        r = conn.recv_into(buf)
        if not r:
            break
        got += r
    th.join()
    print(got, time.monotonic() - t)
