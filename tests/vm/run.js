#!/usr/bin/env node
// SPDX-License-Identifier: MIT
// Runs a command inside the wasock test VM: Debian's stock kernel under QEMU (TCG), the
// host root shared read-only over 9p, the kernel-family modules loaded, vcan0/vcan1 up.
//
//   node tests/vm/run.js [--timeout S] [--json] [--keep] -- <command...>
//
// The command runs as root in `chroot /host`, in the project directory (or --cwd), with
// HOME=TMPDIR=/tmp (a tmpfs), WASOCK_VM=1 and WASOCK_VM_OUT=<a writable directory whose
// files the host reads back>. The CLI prints the command's stdout/stderr and exits with
// its status; 77 when the VM cannot run here (no qemu or no kernel package), 124 on
// timeout. The serial log of the last run is kept in build/vm/last-console.log.
// Environment: WASOCK_VM_DISABLE=1 skips the VM; WASOCK_VM_QEMU and WASOCK_VM_KVER pick
// another qemu binary or kernel version.
//
//   const { runInVm } = require('./tests/vm/run');
//   const r = await runInVm(['python3', 'x.py'], { timeout: 300 });
//   // r: { code, stdout, stderr, files, modules, setup, timings, console }
//   //  or { skipped: true, reason } when the VM cannot run on this machine.
// runInVm rejects (err.timedOut, err.console) when the VM times out or dies without
// reporting a status.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const mk = require('./mkinitrd');

const ROOT = path.resolve(__dirname, '..', '..');
const CONSOLE_LOG = path.join(mk.OUT_DIR, 'last-console.log');

function which(cmd) {
  for (const d of (process.env.PATH || '').split(':').concat(['/usr/bin', '/usr/sbin', '/bin'])) {
    const p = path.join(d || '.', cmd);
    try { fs.accessSync(p, fs.constants.X_OK); return p; } catch { /* next */ }
  }
  return null;
}

// What the VM needs on this machine. { ok: true, qemu, kernel, kver } or { ok: false, reason }.
function availability() {
  if (process.env.WASOCK_VM_DISABLE) return { ok: false, reason: 'the test VM is disabled (WASOCK_VM_DISABLE is set)' };
  const qemu = process.env.WASOCK_VM_QEMU || which('qemu-system-x86_64');
  if (!qemu) return { ok: false, reason: 'qemu-system-x86_64 not installed (Debian package qemu-system-x86)' };
  try { fs.accessSync(qemu, fs.constants.X_OK); } catch {
    return { ok: false, reason: `${qemu} is not executable` };
  }
  if (process.arch !== 'x64') return { ok: false, reason: `the VM recipe is for x86_64 hosts, this is ${process.arch}` };
  const kver = process.env.WASOCK_VM_KVER || mk.newestKernel();
  if (!kver) return { ok: false, reason: 'no kernel with modules in /boot + /lib/modules (Debian package linux-image-amd64)' };
  const kernel = `/boot/vmlinuz-${kver}`;
  try { fs.accessSync(kernel, fs.constants.R_OK); } catch {
    return { ok: false, reason: `${kernel} is not readable` };
  }
  if (!mk.findBusybox()) return { ok: false, reason: 'busybox not installed (Debian package busybox-static)' };
  if (!which('modinfo')) return { ok: false, reason: 'modinfo not installed (Debian package kmod)' };
  return { ok: true, qemu, kernel, kver };
}

// Builds the initramfs if needed; returns its manifest plus availability, or
// { ok: false, reason }.
function prepare() {
  const a = availability();
  if (!a.ok) return a;
  try {
    const r = mk.buildInitrd({ kver: a.kver });
    return { ...a, initrd: r.initrd, manifest: r.manifest };
  } catch (e) {
    return { ok: false, reason: `initramfs: ${e.message}` };
  }
}

const shq = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;

function readIf(file) {
  try { return fs.readFileSync(file, 'utf8'); } catch { return null; }
}

