// SPDX-License-Identifier: MIT
// Differential conformance: unix.c natively (glibc) and as a wasm guest under `wasock run`,
// each with its own directory for the path sockets.
'use strict';
require('./harness').conformance('unix', {
  progArgs: (dir) => [dir],
  runFlags: (dir) => ['--allow-net', '--dir', dir],
});
