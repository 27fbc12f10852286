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

let poisoned = null;

function interrupted(e) {
  if (e instanceof InternalError) return e;
  poisoned = e;
  const what = e && e.constructor ? `${e.constructor.name}: ${e.message}` : String(e);
  return new InternalError(`wasock: the core was interrupted (${what}); it is now unusable ` +
    'in this process', { cause: e });
}

function dead() {
  return new InternalError('wasock: the core was interrupted earlier in this process and is ' +
    'unusable', { cause: poisoned });
}

// A guarded copy of one export, of the same arity (cheaper than a rest-args wrapper).
function guard(f) {
  switch (f.length) {
    case 0: return function () {
      if (poisoned !== null) throw dead();
      try { return f(); } catch (e) { throw interrupted(e); }
    };
    case 1: return function (a) {
      if (poisoned !== null) throw dead();
      try { return f(a); } catch (e) { throw interrupted(e); }
    };
    case 2: return function (a, b) {
      if (poisoned !== null) throw dead();
      try { return f(a, b); } catch (e) { throw interrupted(e); }
    };
    case 3: return function (a, b, c) {
      if (poisoned !== null) throw dead();
      try { return f(a, b, c); } catch (e) { throw interrupted(e); }
    };
    case 4: return function (a, b, c, d) {
      if (poisoned !== null) throw dead();
      try { return f(a, b, c, d); } catch (e) { throw interrupted(e); }
    };
    case 5: return function (a, b, c, d, e5) {
      if (poisoned !== null) throw dead();
      try { return f(a, b, c, d, e5); } catch (e) { throw interrupted(e); }
    };
    default: return function (...args) {
      if (poisoned !== null) throw dead();
      try { return f(...args); } catch (e) { throw interrupted(e); }
    };
  }
}

/** The exports with every function guarded; other exports (memory) as they are. */
function guardExports(exports) {
  const out = {};
  for (const [name, v] of Object.entries(exports)) out[name] = typeof v === 'function' ? guard(v) : v;
  return out;
}

/** Whether the core has been poisoned in this process. */
const isPoisoned = () => poisoned !== null;

module.exports = { guardExports, isPoisoned };
