// SPDX-License-Identifier: MIT
// Appended by emcc (--post-js) inside the MINIMAL_RUNTIME module factory. Module.core()
// gives what bridge/wire.js needs, the core's exports by their C names and its linear
// memory, once the instance exists (face.js calls it after the instantiation it ran
// itself, see em-pre.js); the factory's promise also resolves to it.
Module['core'] = function () {
  return {
    memory: wasmMemory,
    exports: {
      ws_arg_area: _ws_arg_area, ws_call: _ws_call, ws_out: _ws_out, ws_error: _ws_error,
      ws_fn_count: _ws_fn_count, ws_fn_name: _ws_fn_name,
    },
  };
};
Module['ready'] = Module['ready'].then(Module['core']);
