#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// The hardening steps of the test command (tools/test.js runs this and adds its counts):
//   1. the C unit tests against the core and host/sys built with ASan + UBSan
//      (build/fuzz, -fno-sanitize-recover=all: any report fails its test);
//   2. each libFuzzer harness of tests/fuzz for a short time (WASOCK_FUZZ_TEST_SECONDS,
//      default 20; two at a time), from the committed seeds: one test per harness;
//   3. the addon built with ASan + UBSan (build/asan) under the JS socket, promise and
//      host suites (Node is not instrumented: the ASan runtime is preloaded and leak
//      checking is off). tests/promises/leaks.test.js and liveness.test.js are left out
//      here: they measure RSS and event-loop gaps, which ASan's quarantine and slowdown
//      make meaningless; they run in the ordinary Jest step.
// Without clang's sanitizer runtimes (apt-get install clang libclang-rt-14-dev) each step
// reports itself skipped with the reason. Usage: node tools/hardening.js [--json FILE]
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const totals = { passed: 0, failed: 0, skipped: 0, steps: [] };
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status;
const out = (cmd, args) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
};
function step(name, fn) {
  const t0 = Date.now();
  const before = { ...totals };
  console.log(`\n---- hardening: ${name} ----`);
  fn();
  const s = Math.round((Date.now() - t0) / 1000);
  const d = (k) => totals[k] - before[k];
  totals.steps.push({ name, seconds: s, passed: d('passed'), failed: d('failed'), skipped: d('skipped') });
  console.log(`---- hardening: ${name}: ${d('passed')} passed, ${d('failed')} failed, ` +
    `${d('skipped')} skipped in ${s} s ----`);
}

// What the sanitizer builds need: clang and its ASan/UBSan/libFuzzer runtimes.
const asanRt = out('clang', ['-print-file-name=libclang_rt.asan-x86_64.so']);
const fuzzerRt = out('clang', ['-print-file-name=libclang_rt.fuzzer-x86_64.a']);
const missing = !asanRt || !fs.existsSync(asanRt) || !fuzzerRt || !fs.existsSync(fuzzerRt)
  ? 'clang with libclang-rt-14-dev is not installed (apt-get install clang libclang-rt-14-dev)'
  : null;

step('ASan+UBSan C unit tests', () => {
  if (missing) { console.log(`skipped: ${missing}`); totals.skipped++; return; }
  if (run(process.execPath, [path.join(__dirname, 'fuzz.js'), '--build']) !== 0) {
    totals.failed++;
    return;
  }
  const log = path.join(os.tmpdir(), `wasock-san-ctest-${process.pid}.xml`);
  const st = run('ctest', ['--test-dir', 'build/fuzz', '--output-on-failure', '--output-junit', log]);
  try {
    const m = /tests="(\d+)"[^>]*failures="(\d+)"[^>]*skipped="(\d+)"/.exec(fs.readFileSync(log, 'utf8'));
    totals.failed += Number(m[2]);
    totals.skipped += Number(m[3]);
    totals.passed += Number(m[1]) - Number(m[2]) - Number(m[3]);
    fs.rmSync(log);
  } catch { if (st !== 0) totals.failed++; }
});

step('fuzzing (short runs)', () => {
  if (missing) { console.log(`skipped: ${missing}`); totals.skipped++; return; }
  const json = path.join(os.tmpdir(), `wasock-fuzz-${process.pid}.json`);
  const secs = process.env.WASOCK_FUZZ_TEST_SECONDS || '20';
  run(process.execPath, [path.join(__dirname, 'fuzz.js'), secs, '--json', json]);
  try {
    const r = JSON.parse(fs.readFileSync(json, 'utf8'));
    for (const h of r.harnesses) h.ok ? totals.passed++ : totals.failed++;
    fs.rmSync(json);
  } catch { totals.failed++; }
});

step('addon with ASan: JS socket, promise and host suites', () => {
  if (missing) { console.log(`skipped: ${missing}`); totals.skipped++; return; }
  const bin = path.join(root, 'build', 'asan');
  const san = '-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer';
  if (!fs.existsSync(path.join(bin, 'CMakeCache.txt')) &&
      run('cmake', ['-S', '.', '-B', bin, '-DCMAKE_C_COMPILER=clang',
        '-DCMAKE_BUILD_TYPE=RelWithDebInfo', `-DCMAKE_C_FLAGS=${san}`,
        `-DCMAKE_MODULE_LINKER_FLAGS=${san} -shared-libasan`,
        // only the addon is built here: the wasm core comes from build/native
        '-DWASOCK_EMCC=WASOCK_EMCC-NOTFOUND']) !== 0) { totals.failed++; return; }
  if (run('cmake', ['--build', bin, '--target', 'wasock_node', '-j', '2']) !== 0) {
    totals.failed++;
    return;
  }
  const log = path.join(os.tmpdir(), `wasock-asan-jest-${process.pid}.json`);
  const st = run(process.execPath, [require.resolve('jest/bin/jest'), '--json', '--maxWorkers=2',
    `--outputFile=${log}`, 'tests/js/socket', 'tests/promises', 'tests/host',
    '--testPathIgnorePatterns', 'tests/promises/(leaks|liveness)\\.test\\.js'], {
    WASOCK_BUILD_DIR: bin, LD_PRELOAD: asanRt,
    ASAN_OPTIONS: 'detect_leaks=0:abort_on_error=1',
    UBSAN_OPTIONS: 'print_stacktrace=1',
  });
  try {
    const r = JSON.parse(fs.readFileSync(log, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTestSuites && !r.numFailedTests) totals.failed += r.numFailedTestSuites;
    fs.rmSync(log);
  } catch { totals.failed++; }
  if (st !== 0 && totals.failed === 0) totals.failed++;
});

const argv = process.argv.slice(2);
const ji = argv.indexOf('--json');
if (ji >= 0) fs.writeFileSync(argv[ji + 1], JSON.stringify(totals));
console.log(`\nhardening: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
