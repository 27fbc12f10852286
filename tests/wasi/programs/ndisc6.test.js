// SPDX-License-Identifier: MIT
// ndisc6 1.0.5 from Debian's source package, built with `wasock cc` (build.js): a raw
// ICMPv6 socket sends a Neighbor Solicitation over a veth pair into a network namespace,
// where the kernel answers with the peer's MAC address. The runner allows exactly the
// raw inet6 family and the solicited-node multicast destination.
'use strict';
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const path = require('node:path');
const { ndisc6 } = require('./build');

const execFileP = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', '..', 'bridge', 'cli.js');
jest.setTimeout(120000);

// A network namespace and a veth pair need root (CAP_NET_ADMIN); elsewhere the tests
// report themselves skipped, with this reason.
const ROOT_ONLY = process.getuid() === 0 ? test : test.skip;
if (process.getuid() !== 0) console.log('ndisc6 tests skipped: creating a network namespace needs root');

const ns = `wsk-nd-${process.pid}`;
const a = `wnd${process.pid % 100000}a`, b = `wnd${process.pid % 100000}b`;
const ip = (...args) => execFileSync('ip', args, { stdio: 'pipe' });
let wasm, mac;

beforeAll(() => {
  if (process.getuid() !== 0) return;
  wasm = ndisc6();
  ip('netns', 'add', ns);
  ip('link', 'add', a, 'type', 'veth', 'peer', 'name', b);
  ip('link', 'set', b, 'netns', ns);
  ip('addr', 'add', 'fd77::1/64', 'dev', a, 'nodad');
  ip('link', 'set', a, 'up');
  ip('-n', ns, 'addr', 'add', 'fd77::2/64', 'dev', b, 'nodad');
  ip('-n', ns, 'link', 'set', b, 'up');
  mac = execFileSync('ip', ['netns', 'exec', ns, 'cat', `/sys/class/net/${b}/address`], { encoding: 'utf8' })
    .trim().toUpperCase();
}, 900000);

afterAll(() => {
  if (process.getuid() !== 0) return;
  try { ip('link', 'del', a); } catch { /* gone with the namespace */ }
  try { ip('netns', 'del', ns); } catch { /* never made */ }
});

const run = (flags) => execFileP(process.execPath, ['--no-warnings', CLI, 'run', ...flags, wasm, '-1', '-r', '3',
  'fd77::2', a], { encoding: 'utf8' }).catch((e) => e);

ROOT_ONLY('a raw ICMPv6 neighbour solicitation gets the peer kernel\'s answer', async () => {
  const r = await run(['--allow-family', 'inet6:raw', '--allow-sendto', '[ff02::1:ff00:2]']);
  expect(r.stdout).toBe(`Soliciting fd77::2 (fd77::2) on ${a}...\nTarget link-layer address: ${mac}\n from fd77::2\n`);
});

ROOT_ONLY('without the multicast destination allowed, sending is refused', async () => {
  const r = await run(['--allow-family', 'inet6:raw']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/Sending ICMPv6 packet: Permission denied/);
});
