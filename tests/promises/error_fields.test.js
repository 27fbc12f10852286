// SPDX-License-Identifier: MIT
// The promise face's errors: the same Node-style fields as the sync face's, and a
// rejection whose stack is that of the call that started the operation (not of the
// event-loop callback that failed it).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { wp, closeAll } = require('./helpers');

function closedPort(family, host) {
  const s = wp.socket(family);
  s.sync.bind([host, 0]);
  const port = s.getsockname()[1];
  s.close();
  return port;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-perr-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  ['INET', wp.AF_INET, '127.0.0.1'],
  ['INET6', wp.AF_INET6, '::1'],
])('%s connect refused: address, port, syscall; the stack is the caller\'s', async (name, family, host) => {
  const port = closedPort(family, host);
  const s = wp.socket(family);
  const e = await s.connect([host, port]).catch((x) => x);
  expect(e).toBeInstanceOf(wp.ConnectionRefusedError);
  expect(e).toMatchObject({ errno: 111, code: 'ECONNREFUSED', syscall: 'connect', address: host, port });
  const frames = e.stack.split('\n').slice(1);
  expect(frames[0]).toContain('error_fields.test.js');
  expect(frames.some((f) => f.includes(`${path.sep}bridge${path.sep}`))).toBe(false);
  s.close();
});

test('INET bind in use and sendto refused carry address and port', async () => {
  const a = wp.socket();
  a.sync.bind(['127.0.0.1', 0]);
  a.listen();
  const port = a.getsockname()[1];
  const b = wp.socket();
  await expect(b.bind(['127.0.0.1', port])).rejects.toMatchObject({ errno: 98, syscall: 'bind', address: '127.0.0.1', port });
  const u = wp.socket(wp.AF_INET, wp.SOCK_DGRAM);
  await expect(u.sendto(Buffer.from('x'), ['255.255.255.255', 9]))
    .rejects.toMatchObject({ errno: 13, syscall: 'sendto', address: '255.255.255.255', port: 9 });
  closeAll(a, b, u);
});

test('UNIX connect and sendto to missing paths carry the path', async () => {
  const s = wp.socket(wp.AF_UNIX);
  const p = path.join(dir, 'missing');
  await expect(s.connect(p)).rejects.toMatchObject({ errno: 2, code: 'ENOENT', syscall: 'connect', path: p });
  const d = wp.socket(wp.AF_UNIX, wp.SOCK_DGRAM);
  await expect(d.sendto(Buffer.from('x'), p)).rejects.toMatchObject({ errno: 2, syscall: 'sendto', path: p });
  closeAll(s, d);
});

test('a timeout rejects with syscall and the stack of the recv() call', async () => {
  const [a, b] = wp.socketpair();
  a.settimeout(0.02);
  const e = await a.recv(1).catch((x) => x);
  expect(e).toMatchObject({ name: 'TimeoutError', syscall: 'recv' });
  expect(e.stack.split('\n')[1]).toContain('error_fields.test.js');
  closeAll(a, b);
});

test('gaierror from the promise face carries the hostname', async () => {
  await expect(wp.getaddrinfo('no-such-host.invalid', 80)).rejects.toMatchObject({ hostname: 'no-such-host.invalid' });
  const s = wp.socket();
  await expect(s.connect(['no-such-host.invalid', 80])).rejects.toMatchObject({ hostname: 'no-such-host.invalid' });
  s.close();
});

test("RangeError codes: a bad port is ERR_SOCKET_BAD_PORT", async () => {
  const s = wp.socket();
  await expect(s.connect(['127.0.0.1', 70000])).rejects.toMatchObject({ name: 'RangeError', code: 'ERR_SOCKET_BAD_PORT' });
  s.close();
});
