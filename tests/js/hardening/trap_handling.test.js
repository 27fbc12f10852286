// SPDX-License-Identifier: MIT
// Trap handling: when a call into the wasm core does not return (a trap, or an
// exception unwinding it from a host import), the bridge raises InternalError with the
// original as its cause and poisons the instance: every later call raises InternalError
// instead of acting on a socket table the interrupted call may have left half updated.
// Each case runs in its own child process, which the poisoning ends the usefulness of.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

function run(how) {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'trap_child.js'), how],
    { encoding: 'utf8', timeout: 30000 });
  if (r.status !== 0) throw new Error(`trap_child.js ${how}: exit ${r.status ?? r.signal}\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('trap handling', () => {
  test.each([['trap', 'RuntimeError'], ['import', 'Error']])('%s: InternalError, then the instance is poisoned', (how, cause) => {
    const { before, first, later } = run(how);
    expect(before).toBe('before');
    expect(first).toMatchObject({
      name: 'InternalError', code: 'ERR_WASOCK_INTERNAL', internal: true, os: false,
      isError: true, cause,
    });
    expect(first.message).toMatch(/the core was interrupted/);
    expect(later).toHaveLength(9);
    for (const e of later) {
      expect(e).toMatchObject({ name: 'InternalError', internal: true, cause });
      expect(e.message).toMatch(/interrupted earlier in this process/);
    }
  });
});
