// SPDX-License-Identifier: MIT
// Differential conformance: udp.c natively (glibc) and as a wasm guest under `wasock run`.
'use strict';
require('./harness').conformance('udp');
