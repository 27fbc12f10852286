// SPDX-License-Identifier: MIT
// `wasock run` with programs it cannot run: each a one-line message and exit status 2,
// never a stack trace; --help; no ExperimentalWarning from node:wasi.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { run, guest } = require('./helpers');
const { killChildren } = require('../../child');

afterAll(killChildren);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true }));

function wasm(name, source, flags = []) {
  const c = path.join(dir, `${name}.c`), w = path.join(dir, `${name}.wasm`);
  fs.writeFileSync(c, source);
  execFileSync('clang', ['--target=wasm32-wasi', '-O2', ...flags, c, '-o', w]);
  return w;
}

test('an import from another runtime, a reactor, bytes that are not wasm, a missing file, a shared memory', async () => {
  const cases = [
    [wasm('wasix', '__attribute__((import_module("wasix_32v1"), import_name("fd_dup"))) int fd_dup(int, int *);\n' +
      'int main(void) { int n; return fd_dup(0, &n); }\n'), /module="wasix_32v1"/],
    [wasm('reactor', 'int add(int a, int b) { return a + b; }\n', ['-mexec-model=reactor']), /_start/],
    [(fs.writeFileSync(path.join(dir, 'junk.wasm'), 'junk'), path.join(dir, 'junk.wasm')), /expected magic word/],
    [path.join(dir, 'missing.wasm'), /missing\.wasm: no such file/],
    // Policy checks read guest memory the kernel reads again: no other thread may write it.
    [wasm('shared', 'int main(void) { return 0; }\n', ['-matomics', '-mbulk-memory', '-Wl,--shared-memory',
      '-Wl,--max-memory=1048576']), /memory is shared/],
  ];
  for (const [prog, msg] of cases) {
    const r = await run([prog]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(msg);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  }
});

test('--help, and no ExperimentalWarning on a normal run', async () => {
  const h = await run(['--help']);
  expect(h.code).toBe(0);
  expect(h.stdout).toContain('usage: wasock run [options] prog.wasm [args...]');
  const r = await run([guest('probe'), 'try', 'socket,inet']);
  expect(r.stdout).toBe('socket,inet -> Permission denied\n');
  expect(r.stderr).toBe('');
});
