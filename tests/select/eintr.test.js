// SPDX-License-Identifier: MIT
// PEP 475: a signal interrupting a blocked select/poll/epoll wait does not end it; the
// wait goes on for the time that remains. A child process blocks in each call while
// this test sends it signals (it has a handler, so poll(2) returns EINTR).
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(() => killChildren());

const CHILD = `
const select = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'select.js'))});
process.on('SIGUSR2', () => {});
const out = {};
const ep = new select.epoll();
const p = new select.poll();
p.register(0, 0);
console.log('ready');
for (const [name, f] of [
  ['select', () => select.select([], [], [], 0.4)],
  ['poll', () => p.poll(400)],
  ['epoll', () => ep.poll(0.4)],
]) {
  const t0 = performance.now();
  const r = f();
  out[name] = { result: r, ms: performance.now() - t0 };
}
console.log(JSON.stringify(out));
`;

test('select, poll and epoll.poll wait out their timeout through signals', async () => {
  const c = startChild(process.execPath, ['-e', CHILD], { timeout: 20000 });
  expect(await c.line()).toBe('ready');
  let sent = 0;
  const iv = setInterval(() => {
    try {
      c.child.kill('SIGUSR2');
      sent++;
    } catch { /* exited */ }
  }, 25);
  const out = JSON.parse(await c.line());
  clearInterval(iv);
  await c.done;
  expect(sent).toBeGreaterThan(10);
  expect(out.select.result).toEqual([[], [], []]);
  expect(out.poll.result).toEqual([]);
  expect(out.epoll.result).toEqual([]);
  for (const k of ['select', 'poll', 'epoll']) expect(out[k].ms).toBeGreaterThanOrEqual(390);
});
