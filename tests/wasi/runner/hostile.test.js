// SPDX-License-Identifier: MIT
// Hostile guests: guessing fd numbers, closing the runner's fds, foreign fds in
// SCM_RIGHTS, ioctls and socket options that reach outside the socket; and guests that
// trap, run out of memory or exit while holding sockets: the runner reports it and this
// process keeps exactly the fds it had (/proc/self/fd).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { guest, run } = require('./helpers');
const { startChild, killChildren } = require('../../child');

afterAll(killChildren);

test('guessing numbers reaches nothing: every fd the guest was not given is EBADF', async () => {
  const r = await run([guest('hostile'), 'guess']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('renumber to 2^31-1 -> 8, to 65536 -> 8\nguess: fdstat ok=0 host ok=0 dup ok=0 close ok=0 poll nval=1019\npair still works: 1\n');
});

test('SCM_RIGHTS: foreign fds refused, a fair pass becomes a new guest fd', async () => {
  const r = await run(['--trace', guest('hostile'), 'scm']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe([
    'SCM_RIGHTS fd 100 -> -9',
    'SCM_RIGHTS fd 999 -> -9',
    'SCM_RIGHTS fd -1 -> -9',
    'SCM_RIGHTS fd 2147483647 -> -9',
    'SCM_RIGHTS owned+foreign -> -9 (owned fd kept: 1)',
    'cmsg_len past the end -> -22',
    'second cmsg foreign -> -9',
    "SCM_RIGHTS owned -> 1 (sender's fd unchanged: 1)",
    "recvmsg -> 1 'm' level=1 type=1 fd=7 (lowest free: 1)",
    'passed fd works: 1',
    'SCM_CREDENTIALS pid 1 -> -1',
    '',
  ].join('\n'));
  expect(r.stderr).toContain('SCM_RIGHTS names fd 777, which the guest does not hold');
  expect(r.stderr).toContain('SCM_CREDENTIALS names another process or user');
});

test('pointers past the end of memory are EFAULT, never a throw in the runner', async () => {
  const r = await run([guest('hostile'), 'ptrs']);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe([
    'fd_write result past the end -> 21', 'fd_read result past the end -> 21',
    'fd_write iovec past the end -> 21', 'fd_fdstat_get past the end -> 21',
    'fd_filestat_get past the end -> 21', 'poll_oneoff 2^28 subscriptions -> 21',
    'sock_accept result past the end -> 21', 'socketpair result past the end -> -14', 'still alive', '',
  ].join('\n'));
});

test('ioctls and socket options that reach outside the socket are EPERM', async () => {
  const r = await run(['--trace', '--allow-family', 'inet', '--allow-sendto', '127.0.0.1:9', guest('hostile'), 'opts']);
  expect(r.code).toBe(0);
  const got = Object.fromEntries(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' -> ')));
  for (const k of ['SIOCSIFFLAGS', 'SIOCSIFADDR', 'SIOCADDRT', 'SIOCGIFCONF', 'SIOCETHTOOL', 'TIOCSTI',
    'SO_ATTACH_FILTER', 'SO_ATTACH_REUSEPORT_CBPF', 'SO_ATTACH_BPF', 'SO_MARK', 'SO_BINDTODEVICE',
    'IP_TRANSPARENT', 'IPT_SO_SET_REPLACE', 'IPT_SO_GET_INFO', 'sethostname', 'IP_OPTIONS',
    'sendmsg IP_RETOPTS'])
    expect([k, got[k]]).toEqual([k, '-1']);
  // Areas smaller than what the kernel writes would let it write past the guest's memory.
  expect(got['FIONREAD short area']).toBe('-14');
  expect(got['SIOCGIFINDEX short area']).toBe('-14');
  expect(got['SIOCGIFINDEX lo']).toBe('0 index=1');
  expect(got.FIONREAD).toBe('0');
  expect(got.SO_REUSEADDR).toBe('0');
  expect(got['sendfile from unowned fd 9']).toBe('-9');
  expect(got['getaddrinfo name']).toBe('-13');
  expect(r.stderr).toContain('SO_BINDTODEVICE picks a host interface; run with --allow-net');
  expect(r.stderr).toContain('ioctl 0x8914 is not a request on the socket itself');
  const net = await run(['--allow-net', guest('hostile'), 'opts']);
  expect(net.stdout).toContain('SO_BINDTODEVICE -> 0\n');
  expect(net.stdout).toContain('IP_OPTIONS -> 0\n');
  expect(net.stdout).toContain('SO_ATTACH_FILTER -> -1\n');   // no flag allows a host pointer
});

test('trap, abort, stack exhaustion, out of memory, exit, proc_exit, closing stdio: reported, no fd leaked', async () => {
  const out = path.join(os.tmpdir(), `wasock-leak-${process.pid}.out`);
  const p = startChild(process.execPath, [path.join(__dirname, 'leak-harness.js'), guest('hostile'), out,
    'end trap', 'end abort', 'end stack', 'end oom', 'end exit', 'end midcall', 'end stdio', 'scm', 'guess', 'ptrs'], { timeout: 60000 });
  const r = await p.done;
  expect(r.stderr).toBe('');
  const runs = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  expect(runs.map((x) => [x.args.join(' '), x.code ?? x.error])).toEqual([
    ['end trap', 'RuntimeError: unreachable'],
    ['end abort', 'RuntimeError: unreachable'],
    ['end stack', 'RuntimeError: memory access out of bounds'],
    ['end oom', 'RuntimeError: memory access out of bounds'],
    ['end exit', 7],
    ['end midcall', 9],
    ['end stdio', 5],
    ['scm', 0],
    ['guess', 0],
    ['ptrs', 0],
  ]);
  for (const x of runs) expect([x.args.join(' '), x.after]).toEqual([x.args.join(' '), x.before]);
  expect(fs.readFileSync(out, 'utf8')).toContain('malloc failed after 63 MiB\n');
  fs.rmSync(out);
});

test('the CLI reports a trap with its reason and exit status 134', async () => {
  const r = await run([guest('hostile'), 'end', 'trap']);
  expect(r.code).toBe(134);
  expect(r.stderr).toMatch(/wasock run: .*hostile\.wasm trapped: unreachable\n/);
});
