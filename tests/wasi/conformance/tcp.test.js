// SPDX-License-Identifier: MIT
// Differential conformance: tcp.c natively (glibc) and as a wasm guest under `wasock run`.
'use strict';
require('./harness').conformance('tcp');
