// SPDX-License-Identifier: MIT
// poll and epoll objects of both faces show Python's methods and nothing else: the hooks
// between the bridge's modules (a wait's checked arguments, close()'s release of pending
// promise waits) are symbols, off the public surface.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const faces = {
  sync: require(path.join(ROOT, 'bridge', 'select.js')),
  promises: require(path.join(ROOT, 'bridge', 'select_promises.js')),
};

// Every string-named member along the prototype chain, as a consumer can reach it.
function members(o) {
  const names = new Set();
  for (let p = o; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const n of Object.getOwnPropertyNames(p)) if (n !== 'constructor') names.add(n);
  }
  return [...names].sort();
}

describe.each(Object.keys(faces))('%s face', (face) => {
  const select = faces[face];

  test("poll objects: Python's four methods only", () => {
    expect(members(select.poll())).toEqual(['modify', 'poll', 'register', 'unregister']);
  });

  test("epoll objects: Python's methods and closed only", () => {
    const ep = select.epoll();
    expect(members(ep)).toEqual(['close', 'closed', 'fileno', 'modify', 'poll', 'register', 'unregister']);
    ep.close();
  });
});

test('close() still rejects a pending promise-face epoll wait with EBADF', async () => {
  const [a, b] = socket.socketpair();
  const ep = faces.promises.epoll();
  ep.register(a, faces.promises.EPOLLIN);
  const pending = ep.poll(null);
  setTimeout(() => ep.close(), 20);
  await expect(pending).rejects.toMatchObject({ name: 'OSError', errno: 9 });
  a.close();
  b.close();
});
