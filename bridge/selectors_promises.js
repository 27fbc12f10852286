// SPDX-License-Identifier: MIT
// wasock/selectors/promises: Python's selectors module whose select() returns a Promise,
// waiting on Node's event loop (bridge/select_promises.js).
'use strict';
module.exports = require('./selectors').make(require('./select_promises'), true);
