// SPDX-License-Identifier: MIT
// select() reads a socket's fd without calling through its public fileno() only while
// that method is the class's own: a subclass or an instance that replaces fileno() is
// asked, as Python's select asks every object (PyObject_AsFileDescriptor).
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const w = require(path.join(ROOT, 'bridge'));
const select = require(path.join(ROOT, 'bridge', 'select.js'));

test('a subclass overriding fileno() is asked on every select()', () => {
  let asked = 0;
  class Counted extends w.SocketType {
    fileno() {
      asked += 1;
      return super.fileno();
    }
  }
  const [a, b] = w.socketpair();
  const c = new Counted(w.AF_UNIX, w.SOCK_STREAM, 0, a.detach());
  b.sendall(Buffer.from('x'));
  expect(select.select([c], [], [], 1)[0]).toEqual([c]);
  expect(select.select([c], [c], [], 1)).toEqual([[c], [c], []]);
  expect(asked).toBe(3);
  c.close();
  b.close();
});

test('an instance whose fileno() was replaced is polled on the fd it answers', () => {
  const [a, b] = w.socketpair();
  const [c, d] = w.socketpair();
  d.sendall(Buffer.from('y'));
  // a answers c's fd: a is reported readable because c is.
  a.fileno = () => c.fileno();
  expect(select.select([a, b], [], [], 0)[0]).toEqual([a]);
  a.fileno = () => 'three';
  expect(() => select.select([a], [], [], 0)).toThrow(TypeError);
  for (const s of [a, b, c, d]) s.close();
});

test('a closed socket in the set: fileno() -1 is the negative-fd ValueError', () => {
  const [a, b] = w.socketpair();
  a.close();
  expect(() => select.select([a], [], [], 0)).toThrow('file descriptor cannot be a negative integer (-1)');
  b.close();
});
