// SPDX-License-Identifier: MIT
// A worker thread blocked in a wasock call, stopped from outside. Run as a child process:
//   node scenario.js <accept|recv|recv_timeout|echo> <terminate|exit|unref|worker-exit>
// Prints what happened, one line each; the parent test bounds it in time.
'use strict';
const path = require('node:path');
const { Worker } = require('node:worker_threads');

const [call, stop] = process.argv.slice(2);
const pkg = path.resolve(__dirname, '..', '..', '..', 'bridge', 'index.js');
const code = `
const ws = require(${JSON.stringify(pkg)});
const { parentPort, workerData } = require('node:worker_threads');
const { call } = workerData;
if (call === 'accept') {
  const srv = ws.create_server(['127.0.0.1', 0]);
  parentPort.postMessage('blocked');
  srv.accept();
} else if (call === 'echo') {
  const srv = ws.create_server(['127.0.0.1', 0]);
  const c = ws.create_connection(srv.getsockname());
  const [s] = srv.accept();
  c.sendall(Buffer.from('ping'));
  parentPort.postMessage('echo ' + s.recv(4).toString() + ' ' + s.getblocking() + ' ' + s.gettimeout());
  parentPort.postMessage('blocked');
  s.recv(4);
  parentPort.postMessage('echo ' + s.recv(4).toString());
} else {
  const [a, b] = ws.socketpair();
  if (call === 'recv_timeout') a.settimeout(60);
  parentPort.postMessage('blocked');
  a.recv(10);
}
parentPort.postMessage('returned');
`;
// worker-exit: a middle worker starts the blocked one and calls process.exit(), which
// in a worker ends that worker and, with it, the workers it started.
const middle = `
const { Worker, parentPort } = require('node:worker_threads');
const inner = new Worker(${JSON.stringify(code)}, { eval: true, workerData: ${JSON.stringify({ call })} });
inner.on('message', (m) => {
  parentPort.postMessage(m);
  if (m === 'blocked') setTimeout(() => process.exit(5), 150);
});
`;
if (stop === 'worker-exit') {
  const mid = new Worker(middle, { eval: true });
  mid.on('message', (m) => console.log(m));
  mid.on('exit', (c) => console.log(`worker exited ${c}`));
  return;
}
const w = new Worker(code, { eval: true, workerData: { call } });
w.on('message', async (m) => {
  console.log(m);
  if (m !== 'blocked') return;
  // A message to the worker wakes its wait without ending it.
  await new Promise((r) => setTimeout(r, 150));
  w.postMessage('noise');
  await new Promise((r) => setTimeout(r, 150));
  if (stop === 'exit') {
    console.log('exit');
    process.exit(3);
  }
  // The main thread has nothing left to do: Node exits, stopping the worker.
  if (stop === 'unref') {
    console.log('unref');
    w.unref();
    return;
  }
  if (stop === 'terminate') {
    const code = await w.terminate();
    console.log(`terminated ${code}`);
  }
});
w.on('error', (e) => console.log(`error ${e.message}`));
