// SPDX-License-Identifier: MIT
// The package as a user gets it: `npm pack` of this repository (the pack runs prepack:
// dist/ and prebuilds/), installed with `npm install <tarball>` into a fresh temporary app,
// from the local npm cache (--prefer-offline: no network beyond what the machine has). By
// default the install sees no compiler on PATH (no cc, gcc, clang, cmake, make...) and no
// Node headers (npm_config_nodedir is an empty directory), so only what the tarball ships
// can make it work.
//
//   const { installedApp, run } = require('./app');
//   const app = installedApp();                 // { dir, env, tarball, install }
//   run(process.execPath, ['-e', "require('wasock')"], app);
//
// Options: prebuilds (default true; false hides prebuilds/ as on a platform without one;
// 'foreign' puts another platform's addon in this platform's place, one that cannot load),
// compiler (default false: put the machine's PATH back), headers (default false: leave
// npm's nodedir as configured), scripts (default true; false installs with
// --ignore-scripts, as CI setups and package managers that skip install steps do),
// allowFailure (default false: throw when `npm install` fails).
//
// One test run packs once and installs each kind of app once: Jest's workers (and the
// test files in each, which do not share modules) find the tarball and the apps in a
// directory of the run, os.tmpdir()/wasock-packaging-<pid>-<start> named after the Jest
// process, under a lock. Directories of runs whose process is gone are removed. The apps
// live outside the repository, so a dependency the tarball lacks cannot be found in the
// repository's node_modules.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const MINUTE = 60 * 1000;

// The environment of a fresh shell: none of the npm_* variables `npm test` passes down
// (they would carry this repository's config and lifecycle into the app's npm).
function baseEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'INIT_CWD' || k === 'CC' || k === 'NODEDIR') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

function run(cmd, args, { cwd = ROOT, env = baseEnv(), timeout = 3 * MINUTE, input } = {}) {
  const r = spawnSync(cmd, args, {
    cwd, env, timeout, input, encoding: 'utf8', killSignal: 'SIGKILL', maxBuffer: 64 << 20,
  });
  return {
    status: r.status, signal: r.signal, stdout: r.stdout || '', stderr: r.stderr || '',
    output: `${r.stdout || ''}${r.stderr || ''}${r.error ? `\n${r.error}` : ''}`,
  };
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// A process's identity that survives pid reuse: pid and start time (/proc/PID/stat field 22).
function processKey(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return `${pid}-${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]}`;
  } catch {
    return null;
  }
}

// The run: the Jest parent for a Jest worker, this process otherwise (Jest in band, a script).
const PREFIX = 'wasock-packaging-';
const runPid = fs.readFileSync('/proc/self/cmdline', 'utf8').includes('jest-worker') ? process.ppid : process.pid;
const RUN = path.join(os.tmpdir(), `${PREFIX}${processKey(runPid)}`);
// A plain script owning its run removes it when it ends; a Jest run's directory is removed
// by the next run's pruning. WASOCK_KEEP_TMP=1 keeps it, to look into.
if (runPid === process.pid && !process.env.WASOCK_KEEP_TMP) {
  process.on('exit', () => fs.rmSync(RUN, { recursive: true, force: true }));
}

