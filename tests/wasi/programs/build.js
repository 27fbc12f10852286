// SPDX-License-Identifier: MIT
// Builds the third-party programs of the WASI tests from their Debian source packages:
// fetch-sources.sh unpacks them into a cache outside the repository, each is copied
// to <cache>/build/<package>, patched with <package>.patch, compiled with `wasock cc`
// (plus the POSIX shims of compat/) and kept until the patch, the shims or the guest
// library change.
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const WCC = path.join(ROOT, 'wasi', 'guest', 'bin', 'wasock-cc');
const COMPAT = path.join(__dirname, 'compat');
const LIB = path.join(ROOT, 'build', 'native', 'wasm', 'guest', 'libwasock-guest.a');

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20,
    timeout: 900000, ...opts });
}

// The unpacked source directory of a Debian source package (fetched if needed).
function source(pkg) {
  return sh(path.join(__dirname, 'fetch-sources.sh'), [pkg]).trim().split('\n').pop();
}

function stampOf(pkg) {
  const h = crypto.createHash('sha256');
  const files = [path.join(__dirname, `${pkg}.patch`), path.join(__dirname, 'build.js'), LIB];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p); else files.push(p);
  });
  walk(COMPAT);
  walk(path.join(ROOT, 'wasi', 'guest', 'include'));
  for (const f of files.sort()) if (fs.existsSync(f)) h.update(f).update(fs.readFileSync(f));
  return h.digest('hex');
}

// Copies, patches and builds; `steps(dir, env)` runs the package's own build.
function build(pkg, product, steps) {
  const src = source(pkg);
  const dir = path.join(path.dirname(path.dirname(src)), 'build', pkg);
  const out = path.join(dir, product);
  const stamp = stampOf(pkg);
  const stampFile = path.join(dir, '.wasock-stamp');
  if (fs.existsSync(out) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return out;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  sh('cp', ['-a', src, dir]);
  const patch = path.join(__dirname, `${pkg}.patch`);
  if (fs.existsSync(patch)) sh('patch', ['-p1', '-s', '-i', patch], { cwd: dir });
  sh(WCC, ['-O2', '-Wall', `-I${path.join(COMPAT, 'include')}`, '-c', path.join(COMPAT, 'compat.c'),
    '-o', path.join(dir, 'wasock-compat.o')]);
  const env = { ...process.env, CC: WCC, AR: 'llvm-ar', RANLIB: 'llvm-ranlib',
    CFLAGS: `-O2 -I${path.join(COMPAT, 'include')} -include wasock-compat.h`,
    LIBS: path.join(dir, 'wasock-compat.o') };
  try {
    steps(dir, env);
  } catch (e) {
    throw new Error(`building ${pkg} failed: ${e.message}\n${String(e.stdout || '').slice(-4000)}\n${String(e.stderr || '').slice(-4000)}`);
  }
  fs.writeFileSync(stampFile, stamp);
  return out;
}

// socat: the socket, stdio and relay addresses; no fork/exec/pty/termios/tun (see socat.patch).
function socat() {
  return build('socat', 'socat', (dir, env) => {
    sh('./configure', ['--host=wasm32-wasi', '--disable-openssl', '--disable-readline', '--disable-libwrap',
      '--disable-termios', '--disable-exec', '--disable-system', '--disable-pty', '--disable-fs',
      '--disable-tun', '--disable-sctp', '--disable-vsock', '--disable-sycls', '--disable-filan'], { cwd: dir, env });
    sh('make', ['-j2', 'AR=llvm-ar', 'RANLIB=llvm-ranlib', 'socat'], { cwd: dir, env });
  });
}

// lighttpd: static (BUILD_STATIC), three modules, CMake with wasock's toolchain file.
// sys/queue.h (BSD list macros, header-only) is the build machine's, seen alone.
function lighttpd() {
  return build('lighttpd', path.join('b', 'build', 'lighttpd.wasm'), (dir, env) => {
    const extra = path.join(dir, 'wasock-extra');
    fs.mkdirSync(path.join(extra, 'sys'), { recursive: true });
    const queue = ['/usr/include/x86_64-linux-gnu/sys/queue.h', '/usr/include/aarch64-linux-gnu/sys/queue.h',
      '/usr/include/sys/queue.h'].find((f) => fs.existsSync(f));
    if (!queue) throw new Error('no sys/queue.h on this machine (libc6-dev)');
    fs.symlinkSync(queue, path.join(extra, 'sys', 'queue.h'));
    fs.writeFileSync(path.join(extra, 'plugin-static.h'),
      'PLUGIN_INIT(mod_indexfile)\nPLUGIN_INIT(mod_dirlisting)\nPLUGIN_INIT(mod_staticfile)\n');
    sh('cmake', ['-S', dir, '-B', path.join(dir, 'b'),
      `-DCMAKE_TOOLCHAIN_FILE=${path.join(ROOT, 'wasi', 'guest', 'wasock-toolchain.cmake')}`,
      '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_STATIC=1', '-DWITH_PCRE2=OFF', '-DWITH_ZLIB=OFF',
      `-DCMAKE_C_FLAGS=${env.CFLAGS} -idirafter ${extra}`, `-DCMAKE_EXE_LINKER_FLAGS=${env.LIBS}`],
    { cwd: dir, env });
    sh('cmake', ['--build', path.join(dir, 'b'), '--target', 'lighttpd', '-j', '2'], { cwd: dir, env });
  });
}

// ndisc6 (IPv6 neighbour discovery over a raw ICMPv6 socket). It picks its Linux code
// (SIOCGIFHWADDR, Linux's IPV6_* options) by __linux__, which wasm32-wasi does not
// define: the socket API it reaches through wasock is Linux's, so the build says so.
// No source patch. Its old config.sub knows no wasm32-wasi: any other host triple
// makes configure cross-compile, which is all it needs.
function ndisc6() {
  return build('ndisc6', 'ndisc6', (dir, env) => {
    const e = { ...env, CFLAGS: `${env.CFLAGS} -D__linux__` };
    sh('./configure', ['--host=i686-pc-linux-gnu', '--disable-nls'], { cwd: dir, env: e });
    sh('make', ['-j2', 'AR=llvm-ar', 'RANLIB=llvm-ranlib', 'ndisc6', 'rdisc6'], { cwd: dir, env: e });
  });
}

// can-utils: cansend, candump, isotpsend, isotprecv with the package's own Makefile
// (its CPPFLAGS, which also name AF_CAN, and its lib.c); no patch.
const CAN_TOOLS = ['cansend', 'candump', 'isotpsend', 'isotprecv'];
function canUtils() {
  const out = build('can-utils', 'isotprecv', (dir, env) => {
    sh('make', ['-j2', `CC=${WCC}`, `CFLAGS=${env.CFLAGS} -Wall -Wno-parentheses`, `LDLIBS=${env.LIBS}`,
      ...CAN_TOOLS], { cwd: dir, env });
  });
  return path.dirname(out);
}

module.exports = { source, build, socat, lighttpd, ndisc6, canUtils, CAN_TOOLS, sh };
