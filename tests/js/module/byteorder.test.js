// SPDX-License-Identifier: MIT
// htons / ntohs / htonl / ntohl: Python's integer rules and the swap itself.
'use strict';

const ws = require('../../../bridge');
const { runVectors } = require('./vectors');

describe('codec vectors', () => runVectors(['htons', 'ntohs', 'htonl', 'ntohl']));

describe('byte order', () => {
  test('htons and ntohs swap the two bytes of every 16-bit value', () => {
    for (let x = 0; x <= 0xffff; x++) {
      const swapped = ((x & 0xff) << 8) | (x >> 8);
      if (ws.htons(x) !== swapped || ws.ntohs(swapped) !== x)
        throw new Error(`htons(${x}) = ${ws.htons(x)}, ntohs(${swapped}) = ${ws.ntohs(swapped)}`);
    }
  });

  test('htonl and ntohl swap four bytes and return plain numbers', () => {
    for (const x of [0, 1, 0xff, 0x100, 0x12345678, 0x7fffffff, 0x80000000, 0xdeadbeef, 0xffffffff]) {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(x);
      const want = b.readUInt32BE();
      expect(ws.htonl(x)).toBe(want);
      expect(ws.ntohl(want)).toBe(x);
      expect(typeof ws.htonl(x)).toBe('number');
    }
  });

  test('BigInt arguments are integers like any other', () => {
    expect(ws.htons(1n)).toBe(256);
    expect(ws.htonl(1n)).toBe(16777216);
    expect(ws.htonl(0xffffffffn)).toBe(0xffffffff);
    expect(() => ws.htonl(2n ** 32n)).toThrow(RangeError);
    expect(() => ws.htons(-1n)).toThrow(RangeError);
  });

  test('-0 is the integer 0', () => {
    expect(ws.htons(-0)).toBe(0);
    expect(ws.htonl(-0)).toBe(0);
  });

  test('messages name the function and the problem', () => {
    expect(() => ws.htons(65536)).toThrow(/htons.*16-bit/);
    expect(() => ws.htons(-1)).toThrow(/htons.*negative/);
    expect(() => ws.htonl(2 ** 32)).toThrow(/32 bits/);
    expect(() => ws.ntohs('1')).toThrow(/must be an integer, not str/);
    expect(() => ws.htonl(1.5)).toThrow(/float/);
  });

  test('argument count is checked', () => {
    expect(() => ws.htons()).toThrow(TypeError);
    expect(() => ws.htons(1, 2)).toThrow(/takes exactly 1 argument \(2 given\)/);
    expect(() => ws.ntohl()).toThrow(TypeError);
  });
});
