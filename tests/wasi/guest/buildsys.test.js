// SPDX-License-Identifier: MIT
// `wasock cc` as a cross compiler for build systems: CMake with
// wasi/guest/wasock-toolchain.cmake, a Make-style separate compile and link through
// the wasi/guest/bin/wasock-cc executable, and the pkg-config file.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, tmpdir, start } = require('./util');

const PROG = `#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
int main(void) {
  int sv[2];
  char b[8] = {0};
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) { perror("socketpair"); return 1; }
  write(sv[0], "built", 5);
  read(sv[1], b, sizeof b - 1);
  printf("%s\\n", b);
  return 0;
}
`;
const WCC = path.join(ROOT, 'wasi', 'guest', 'bin', 'wasock-cc');

let dir;
beforeEach(() => { dir = tmpdir('buildsys'); fs.writeFileSync(path.join(dir, 'main.c'), PROG); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('CMake with the toolchain file builds a .wasm that runs', async () => {
  fs.writeFileSync(path.join(dir, 'CMakeLists.txt'),
    'cmake_minimum_required(VERSION 3.20)\nproject(demo C)\nadd_executable(demo main.c)\n');
  execFileSync('cmake', ['-S', dir, '-B', path.join(dir, 'b'),
    `-DCMAKE_TOOLCHAIN_FILE=${path.join(ROOT, 'wasi', 'guest', 'wasock-toolchain.cmake')}`],
  { stdio: 'pipe', timeout: 120000 });
  execFileSync('cmake', ['--build', path.join(dir, 'b')], { stdio: 'pipe', timeout: 120000 });
  const r = await start(path.join(dir, 'b', 'demo.wasm'), ['--allow-family', 'unix']).done;
  expect(r).toEqual({ code: 0, stdout: 'built\n', stderr: '' });
});

test('separate compile and link through wasock-cc, as make does', async () => {
  execFileSync(WCC, ['-O2', '-c', 'main.c', '-o', 'main.o'], { cwd: dir, timeout: 120000 });
  execFileSync(WCC, ['main.o', '-o', 'prog.wasm'], { cwd: dir, timeout: 120000 });
  const r = await start(path.join(dir, 'prog.wasm'), ['--allow-family', 'unix']).done;
  expect(r.stdout).toBe('built\n');
});

test('the pkg-config file names the overlay and the library', () => {
  const pcdir = path.join(ROOT, 'build', 'native', 'wasm', 'guest');
  const env = { ...process.env, PKG_CONFIG_PATH: pcdir };
  const cflags = execFileSync('pkg-config', ['--cflags', 'wasock-guest'], { env, encoding: 'utf8' });
  const libs = execFileSync('pkg-config', ['--libs', 'wasock-guest'], { env, encoding: 'utf8' });
  expect(cflags).toContain(path.join(ROOT, 'wasi', 'guest', 'include'));
  expect(libs).toMatch(/-lwasock-guest/);
  expect(fs.existsSync(path.join(pcdir, 'libwasock-guest.a'))).toBe(true);
});
