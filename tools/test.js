#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Runs every suite: builds, then the C unit tests (ctest) and the JS suites (Jest),
// and closes with one summary line. Exits non-zero when anything failed.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status;
const totals = { passed: 0, failed: 0, skipped: 0 };

if (run(process.execPath, [path.join(__dirname, 'build.js')]) !== 0) process.exit(1);

const ctestLog = path.join(os.tmpdir(), `wasock-ctest-${process.pid}.xml`);
const ctest = run('ctest', ['--test-dir', 'build/native', '--output-on-failure',
  '--output-junit', ctestLog]);
try {
  const xml = fs.readFileSync(ctestLog, 'utf8');
  const m = /tests="(\d+)"[^>]*failures="(\d+)"[^>]*skipped="(\d+)"/.exec(xml);
  if (m) {
    totals.failed += Number(m[2]);
    totals.skipped += Number(m[3]);
    totals.passed += Number(m[1]) - Number(m[2]) - Number(m[3]);
  }
  fs.rmSync(ctestLog);
} catch { /* no report: the exit status below still counts */ }
if (ctest !== 0 && totals.failed === 0) totals.failed++;

const jestLog = path.join(os.tmpdir(), `wasock-jest-${process.pid}.json`);
// Two workers even on two cores: a test file that crashes its process then fails alone
// instead of taking every other result with it.
const jest = run(process.execPath, [require.resolve('jest/bin/jest'), '--json', '--maxWorkers=2',
  `--outputFile=${jestLog}`, ...process.argv.slice(2)]);
try {
  const r = JSON.parse(fs.readFileSync(jestLog, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
  if (r.numFailedTestSuites && !r.numFailedTests) totals.failed += r.numFailedTestSuites;
  fs.rmSync(jestLog);
} catch { /* counted below */ }
if (jest !== 0 && totals.failed === 0) totals.failed++;

// ---- hardening: sanitizer builds, short fuzz runs (tools/hardening.js) ----------------
const hardLog = path.join(os.tmpdir(), `wasock-hardening-${process.pid}.json`);
const hard = run(process.execPath, [path.join(__dirname, 'hardening.js'), '--json', hardLog]);
try {
  const r = JSON.parse(fs.readFileSync(hardLog, 'utf8'));
  totals.passed += r.passed;
  totals.failed += r.failed;
  totals.skipped += r.skipped;
  fs.rmSync(hardLog);
} catch { /* counted below */ }
if (hard !== 0 && totals.failed === 0) totals.failed++;
// ---- end of hardening ------------------------------------------------------------------

console.log(`\nwasock: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
