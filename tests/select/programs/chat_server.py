# SPDX-License-Identifier: MIT
# A select.select chat server: every line a client sends goes to the other clients.
# Serves until argv[1] clients have left; prints its port first.
import select
import socket
import sys
import time

clients_to_serve = int(sys.argv[1])
server = socket.create_server(('127.0.0.1', 0))
print('port', server.getsockname()[1], flush=True)
cpu0 = time.process_time()
names = {}
pending = {}
inputs = [server]
joined = 0
served = 0


def broadcast(sender, text):
    for s in inputs:
        if s is not server and s is not sender:
            s.sendall(text.encode() + b'\n')


while served < clients_to_serve:
    readable, writable, exceptional = select.select(inputs, [], [])
    for s in readable:
        if s is server:
            conn, addr = server.accept()
            joined += 1
            names[conn] = 'user%d' % joined
            pending[conn] = b''
            inputs.append(conn)
            print(names[conn], 'joined')
            conn.sendall(('welcome ' + names[conn] + '\n').encode())
            broadcast(conn, names[conn] + ' joined')
            continue
        data = s.recv(4096)
        if data:
            pending[s] += data
            while b'\n' in pending[s]:
                line, _, pending[s] = pending[s].partition(b'\n')
                message = names[s] + ': ' + line.decode()
                print(message)
                broadcast(s, message)
        else:
            print(names[s], 'left')
            inputs.remove(s)
            s.close()
            served += 1
            broadcast(s, names[s] + ' left')
server.close()
print('cpu', time.process_time() - cpu0, file=sys.stderr)
