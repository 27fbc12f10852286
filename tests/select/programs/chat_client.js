// SPDX-License-Identifier: MIT
// Two chat clients talking through the chat server at port argv[2], argv[3] rounds.
const socket = require('wasock');

const port = Number(process.argv[2]);
const rounds = Number(process.argv[3]);
const alice = socket.create_connection(['127.0.0.1', port]);
const alice_in = alice.makefile('rb');
console.log('alice got', alice_in.readline().toString().trimEnd());
const bob = socket.create_connection(['127.0.0.1', port]);
const bob_in = bob.makefile('rb');
console.log('bob got', bob_in.readline().toString().trimEnd());
console.log('alice got', alice_in.readline().toString().trimEnd());
for (let i = 0; i < rounds; i++) {
  alice.sendall(Buffer.from(`hello ${i}\n`));
  const heard = bob_in.readline().toString().trimEnd();
  bob.sendall(Buffer.from(`hi ${i}\n`));
  const answer = alice_in.readline().toString().trimEnd();
  if (i < 3 || i === rounds - 1) {
    console.log('bob got', heard);
    console.log('alice got', answer);
  }
}
bob_in.close();
bob.close();
console.log('alice got', alice_in.readline().toString().trimEnd());
alice_in.close();
alice.close();
