// SPDX-License-Identifier: MIT
// The shipped prebuilds ask no more of the C library than glibc 2.17 (the baseline the
// README states): the newest symbol version each one binds, read from its ELF dynamic
// symbol table (readelf reads every architecture).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pack, run } = require('./app');

const BASELINE = [2, 17];

test.each(['linux-x64', 'linux-arm64'])('the %s prebuild needs at most glibc 2.17', (platform) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasock-glibc-'));
  try {
    const member = `package/prebuilds/${platform}/wasock.node`;
    const x = run('tar', ['xzf', pack().tarball, '-C', dir, member]);
    expect(x.output).toBe('');
    const r = run('readelf', ['--dyn-syms', '--wide', path.join(dir, member)]);
    expect(r.status).toBe(0);
    const versions = [...new Set([...r.stdout.matchAll(/@GLIBC_(\d+)\.(\d+)/g)].map((m) => `${m[1]}.${m[2]}`))]
      .map((v) => v.split('.').map(Number)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const newest = versions[versions.length - 1];
    console.log(`${platform}: newest glibc symbol version ${newest.join('.')}`);
    expect(newest[0] < BASELINE[0] || (newest[0] === BASELINE[0] && newest[1] <= BASELINE[1])).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 10 * 60 * 1000);
