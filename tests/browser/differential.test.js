// SPDX-License-Identifier: MIT
//
// Differential suite of `wasock/inet` against CPython's socket and ipaddress modules:
// the same calls go to python3 (tests/browser/oracle.py), to the Node build and to the
// browser build in headless Chromium, and every answer must agree with Python's: the
// same value, or the same error class (ValueError -> RangeError) and errno. The inputs
// include those behind the `ip` package's isPublic bypasses (CVE-2023-42282,
// CVE-2024-29415), ip-address's leading-zero octets and ipaddr.js's radix handling:
// octal, hex and short IPv4 forms, mixed-case IPv4-mapped IPv6 and zero-padded IPv6.

'use strict';

const { spawnSync } = require('node:child_process');
const path = require('node:path');
const util = require('node:util');
const { ROOT, browserSkipReason, runInNode, openPage, runInPage } = require('./harness');

const AF_INET = 2;
const AF_INET6 = 10;

// The oracle: the first python3 whose ipaddress has the corrected special-range tables
// (CVE-2024-4032), which wasock follows; another python3 still answers everything else.
function pickPython() {
  let fallback = null;
  for (const exe of ['python3', '/usr/bin/python3', 'python3.13', 'python3.12']) {
    const r = spawnSync(exe, ['-c',
      'import ipaddress, socket, sys; print(sys.version.split()[0], ' +
      'hasattr(ipaddress._IPv4Constants, "_private_networks_exceptions"))'], { encoding: 'utf8' });
    if (r.status !== 0) continue;
    const [version, fixed] = r.stdout.trim().split(' ');
    if (fixed === 'True') return { exe, version, fixed: true };
    fallback = fallback || { exe, version, fixed: false };
  }
  return fallback;
}

