// SPDX-License-Identifier: MIT
// The capability policy, flag by flag: each decision allowed and refused, as a guest
// sees it (EACCES/EPERM from libc) and as --trace explains it.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { guest, run } = require('./helpers');
const { killChildren } = require('../../child');

afterAll(killChildren);

const DENIED = 'Permission denied';
// A port nothing listens on: an allowed connect reaches the kernel and is refused there.
const PORT = 1;

async function tryOps(flags, ops, opts) {
  const r = await run([...flags, guest('probe'), 'try', ...ops], opts);
  expect(r.code).toBe(0);
  const res = {};
  for (const l of r.stdout.split('\n').filter(Boolean)) {
    const [op, answer] = l.split(' -> ');
    res[op] = answer;
  }
  return { res, stderr: r.stderr };
}

test('deny by default: no family, no address, no lookup', async () => {
  const { res, stderr } = await tryOps(['--trace'], ['socket,inet', 'socket,inet6', 'socket,netlink,raw',
    `connect,127.0.0.1,${PORT}`, 'resolve,localhost', 'resolve,127.0.0.1', 'socket,unix']);
  expect(res['socket,inet']).toBe(DENIED);
  expect(res['socket,inet6']).toBe(DENIED);
  expect(res['socket,netlink,raw']).toBe(DENIED);
  expect(res['socket,unix']).toBe(DENIED);
  expect(res[`connect,127.0.0.1,${PORT}`]).toBe(DENIED);
  expect(res['resolve,localhost']).toBe(DENIED);
  expect(res['resolve,127.0.0.1']).toBe('ok');        // numeric: no lookup leaves the process
  expect(stderr).toContain('refused socket: socket(inet) is not allowed; run with --allow-family inet\n');
  expect(stderr).toContain('refused socket: socket(netlink) is not allowed; run with --allow-family netlink\n');
  expect(stderr).toContain('name resolution is not allowed; run with --allow-resolve\n');
});

test('--allow-family: families, inet qualifiers, netlink protocols', async () => {
  const { res, stderr } = await tryOps(['--trace', '--allow-family', 'inet', '--allow-family=netlink:route',
    '--allow-family', 'packet'],
  ['socket,inet', 'socket,inet,dgram', 'socket,inet,raw', 'socket,inet6', 'socket,netlink,raw',
    'socket,packet,dgram', `connect,127.0.0.1,${PORT}`]);
  expect(res['socket,inet']).toBe('ok');
  expect(res['socket,inet,dgram']).toBe('ok');
  expect(res['socket,inet,raw']).toBe(DENIED);
  expect(res['socket,inet6']).toBe(DENIED);
  expect(res['socket,netlink,raw']).toBe('ok');
  expect(res['socket,packet,dgram']).toBe('ok');
  // The family alone reaches no address.
  expect(res[`connect,127.0.0.1,${PORT}`]).toBe(DENIED);
  expect(stderr).toContain('run with --allow-family inet:raw\n');
  expect(stderr).toContain(`refused connect on fd 3: connect to 127.0.0.1:${PORT} is not allowed; run with --allow-connect 127.0.0.1:${PORT}\n`);
  const raw = await tryOps(['--allow-family', 'inet:raw', '--allow-family', 'netlink:generic'],
    ['socket,inet,raw', 'socket,inet', 'socket,netlink,raw']);
  expect(raw.res['socket,inet,raw']).toBe('ok');
  expect(raw.res['socket,inet']).toBe(DENIED);
  expect(raw.res['socket,netlink,raw']).toBe(DENIED);   // NETLINK_ROUTE is not NETLINK_GENERIC
});

test('--allow-connect: port ranges, CIDR, IPv6, v4-mapped, names, wildcard; repeated flags add up', async () => {
  const { res, stderr } = await tryOps(['--trace', '--allow-connect', '127.0.0.1:1-3', '--allow-connect',
    '127.8.0.0/16:7', '--allow-connect', '[::1]:1', '--allow-connect', 'localhost:9', '--allow-connect', '*:11'],
  ['connect,127.0.0.1,2', 'connect,127.0.0.1,4', 'connect,127.8.9.9,7', 'connect,127.9.0.1,7',
    'connect,::1,1', 'connect,::1,2', 'connect,::ffff:127.0.0.1,3', 'connect,127.0.0.1,9',
    'connect,10.255.255.1,11', 'uconnect,127.0.0.1,3', 'connect,127.0.0.2,1']);
  expect(res['connect,127.0.0.1,2']).not.toBe(DENIED);
  expect(res['connect,127.0.0.1,4']).toBe(DENIED);
  expect(res['connect,127.8.9.9,7']).not.toBe(DENIED);
  expect(res['connect,127.9.0.1,7']).toBe(DENIED);
  expect(res['connect,::1,1']).not.toBe(DENIED);
  expect(res['connect,::1,2']).toBe(DENIED);
  expect(res['connect,::ffff:127.0.0.1,3']).not.toBe(DENIED);
  expect(res['connect,127.0.0.1,9']).not.toBe(DENIED);
  expect(res['uconnect,127.0.0.1,3']).toBe('ok');        // UDP connect: same rules
  expect(res['connect,127.0.0.2,1']).toBe(DENIED);
  expect(stderr).toContain('connect to [::1]:2 is not allowed; run with --allow-connect [::1]:2\n');
});

