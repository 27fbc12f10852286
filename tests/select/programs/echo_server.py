# SPDX-License-Identifier: MIT
# The selectors module docs' echo server; stops once argv[1] connections have closed.
import selectors
import socket
import sys

sel = selectors.DefaultSelector()
to_close = int(sys.argv[1])


def accept(sock, mask):
    conn, addr = sock.accept()  # Should be ready
    print('accepted', conn.family, conn.type)
    conn.setblocking(False)
    sel.register(conn, selectors.EVENT_READ, read)


def read(conn, mask):
    global to_close
    data = conn.recv(1000)  # Should be ready
    if data:
        print('echoing', repr(data.decode()))
        conn.send(data)  # Hope it won't block
    else:
        print('closing')
        sel.unregister(conn)
        conn.close()
        to_close -= 1


sock = socket.socket()
sock.bind(('localhost', 0))
sock.listen(100)
sock.setblocking(False)
sel.register(sock, selectors.EVENT_READ, accept)
print('port', sock.getsockname()[1], flush=True)

while to_close > 0:
    events = sel.select()
    for key, mask in events:
        callback = key.data
        callback(key.fileobj, mask)
sel.close()
sock.close()
