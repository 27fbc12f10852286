// SPDX-License-Identifier: MIT
// select, poll and epoll against CPython's select module on the same situations
// (tests/select/scenarios.py and its translation scenarios.js): readable on data, on EOF
// and on a pending accept, writable once the send buffer drains, POLLHUP / POLLERR /
// POLLNVAL, timeouts 0, None and fractional, closed fds, modify while registered, and
// the argument errors.
'use strict';
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { S, runScenario } = require('./scenarios');

const oracle = JSON.parse(execFileSync('python3', [path.join(__dirname, 'scenarios.py')],
  { encoding: 'utf8', timeout: 30000 }));

test('the oracle and the translation have the same scenarios', () => {
  expect(Object.keys(S).sort()).toEqual(Object.keys(oracle).sort());
});

for (const name of Object.keys(S)) {
  test(`${name}: as CPython's select module`, () => {
    expect(runScenario(name)).toEqual(oracle[name]);
  });
}
