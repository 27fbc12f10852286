// SPDX-License-Identifier: MIT
// `wasock cc` from a package its user cannot write to (installed by another user, or on a
// read-only file system): the kernel's UAPI headers are reached through a private
// directory of the user's instead of one beside the library, and a directory of that
// name that others may write to is refused. The read-only package is a read-only bind
// mount in a mount namespace of the test's own.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, CLI, tmpdir } = require('./util');

const LIB = ['build/native/wasm/guest', 'dist/guest'].map((d) => path.join(ROOT, d))
  .find((d) => fs.existsSync(path.join(d, 'libwasock-guest.a')));

// A program that needs the UAPI headers (linux/can.h) and links the library.
const PROGRAM = `#include <linux/can.h>
#include <stdio.h>
#include <sys/socket.h>
int main(void) { printf("%d %zu\\n", AF_CAN, sizeof(struct can_frame)); return 0; }
`;

// Runs `wasock cc` with dir mounted read-only over itself; { status, stderr }.
function ccReadOnly(dir, tmp, out) {
  const src = path.join(tmp, 'can.c');
  fs.writeFileSync(src, PROGRAM);
  const script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"';
  return spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, process.execPath, CLI, 'cc', '-O2', src, '-o', out],
    { encoding: 'utf8', timeout: 120000, env: { ...process.env, WASOCK_GUEST_LIBDIR: dir, TMPDIR: tmp } });
}

test('a read-only package compiles through a private UAPI directory', () => {
  const tmp = tmpdir('ro');
  const lib = path.join(tmp, 'guest');
  fs.mkdirSync(lib);
  fs.copyFileSync(path.join(LIB, 'libwasock-guest.a'), path.join(lib, 'libwasock-guest.a'));
  const out = path.join(tmp, 'can.wasm');
  const r = ccReadOnly(lib, tmp, out);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(fs.readFileSync(out).subarray(0, 4)).toEqual(Buffer.from('\0asm'));
  expect(fs.existsSync(path.join(lib, 'uapi'))).toBe(false);
  const own = path.join(tmp, `wasock-uapi-${process.getuid()}`);
  expect(fs.readlinkSync(path.join(own, 'linux'))).toBe('/usr/include/linux');
  expect(fs.statSync(own).mode & 0o777).toBe(0o700);
  const run = spawnSync(process.execPath, ['--no-warnings', CLI, 'run', out], { encoding: 'utf8', timeout: 30000 });
  expect(run.stdout).toBe('29 16\n');
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('a private directory others may write to is refused, not used', () => {
  const tmp = tmpdir('ro');
  const lib = path.join(tmp, 'guest');
  fs.mkdirSync(lib);
  fs.copyFileSync(path.join(LIB, 'libwasock-guest.a'), path.join(lib, 'libwasock-guest.a'));
  const own = path.join(tmp, `wasock-uapi-${process.getuid()}`);
  fs.mkdirSync(own);
  fs.chmodSync(own, 0o777);
  const r = ccReadOnly(lib, tmp, path.join(tmp, 'can.wasm'));
  expect(r.status).not.toBe(0);
  expect(r.stderr).toBe(`wasock cc: ${own} is not a directory of this user's that only it may write to\n`);
  expect(fs.readdirSync(own)).toEqual([]);
  fs.rmSync(tmp, { recursive: true, force: true });
});
