// SPDX-License-Identifier: MIT
// gethostname / sethostname. sethostname must not change this machine: its error paths
// run in-process; its success path runs in a child inside a new UTS namespace.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ws = require('../../../bridge');

const BRIDGE = path.resolve(__dirname, '..', '..', '..', 'bridge');

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

function whichUnshare() {
  for (const dir of (process.env.PATH || '').split(':')) {
    const p = path.join(dir || '.', 'unshare');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch { /* next */ }
  }
  return null;
}

describe('gethostname', () => {
  test('is the kernel host name', () => {
    expect(ws.gethostname()).toBe(os.hostname());
    expect(ws.gethostname()).toBe(fs.readFileSync('/proc/sys/kernel/hostname', 'utf8').trim());
  });

  test('takes no arguments', () => {
    expect(() => ws.gethostname('x')).toThrow(TypeError);
  });
});

describe('sethostname error paths (in-process, nothing changes)', () => {
  const before = os.hostname();
  afterAll(() => expect(os.hostname()).toBe(before));

  test('a name over 64 bytes is OSError EINVAL as root, EPERM otherwise', () => {
    const want = process.getuid() === 0 ? 'EINVAL' : 'EPERM';
    for (const name of ['x'.repeat(65), Buffer.alloc(65, 120), 'x'.repeat(5000)]) {
      const e = thrown(() => ws.sethostname(name));
      expect(e).toBeInstanceOf(ws.OSError);
      expect(e.code).toBe(want);
      expect(e.syscall).toBe('sethostname');
    }
  });

  test('wrong types and embedded NUL fail before the system call', () => {
    expect(() => ws.sethostname(5)).toThrow(TypeError);
    expect(() => ws.sethostname(null)).toThrow(TypeError);
    expect(() => ws.sethostname()).toThrow(TypeError);
    expect(() => ws.sethostname('a\0b')).toThrow(RangeError);
    expect(() => ws.sethostname([])).toThrow(TypeError);
  });
});

describe('sethostname success path (in a UTS namespace)', () => {
  const unshare = whichUnshare();
  if (!unshare) {
    console.log('sethostname success test skipped: unshare(1) is not installed');
    test.skip('sets and reads back the name (unshare missing)', () => {});
    return;
  }

  test('sets and reads back str and bytes names inside `unshare --uts`', () => {
    const before = os.hostname();
    const script = `
      const ws = require(${JSON.stringify(BRIDGE)});
      const os = require('os');
      const out = [];
      ws.sethostname('wasock-uts-test');
      out.push([ws.gethostname(), os.hostname()]);
      ws.sethostname(Buffer.from('wasock-bytes'));
      out.push([ws.gethostname(), os.hostname()]);
      ws.sethostname('h'.repeat(64));
      out.push([ws.gethostname(), os.hostname()]);
      // Bytes go to the kernel as they are (Python's "S"): a NUL ends the C string read back.
      ws.sethostname(Buffer.from('nul\\0after'));
      out.push([ws.gethostname(), os.hostname()]);
      ws.sethostname(Buffer.alloc(0));
      out.push([ws.gethostname(), os.hostname()]);
      console.log(JSON.stringify(out));`;
    const r = spawnSync(unshare, ['--uts', process.execPath, '-e', script], { encoding: 'utf8', timeout: 20000 });
    if (r.status !== 0) throw new Error(`unshare --uts failed (${r.status}): ${r.stderr}`);
    expect(JSON.parse(r.stdout)).toEqual([
      ['wasock-uts-test', 'wasock-uts-test'],
      ['wasock-bytes', 'wasock-bytes'],
      ['h'.repeat(64), 'h'.repeat(64)],
      ['nul', 'nul'],
      ['', ''],
    ]);
    expect(os.hostname()).toBe(before);
    expect(ws.gethostname()).toBe(before);
  });
});
