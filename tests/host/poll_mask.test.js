// SPDX-License-Identifier: MIT
// Regression: an out-of-range event mask given to poll_update reached uv_poll_start, whose
// assertion aborted the process (SIGABRT). Now it is a RangeError, and poll handles take
// nothing but themselves. Run in a child so that a regression fails the test, not Jest.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(killChildren);

const script = `
const { addon } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'core'))});
const net = require('node:net');
const [a, b] = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge'))}).socketpair();
const out = [];
const h = addon.poll_open(a.fileno(), () => {});
for (const ev of [0x7fffffff, -1, 0x100, 1 << 30, 16]) {
  try { addon.poll_update(h, ev); out.push('accepted ' + ev); }
  catch (e) { out.push(e.constructor.name); }
}
addon.poll_update(h, 1);            // UV_READABLE still works
addon.poll_update(h, 0);
for (const bad of [{}, 1, null, addon.imports.close]) {
  try { addon.poll_update(bad, 1); out.push('accepted'); } catch (e) { out.push(e.constructor.name); }
}
try { addon.poll_open(-5, () => {}); out.push('accepted'); } catch (e) { out.push(e.constructor.name); }
try { addon.poll_open(a.fileno(), 42); out.push('accepted'); } catch (e) { out.push(e.constructor.name); }
addon.poll_close(h);
a.close(); b.close();
console.log(JSON.stringify(out));
`;

test('poll mask SIGABRT: an out-of-range event mask is a RangeError', async () => {
  const { done } = startChild(process.execPath, ['-e', script], { timeout: 20000 });
  const r = await done;
  expect(r.signal).toBe(null);
  expect(r.code).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual([
    'RangeError', 'RangeError', 'RangeError', 'RangeError', 'RangeError',
    'TypeError', 'TypeError', 'TypeError', 'TypeError', 'RangeError', 'TypeError',
  ]);
});
