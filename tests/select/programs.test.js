// SPDX-License-Identifier: MIT
// Python programs that serve several clients, translated line by line to wasock: a
// select.select chat server, the selectors docs' echo server and a poll relay. Each runs
// in Python and in its translation, against clients in both languages (Python client ->
// wasock server and the reverse); every pairing prints the same. The chat server's CPU
// time is measured beside CPython's and beside Node's own floor (the same loop over raw
// host calls, tests/bench/select_floor.js) for the same session and printed (not
// asserted: the machine is shared).
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

// A short session and a longer one: V8's start-up and JIT warm-up, which CPython does
// not have, weigh on the first thousands of rounds (the floor shows how much).
for (const rounds of [2000, 10000]) {
  test(`the select chat server, ${rounds} rounds: CPU time beside CPython and Node's floor (printed)`, async () => {
    const r = await chatCpu(rounds, { floor: true });
    for (const l of ['py', 'js', 'floor']) for (const k of ['loop', 'total']) expect(r[l][k]).toBeGreaterThanOrEqual(0);
    const f = (k) => `CPython ${r.py[k].toFixed(3)} s, Node floor ${r.floor[k].toFixed(3)} s, wasock ${r.js[k].toFixed(3)} s ` +
      `(wasock x${(r.js[k] / r.py[k]).toFixed(2)} CPython, x${(r.js[k] / r.floor[k]).toFixed(2)} floor)`;
    process.stdout.write(`select chat server, ${rounds} rounds, one CPU: serving loop ${f('loop')}; whole process ${f('total')}\n`);
  }, 60000);
}
