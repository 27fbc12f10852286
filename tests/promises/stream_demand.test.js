// SPDX-License-Identifier: MIT
// toStream() reads as far as the stream's consumer wants (a paused stream stops
// reading, leaving the rest in the kernel) and sends buffered writes together, in order.
'use strict';

const { wp, closeAll, within, turn, recvAll, killChildren } = require('./helpers');

afterAll(killChildren);

test('a paused stream stops reading; resumed, it delivers everything in order', async () => {
  const [a, b] = wp.socketpair();
  const total = 4 << 20;
  const data = Buffer.alloc(total);
  for (let i = 0; i < total; i += 4) data.writeUInt32LE(i, i);
  const sending = b.sendall(data);
  const s = a.toStream({ highWaterMark: 16384 });
  s.pause();
  s.read(0);
  for (let i = 0; i < 10; i++) await turn();
  // Buffered: at most the high-water mark and the one read that crossed it.
  expect(s.readableLength).toBeLessThanOrEqual(16384 + 262144);
  const parts = [];
  s.on('data', (d) => parts.push(d));
  s.resume();
  await within(sending, 10000, 'sendall');
  b.sync.shutdown(wp.SHUT_WR);
  await within(new Promise((resolve) => s.on('end', resolve)), 10000, 'end');
  expect(Buffer.concat(parts).equals(data)).toBe(true);
  s.destroy();
  b.close();
});

test('corked writes go out together, in order', async () => {
  const [a, b] = wp.socketpair();
  const s = a.toStream();
  s.cork();
  const chunks = [];
  for (let i = 0; i < 20; i++) {
    const c = Buffer.alloc(100 + i * 1000, i);
    chunks.push(c);
    s.write(c);
  }
  s.write('text', 'utf8');
  chunks.push(Buffer.from('text'));
  s.uncork();
  s.end();
  const expected = Buffer.concat(chunks);
  const got = await within(recvAll(b), 10000, 'reading');
  expect(got.equals(expected)).toBe(true);
  await turn();
  closeAll(a, b);
});
