// SPDX-License-Identifier: MIT
// The package exports 'wasock/promises' (CommonJS and ESM): the same object both ways,
// and every name the sync face exports, with the promise versions where they differ.
'use strict';

const path = require('node:path');
const { wp, run, ROOT } = require('./helpers');

test("require('wasock/promises') is bridge/promises.js; its blocking functions return Promises", async () => {
  const viaName = require(require.resolve('wasock/promises', { paths: [ROOT] }));
  expect(viaName).toBe(wp);
  const w = require(path.join(ROOT, 'bridge'));
  for (const k of Object.keys(w)) expect(wp).toHaveProperty(k);
  expect(wp.Socket).toBe(wp.AsyncSocket);
  for (const f of ['getaddrinfo', 'getnameinfo', 'gethostbyname', 'gethostbyname_ex',
    'gethostbyaddr', 'getfqdn', 'create_connection', 'create_server']) {
    expect(wp[f]).not.toBe(w[f]);
  }
  const p = wp.getfqdn('localhost');
  expect(p).toBeInstanceOf(Promise);
  await p;
});

test('ESM: import of wasock/promises gives the CommonJS object as default and every named export of wasock', async () => {
  const script = `
    import * as wp from 'wasock/promises';
    import * as w from 'wasock';
    import { createRequire } from 'node:module';
    const cjs = createRequire(import.meta.url)('wasock/promises');
    const missing = Object.keys(w).filter((k) => !(k in wp));
    const differ = Object.keys(wp).filter((k) => k !== 'default' && wp[k] !== cjs[k]);
    console.log(JSON.stringify({ same: wp.default === cjs, missing, differ,
      asyncSocket: typeof wp.AsyncSocket, socketIsAsync: wp.socket === cjs.socket }));
  `;
  const r = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({
    same: true, missing: [], differ: [], asyncSocket: 'function', socketIsAsync: true,
  });
});
