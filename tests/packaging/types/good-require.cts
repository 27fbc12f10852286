// SPDX-License-Identifier: MIT
// The entry points through require() (CommonJS), as the declarations describe
// them: must compile with tsc --strict. Never run.
import socket = require('wasock');
import aio = require('wasock/promises');
import inet = require('wasock/inet');
import select = require('wasock/select');
import selectors = require('wasock/selectors');

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
const [readable] = select.select([a], [], [], 0);
const sel = selectors.DefaultSelector();
sel.register(b, selectors.EVENT_READ);
console.log(packed, ready, main, a.family === socket.AF_UNIX, readable, sel.select(0).length);
