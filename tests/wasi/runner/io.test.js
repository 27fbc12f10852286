// SPDX-License-Identifier: MIT
// wasi-libc's own I/O on sockets: read/write and stdio (fdopen) on TCP, stdin and a
// socket in one poll() and one select(), O_NONBLOCK/FIONBIO/FIONREAD on a socketpair.
'use strict';
const { guest, run, upperServer } = require('./helpers');
const { killChildren } = require('../../child');

afterAll(killChildren);

test('stdio over a TCP socket to a python3 peer', async () => {
  const srv = await upperServer();
  const r = await run([`--allow-connect=127.0.0.1:${srv.port}`, guest('probe'), 'echo', String(srv.port)]);
  expect(r.stdout).toBe('got: HELLO VIA STDIO\n');
  expect(r.code).toBe(0);
  await srv.done;
});

for (const mode of ['poll', 'select']) {
  test(`${mode}() over stdin and a socket together`, async () => {
    const srv = await upperServer();
    const r = await run(['--allow-connect', `127.0.0.1:${srv.port}`, guest('probe'), mode, String(srv.port)],
      { input: 'first line\nsecond line\n' });
    expect(r.stdout).toBe('FIRST LINE\nSECOND LINE\ndone\n');
    expect(r.code).toBe(0);
    await srv.done;
  });
}

test('non-blocking read/write, FIONREAD and FIONBIO through libc', async () => {
  const r = await run([guest('probe'), 'nonblock']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('F_GETFL nonblock=0\nF_SETFL -> nonblock=1\n');
  expect(r.stdout).toContain('read on idle -> -1 EAGAIN\n');
  expect(r.stdout).toContain('FIONREAD idle -> 0\nFIONREAD after 7 -> 7\nread -> 7\n');
  expect(r.stdout).toContain('write until full -> EAGAIN after some bytes\n');
  expect(r.stdout).toContain('FIONBIO 0 -> ok\nF_GETFL nonblock=0\n');
  expect(r.stdout).toContain('drained all: 1\n');
  expect(r.stdout).toContain('poll(POLLOUT) when full -> 0\n');
  expect(r.stdout).toContain('poll(POLLOUT) after drain -> 1 revents=POLLOUT\n');
  expect(r.stdout).toContain('peer closed: revents POLLIN=1 POLLHUP=1, read -> 0\n');
});

test('stock wasi-libc (plain clang): poll, select, FIONREAD, O_NONBLOCK, sleep, accept/recv/send/shutdown', async () => {
  // stdin is a pipe left open and empty: never readable.
  const r = await run(['--allow-net', guest('stock')]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe([
    'poll -> 1 stdin=0 sock=1', 'FIONREAD -> 4', 'read -> 4', 'select idle -> 0', 'select writable -> 1',
    'nonblocking read -> -1 EAGAIN', 'usleep(20ms) slept >= 20ms: 1', 'connect -> 0',
    'accept -> 7 (lowest free: 1)', 'send -> 5', 'recv MSG_PEEK -> 5', "recv -> 5 'hello'",
    'shutdown(SHUT_WR) -> 0', 'recv after shutdown -> 0', '',
  ].join('\n'));
});

test('a pipe received over SCM_RIGHTS becomes a guest fd that read() serves', async () => {
  const os = require('node:os');
  const path = require('node:path');
  const { startChild } = require('../../child');
  const sock = path.join(os.tmpdir(), `wasock-recvfd-${process.pid}.sock`);
  const peer = startChild('python3', ['-c', `
import os, socket
s = socket.socket(socket.AF_UNIX)
s.bind(${JSON.stringify(sock)})
s.listen()
print('ready', flush=True)
c, _ = s.accept()
r, w = os.pipe()
socket.send_fds(c, [b'x'], [r])
os.write(w, b'through a pipe')
os.close(w)
c.recv(1)
`], { timeout: 20000 });
  await peer.line();
  const r = await run(['--allow-connect', sock, guest('probe'), 'recvfd', sock]);
  require('node:fs').rmSync(sock, { force: true });
  expect(r.stdout).toBe("got fd 4 (lowest free: 1): read -> 14 'through a pipe'\nS_ISSOCK=0, close -> 0\n");
  expect(r.code).toBe(0);
  await peer.done;
});
