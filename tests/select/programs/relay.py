# SPDX-License-Identifier: MIT
# A poll relay: each client of this server is joined to a new connection to the upstream
# port argv[1]; bytes go both ways until the client closes. Stops after argv[2] clients.
import select
import socket
import sys

upstream_port = int(sys.argv[1])
clients = int(sys.argv[2])
server = socket.create_server(('127.0.0.1', 0))
print('port', server.getsockname()[1], flush=True)
poller = select.poll()
poller.register(server, select.POLLIN)
peers = {}
sockets = {server.fileno(): server}
totals = {}
while clients > 0:
    for fd, events in poller.poll():
        if fd not in sockets:  # closed earlier in this batch
            continue
        s = sockets[fd]
        if s is server:
            conn, addr = server.accept()
            up = socket.create_connection(('127.0.0.1', upstream_port))
            for a, b in ((conn, up), (up, conn)):
                peers[a.fileno()] = b
                sockets[a.fileno()] = a
                poller.register(a, select.POLLIN)
            totals[conn.fileno()] = [0, 0]
            print('relaying a client')
            continue
        data = s.recv(65536)
        peer = peers[fd]
        if data:
            peer.sendall(data)
            key = fd if fd in totals else peer.fileno()
            totals[key][0 if fd in totals else 1] += len(data)
            continue
        client = s if fd in totals else peer
        up_bytes, down_bytes = totals.pop(client.fileno())
        print('client done:', up_bytes, 'bytes up,', down_bytes, 'bytes down')
        for x in (s, peer):
            poller.unregister(x)
            del peers[x.fileno()]
            del sockets[x.fileno()]
            x.close()
        clients -= 1
server.close()