function parseModules(text) {
  const out = {};
  for (const line of (text || '').split('\n')) {
    const m = /^(\S+) (ok|FAIL)\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2] === 'ok' ? 'ok' : `failed: ${m[3].trim()}`;
  }
  return out;
}

// Under TCG on a loaded machine the guest rarely stalls in early boot with no output. A
// guest that has not reached its init this long after start is killed and booted once more.
const BOOT_LIMIT_S = Number(process.env.WASOCK_VM_BOOT_LIMIT || 120);

// cmd: an argv array, or a string run by /bin/sh -c.
// opts: timeout (s, default 300), cwd (default the project root), env (extra
// variables), memory (MiB, 2048), smp (2), keep (keep the results dir), onConsole(chunk).
async function runInVm(cmd, opts = {}) {
  try {
    return await bootOnce(cmd, opts);
  } catch (e) {
    if (!e.stalled) throw e;
    return bootOnce(cmd, opts);
  }
}

async function bootOnce(cmd, opts) {
  const prep = prepare();
  if (!prep.ok) return { skipped: true, reason: prep.reason };
  const timeout = opts.timeout ?? 300;
  const outDir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'wasock-vm-'));
  const project = fs.realpathSync(ROOT);
  const cwd = path.resolve(opts.cwd || project);

  const envLines = Object.entries(opts.env || {}).map(([k, v]) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`runInVm: bad env name ${k}`);
    return `export ${k}=${shq(v)}`;
  });
  const command = Array.isArray(cmd) ? cmd.map(shq).join(' ') : String(cmd);
  fs.writeFileSync(path.join(outDir, 'job.env'),
    `WASOCK_PROJECT=${shq(project)}\nWASOCK_OUT=${shq(outDir)}\n`);
  fs.writeFileSync(path.join(outDir, 'cmd.sh'),
    [...envLines, `cd ${shq(cwd)} || exit 125`, command, ''].join('\n'));

  const args = [
    '-accel', 'tcg', '-m', String(opts.memory || 2048), '-smp', String(opts.smp || 2),
    '-nographic', '-no-reboot', '-nic', 'none', '-no-user-config',
    '-kernel', prep.kernel, '-initrd', prep.initrd,
    '-append', 'console=ttyS0 loglevel=3 panic=-1 8250.nr_uarts=1 edd=off ' +
      'tsc=reliable no_timer_check random.trust_cpu=on mitigations=off',
    '-virtfs', 'local,path=/,mount_tag=host,security_model=none,readonly=on,multidevs=remap',
    '-virtfs', `local,path=${outDir.replace(/,/g, ',,')},mount_tag=out,security_model=none,multidevs=remap`,
  ];
  const t0 = Date.now();
  const child = spawn(prep.qemu, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks = [];
  let booted = false;
  const onData = (d) => {
    chunks.push(d);
    if (!booted && d.includes('wasock-vm: ')) booted = true;
    if (opts.onConsole) opts.onConsole(d);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let timedOut = false;
  let stalled = false;
  const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeout * 1000);
  const watchdog = setTimeout(() => {
    if (!booted) { stalled = true; child.kill('SIGKILL'); }
  }, Math.min(BOOT_LIMIT_S, timeout) * 1000);
  // never leave a qemu behind when this process ends first (Ctrl-C, a killed Jest worker)
  const reap = () => { try { child.kill('SIGKILL'); } catch { /* gone */ } };
  process.on('exit', reap);
  const exit = await new Promise((resolve) => {
    child.on('error', (e) => resolve({ error: e }));
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  clearTimeout(timer);
  clearTimeout(watchdog);
  process.removeListener('exit', reap);
  const wall = (Date.now() - t0) / 1000;
  const consoleText = Buffer.concat(chunks).toString('utf8');
  try {
    fs.mkdirSync(mk.OUT_DIR, { recursive: true });
    fs.writeFileSync(CONSOLE_LOG, `# qemu-system-x86_64 ${args.map(shq).join(' ')}\n` +
      `# command: ${command}\n${consoleText}`);
  } catch { /* the log is for debugging only */ }

  const status = readIf(path.join(outDir, 'status'));
  const result = {
    code: status === null ? null : Number(status.trim()),
    stdout: readIf(path.join(outDir, 'stdout')) ?? '',
    stderr: readIf(path.join(outDir, 'stderr')) ?? '',
    modules: parseModules(readIf(path.join(outDir, 'modules.txt'))),
    setup: (readIf(path.join(outDir, 'setup.txt')) || '').split('\n').filter(Boolean),
    files: {},
    timings: { wall },
    kernel: prep.kver,
    console: consoleText,
    outDir: opts.keep ? outDir : undefined,
  };
  const times = readIf(path.join(outDir, 'times')) || '';
  const start = /start ([\d.]+)/.exec(times);
  const end = /end ([\d.]+)/.exec(times);
  if (start) result.timings.boot = Number(start[1]);
  if (start && end) result.timings.command = Number((end[1] - start[1]).toFixed(2));
  // anything else the command left in $WASOCK_VM_OUT
  const reserved = new Set(['job.env', 'cmd.sh', 'stdout', 'stderr', 'status', 'modules.txt',
    'setup.txt', 'times']);
  for (const f of fs.readdirSync(outDir)) {
    if (reserved.has(f)) continue;
    const full = path.join(outDir, f);
    if (fs.statSync(full).isFile()) result.files[f] = fs.readFileSync(full, 'utf8');
  }
  if (!opts.keep) fs.rmSync(outDir, { recursive: true, force: true });

  if (exit.error || timedOut || result.code === null) {
    const why = exit.error ? `qemu failed to start: ${exit.error.message}`
      : stalled ? `the VM did not reach its init within ${BOOT_LIMIT_S} s`
      : timedOut ? `the VM did not finish within ${timeout} s`
        : `the VM stopped without reporting a status (qemu exit ${exit.code ?? exit.signal})`;
    const tail = consoleText.split('\n').slice(-25).join('\n');
    const err = new Error(`${why}; serial log in ${CONSOLE_LOG}:\n${tail}`);
    err.timedOut = timedOut;
    err.stalled = stalled;
    err.console = consoleText;
    err.result = result;
    throw err;
  }
  return result;
}

module.exports = { runInVm, availability, prepare, CONSOLE_LOG };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const opts = {};
  let json = false;
  let i = 0;
  for (; i < argv.length && argv[i] !== '--'; i++) {
    const a = argv[i];
    if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--cwd') opts.cwd = argv[++i];
    else if (a === '--json') json = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.onConsole = (d) => process.stderr.write(d);
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/vm/run.js [--timeout S] [--cwd DIR] [--json] [--keep] ' +
        '[--verbose] -- <command...>');
      process.exit(0);
    } else { console.error(`run.js: unknown option ${a}`); process.exit(2); }
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130)); // reaps qemu
  const cmd = argv.slice(i + 1);
  if (!cmd.length) { console.error('run.js: no command (put it after --)'); process.exit(2); }
  runInVm(cmd.length === 1 ? cmd[0] : cmd, opts).then((r) => {
    if (json) {
      const { console: _c, ...rest } = r;
      process.stdout.write(JSON.stringify(rest) + '\n');
      process.exit(r.skipped ? 77 : 0);
    }
    if (r.skipped) { console.error(`run.js: skipped: ${r.reason}`); process.exit(77); }
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    const failed = Object.entries(r.modules).filter(([, v]) => v !== 'ok');
    console.error(`run.js: exit ${r.code}; kernel ${r.kernel}; boot ${r.timings.boot}s, ` +
      `command ${r.timings.command}s, wall ${r.timings.wall.toFixed(1)}s` +
      (failed.length ? `; modules failed: ${failed.map(([k, v]) => `${k} (${v})`).join(', ')}` : '') +
      (r.setup.length ? `; set-up problems: ${r.setup.join('; ')}` : ''));
    process.exit(r.code);
  }, (e) => {
    console.error(`run.js: ${e.message}`);
    process.exit(e.timedOut ? 124 : 1);
  });
}
