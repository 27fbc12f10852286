// SPDX-License-Identifier: MIT
// One socket with a receive and a send waiting at once: one readiness registration
// watches both directions, and each completes when its own direction is ready.
'use strict';

const { wp, closeAll, within, recvAll, turn, tcpPair, killChildren } = require('./helpers');

afterAll(killChildren);

async function bothPending(a, b) {
  const big = Buffer.alloc(4 << 20, 0x5a);
  const sending = a.sendall(big);
  const receiving = a.recv(100);
  await turn();
  // Neither can complete yet: b has sent nothing and has read nothing.
  b.sync.send(Buffer.from('ping'));
  expect((await within(receiving, 5000, 'recv')).toString()).toBe('ping');
  // The send is still waiting; a second receive joins it.
  const again = a.recv(100);
  const got = await within(recvAll(b, big.length), 10000, 'reading the sendall');
  expect(got.equals(big)).toBe(true);
  await within(sending, 5000, 'sendall');
  b.sync.send(Buffer.from('pong'));
  expect((await within(again, 5000, 'second recv')).toString()).toBe('pong');
}

test('socketpair: recv and sendall pending on one socket both complete', async () => {
  const [a, b] = wp.socketpair();
  a.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 4096);
  await bothPending(a, b);
  closeAll(a, b);
});

test('TCP loopback: recv and sendall pending on one socket both complete', async () => {
  const [a, b] = await tcpPair();
  await bothPending(a, b);
  closeAll(a, b);
});
