// SPDX-License-Identifier: MIT
// What every entry of `wasock/inet` exports, over the Emscripten build of the core (its
// factory `createCore`, see CMakeLists.txt): init() / initSync() that load the wasm, the
// functions, which call into the core once it is loaded, and the error classes.
//
// The functions exist before the wasm is loaded so that entries need no top-level await
// (iife bundles and require() have none): a call before init() throws, unless the entry
// is `lazy` (its bytes are at hand: Node, the inline build), when it loads synchronously.
'use strict';
const errors = require('../errors');
const { createWire, asBytes } = require('../wire');
const { makeInet, NAMES } = require('./api');

const NOT_READY = 'wasock/inet is not initialized: call `await init()` first ' +
  '(or initSync(bytes)); see docs/api.md';

// Runs the factory, taking its one instantiate() call over (bridge/inet/em-pre.js):
// returns the imports it wants and start(instance), which finishes its set-up.
function takeOver(createCore) {
  let imports = null, finish = null;
  const Module = {
    WebAssembly: { instantiate(_, i) { imports = i; return { then(f) { finish = f; } }; } },
  };
  createCore(Module);
  if (!imports || !finish || typeof Module.core !== 'function') {
    throw new Error('wasock/inet: the web build of the core does not match this module; rebuild it');
  }
  return { imports, start(instance) { finish({ instance }); return Module.core(); } };
}

function describe(v) {
  if (v === null) return 'null';
  if (typeof v === 'object') return (v.constructor && v.constructor.name) || 'object';
  return typeof v;
}

const isURL = (v) => typeof v === 'string' || (typeof URL === 'function' && v instanceof URL) ||
  (typeof Request === 'function' && v instanceof Request);
const isResponse = (v) => typeof Response === 'function' && v instanceof Response;

function makeFace(createCore, { source, bytes, lazy = false }) {
  let inet = null;
  let pending = null;

  function attach(core) {
    const { fns } = createWire({ ...core, bytes });
    inet = makeInet(fns);
  }

  function initSync(input = source()) {
    if (inet) return;
    let mod = input;
    if (!(input instanceof WebAssembly.Module)) {
      const b = asBytes(input);
      if (!b) {
        throw new TypeError(`wasock/inet: initSync() takes the wasm as bytes (ArrayBuffer or a view) or a WebAssembly.Module, not ${describe(input)}`);
      }
      mod = new WebAssembly.Module(b);
    }
    const { imports, start } = takeOver(createCore);
    attach(start(new WebAssembly.Instance(mod, imports)));
  }

  async function load(input) {
    input = await input;
    if (isURL(input)) {
      const response = await fetch(input);
      if (!response.ok) {
        throw new Error(`wasock/inet: cannot load ${response.url || input} (HTTP ${response.status})`);
      }
      input = response;
    }
    if (isResponse(input)) input = await input.arrayBuffer();
    if (!(input instanceof WebAssembly.Module) && !asBytes(input)) {
      throw new TypeError(`wasock/inet: init() takes a URL, a Response, the wasm's bytes (ArrayBuffer or a view) or a WebAssembly.Module, not ${describe(input)}`);
    }
    const { imports, start } = takeOver(createCore);
    const made = await WebAssembly.instantiate(
      input instanceof WebAssembly.Module ? input : asBytes(input), imports);
    attach(start(made instanceof WebAssembly.Instance ? made : made.instance));
  }

  function init(input) {
    if (inet) return Promise.resolve();
    if (!pending) {
      pending = load(input === undefined ? source() : input);
      pending.catch(() => { pending = null; });   // a failed init() may be retried
    }
    return pending;
  }

  function need() {
    if (!inet) {
      if (!lazy) throw new Error(NOT_READY);
      initSync();
    }
    return inet;
  }

  const face = { init, initSync };
  for (const name of NAMES) {
    face[name] = { [name](...args) { return need()[name](...args); } }[name];
  }
  return Object.assign(face, errors);
}

module.exports = { makeFace };
