// SPDX-License-Identifier: MIT
// wasock's own kernel-family checks in the test VM: boots it once and runs
// tests/vm/wasock_families.js inside (wasock sockets only; can-utils as peers), one test per
// check. The VM runs while this file loads, so a check the VM could not run is declared
// with test.skip and its reason, like one this machine cannot run at all (no qemu, a
// module missing from the VM); a check that ran and did not pass fails.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { prepare } = require('./run');

const ROOT = path.resolve(__dirname, '..', '..');
const SCRIPT = 'tests/vm/wasock_families.js';
const REPORT = path.join(ROOT, 'build', 'vm', 'last-wasock-families.json');
// A run takes about a minute (boot 8-20 s, the checks 15-40 s, more on a loaded machine).
const VM_TIMEOUT_S = 120;

const canon = (m) => m.replace(/-/g, '_');
const onPath = (prog) => (process.env.PATH || '').split(':').concat(['/usr/bin', '/usr/sbin'])
  .some((d) => { try { fs.accessSync(path.join(d, prog), fs.constants.X_OK); return true; } catch { return false; } });

function plan() {
  const p = spawnSync(process.execPath, [path.join(ROOT, SCRIPT), '--plan'], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`${SCRIPT} --plan failed: ${p.stderr}`);
  return p.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

const prep = prepare();
const checks = plan();
const built = ['build/native/wasock.node', 'build/native/wasock.wasm'].filter((f) => !fs.existsSync(path.join(ROOT, f)));

// Why a check cannot run on this machine, or null.
function staticSkip(c) {
  if (!prep.ok) return prep.reason;
  if (built.length) return `${built.join(', ')} not built`;
  const have = new Set([...prep.manifest.modules, ...prep.manifest.builtin].map(canon));
  const missing = c.modules.filter((m) => !have.has(canon(m)));
  if (missing.length) return `module ${missing.join(', ')} is not in the VM's initramfs (tests/vm/mkinitrd.js)`;
  const absent = c.needs.filter((p) => !onPath(p));
  if (absent.length) return `${absent.join(', ')} not installed`;
  return null;
}

function bootAndRun(names) {
  return spawnSync(process.execPath, [path.join(__dirname, 'run.js'), '--json', '--timeout',
    String(VM_TIMEOUT_S), '--', 'node', SCRIPT, ...names],
  { cwd: ROOT, encoding: 'utf8', timeout: (VM_TIMEOUT_S + 30) * 1000, maxBuffer: 64 << 20 });
}

// One VM boot for every check that can run, while the file loads. A guest that never
// reaches its init (rarely, TCG stalls in early boot with no output) gets one more boot.
function runVm(names) {
  let r = bootAndRun(names);
  if (r.status === 124 && !/wasock-vm: booted/.test(r.stderr)) r = bootAndRun(names);
  let res = null;
  try { res = JSON.parse(r.stdout.trim().split('\n').pop()); } catch { /* reported below */ }
  if (!res) return { error: `run.js gave no result (exit ${r.status}${r.error ? `, ${r.error.message}` : ''}): ${r.stderr.slice(-3000)}` };
  if (res.skipped) return { skipped: res.reason };
  const results = new Map();
  for (const line of res.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const o = JSON.parse(line);
    results.set(o.check, o);
  }
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, JSON.stringify({
    kernel: res.kernel, timings: res.timings, modules: res.modules, setup: res.setup,
    code: res.code, checks: [...results.values()], stderr: res.stderr,
  }, null, 2) + '\n');
  return { res, results };
}

const runnable = checks.filter((c) => !staticSkip(c));
const vm = runnable.length ? runVm(runnable.map((c) => c.check)) : null;

describe('kernel families in the VM (wasock + can-utils)', () => {
  if (vm && vm.error) {
    test('the VM runs wasock_families.js', () => { throw new Error(vm.error); });
  } else if (vm && !vm.skipped) {
    test('the VM boots, loads every module and runs the script', () => {
      const failed = Object.entries(vm.res.modules).filter(([, v]) => v !== 'ok');
      expect({ failedModules: failed, setup: vm.res.setup, code: vm.res.code, stderr: vm.res.stderr })
        .toEqual({ failedModules: [], setup: [], code: 0, stderr: '' });
    });
  }

  for (const c of checks) {
    const why = staticSkip(c) || (vm && vm.skipped);
    const r = vm && vm.results && vm.results.get(c.check);
    if (why) {
      test.skip(`${c.check} — skipped: ${why}`, () => {});
    } else if (r && r.status === 'skip') {
      test.skip(`${c.check} — skipped in the VM: ${r.reason}`, () => {});
    } else {
      test(c.check, () => {
        if (!r) throw new Error(`no result from ${SCRIPT} for ${c.check}; stderr:\n${vm.res ? vm.res.stderr : vm.error}`);
        if (r.status !== 'pass') throw new Error(`${r.reason}\n${r.trace || ''}`);
        expect(r.status).toBe('pass');
      });
    }
  }
});
