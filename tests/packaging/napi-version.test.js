// SPDX-License-Identifier: MIT
// The development build (CMakeLists.txt) and the shipped one (tools/addon.js) compile the
// addon against the same Node-API version.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { NAPI_VERSION } = require('../../tools/addon');

test('CMakeLists.txt and tools/addon.js agree on NAPI_VERSION', () => {
  const cmake = fs.readFileSync(path.join(__dirname, '..', '..', 'CMakeLists.txt'), 'utf8');
  expect(Number(/NAPI_VERSION=(\d+)/.exec(cmake)[1])).toBe(NAPI_VERSION);
  expect(NAPI_VERSION).toBeLessThanOrEqual(Number(process.versions.napi));
});
