// SPDX-License-Identifier: MIT
// Differential conformance: nonblock.c natively (glibc) and as a wasm guest under `wasock run`.
'use strict';
require('./harness').conformance('nonblock');
