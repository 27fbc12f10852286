// SPDX-License-Identifier: MIT
// AF_PACKET on this machine's kernel: raw and cooked Ethernet frames over a veth pair and
// over lo, and PACKET_ADD_MEMBERSHIP, inside a network namespace made for the test (the
// checks run in packet_ns.js under `ip netns exec`).
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const NS = `wasock-pkt-${process.pid}`;
const ip = (...args) => spawnSync('ip', args, { encoding: 'utf8', timeout: 20000 });

function setUp() {
  if (process.getuid() !== 0) return 'needs root (network namespaces, packet sockets)';
  const add = ip('netns', 'add', NS);
  if (add.error) return `ip (iproute2) not available: ${add.error.message}`;
  if (add.status !== 0) return `ip netns add failed: ${add.stderr.trim()}`;
  for (const args of [
    ['-n', NS, 'link', 'add', 'va', 'type', 'veth', 'peer', 'name', 'vb'],
    ['-n', NS, 'link', 'set', 'va', 'up'],
    ['-n', NS, 'link', 'set', 'vb', 'up'],
    ['-n', NS, 'link', 'set', 'lo', 'up'],
  ]) {
    const r = ip(...args);
    if (r.status !== 0) return `ip ${args.join(' ')} failed: ${r.stderr.trim()}`;
  }
  return null;
}

const why = setUp();
const CHECKS = ['veth_raw', 'veth_dgram_sendto', 'lo_raw', 'membership_promisc'];

describe('AF_PACKET (host kernel, own network namespace)', () => {
  if (why) {
    for (const c of CHECKS) test.skip(`${c} — skipped: ${why}`, () => {});
    return;
  }
  const results = new Map();
  beforeAll(() => {
    const r = spawnSync('ip', ['netns', 'exec', NS, process.execPath, path.join(__dirname, 'packet_ns.js')],
      { encoding: 'utf8', timeout: 60000 });
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) {
      const o = JSON.parse(line);
      results.set(o.check, o);
    }
    if (!results.size) throw new Error(`packet_ns.js printed nothing: ${r.stderr || r.error}`);
  });
  afterAll(() => ip('netns', 'del', NS));

  for (const c of CHECKS) {
    test(c, () => {
      const r = results.get(c);
      expect(r).toBeDefined();
      expect(r.error).toBeUndefined();
      const { expect: want, ...got } = r.detail;
      for (const [k, v] of Object.entries(want)) expect([k, got[k]]).toEqual([k, v]);
      if ('sent' in got) expect(got.sent).toBeGreaterThan(0);
      if ('received' in got) expect(got.received).toBe(true);
    });
  }
});
