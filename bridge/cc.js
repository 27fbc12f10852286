// SPDX-License-Identifier: MIT
// `wasock cc`: clang for wasm32-wasi programs that use sockets. It takes clang's
// arguments, compiles against wasock's header overlay (Linux values and sockaddr
// layouts, wasi/guest/include) before the C library's headers, and links
// libwasock-guest.a, whose socket functions call the `wasock_host` imports that
// `wasock run` serves. Usable as CC= for autoconf, CMake and Make cross builds.
// Uses the wasi-sdk named by WASI_SDK_PATH when set, else Debian's clang + wasi-libc.
'use strict';
const { spawnSync, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OVERLAY = path.join(ROOT, 'wasi', 'guest', 'include');
// The library: this checkout's build, else the copy a packed package ships in dist/guest.
const LIBDIR = process.env.WASOCK_GUEST_LIBDIR ||
  [path.join(ROOT, 'build', 'native', 'wasm', 'guest'), path.join(ROOT, 'dist', 'guest')]
    .find((d) => fs.existsSync(path.join(d, 'libwasock-guest.a'))) ||
  path.join(ROOT, 'build', 'native', 'wasm', 'guest');

function toolchain() {
  const sdk = process.env.WASI_SDK_PATH;
  if (sdk && fs.existsSync(path.join(sdk, 'bin', 'clang'))) {
    const sysroot = path.join(sdk, 'share', 'wasi-sysroot');
    const multi = path.join(sysroot, 'include', 'wasm32-wasi');
    return { clang: path.join(sdk, 'bin', 'clang'), sysroot,
      libcInclude: fs.existsSync(multi) ? multi : path.join(sysroot, 'include') };
  }
  return { clang: process.env.WASOCK_CLANG || 'clang', sysroot: null,
    libcInclude: '/usr/include/wasm32-wasi' };
}

// The kernel's UAPI headers (linux/can.h, linux/netlink.h, ...) are architecture-
// neutral; the guest sees them through a directory holding only linux/ and
// asm-generic/ (asm/ comes from the overlay), never the rest of the build machine's
// /usr/include, whose glibc headers would shadow the C library's. The directory is made
// beside the library at first use; where the package cannot be written to (installed by
// another user, a read-only file system), in a private directory of this user's.
const UAPI_SUBDIRS = ['linux', 'asm-generic'];
function uapiDir() {
  const src = process.env.WASOCK_UAPI_INCLUDE || '/usr/include';
  if (!fs.existsSync(path.join(src, 'linux', 'types.h'))) return null;
  const shared = path.join(LIBDIR, 'uapi');
  try {
    return linkUapi(shared, src);
  } catch (e) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(e.code)) throw e;
  }
  return linkUapi(privateDir(), src);
}

// dir with linux/ and asm-generic/ linking into src (links to elsewhere replaced).
function linkUapi(dir, src) {
  for (const sub of UAPI_SUBDIRS) {
    const link = path.join(dir, sub);
    const target = path.join(src, sub);
    let now = null;
    try { now = fs.readlinkSync(link); } catch { /* none yet */ }
    if (now === target) continue;
    // Not recursive: Node's recursive mkdir says ENOENT for a read-only file system.
    try { fs.mkdirSync(dir); } catch (e) { if (e.code !== 'EEXIST') throw e; }
    if (now !== null) fs.rmSync(link, { force: true });
    try {
      fs.symlinkSync(target, link);
    } catch (e) {
      // A build running compilers in parallel made it meanwhile.
      if (e.code !== 'EEXIST' || fs.readlinkSync(link) !== target) throw e;
    }
  }
  return dir;
}

// $TMPDIR/wasock-uapi-<uid>, refused unless it is this user's own directory that no one
// else may write to: other users must not choose the headers a compilation sees.
function privateDir() {
  const uid = process.getuid();
  const dir = path.join(os.tmpdir(), `wasock-uapi-${uid}`);
  try { fs.mkdirSync(dir, { mode: 0o700 }); } catch (e) { if (e.code !== 'EEXIST') throw e; }
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== uid || (st.mode & 0o022))
    throw new Error(`wasock cc: ${dir} is not a directory of this user's that only it may write to`);
  return dir;
}

