// SPDX-License-Identifier: MIT
// Differential of the socket object against CPython: every state (fresh TCP/TCP6/UDP,
// bound, with data, at EOF, listening, UNIX pairs, closed, detached) x every mode
// (blocking, non-blocking, timeout) x every method with typical and edge arguments
// (sockobj_cases.js), run by python3 (sockobj_oracle.py) and by both faces of wasock.
// The answers must be equal: the same value (None is null, never undefined), or the
// same exception class and errno, or both still waiting. On the sync face a case where
// Python blocks is not run (nothing could end it); the promise face runs every case.
// Prints the number of cases compared and of disagreements, per face.
'use strict';
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { cases } = require('./sockobj_cases');

jest.setTimeout(240000);

const ALL = cases();
const HERE = __dirname;

function oracle() {
  const r = spawnSync('python3', [path.join(HERE, 'sockobj_oracle.py')], {
    input: JSON.stringify(ALL), encoding: 'utf8', maxBuffer: 1 << 26, timeout: 200000,
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

// Runs cases with the given face in a child; a case that blocks (no answer within
// 2 s) is recorded as blocking and the child is restarted after it.
async function wasock(face, list) {
  const answers = [];
  while (answers.length < list.length) {
    const start = answers.length;
    await new Promise((resolve) => {
      const child = spawn(process.execPath, [path.join(HERE, 'sockobj_cases.js'), face],
        { stdio: ['pipe', 'pipe', 'inherit'] });
      let pending = '';
      let timer = null;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          answers.push({ blocks: true });
          child.kill('SIGKILL');
        }, 2000);
      };
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d) => {
        pending += d;
        let nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
          answers.push(JSON.parse(pending.slice(0, nl)));
          pending = pending.slice(nl + 1);
          arm();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin.end(JSON.stringify(list.slice(start)));
      arm();
    });
  }
  return answers;
}

let python;
beforeAll(() => { python = oracle(); });

const describeCase = (c) => `${c.state}/${c.mode} ${c.op}(${JSON.stringify(c.args).slice(1, -1)})`;

test.each(['sync', 'promises'])('the %s face answers as CPython in every case', async (face) => {
  const run = face === 'sync' ? ALL.filter((c, i) => !python[i].blocks) : ALL;
  const want = face === 'sync' ? python.filter((a) => !a.blocks) : python;
  const got = await wasock(face, run);
  const diffs = [];
  run.forEach((c, i) => {
    if (JSON.stringify(got[i]) !== JSON.stringify(want[i]))
      diffs.push(`${describeCase(c)}: wasock ${JSON.stringify(got[i])}, python ${JSON.stringify(want[i])}`);
  });
  console.log(`socket-object differential (${face}): ${run.length} cases compared, ${diffs.length} disagreements` +
    (diffs.length ? `\n${diffs.join('\n')}` : ''));
  expect(diffs).toEqual([]);
});
