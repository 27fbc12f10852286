// SPDX-License-Identifier: MIT
// Node side of the browser tests: reads {calls} as JSON on stdin, runs them on
// `wasock/inet` as the package's exports map resolves it for Node, and writes
// {exports, results} as JSON on stdout.
import * as inet from 'wasock/inet';
import { run } from './runner.mjs';

let input = '';
process.stdin.setEncoding('utf8');
for await (const chunk of process.stdin) input += chunk;
const { calls } = JSON.parse(input);
process.stdout.write(JSON.stringify({ exports: Object.keys(inet).sort(), results: run(inet, calls) }));
