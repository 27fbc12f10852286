// SPDX-License-Identifier: MIT
// if_nameindex / if_nametoindex / if_indextoname, against /sys/class/net.
'use strict';

const fs = require('node:fs');
const ws = require('../../../bridge');

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

const SYS = '/sys/class/net';
const haveSys = fs.existsSync(SYS);
if (!haveSys) console.log(`interface table test skipped: ${SYS} is missing`);

describe('interfaces', () => {
  test('if_nameindex is a list of [index, name] with lo in it', () => {
    const list = ws.if_nameindex();
    expect(Array.isArray(list)).toBe(true);
    for (const item of list) {
      expect(item).toHaveLength(2);
      expect(Number.isInteger(item[0])).toBe(true);
      expect(typeof item[1]).toBe('string');
    }
    expect(list.map((i) => i[1])).toContain('lo');
  });

  (haveSys ? test : test.skip)('if_nameindex agrees with /sys/class/net', () => {
    const sys = fs.readdirSync(SYS)
      .map((name) => [Number(fs.readFileSync(`${SYS}/${name}/ifindex`, 'utf8')), name])
      .sort((a, b) => a[0] - b[0]);
    const mine = ws.if_nameindex().slice().sort((a, b) => a[0] - b[0]);
    expect(mine).toEqual(sys);
  });

  test('name -> index -> name for every interface', () => {
    for (const [index, name] of ws.if_nameindex()) {
      expect(ws.if_nametoindex(name)).toBe(index);
      expect(ws.if_nametoindex(Buffer.from(name))).toBe(index);
      expect(ws.if_indextoname(index)).toBe(name);
      expect(ws.if_indextoname(BigInt(index))).toBe(name);
    }
  });

  test('if_indextoname truncates to 32 bits like CPython does', () => {
    const [index, name] = ws.if_nameindex()[0];
    expect(ws.if_indextoname(2 ** 32 + index)).toBe(name);
  });

  test('an unknown name is OSError without errno', () => {
    for (const name of ['nonexistent0', '', 'x'.repeat(16), 'x'.repeat(1000)]) {
      const e = thrown(() => ws.if_nametoindex(name));
      expect(e).toBeInstanceOf(ws.OSError);
      expect(e.errno).toBeNull();
      expect(e.message).toBe('no interface with this name');
    }
  });

  test('index 0 is OSError ENXIO', () => {
    const e = thrown(() => ws.if_indextoname(0));
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBe(6);
    expect(e.code).toBe('ENXIO');
    expect(e.syscall).toBe('if_indextoname');
  });

  test('argument errors', () => {
    expect(() => ws.if_nametoindex('lo\0')).toThrow(RangeError);
    expect(() => ws.if_nametoindex(1)).toThrow(TypeError);
    expect(() => ws.if_nametoindex(null)).toThrow(TypeError);
    expect(() => ws.if_indextoname(-1)).toThrow(RangeError);
    expect(() => ws.if_indextoname(2n ** 64n)).toThrow(RangeError);
    expect(() => ws.if_indextoname('1')).toThrow(TypeError);
    expect(() => ws.if_indextoname(1.5)).toThrow(TypeError);
  });
});
