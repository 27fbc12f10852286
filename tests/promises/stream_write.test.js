// SPDX-License-Identifier: MIT
// toStream()'s writes: a write sent at once calls back at once (as net's), so a writer
// that writes in a loop gets its chunks out in order, small and large mixed; a write the
// kernel refuses destroys the stream with the socket's error.
'use strict';

const { once } = require('node:events');
const { wp, closeAll, within, recvAll } = require('./helpers');

test('chunks written in one turn and across waits arrive whole and in order', async () => {
  const [a, b] = wp.socketpair();
  const out = a.toStream();
  const parts = [];
  for (let i = 0; i < 200; i++) {
    const n = i % 3 === 0 ? 70000 : i % 3 === 1 ? 10 : 3000;
    const p = Buffer.alloc(n);
    for (let k = 0; k < n; k++) p[k] = (k + i * 7) & 0xff;
    parts.push(p);
  }
  const want = Buffer.concat(parts);
  const reading = recvAll(b, want.length);
  let wrote = 0;
  for (const p of parts) {
    if (!out.write(p)) await once(out, 'drain');
    wrote++;
  }
  out.end();
  await within(once(out, 'finish'), 10000, 'finish');
  const got = await within(reading, 10000, 'receive');
  expect(wrote).toBe(200);
  expect(got.equals(want)).toBe(true);
  expect(await b.recv(10)).toHaveLength(0);
  out.destroy();
  closeAll(b);
});

test('a write to a peer that is gone destroys the stream with an OSError', async () => {
  const [a, b] = wp.socketpair();
  b.close();
  const out = a.toStream();
  out.write(Buffer.from('nobody reads this'));
  const [e] = await within(once(out, 'error'), 2000, 'error');
  expect(e).toBeInstanceOf(wp.OSError);
  expect(['EPIPE', 'ECONNRESET']).toContain(e.code);
  expect(e.syscall).toBeTruthy();
  expect(out.destroyed).toBe(true);
});
