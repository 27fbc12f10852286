# SPDX-License-Identifier: MIT
# Sends each of argv[3:] to the echo service at port argv[1] and prints the echo; argv[2]
# connections, one after the other.
import socket
import sys

port = int(sys.argv[1])
for n in range(int(sys.argv[2])):
    with socket.create_connection(('127.0.0.1', port)) as s:
        for word in sys.argv[3:]:
            s.sendall(word.encode())
            echo = b''
            while len(echo) < len(word.encode()):
                echo += s.recv(1024)
            print(n, 'echo', echo.decode())
