// SPDX-License-Identifier: MIT
// ESM: import() of bridge/index.mjs (and of the package name) gives the very object and
// functions require() gives, and every entry point's ESM face exports exactly the names
// of its CommonJS face. Runs in a child process: Jest's CommonJS runtime cannot
// import() an ES module without experimental flags.
'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const MJS = pathToFileURL(path.join(ROOT, 'bridge', 'index.mjs')).href;
const CJS = path.join(ROOT, 'bridge', 'index.js');

// The module functions every face must offer (DESIGN.md), plus the error classes.
const FUNCTIONS = [
  'htons', 'ntohs', 'htonl', 'ntohl', 'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop',
  'CMSG_LEN', 'CMSG_SPACE', 'encode_sockaddr', 'decode_sockaddr', 'getaddrinfo', 'getnameinfo',
  'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getfqdn', 'gethostname', 'sethostname',
  'getservbyname', 'getservbyport', 'getprotobyname', 'if_nameindex', 'if_nametoindex',
  'if_indextoname', 'getdefaulttimeout', 'setdefaulttimeout', 'has_dualstack_ipv6', 'close',
];
const CLASSES = ['OSError', 'error', 'timeout', 'gaierror', 'herror'];

function probe(specifier) {
  const script = `
    import { createRequire } from 'node:module';
    const esm = await import(${JSON.stringify(specifier)});
    const cjs = createRequire(import.meta.url)(${JSON.stringify(CJS)});
    const names = Object.keys(esm).filter((k) => k !== 'default');
    const fn = cjs.htons;
    // The same instance: state set through one face is seen through the other.
    esm.setdefaulttimeout(4.5);
    const shared = cjs.getdefaulttimeout();
    cjs.setdefaulttimeout(null);
    console.log(JSON.stringify({
      defaultIsCjs: esm.default === cjs,
      names,
      mismatched: names.filter((k) => esm[k] !== cjs[k]),
      missing: ${JSON.stringify([...FUNCTIONS, ...CLASSES])}.filter((k) => !(k in esm)),
      htons: esm.htons(1),
      sameFn: esm.htons === fn,
      shared,
      has_ipv6: esm.has_ipv6 === cjs.has_ipv6,
      errClass: (() => { try { esm.close(-1); } catch (e) { return e instanceof cjs.OSError && e.errno; } })(),
    }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT, encoding: 'utf8', timeout: 20000,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe.each([['bridge/index.mjs by URL', MJS], ['the package name "wasock"', 'wasock']])('import() of %s', (_, spec) => {
  let res;
  beforeAll(() => { res = probe(spec); });

  test('the default export is the require() object', () => {
    expect(res.defaultIsCjs).toBe(true);
  });

  test('every module function and error class is a named export', () => {
    expect(res.missing).toEqual([]);
    expect(res.names).toEqual(expect.arrayContaining([...FUNCTIONS, ...CLASSES]));
  });

  test('named exports are the same functions and values', () => {
    expect(res.mismatched).toEqual([]);
    expect(res.sameFn).toBe(true);
    expect(res.has_ipv6).toBe(true);
  });

  test('one core instance behind both faces', () => {
    expect(res.htons).toBe(256);
    expect(res.shared).toBe(4.5);
    expect(res.errClass).toBe(9);
  });
});

// Every entry point with both faces: import gives exactly the names require() gives, as
// the same values, and the require() object as its default export.
const ENTRIES = ['wasock', 'wasock/promises', 'wasock/select', 'wasock/select/promises',
  'wasock/selectors', 'wasock/selectors/promises'];

test.each(ENTRIES)('import of %s exports the names of its require(), the same values', (entry) => {
  const script = `
    import { createRequire } from 'node:module';
    const esm = await import(${JSON.stringify(entry)});
    const cjs = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})(${JSON.stringify(entry)});
    const names = Object.keys(esm).filter((k) => k !== 'default');
    console.log(JSON.stringify({
      esm: names.sort(),
      cjs: Object.keys(cjs).sort(),
      mismatched: names.filter((k) => esm[k] !== cjs[k]),
      defaultIsCjs: esm.default === cjs,
    }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT, encoding: 'utf8', timeout: 20000,
  });
  if (r.status !== 0) throw new Error(`child failed (${r.status}): ${r.stderr}`);
  const res = JSON.parse(r.stdout);
  expect(res.esm).toEqual(res.cjs);
  expect(res.cjs.length).toBeGreaterThan(5);
  expect(res.mismatched).toEqual([]);
  expect(res.defaultIsCjs).toBe(true);
});
