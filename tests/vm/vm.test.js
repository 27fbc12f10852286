// SPDX-License-Identifier: MIT
// Kernel families in the test VM, with CPython and can-utils as peers: boots the VM once,
// runs tests/vm/python_families.py inside, one test per check. A check that cannot run
// here (no qemu or kernel package, a module or program the kernel/machine lacks) is
// declared with test.skip and its reason in the title; a check that could run but
// reports anything but "pass" fails.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { runInVm, prepare } = require('./run');

const SCRIPT = 'tests/vm/python_families.py';
const ROOT = path.resolve(__dirname, '..', '..');
const REPORT = path.join(ROOT, 'build', 'vm', 'last-families.json');

const canon = (m) => m.replace(/-/g, '_');
const onPath = (prog) => (process.env.PATH || '').split(':').concat(['/usr/bin', '/usr/sbin'])
  .some((d) => { try { fs.accessSync(path.join(d, prog), fs.constants.X_OK); return true; } catch { return false; } });

// The checks and what each needs, from the script itself.
function plan() {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const p = spawnSync(py, [path.join(ROOT, SCRIPT), '--plan'], { encoding: 'utf8' });
    if (p.status === 0) return p.stdout.trim().split('\n').map((l) => JSON.parse(l));
  }
  return null;
}

const prep = prepare();
const checks = plan();

// Why a check cannot run on this machine, or null.
function staticSkip(c) {
  if (!prep.ok) return prep.reason;
  const have = new Set([...prep.manifest.modules, ...prep.manifest.builtin].map(canon));
  const missing = c.modules.filter((m) => !have.has(canon(m)));
  if (missing.length) return `kernel ${prep.kver} has no module ${missing.join(', ')}`;
  const absent = c.needs.filter((p) => !onPath(p));
  if (absent.length) return `${absent.join(', ')} not installed`;
  const unbuilt = c.files.filter((f) => !fs.existsSync(path.join(ROOT, f)));
  if (unbuilt.length) return `${unbuilt.join(', ')} not built`;
  return null;
}

describe('kernel families in the VM (CPython + can-utils)', () => {
  if (!checks) {
    test.skip('python_families.py — skipped: python3 not installed', () => {});
    return;
  }
  let run;
  const results = new Map();
  const runnable = checks.filter((c) => !staticSkip(c));

  if (runnable.length) {
    beforeAll(async () => {
      run = await runInVm(['python3', SCRIPT], { timeout: 270 });
      for (const line of run.stdout.split('\n')) {
        if (!line.startsWith('{')) continue;
        const r = JSON.parse(line);
        results.set(r.check, r);
      }
      fs.mkdirSync(path.dirname(REPORT), { recursive: true });
      fs.writeFileSync(REPORT, JSON.stringify({
        kernel: run.kernel, timings: run.timings, modules: run.modules, setup: run.setup,
        code: run.code, checks: [...results.values()], stderr: run.stderr,
      }, null, 2) + '\n');
    }, 300000);

    test('the VM boots, loads every module and runs the script', () => {
      const failed = Object.entries(run.modules).filter(([, v]) => v !== 'ok');
      expect({ failedModules: failed, setup: run.setup, code: run.code, stderr: run.stderr })
        .toEqual({ failedModules: [], setup: [], code: 0, stderr: '' });
    });
  }

  for (const c of checks) {
    const why = staticSkip(c);
    if (why) {
      test.skip(`${c.check} — skipped: ${why}`, () => {});
      continue;
    }
    test(c.check, () => {
      const r = results.get(c.check);
      if (!r) throw new Error(`no result from ${SCRIPT} for ${c.check}; stderr:\n${run.stderr}`);
      if (r.status === 'skip') throw new Error(`could not run in the VM: ${r.reason}`);
      if (r.status !== 'pass') throw new Error(`${r.reason}\n${r.trace || ''}`);
      expect(r.status).toBe('pass');
    });
  }
});
