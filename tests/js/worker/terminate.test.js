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

test("fromfd() in a worker leaves the shared fd's flags alone; settimeout() makes its waits interruptible", async () => {
  const r = await startChild(process.execPath, ['-e', `
const { Worker } = require('node:worker_threads');
const fs = require('node:fs');
const ws = require(${JSON.stringify(path.resolve(__dirname, '..', '..', '..', 'bridge', 'index.js'))});
const srv = ws.create_server(['127.0.0.1', 0]);
const nonblocking = () => (parseInt(/flags:\\s+(\\d+)/.exec(fs.readFileSync('/proc/self/fdinfo/' + srv.fileno(), 'utf8'))[1], 8) & 0o4000) !== 0;
const w = new Worker(\`
const ws = require(\${JSON.stringify(${JSON.stringify(path.resolve(__dirname, '..', '..', '..', 'bridge', 'index.js'))})});
const { parentPort, workerData } = require('node:worker_threads');
const s = ws.fromfd(workerData, ws.AF_INET, ws.SOCK_STREAM);
parentPort.postMessage('adopted ' + s.getblocking());
parentPort.once('message', () => {
  s.settimeout(60);
  parentPort.postMessage('blocked');
  s.accept();
});
\`, { eval: true, workerData: srv.fileno() });
w.on('message', async (m) => {
  console.log(m);
  if (m.startsWith('adopted')) {
    console.log('main fd non-blocking after adoption: ' + nonblocking());
    w.postMessage('go');
  }
  if (m !== 'blocked') return;
  console.log('terminated ' + await w.terminate());
  srv.close();
});
`], { timeout: 15000 }).done;
  expect(r.stdout.split('\n')).toEqual(['adopted true', 'main fd non-blocking after adoption: false', 'blocked',
    'terminated 1', '']);
});
