// SPDX-License-Identifier: MIT
// Runs guests in this process through require('wasock/wasi') and reports, as one JSON
// line per run, how each ended and this process's open fds (/proc/self/fd) before and
// after. Usage: node leak-harness.js GUEST.wasm OUTFILE 'arg arg' ['arg arg' ...]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { run } = require(path.resolve(__dirname, '..', '..', '..', 'bridge', 'wasi'));

const [prog, outFile, ...runs] = process.argv.slice(2);
const mod = new WebAssembly.Module(fs.readFileSync(prog));
const out = fs.openSync(outFile, 'w');
const fds = () => fs.readdirSync('/proc/self/fd').map(Number).filter((n) => n !== out).sort((a, b) => a - b);
const once = (args) => {
  try {
    return { code: run(mod, { args: ['hostile', ...args], stdout: out, stderr: out, quiet: true, policy: { family: ['inet'] } }) };
  } catch (e) {
    return { error: `${e.constructor.name}: ${e.message}` };
  }
};
once(['guess']);   // warm-up: lazy fds of Node and the runner are opened once
for (const r of runs) {
  const args = r.split(' ');
  const before = fds();
  const res = once(args);
  const after = fds();
  process.stdout.write(`${JSON.stringify({ args, ...res, before, after })}\n`);
}