function withLock(fn) {
  fs.mkdirSync(RUN, { recursive: true });
  const lock = path.join(RUN, '.lock');
  const deadline = Date.now() + 15 * MINUTE;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'owner'), processKey(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = null;
      try { owner = fs.readFileSync(path.join(lock, 'owner'), 'utf8'); } catch { /* being made */ }
      if (owner && processKey(owner.split('-')[0]) !== owner) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held by ${owner} for too long`);
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let pruned = false;
function pruneOldRuns() {
  if (pruned) return;
  pruned = true;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const key = name.slice(PREFIX.length);
    if (processKey(key.split('-')[0]) !== key)
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

// Made once per run: `make(dir)` fills a new directory; its result is kept as JSON.
function once(name, make) {
  return withLock(() => {
    pruneOldRuns();
    const dir = path.join(RUN, name);
    const done = path.join(dir, '.done.json');
    if (fs.existsSync(done)) return JSON.parse(fs.readFileSync(done, 'utf8'));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const result = make(dir);
    fs.writeFileSync(done, JSON.stringify(result));
    return result;
  });
}

// { tarball, output, files: [{ path, size }], size, unpackedSize } of this repository.
function pack() {
  return once('pack', (dest) => {
    const r = run('npm', ['pack', '--pack-destination', dest, '--foreground-scripts'], { timeout: 8 * MINUTE });
    if (r.status !== 0) throw new Error(`npm pack failed (${r.status}):\n${r.output}`);
    const tgz = fs.readdirSync(dest).filter((f) => f.endsWith('.tgz'));
    if (tgz.length !== 1) throw new Error(`npm pack left ${tgz.join(', ') || 'no tarball'} in ${dest}`);
    // What npm would publish, as the registry sees it (the artifacts exist now: no scripts).
    const dry = run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts']);
    if (dry.status !== 0) throw new Error(`npm pack --dry-run failed:\n${dry.output}`);
    const [info] = JSON.parse(dry.stdout);
    return {
      tarball: path.join(dest, tgz[0]), output: r.output, files: info.files,
      size: info.size, unpackedSize: info.unpackedSize,
    };
  });
}

// The tarball with prebuilds/ removed ('none': a platform the package has no prebuild
// for), or with this platform's prebuild replaced by another platform's ('foreign': a
// prebuild that is there but cannot load, as a glibc build on musl).
function packVariant(kind) {
  const { tarball } = pack();
  return once(`pack-${kind}`, (dir) => {
    const tar = (args) => {
      const r = run('tar', args, { cwd: dir });
      if (r.status !== 0) throw new Error(`tar ${args.join(' ')}: ${r.output}`);
    };
    tar(['xzf', tarball]);
    const prebuilds = path.join(dir, 'package', 'prebuilds');
    if (kind === 'foreign') {
      const other = process.arch === 'arm64' ? 'linux-x64' : 'linux-arm64';
      fs.copyFileSync(path.join(prebuilds, other, 'wasock.node'),
        path.join(prebuilds, `linux-${process.arch}`, 'wasock.node'));
    } else {
      fs.rmSync(prebuilds, { recursive: true, force: true });
    }
    tar(['czf', `wasock-${kind}.tgz`, 'package']);
    fs.rmSync(path.join(dir, 'package'), { recursive: true, force: true });
    return path.join(dir, `wasock-${kind}.tgz`);
  });
}

// Names a C or C++ toolchain would answer to: compilers (native, cross, versioned),
// linkers and assemblers, build drivers.
const TOOLCHAIN = /^(?:[\w.-]+-)?(?:cc|c\+\+|c89|c99|gcc|g\+\+|cpp|clang|clang\+\+|tcc|icc|pcc|gnatgcc|nvcc|ld|ld\.\w+|as|emcc|em\+\+|wasm-ld)(?:-[\d.]+)?$|^(?:cmake|ctest|cpack|ccmake|make|gmake|ninja|ccache)$/;

// A PATH of one directory holding links to every command on this PATH but a toolchain's.
function noCompilerPath() {
  return once('nocc-bin', (bin) => {
    for (const dir of (process.env.PATH || '').split(path.delimiter)) {
      let names = [];
      try { names = fs.readdirSync(dir); } catch { continue; }
      for (const name of names) {
        if (TOOLCHAIN.test(name) || fs.existsSync(path.join(bin, name))) continue;
        fs.symlinkSync(path.join(dir, name), path.join(bin, name));
      }
    }
    // node itself may not be on PATH (Jest started by absolute path): npm needs it.
    if (!fs.existsSync(path.join(bin, 'node'))) fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    return bin;
  });
}

function installedApp(options = {}) {
  const o = {
    prebuilds: true, compiler: false, headers: false, scripts: true, allowFailure: false,
    ...options,
  };
  const tarball = o.prebuilds === true ? pack().tarball : packVariant(o.prebuilds || 'none');
  const nocc = o.compiler ? null : noCompilerPath();
  const name = `app-${o.prebuilds}-${o.compiler ? 'cc' : 'nocc'}-${o.headers ? 'headers' : 'noheaders'}` +
    `-${o.scripts ? 'scripts' : 'noscripts'}`;
  const app = once(name, (dir) => {
    const manifest = { name: 'wasock-test-app', version: '1.0.0', private: true };
    fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const env = baseEnv();
    if (nocc) env.PATH = nocc;
    if (!o.headers) {
      env.npm_config_nodedir = path.join(dir, 'no-node-headers');
      fs.mkdirSync(env.npm_config_nodedir);
    }
    const install = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund',
      o.scripts ? '--foreground-scripts' : '--ignore-scripts'], { cwd: dir, env, timeout: 5 * MINUTE });
    return { dir, env, tarball, install };
  });
  if (app.install.status !== 0 && !o.allowFailure)
    throw new Error(`npm install ${tarball} failed (${app.install.status}):\n${app.install.output}`);
  return app;
}

module.exports = { ROOT, installedApp, pack, run, baseEnv, noCompilerPath };
