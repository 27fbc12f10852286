// SPDX-License-Identifier: MIT
// One fd space for the guest: sockets and files numbered lowest-free together,
// fd_renumber (dup2's move) across kinds, fstat/isatty on a socket.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { guest, run } = require('./helpers');
const { killChildren } = require('../../child');

afterAll(killChildren);

test('sockets and files share lowest-free numbering, renumber moves any kind', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-fds-'));
  fs.writeFileSync(path.join(dir, 'file.txt'), 'hi-file');
  const r = await run(['--allow-family', 'inet', '--dir', `${dir}:/d`, guest('probe'), 'fds', '/d']);
  fs.rmSync(dir, { recursive: true });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // fd 3 is the preopen; socket 4, file 5, socket 6; 4 freed -> the next open takes it.
  expect(r.stdout).toBe([
    'socket=4 file=5 socket=6',
    'after close(4): open -> 4',
    "read(file 4) -> 7 'hi-file'",
    'socketpair -> ok 7 8',
    'renumber(7, 40) -> ok',
    'write(40) -> 5',
    "read(8) -> 5 'moved'",
    'write(7) after the move -> -1 (Bad file descriptor)',
    'renumber(8, 4) onto the file -> ok',
    "write(40) -> 5; read(4) -> 5 'again'",
    'fstat(40) S_ISSOCK=1 isatty=0',
    'next socket -> 7',
    '',
  ].join('\n'));
});
