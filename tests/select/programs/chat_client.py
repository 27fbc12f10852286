# SPDX-License-Identifier: MIT
# Two chat clients talking through the chat server at port argv[1], argv[2] rounds.
import socket
import sys

port = int(sys.argv[1])
rounds = int(sys.argv[2])
alice = socket.create_connection(('127.0.0.1', port))
alice_in = alice.makefile('rb')
print('alice got', alice_in.readline().decode().rstrip())
bob = socket.create_connection(('127.0.0.1', port))
bob_in = bob.makefile('rb')
print('bob got', bob_in.readline().decode().rstrip())
print('alice got', alice_in.readline().decode().rstrip())
for i in range(rounds):
    alice.sendall(b'hello %d\n' % i)
    heard = bob_in.readline().decode().rstrip()
    bob.sendall(b'hi %d\n' % i)
    answer = alice_in.readline().decode().rstrip()
    if i < 3 or i == rounds - 1:
        print('bob got', heard)
        print('alice got', answer)
bob_in.close()
bob.close()
print('alice got', alice_in.readline().decode().rstrip())
alice_in.close()
alice.close()
