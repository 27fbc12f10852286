#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Regenerates wasock's constant and error-text tables from this machine's
// Linux and glibc headers:
//
//   node tools/genconst.js           compile tools/genconst.c with `cc` and
//                                    write bridge/constants.js,
//                                    bridge/errno.js, src/wasock_const.h and
//                                    bridge/select_constants.js
//   node tools/genconst.js --check   regenerate in memory; exit 1, naming the
//                                    stale files, if the committed ones differ
//
// The compiler can be overridden with the CC environment variable.

'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE = path.join(ROOT, 'tools', 'genconst.c');

// genconst.c's argument -> the file its output is committed as.
const OUTPUTS = [
  ['js', 'bridge/constants.js'],
  ['errno', 'bridge/errno.js'],
  ['h', 'src/wasock_const.h'],
  ['select', 'bridge/select_constants.js'],
  ['guest', 'wasi/guest/include/bits/wasock_linux.h'],
  ['guest-errno', 'wasi/guest/src/errno_map.inc'],
  ['guest-text', 'wasi/guest/src/netdb_text.inc'],
];

function usage() {
  process.stderr.write('usage: node tools/genconst.js [--check]\n');
  process.exit(2);
}

// Compiles genconst.c natively and returns { relative path: generated text }.
function generate() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-genconst-'));
  try {
    const exe = path.join(tmp, 'genconst');
    const cc = process.env.CC || 'cc';
    execFileSync(cc, ['-std=gnu11', '-O0', '-Wall', '-o', exe, SOURCE], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const result = {};
    for (const [arg, file] of OUTPUTS) {
      const text = execFileSync(exe, [arg], {
        encoding: 'utf8',
        // strerror() and friends are locale-dependent; genconst.c never calls
        // setlocale(), but keep the environment from mattering anyway.
        env: { ...process.env, LC_ALL: 'C', LANGUAGE: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      });
      result[file] = arg === 'guest' ? filterGuest(text, cc) : text;
    }
    return result;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// The glibc header each section of the guest's bits/wasock_linux.h stands for: a
// guest header defines exactly the names glibc's same header defines (so that, like
// glibc's, it never collides with the enums of the kernel's UAPI headers).
const GUEST_SECTIONS = {
  SYS_SOCKET: 'sys/socket.h', NETINET_IN: 'netinet/in.h', NETINET_TCP: 'netinet/tcp.h',
  NETINET_UDP: 'netinet/udp.h', NETDB: 'netdb.h', SYS_IOCTL: 'sys/ioctl.h', NET_IF: 'net/if.h',
  NETPACKET: 'netpacket/packet.h', POLL: 'poll.h',
};

// Names the C compiler's headers define after `#include <header>` (as _GNU_SOURCE).
function glibcMacros(cc, header) {
  const out = execFileSync(cc, ['-dM', '-E', '-x', 'c', '-'], {
    input: `#define _GNU_SOURCE 1\n#include <${header}>\n`, encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'inherit'], maxBuffer: 16 * 1024 * 1024,
  });
  return new Set(out.split('\n').map((l) => l.split(' ')[1]).filter(Boolean));
}

// Drops from the guest header the #undef/#define pairs glibc's header lacks.
function filterGuest(text, cc) {
  const lines = text.split('\n'), kept = [];
  let names = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const sec = /^#if defined\(WASOCK_WANT_(\w+)\)/.exec(l);
    if (sec) names = GUEST_SECTIONS[sec[1]] ? glibcMacros(cc, GUEST_SECTIONS[sec[1]]) : null;
    else if (l === '#endif') names = null;
    const m = /^#undef (\w+)$/.exec(l);
    if (m && names && !names.has(m[1])) { i++; continue; }
    kept.push(l);
  }
  return kept.join('\n');
}

function main(argv) {
  if (argv.length > 1 || (argv.length === 1 && argv[0] !== '--check')) usage();
  const check = argv[0] === '--check';

  let generated;
  try {
    generated = generate();
  } catch (err) {
    process.stderr.write(`genconst: ${err.message}\n`);
    return 2;
  }

  if (check) {
    const stale = [];
    for (const [file, text] of Object.entries(generated)) {
      let committed = null;
      try {
        committed = fs.readFileSync(path.join(ROOT, file), 'utf8');
      } catch (err) {
        if (err.code !== 'ENOENT') throw err;
      }
      if (committed === null) stale.push(`${file}: missing`);
      else if (committed !== text) stale.push(`${file}: differs from genconst.c's output`);
    }
    if (stale.length) {
      for (const line of stale) process.stderr.write(`genconst --check: ${line}\n`);
      process.stderr.write('genconst --check: regenerate with: node tools/genconst.js\n');
      return 1;
    }
    process.stdout.write(`genconst --check: ${Object.keys(generated).join(', ')} are up to date\n`);
    return 0;
  }

  for (const [file, text] of Object.entries(generated)) {
    const dest = path.join(ROOT, file);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, text);
    process.stdout.write(`genconst: wrote ${file}\n`);
  }
  // What is derived from bridge/constants.js (the browser modules, the declarations).
  return require('../bridge/inet/gen.js').main([]);
}

process.exitCode = main(process.argv.slice(2));
