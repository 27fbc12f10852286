// SPDX-License-Identifier: MIT
// SocketIO(sock, mode) is made with a call, as Python's socket.SocketIO(sock, mode) is
// (and as wasock's enums, poll(), epoll() and selectors are); new works as well, and
// either way the object is instanceof SocketIO, from both faces' exports.
'use strict';
const path = require('node:path');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..');
const w = require(path.join(ROOT, 'bridge'));
const wp = require(path.join(ROOT, 'bridge', 'promises.js'));

test('SocketIO(sock, mode) without new: the same object new makes', () => {
  const [a, b] = w.socketpair();
  const io = w.SocketIO(a, 'rw');
  expect(io).toBeInstanceOf(w.SocketIO);
  expect(io).toBeInstanceOf(wp.SocketIO);
  expect(io.constructor).toBe(w.SocketIO);
  expect(Object.getPrototypeOf(io)).toBe(Object.getPrototypeOf(new w.SocketIO(a, 'r')));
  expect(util.inspect(io)).toBe(`<SocketIO name=${a.fileno()} mode='rwb'>`);
  b.sendall(Buffer.from('hi\n'));
  expect(io.readline()).toEqual(Buffer.from('hi\n'));
  expect(io.write(Buffer.from('yo'))).toBe(2);
  expect(b.recv(2)).toEqual(Buffer.from('yo'));
  io.close();
  a.close();
  b.close();
});

test('without new, a promise-face socket too, and the same errors as with new', () => {
  const [a, b] = wp.socketpair();
  const io = wp.SocketIO(a, 'rb');
  expect([io.mode, io.name]).toEqual(['rb', a.fileno()]);
  io.close();
  expect(() => w.SocketIO(a, 'x')).toThrow(new RangeError("invalid mode: 'x'"));
  expect(() => w.SocketIO({}, 'rb')).toThrow(TypeError);
  a.close();
  b.close();
});
