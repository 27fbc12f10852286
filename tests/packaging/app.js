// SPDX-License-Identifier: MIT
// The package as a user gets it: `npm pack` of this repository (once per process; the
// pack itself runs prepack: dist/ and prebuilds/), installed with `npm install <tarball>`
// into a fresh temporary app, from the local npm cache (--prefer-offline: no network
// beyond what the machine has). By default the install sees no compiler on PATH (no cc,
// gcc, clang, cmake, make...) and no Node headers (npm_config_nodedir is an empty
// directory), so only what the tarball ships can make it work.
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

// Temporary directories live as long as the process (WASOCK_KEEP_TMP=1 keeps them).
const made = [];
const tmpdir = (prefix) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
process.on('exit', () => {
  if (process.env.WASOCK_KEEP_TMP) return;
  for (const d of made) try { fs.rmSync(d, { recursive: true, force: true }); } catch { /* best effort */ }
});
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// Packing rewrites dist/ and prebuilds/ in the repository: one process at a time (Jest
// runs test files in several workers). The lock is a directory; one left by a process
// that died is taken over.
function withPackLock(fn) {
  const lock = path.join(ROOT, 'build', '.pack-lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 10 * MINUTE;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = 0;
      try { owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8')); } catch { /* being made */ }
      let alive = true;
      if (owner) try { process.kill(owner, 0); } catch { alive = false; }
      if (!alive) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} held by pid ${owner} for too long`);
      else sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

let packed = null;
// { tarball, output, files: [{ path, size }], size, unpackedSize } of this repository.
function pack() {
  if (packed) return packed;
  packed = withPackLock(() => {
    const dest = tmpdir('wasock-pack-');
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
  return packed;
}

// The tarball with prebuilds/ removed (a platform the package has no prebuild for), or
// with this platform's prebuild replaced by another platform's ('foreign': a prebuild
// that is there but cannot load, as a glibc build on musl).
const variants = {};
function packVariant(kind) {
  if (variants[kind]) return variants[kind];
  const dir = tmpdir(`wasock-${kind}-`);
  const tar = (args) => {
    const r = run('tar', args, { cwd: dir });
    if (r.status !== 0) throw new Error(`tar ${args.join(' ')}: ${r.output}`);
  };
  tar(['xzf', pack().tarball]);
  const prebuilds = path.join(dir, 'package', 'prebuilds');
  if (kind === 'foreign') {
    const other = process.arch === 'arm64' ? 'linux-x64' : 'linux-arm64';
    fs.copyFileSync(path.join(prebuilds, other, 'wasock.node'),
      path.join(prebuilds, `linux-${process.arch}`, 'wasock.node'));
  } else {
    fs.rmSync(prebuilds, { recursive: true, force: true });
  }
  tar(['czf', `wasock-${kind}.tgz`, 'package']);
  variants[kind] = path.join(dir, `wasock-${kind}.tgz`);
  return variants[kind];
}

// Names a C or C++ toolchain would answer to: compilers (native, cross, versioned),
// linkers and assemblers, build drivers.
const TOOLCHAIN = /^(?:[\w.-]+-)?(?:cc|c\+\+|c89|c99|gcc|g\+\+|cpp|clang|clang\+\+|tcc|icc|pcc|gnatgcc|nvcc|ld|ld\.\w+|as|emcc|em\+\+|wasm-ld)(?:-[\d.]+)?$|^(?:cmake|ctest|cpack|ccmake|make|gmake|ninja|ccache)$/;

let noCompilerBin = null;
// A PATH of one directory holding links to every command on this PATH but a toolchain's.
function noCompilerPath() {
  if (noCompilerBin) return noCompilerBin;
  const bin = tmpdir('wasock-nocc-bin-');
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    let names = [];
    try { names = fs.readdirSync(dir); } catch { continue; }
    for (const name of names) {
      if (TOOLCHAIN.test(name) || fs.existsSync(path.join(bin, name))) continue;
      try { fs.symlinkSync(path.join(dir, name), path.join(bin, name)); } catch { /* a race: skip */ }
    }
  }
  // node itself may not be on PATH (Jest started by absolute path): npm needs it.
  if (!fs.existsSync(path.join(bin, 'node'))) fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  noCompilerBin = bin;
  return bin;
}

const apps = new Map();
function installedApp(options = {}) {
  const o = {
    prebuilds: true, compiler: false, headers: false, scripts: true, allowFailure: false,
    ...options,
  };
  const key = JSON.stringify(o);
  if (apps.has(key)) return apps.get(key);
  const tarball = o.prebuilds === true ? pack().tarball : packVariant(o.prebuilds || 'none');
  const dir = tmpdir('wasock-app-');
  const manifest = { name: 'wasock-test-app', version: '1.0.0', private: true };
  fs.writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const env = baseEnv();
  if (!o.compiler) env.PATH = noCompilerPath();
  if (!o.headers) env.npm_config_nodedir = tmpdir('wasock-no-headers-');
  const install = run('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund',
    o.scripts ? '--foreground-scripts' : '--ignore-scripts'], { cwd: dir, env, timeout: 5 * MINUTE });
  if (install.status !== 0 && !o.allowFailure)
    throw new Error(`npm install ${tarball} failed (${install.status}):\n${install.output}`);
  const app = { dir, env, tarball, install };
  apps.set(key, app);
  return app;
}

module.exports = { ROOT, installedApp, pack, run, baseEnv, noCompilerPath };
