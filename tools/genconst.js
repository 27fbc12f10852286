#!/usr/bin/env node
// SPDX-License-Identifier: MIT
//
// Regenerates wasock's constant and error-text tables from this machine's
// Linux and glibc headers:
//
//   node tools/genconst.js           compile tools/genconst.c with `cc` and
//                                    write bridge/constants.js,
//                                    bridge/errno.js and src/wasock_const.h
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
      result[file] = execFileSync(exe, [arg], {
        encoding: 'utf8',
        // strerror() and friends are locale-dependent; genconst.c never calls
        // setlocale(), but keep the environment from mattering anyway.
        env: { ...process.env, LC_ALL: 'C', LANGUAGE: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 16 * 1024 * 1024,
      });
    }
    return result;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
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
  return 0;
}

process.exitCode = main(process.argv.slice(2));