let resourceDir = null;
function clangResource(clang) {
  if (!resourceDir) resourceDir = execFileSync(clang, ['-print-resource-dir'], { encoding: 'utf8' }).trim();
  return resourceDir;
}

// Arguments that stop clang before the link step.
const NO_LINK = new Set(['-c', '-E', '-S', '-M', '-MM', '-fsyntax-only', '-###']);

// Options whose value is the next argument (so that value is not an input file).
const TAKES_VALUE = new Set(['-o', '-I', '-D', '-U', '-include', '-isystem', '-idirafter', '-iquote',
  '-x', '-MF', '-MT', '-MQ', '-Xlinker', '-Xclang', '-target', '-L', '-l', '-arch', '-imacros']);

// True when clang will link: an input file is given and no option stops it earlier.
function links(argv) {
  if (argv.some((a) => NO_LINK.has(a))) return false;
  for (let i = 0; i < argv.length; i++) {
    if (TAKES_VALUE.has(argv[i])) { i++; continue; }
    if (!argv[i].startsWith('-') || argv[i] === '-') return true;
  }
  return false;
}

function ccArgs(argv) {
  const tc = toolchain();
  const args = [];
  if (!argv.some((a) => a.startsWith('--target=') || a === '-target')) args.push('--target=wasm32-wasi');
  if (tc.sysroot) args.push(`--sysroot=${tc.sysroot}`);
  // Overlay, clang's own headers, the C library's, then the kernel's UAPI headers.
  // A link-only step ignores the include options: not worth a warning.
  args.push('-Wno-unused-command-line-argument');
  args.push('-nostdlibinc', '-isystem', OVERLAY, '-isystem', path.join(clangResource(tc.clang), 'include'),
    '-isystem', tc.libcInclude);
  const uapi = uapiDir();
  if (uapi) args.push('-idirafter', uapi);
  // wasi-libc's emulations of signal(), getpid(), clock() and mmap() are opt-in; a
  // program written for Linux expects them, and their archives link only if used.
  args.push('-D_WASI_EMULATED_SIGNAL', '-D_WASI_EMULATED_GETPID', '-D_WASI_EMULATED_PROCESS_CLOCKS',
    '-D_WASI_EMULATED_MMAN');
  args.push(...argv);
  if (links(argv)) {
    // The host ABI names its pinned external view with offsets from 2 GiB up, so linear
    // memory stays below; a 1 MiB stack suits programs written for Linux's 8 MiB.
    args.push(`-L${LIBDIR}`, '-lwasock-guest', '-lwasi-emulated-signal', '-lwasi-emulated-getpid',
      '-lwasi-emulated-process-clocks', '-lwasi-emulated-mman', '-Wl,--max-memory=2147483648',
      '-Wl,-z,stack-size=1048576');
  }
  return { clang: tc.clang, args };
}

function main(argv) {
  if (argv.length === 0 || argv[0] === '--help') {
    process.stdout.write('usage: wasock cc [clang arguments...]   e.g. wasock cc -O2 prog.c -o prog.wasm\n' +
      '  compiles and links for wasm32-wasi against wasock\'s socket headers and libwasock-guest.a;\n' +
      '  run the result with `wasock run`.  --print-flags prints the added compile flags.\n');
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--print-flags') {
    const { args } = ccArgs(['-c']);
    process.stdout.write(args.filter((a) => a !== '-c').join(' ') + '\n');
    return 0;
  }
  if (!fs.existsSync(path.join(LIBDIR, 'libwasock-guest.a')) && !argv.some((a) => NO_LINK.has(a))) {
    process.stderr.write(`wasock cc: ${path.join(LIBDIR, 'libwasock-guest.a')} is missing: build with \`node tools/build.js\` (a packed package ships it in dist/guest)\n`);
    return 1;
  }
  let clang, args;
  try {
    ({ clang, args } = ccArgs(argv));
  } catch (e) {
    process.stderr.write(`${e.message.startsWith('wasock cc: ') ? '' : 'wasock cc: '}${e.message}\n`);
    return 1;
  }
  const r = spawnSync(clang, args, { stdio: 'inherit' });
  if (r.error) {
    process.stderr.write(`wasock cc: ${clang}: ${r.error.message}\n`);
    return 127;
  }
  return r.status === null ? 1 : r.status;
}

module.exports = { main, ccArgs };