function python(exe, request) {
  const r = spawnSync(exe, [path.join(__dirname, 'oracle.py')], {
    input: JSON.stringify(request), encoding: 'utf8', maxBuffer: 256 << 20,
  });
  if (r.status !== 0) throw new Error(`oracle.py failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---- inputs ----

const CVE = [
  // ip's isPublic/isPrivate bypasses and friends: forms inet_aton takes, inet_pton refuses.
  '127.1', '127.0.1', '0x7f.1', '0x7f000001', '0x7F.0.0.1', '0177.0.0.1', '0177.1',
  '127.000.000.001', '127.0.0.01', '012.1.2.3', '010.0.0.1', '017700000001', '2130706433',
  '0', '0.0', '0x0', '000.000.000.000', '10.1', '192.168.1', '0xc0.0xa8.1.1', '0300.0250.1.1',
  '169.254.169.254', '0251.0376.0251.0376', '0xa9fea9fe', '2852039166',
  // IPv6 spellings of loopback and IPv4-mapped loopback.
  '::fFFf:127.0.0.1', '::ffff:7f00:1', '::FFFF:7F00:0001', '000:0:0000::01', '0:0:0:0:0:0:0:1',
  '::ffff:127.1', '::ffff:0x7f.0.0.1', '::ffff:0177.0.0.1', '::127.0.0.1', '::7f00:1',
  '0000:0000:0000:0000:0000:ffff:7f00:0001', '::ffff:0:127.0.0.1', '64:ff9b::127.0.0.1',
  'fe80::1', 'fe80::1%eth0', 'fe80::1%1', '::', '::0', '0::', '::%1', 'ff02::1', 'fc00::1',
  'fd12:3456:789a:1::1', '2002:7f00:1::', '2001:db8::1', '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe', '::ffff:10.0.0.1', '::ffff:192.168.0.1', '::ffff:8.8.8.8',
  // Unicode digits, NULs and lone surrogates.
  '\u0661\u0662\u0667.0.0.1', '127.0.0.\uff11', '1.2.3.4\0', '\0', '\ud800', '1.2.3.4\udc00',
];

const PREFIXES = ['0', '1', '7', '8', '08', '008', '9', '12', '16', '24', '31', '32', '33',
  '48', '64', '96', '127', '128', '129', '', ' 8', '8 ', '+8', '-1', '0x8', '8.0',
  '255.0.0.0', '255.255.255.0', '0.0.0.255', '0.255.255.255', '255.0.255.0', '0.0.0.0',
  '255.255.255.255', '255.255.255.254', '254.255.255.255', '255.000.0.0', 'ffff::'];
const NET_ADDRS = ['0.0.0.0', '10.0.0.0', '10.0.0.1', '127.0.0.0', '127.0.0.1', '127.1',
  '192.168.0.0', '255.255.255.255', '0x7f.0.0.0', '::', '::1', 'fe80::', 'fe80::1',
  'fe80::%eth0', '::ffff:0:0', '::ffff:127.0.0.1', '2001:db8::', 'ff00::', ''];

const CONTAINS_NETS = ['127.0.0.0/8', '10.0.0.0/8', '10.0.0.1/8', '192.168.0.0/16', '0.0.0.0/0',
  '::/0', '::ffff:0:0/96', '::ffff:127.0.0.0/104', 'fe80::/10', '::1/128', '100.64.0.0/10',
  '127.0.0.0/255.0.0.0', 'fe80::%eth0/64', '127.1/8'];
const CONTAINS_ADDRS = ['127.0.0.1', '127.255.255.255', '128.0.0.0', '10.1.2.3', '::1',
  '::ffff:127.0.0.1', '::ffff:7f00:1', '000:0:0000::01', 'fe80::1', 'fe80::1%eth0',
  '0.0.0.0', '::', '100.127.255.255', '100.128.0.0', '127.1', '0x7f.0.0.1', '::ffff:10.0.0.1'];

// A small deterministic generator (mulberry32) for packed addresses.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function packedAddresses(n) {
  const next = rng(20240601);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const out = [];
  for (let i = 0; i < n; i++) {
    const b = Array.from({ length: 16 }, () => pick([0, 0, 0, 0, 0xff, Math.floor(next() * 256)]));
    if (next() < 0.3) b.fill(0, 0, 10 + Math.floor(next() * 3));
    if (next() < 0.3) { b.fill(0, 0, 10); b[10] = 0xff; b[11] = 0xff; }
    out.push(Buffer.from(b).toString('hex'));
  }
  return out;
}

function buildCalls(py) {
  const inputs = JSON.parse(spawnSync(py.exe, [path.join(ROOT, 'tests', 'diff',
    'gen_inet_inputs.py'), '20240601', '600'], { encoding: 'utf8' }).stdout);
  const texts = [...new Set([...CVE, ...inputs])];
  const calls = [];
  const add = (fn, ...args) => calls.push({ fn, args });
  for (const s of texts) {
    add('inet_aton', s);
    add('inet_pton', AF_INET, s);
    add('inet_pton', AF_INET6, s);
    add('ip_address', s);
    add('ip_network', s);
    if (py.fixed) add('ip_address_info', s);
  }
  for (const a of NET_ADDRS) {
    for (const p of PREFIXES) {
      add('ip_network', `${a}/${p}`);
      add('ip_network', `${a}/${p}`, false);
    }
  }
  for (const n of CONTAINS_NETS) for (const a of CONTAINS_ADDRS) add('ip_network_contains', n, a);
  for (const n of CONTAINS_NETS) add('ip_network_contains', n, '10.2.3.4', false);
  if (py.fixed) {
    for (const a of python(py.exe, { boundaries: true }).boundaries) add('ip_address_info', a);
  }
  for (const h of packedAddresses(400)) {
    add('inet_ntop', AF_INET6, { $bytes: h });
    add('inet_ntop', AF_INET, { $bytes: h.slice(24) });
    add('inet_ntoa', { $bytes: h.slice(24) });
    add('ip_address', { $bytes: h });
    if (py.fixed) add('ip_address_info', { $bytes: h });
  }
  for (const h of ['', '00', '000000', '0000000000', '00'.repeat(15), '00'.repeat(17)]) {
    add('inet_ntop', AF_INET, { $bytes: h });
    add('inet_ntop', AF_INET6, { $bytes: h });
    add('inet_ntoa', { $bytes: h });
    add('ip_address', { $bytes: h });
  }
  add('inet_pton', 99, '1.2.3.4');
  add('inet_ntop', 99, { $bytes: '01020304' });
  return calls;
}

function same(got, want) {
  if ('ok' in want) return 'ok' in got && util.isDeepStrictEqual(got.ok, want.ok);
  return got.err === want.err && (got.errno ?? null) === (want.errno ?? null);
}

function compare(name, calls, results, oracle) {
  const bad = [];
  calls.forEach((c, i) => {
    if (!same(results[i], oracle[i])) {
      bad.push(`${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')})\n` +
        `  ${name} ${util.inspect(results[i], { breakLength: Infinity })}\n` +
        `  python ${util.inspect(oracle[i], { breakLength: Infinity })}`);
    }
  });
  console.log(`${name} differential: ${calls.length} cases, ${bad.length} disagreements`);
  return bad;
}

const py = pickPython();
if (!py) console.warn('differential suite skipped: no usable python3');
else if (!py.fixed) {
  console.warn(`python3 ${py.version} has ipaddress's special-range tables from before ` +
    'CVE-2024-4032: ip_address_info is not compared');
}
const describePy = py ? describe : describe.skip;
const skipBrowser = browserSkipReason();
if (skipBrowser) console.warn(`browser differential skipped: ${skipBrowser}`);

describePy(py ? `CPython ${py.version} (${py.exe})` : 'CPython (skipped: no python3)', () => {
  let calls, oracle;
  beforeAll(() => {
    calls = buildCalls(py);
    const out = python(py.exe, { calls });
    oracle = out.results;
  }, 60000);

  if (py && !py.fixed) {
    test.skip(`ip_address_info (skipped: python3 ${py.version} predates the CVE-2024-4032 tables)`,
      () => {});
  }

  test('the Node build agrees with CPython', () => {
    expect(calls.length).toBeGreaterThan(5000);
    const { results } = runInNode(calls);
    expect(compare('node', calls, results, oracle).slice(0, 20)).toEqual([]);
  }, 60000);

  const testBrowser = skipBrowser ? test.skip : test;
  testBrowser(skipBrowser ? `the browser build agrees with CPython (skipped: ${skipBrowser})`
    : 'the browser build agrees with CPython', async () => {
    const session = await openPage();
    try {
      const { results } = await runInPage(session.page, calls);
      expect(compare('browser', calls, results, oracle).slice(0, 20)).toEqual([]);
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
    }
  }, 300000);
});
