// SPDX-License-Identifier: MIT
// require('wasock/wasi'): run WASI programs with real sockets under a capability policy.
//
//   const { run, Runner } = require('wasock/wasi');
//   const code = run('prog.wasm', { args: ['prog'], policy: { connect: ['127.0.0.1:8080'] } });
//
// or, for a host's own instance:
//
//   const r = new Runner({ args, env, preopens, policy, trace });
//   const inst = new WebAssembly.Instance(mod, r.getImportObject());
//   const code = r.start(inst);          // or r.initialize(inst) for a reactor, then r.close()
//
// A guest's blocking calls block the calling thread: run guests in a worker_thread when
// the thread has other work.
'use strict';
const { Runner, run, Policy } = require('./runner');

module.exports = { Runner, run, Policy };
