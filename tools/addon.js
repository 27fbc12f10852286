// SPDX-License-Identifier: MIT
// The N-API addon (host/node + host/sys, plain C) built with one C compiler call. Used when
// the package is packed (tools/prepack.js: the prebuilds, native and cross) and at install
// where no prebuild loads (tools/install.js: a source build). One compiler call needs
// nothing but a C compiler and the headers node_api.h and uv.h: no python, make, C++
// compiler or header download, as node-gyp would. The development build of the same
// sources is CMakeLists.txt (its NAPI_VERSION is checked against this one by a test).
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
// Node-API 8 is in every Node >= 12.22, so one binary serves every Node the package
// supports (engines: >= 20).
const NAPI_VERSION = 8;
const COMPILERS = ['cc', 'gcc', 'clang'];

function sources() {
  const out = [];
  for (const dir of ['host/node', 'host/sys']) {
    for (const f of fs.readdirSync(path.join(root, dir)).sort())
      if (f.endsWith('.c')) out.push(path.join(root, dir, f));
  }
  return out;
}

// The first executable named `name` on PATH, or null.
function which(name, env = process.env) {
  if (name.includes('/')) return isExecutable(name) ? name : null;
  for (const dir of (env.PATH || '').split(path.delimiter)) {
    if (!dir) continue;
    const f = path.join(dir, name);
    if (isExecutable(f)) return f;
  }
  return null;
}

function isExecutable(f) {
  try {
    fs.accessSync(f, fs.constants.X_OK);
    return fs.statSync(f).isFile();
  } catch {
    return false;
  }
}

// $CC when set (it may carry flags: "ccache gcc"), else cc, gcc or clang from PATH.
function findCompiler(env = process.env) {
  if (env.CC) {
    const argv = env.CC.trim().split(/\s+/);
    return which(argv[0], env) ? { argv, looked: `$CC (${env.CC})` } : { argv: null, looked: `$CC (${env.CC})` };
  }
  for (const name of COMPILERS) {
    const found = which(name, env);
    if (found) return { argv: [found], looked: name };
  }
  return { argv: null, looked: `${COMPILERS.join(', ')} on PATH` };
}

// Where Node's headers (node_api.h, and uv.h for the promise face's uv_poll) may be: a
// nodedir the user configured (npm's `nodedir`, as node-gyp honours it) is the only
// place looked at when set; otherwise the headers beside this Node binary (official
// tarballs), the system's (Debian's libnode-dev, NodeSource) and node-gyp's cache.
function headerDirs(env = process.env) {
  const nodedir = env.npm_config_nodedir || env.NODEDIR;
  if (nodedir) return [path.join(nodedir, 'include', 'node'), path.join(nodedir, 'include')];
  const dirs = [
    path.resolve(path.dirname(process.execPath), '..', 'include', 'node'),
    '/usr/include/node', '/usr/local/include/node',
  ];
  const home = env.HOME;
  const cache = env.XDG_CACHE_HOME || (home && path.join(home, '.cache'));
  if (cache) dirs.push(path.join(cache, 'node-gyp', process.versions.node, 'include', 'node'));
  return dirs;
}

// The include directories giving node_api.h and uv.h, and what is missing. `napiDir`
// puts a given Node-API header set first (the node-api-headers package for prebuilds).
function findHeaders({ env = process.env, napiDir = null } = {}) {
  const dirs = headerDirs(env);
  const find = (h) => dirs.find((d) => fs.existsSync(path.join(d, h))) || null;
  const napi = napiDir || find('node_api.h');
  const uv = find('uv.h') || (!env.npm_config_nodedir && fs.existsSync('/usr/include/uv.h') ? '/usr/include' : null);
  const missing = [];
  if (!napi) missing.push('node_api.h');
  if (!uv) missing.push('uv.h');
  return { includes: [...new Set([napi, uv].filter(Boolean))], missing, looked: dirs };
}

// Everything a source build needs that is not here, as sentences naming the fix; [] when
// a build can be attempted.
function missingForBuild(env = process.env) {
  const problems = [];
  const cc = findCompiler(env);
  if (!cc.argv) {
    problems.push(`no C compiler: looked for ${cc.looked}. Install one ` +
      '(Debian/Ubuntu: apt-get install gcc; Fedora: dnf install gcc; Alpine: apk add build-base) ' +
      'or set CC');
  }
  const h = findHeaders({ env });
  if (h.missing.length) {
    problems.push(`no Node headers (${h.missing.join(', ')}): looked in ${h.looked.join(', ')}. ` +
      'Install them (Debian/Ubuntu: apt-get install libnode-dev, or Node\'s official tarball ' +
      'which has include/node), or point npm_config_nodedir at a Node headers directory ' +
      '(e.g. one unpacked from node-vX-headers.tar.gz)');
  }
  return problems;
}

// Compiles the addon into `out`. Writes a temporary file first and renames it, so that a
// failed or interrupted build leaves nothing a loader could pick up and can simply be run
// again. Returns { ok, command, output }.
function compile({ cc, includes, out, strip = false, env = process.env }) {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const args = [
    ...cc.slice(1), '-std=gnu11', '-O2', '-fPIC', '-shared', '-fvisibility=hidden',
    '-Wall', '-Wextra', `-DNAPI_VERSION=${NAPI_VERSION}`, '-DNDEBUG',
    ...includes.map((d) => `-I${d}`), ...sources(), '-o', tmp,
    ...(strip ? ['-s'] : []),
  ];
  const r = spawnSync(cc[0], args, { cwd: root, env, encoding: 'utf8' });
  const output = `${r.stdout || ''}${r.stderr || ''}${r.error ? String(r.error) : ''}`;
  if (r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    return { ok: false, command: [cc[0], ...args].join(' '), output };
  }
  fs.renameSync(tmp, out);
  return { ok: true, command: [cc[0], ...args].join(' '), output };
}

module.exports = {
  NAPI_VERSION, root, sources, which, findCompiler, findHeaders, missingForBuild, compile,
};
