// SPDX-License-Identifier: MIT
// The three entry points through require() (CommonJS), as the declarations describe
// them: must compile with tsc --strict. Never run.
import socket = require('wasock');
import aio = require('wasock/promises');
import inet = require('wasock/inet');

const [a, b] = socket.socketpair();
a.sendall(Buffer.from('ping'));
const got: Buffer = b.recv(4);
const packed: Uint8Array = inet.inet_aton('127.1');
const ready: Promise<void> = inet.init();
async function main(): Promise<number> {
  const [x, y] = aio.socketpair();
  await x.sendall(got);
  return (await y.recv(4)).length;
}
console.log(packed, ready, main, a.family === socket.AF_UNIX);
