// SPDX-License-Identifier: MIT
// A worker blocked in accept() or recv() stops when it is terminated or the process
// exits (host/node/wake.c); a message to the worker does not end its wait.
'use strict';
const path = require('node:path');
const { startChild, killChildren } = require('../../child');

afterAll(killChildren);

const scenario = path.join(__dirname, 'scenario.js');
const run = (...args) => startChild(process.execPath, [scenario, ...args], { timeout: 15000 }).done;

test.each(['accept', 'recv', 'recv_timeout'])('worker.terminate() ends a worker blocked in %s', async (call) => {
  const r = await run(call, 'terminate');
  expect(r.signal).toBe(null);
  expect(r.stdout.split('\n')).toEqual(['blocked', 'terminated 1', '']);
  expect(r.code).toBe(0);
});

test.each(['accept', 'recv'])('process.exit() in the main thread ends a worker blocked in %s', async (call) => {
  const r = await run(call, 'exit');
  expect(r.signal).toBe(null);
  expect(r.stdout.split('\n')).toEqual(['blocked', 'exit', '']);
  expect(r.code).toBe(3);
});

test.each(['accept', 'recv'])('process.exit() in a worker ends the worker it started, blocked in %s', async (call) => {
  const r = await run(call, 'worker-exit');
  expect(r.signal).toBe(null);
  expect(r.stdout.split('\n')).toEqual(['blocked', 'worker exited 5', '']);
  expect(r.code).toBe(0);
});

test('an unref()ed worker blocked in accept does not keep the process alive', async () => {
  const r = await run('accept', 'unref');
  expect(r.signal).toBe(null);
  expect(r.stdout.split('\n')).toEqual(['blocked', 'unref', '']);
  expect(r.code).toBe(0);
});

test('a worker keeps Python blocking semantics: data, getblocking(), gettimeout()', async () => {
  const r = await run('echo', 'terminate');
  expect(r.stdout.split('\n')).toEqual(['echo ping true null', 'blocked', 'terminated 1', '']);
});
