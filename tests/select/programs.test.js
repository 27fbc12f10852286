// SPDX-License-Identifier: MIT
// Python programs that serve several clients, translated line by line to wasock: a
// select.select chat server, the selectors docs' echo server and a poll relay. Each runs
// in Python and in its translation, against clients in both languages (Python client ->
// wasock server and the reverse); every pairing prints the same. The chat server's CPU
// time is measured beside CPython's for the same session and printed (not asserted:
// the machine is shared).
'use strict';
const { killChildren } = require('../child');
const { chat, echo, relay, chatCpu } = require('./programs');

afterAll(() => killChildren());

const PAIRS = [['py', 'py'], ['py', 'js'], ['js', 'py'], ['js', 'js']];

for (const [name, run] of [['select chat server', chat], ['selectors echo server', echo], ['poll relay', relay]]) {
  test(`${name}: Python and wasock, servers and clients in every pairing, print the same`, async () => {
    const results = [];
    for (const [s, c] of PAIRS) results.push(await run(s, c));
    for (const r of results) expect(r.codes.every((c) => c === 0)).toBe(true);
    const [ref] = results;
    expect(ref.client.split('\n').length).toBeGreaterThanOrEqual(3);
    for (const r of results.slice(1)) expect({ server: r.server, client: r.client }).toEqual({ server: ref.server, client: ref.client });
  });
}

test('the select chat server: CPU time beside CPython for the same session (printed)', async () => {
  const rounds = 2000;
  const r = await chatCpu(rounds);
  for (const l of ['py', 'js']) for (const k of ['loop', 'total']) expect(r[l][k]).toBeGreaterThanOrEqual(0);
  process.stdout.write(`select chat server, ${rounds} rounds: serving loop CPython ${r.py.loop.toFixed(3)} s, ` +
    `wasock ${r.js.loop.toFixed(3)} s (x${(r.js.loop / r.py.loop).toFixed(2)}); whole process CPython ` +
    `${r.py.total.toFixed(3)} s, wasock ${r.js.total.toFixed(3)} s (x${(r.js.total / r.py.total).toFixed(2)})\n`);
});
