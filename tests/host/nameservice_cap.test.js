// SPDX-License-Identifier: MIT
// Regression: ns_call's getnameinfo capacities came from JS as any int32; one near 2^32
// wrapped calloc(1, cap + 1) to a 0-byte area that getnameinfo then wrote past on a
// thread-pool thread. Capacities are clamped, malformed requests are TypeErrors (and
// leak nothing), and a request with too many integer inputs no longer writes past its
// record. Run in a child so that a regression fails the test, not Jest.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../child');

afterAll(killChildren);

const script = `
const { addon } = require(${JSON.stringify(path.resolve(__dirname, '..', '..', 'bridge', 'core'))});
const call = (kind, req) => new Promise((resolve) => addon.ns_call(kind, req, (...r) => resolve(r)));
const sa = Buffer.alloc(16); sa.writeUInt16LE(2, 0); sa.writeUInt16BE(80, 2); sa.set([127, 0, 0, 1], 4);
(async () => {
  const out = [];
  // getnameinfo(sa, NI_NUMERICHOST | NI_NUMERICSERV, hostcap, servcap)
  for (const [hc, sc] of [[-1, -1], [0x7fffffff, 32], [1025, -2], [0, 0]]) {
    const [r, host, serv] = await call(1, [sa, 1 | 2, hc, sc]);
    out.push([r, host.toString(), serv.toString()]);
  }
  // too many integer inputs: only the first four are read
  const [r2] = await call(2, [Buffer.from('localhost'), 2, 1, 2, 3, 4, 5, 6, 7]);
  out.push(typeof r2);
  for (const bad of [[9, [], () => {}], [1, 'x', () => {}], [1, [sa], 5], [0, [1, 2], () => {}]]) {
    try { addon.ns_call(...bad); out.push('accepted'); } catch (e) { out.push(e.constructor.name); }
  }
  console.log(JSON.stringify(out));
})();
`;

test('name-service capacity wrap: capacities near 2^32 are clamped', async () => {
  const { done } = startChild(process.execPath, ['-e', script], { timeout: 20000 });
  const r = await done;
  expect(r.signal).toBe(null);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.slice(0, 3)).toEqual([[0, '127.0.0.1', '80'], [0, '127.0.0.1', '80'],
    [0, '127.0.0.1', '80']]);
  expect(out[3].slice(1)).toEqual(['', '']);  // no room asked for: nothing written
  expect(out[4]).toBe('number');
  expect(out.slice(5)).toEqual(['TypeError', 'TypeError', 'TypeError', 'TypeError']);
});
