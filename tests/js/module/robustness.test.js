// SPDX-License-Identifier: MIT
// No module function may trap the wasm instance, crash or hang on hostile arguments:
// wrong types, huge and empty strings and buffers, lone surrogates, detached buffers,
// deeply nested arrays. Each call returns, or throws TypeError / RangeError / OSError;
// afterwards the module still works, and no file descriptor has leaked.
//
// The matrix itself (hostile.js) runs in a child Node process: a trap or a crash there
// fails these tests instead of killing Jest, and a hang hits the spawn timeout.
'use strict';

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const ws = require('../../../bridge');
const { BASE } = require('./hostile');

const { AF_UNIX } = ws;
const BIG = 10 * 1024 * 1024;

describe('hostile arguments (child process)', () => {
  let child;
  let report;

  beforeAll(() => {
    child = spawnSync(process.execPath, [path.join(__dirname, 'hostile.js')], {
      encoding: 'utf8', timeout: 280000, maxBuffer: 16 << 20,
    });
    try {
      report = JSON.parse(child.stdout);
    } catch {
      report = null;
    }
  }, 300000);

  test('the child finished: no trap, no crash, no hang', () => {
    const how = child.error ? String(child.error) : child.signal ? `killed by ${child.signal}` : `exit ${child.status}`;
    if (child.status !== 0 || !report) throw new Error(`hostile.js ${how}\n${child.stderr}`);
    expect(report.calls).toBeGreaterThan(3000);
  });

  test.each([...Object.keys(BASE), 'sethostname', 'close'])('%s only returns or throws TypeError/RangeError/OSError', (fn) => {
    expect(report).not.toBeNull();
    expect(report.problems[fn]).toEqual([]);
  });

  test('the module still works afterwards', () => {
    expect(report.after).toEqual({
      htons: 256, inet: '10.9.8.7', gai: 1, unix: [AF_UNIX, '/x'], timeout: null,
    });
  });
});

describe('big values in this process', () => {
  test('a 10 MB string reaches the core intact', () => {
    expect(() => ws.inet_aton('1'.repeat(BIG))).toThrow('illegal IP address string passed to inet_aton');
    expect(() => ws.htons('1'.repeat(BIG))).toThrow(/not str/);
    expect(() => ws.getaddrinfo('a'.repeat(BIG), 80)).toThrow(/label too long/);
  });

  test('repeated large arguments do not exhaust memory', () => {
    const b = Buffer.alloc(BIG);
    for (let i = 0; i < 30; i++) expect(() => ws.decode_sockaddr(b)).toThrow(RangeError);
    expect(ws.htons(2)).toBe(512);
  });

  test('lone surrogates are RangeError, as the utf-8 codec refuses them', () => {
    expect(() => ws.inet_aton('\ud800')).toThrow(RangeError);
    expect(() => ws.getaddrinfo('local\udc00host', 80)).toThrow(RangeError);
    expect(() => ws.encode_sockaddr(AF_UNIX, '/tmp/\udfff')).toThrow(RangeError);
  });

  test('detached buffers: the ArrayBuffer and a view of it are TypeError', () => {
    const buf = new ArrayBuffer(4);
    const view = new Uint8Array(buf);
    structuredClone(buf, { transfer: [buf] });
    let e;
    try { ws.inet_ntoa(buf); } catch (err) { e = err; }
    expect(e && e.constructor.name).toBe('TypeError');
    // Not empty bytes: the data the caller meant is gone, which is an error.
    expect(() => ws.inet_ntoa(view)).toThrow(TypeError);
    expect(() => ws.inet_ntoa(view)).toThrow('inet_ntoa() argument 1 is a view of a detached ArrayBuffer');
    expect(ws.htons(1)).toBe(256);
  });

  test('nesting deeper than the wire format allows is RangeError or TypeError', () => {
    let a = [];
    for (let i = 0; i < 100000; i++) a = [a];
    expect(() => ws.encode_sockaddr(ws.AF_INET, a)).toThrow(/nested too deeply/);
    let b = [];
    for (let i = 0; i < 31; i++) b = [b];
    expect(() => ws.getnameinfo(b, 0)).toThrow(TypeError);
  });
});

describe('file descriptors', () => {
  const count = () => fs.readdirSync('/proc/self/fd').length;

  test('has_dualstack_ipv6 leaks nothing over thousands of calls', () => {
    const first = ws.has_dualstack_ipv6();
    expect(typeof first).toBe('boolean');
    const before = count();
    for (let i = 0; i < 5000; i++) if (ws.has_dualstack_ipv6() !== first) throw new Error(`answer changed at call ${i}`);
    expect(count()).toBe(before);
  });

  test('close error paths leak nothing and keep raising EBADF', () => {
    const before = count();
    for (let i = 0; i < 3000; i++) {
      for (const fd of [-1, 2 ** 31 - 1, 1000000]) {
        let e;
        try { ws.close(fd); } catch (err) { e = err; }
        if (!(e instanceof ws.OSError) || e.errno !== 9) throw new Error(`close(${fd}) gave ${e}`);
      }
    }
    for (let i = 0; i < 1000; i++) {
      try { ws.close('3'); } catch { /* TypeError */ }
      try { ws.close(2 ** 40); } catch { /* RangeError */ }
    }
    expect(count()).toBe(before);
  });

  test('close really closes an fd opened by Node', () => {
    const before = count();
    for (let i = 0; i < 1000; i++) {
      const fd = fs.openSync('/dev/null', 'r');
      expect(ws.close(fd)).toBeNull();
      expect(() => fs.fstatSync(fd)).toThrow(/EBADF/);
    }
    expect(count()).toBe(before);
  });
});