test('--allow-bind and --allow-sendto are separate from --allow-connect', async () => {
  const { res, stderr } = await tryOps(['--trace', '--allow-bind', '127.0.0.1:0', '--allow-sendto', '127.0.0.1:9'],
    ['bind,127.0.0.1,0', 'bind,0.0.0.0,0', 'sendto,127.0.0.1,9', 'sendto,127.0.0.1,10',
      'connect,127.0.0.1,9', 'tfo,127.0.0.1,9']);
  expect(res['bind,127.0.0.1,0']).toBe('ok');
  expect(res['tfo,127.0.0.1,9']).toBe(DENIED);   // an address in a TCP sendto connects
  expect(res['bind,0.0.0.0,0']).toBe(DENIED);
  expect(res['sendto,127.0.0.1,9']).toBe('ok');
  expect(res['sendto,127.0.0.1,10']).toBe(DENIED);
  expect(res['connect,127.0.0.1,9']).toBe(DENIED);
  expect(stderr).toContain('bind to 0.0.0.0:0 is not allowed; run with --allow-bind 0.0.0.0:0\n');
  expect(stderr).toContain('sendto to 127.0.0.1:10 is not allowed; run with --allow-sendto 127.0.0.1:10\n');
});

test('AF_UNIX paths: exact, directory prefix, abstract', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-unix-'));
  const { res, stderr } = await tryOps(['--trace', '--allow-bind', `${dir}/`, '--allow-connect', '@wasock-test'],
    [`bind,${dir}/a.sock`, `bind,${dir}x.sock`, 'connect,@wasock-test', 'connect,@other', `connect,${dir}/a.sock`]);
  expect(res[`bind,${dir}/a.sock`]).toBe('ok');
  expect(fs.existsSync(`${dir}/a.sock`)).toBe(true);
  expect(res[`bind,${dir}x.sock`]).toBe(DENIED);
  expect(res['connect,@wasock-test']).not.toBe(DENIED);
  expect(res['connect,@other']).toBe(DENIED);
  expect(res[`connect,${dir}/a.sock`]).toBe(DENIED);
  expect(stderr).toContain(`connect to unix:@other is not allowed; run with --allow-connect @other\n`);
  fs.rmSync(dir, { recursive: true });
});

test('--allow-resolve, --allow-net', async () => {
  const a = await tryOps(['--allow-resolve'], ['resolve,localhost', 'socket,inet']);
  expect(a.res['resolve,localhost']).toBe('ok');
  expect(a.res['socket,inet']).toBe(DENIED);
  const b = await tryOps(['--allow-net'], ['resolve,localhost', 'socket,inet,raw', 'socket,inet6',
    'bind,0.0.0.0,0', 'sendto,127.0.0.1,9', `connect,127.0.0.1,${PORT}`]);
  for (const v of Object.values(b.res)) expect(v).toBe('ok');
});

test('--dir and --env', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-dir-'));
  fs.writeFileSync(path.join(dir, 'f'), 'x');
  const a = await tryOps(['--dir', `${dir}:/data`, '--env', 'GREETING=hi', '--env', 'WASOCK_TEST_INHERIT'],
    ['open,/data/f', 'open,/etc/passwd', 'open,/data/../../../../etc/passwd', 'env,GREETING',
      'env,WASOCK_TEST_INHERIT', 'env,HOME'],
    { env: { WASOCK_TEST_INHERIT: 'from-host' } });
  expect(a.res['open,/data/f']).toBe('ok');
  expect(a.res['open,/etc/passwd']).not.toBe('ok');
  expect(a.res['open,/data/../../../../etc/passwd']).not.toBe('ok');
  expect(a.res['env,GREETING']).toBe('hi');
  expect(a.res['env,WASOCK_TEST_INHERIT']).toBe('from-host');
  expect(a.res['env,HOME']).toBe('(unset)');
  fs.rmSync(dir, { recursive: true });
});

test('bad flags are usage errors naming the problem', async () => {
  for (const [args, msg] of [
    [['--allow-connect', '127.0.0.1:99999'], 'bad port range'],
    [['--allow-family', 'bogus'], "unknown family 'bogus'"],
    [['--allow-family', 'inet:sctp6'], "unknown inet qualifier 'sctp6'"],
    [['--bogus'], 'unknown option --bogus'],
    [['--dir', ':/x'], 'expected HOST[:GUEST]'],
  ]) {
    const r = await run([...args, guest('probe'), 'try']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg);
  }
});

test('interfaces: a packet socket binds only where an address rule names the interface', async () => {
  const { res, stderr } = await tryOps(['--trace', '--allow-family', 'packet', '--allow-bind', 'lo'],
    ['pbind,lo', 'pbind,any']);
  expect(res['pbind,lo']).toBe('ok');
  expect(res['pbind,any']).toBe(DENIED);
  expect(stderr).toContain('bind on interface * is not allowed; run with --allow-bind *\n');
  const none = await tryOps(['--allow-bind', 'lo'], ['pbind,lo']);
  expect(none.res['pbind,lo']).toBe(DENIED);       // the interface alone creates no packet socket
});
