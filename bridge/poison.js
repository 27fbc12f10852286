// SPDX-License-Identifier: MIT
// What happens when a call into the core does not return: the wasm instance trapped
// (WebAssembly.RuntimeError), or an exception unwound it from inside an import or a
// stack overflow. The core's C state (socket table, allocator, argument and I/O areas)
// may then be half updated, and no later call may act on it: the instance is poisoned.
// The call that was interrupted raises InternalError with the original exception as its
// cause; every later call into the core raises InternalError too. The sockets' file
// descriptors stay open until the process exits; a program that sees InternalError
// should log it and restart.
'use strict';
const { InternalError } = require('./errors');

// The exception that poisoned the core, or null.
const state = { poisoned: null };

function interrupted(e) {
  if (e instanceof InternalError) return e;
  state.poisoned = e;
  const what = e && e.constructor ? `${e.constructor.name}: ${e.message}` : String(e);
  return new InternalError(`wasock: the core was interrupted (${what}); it is now unusable ` +
    'in this process', { cause: e });
}

function dead() {
  return new InternalError('wasock: the core was interrupted earlier in this process and is ' +
    'unusable', { cause: state.poisoned });
}

// A guarded copy of one export, of the same arity. Each is compiled from its own source
// so that V8 keeps one call target per call site and inlines it: a shared closure would
// make every guard's inner call megamorphic (twice the cost of a short call).
function guard(f, name) {
  const params = Array.from({ length: f.length }, (_, i) => `a${i}`).join(', ');
  // eslint-disable-next-line no-new-func
  return new Function('f', 'state', 'interrupted', 'dead', `return function ${name}(${params}) {
    if (state.poisoned !== null) throw dead();
    try { return f(${params}); } catch (e) { throw interrupted(e); }
  };`)(f, state, interrupted, dead);
}

/** The exports with every function guarded; other exports (memory) as they are. */
function guardExports(exports) {
  // Built in one go: an object given this many function-valued properties one keyed
  // store at a time is turned by V8 into a dictionary, and every ex.f() a lookup.
  return Object.fromEntries(Object.entries(exports).map(([name, v]) =>
    [name, typeof v === 'function' ? guard(v, name) : v]));
}

/** Whether the core has been poisoned in this process. */
const isPoisoned = () => state.poisoned !== null;

module.exports = { guardExports, isPoisoned };
