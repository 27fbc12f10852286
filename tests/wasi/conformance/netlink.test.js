// SPDX-License-Identifier: MIT
// Differential conformance: netlink.c natively (glibc) and as a wasm guest under `wasock run`.
'use strict';
require('./harness').conformance('netlink');
