// SPDX-License-Identifier: MIT
// CMSG_LEN / CMSG_SPACE: the values of the machine the host runs on (x86_64 / aarch64
// Linux: 16-byte cmsghdr, 8-byte alignment) and CPython's socklen_t bounds.
'use strict';

const ws = require('../../../bridge');
const { runVectors } = require('./vectors');

describe('codec vectors', () => runVectors(['CMSG_LEN', 'CMSG_SPACE']));

describe('CMSG math', () => {
  test('DESIGN.md values: CMSG_LEN(4) == 20, CMSG_SPACE(4) == 24', () => {
    expect(ws.CMSG_LEN(4)).toBe(20);
    expect(ws.CMSG_SPACE(4)).toBe(24);
  });

  test('CMSG_LEN is header + n; CMSG_SPACE is header + n rounded up to 8', () => {
    for (let n = 0; n < 1000; n++) {
      expect(ws.CMSG_LEN(n)).toBe(16 + n);
      expect(ws.CMSG_SPACE(n)).toBe(16 + Math.ceil(n / 8) * 8);
    }
  });

  test('room for n file descriptors', () => {
    for (let fds = 1; fds <= 253; fds++) expect(ws.CMSG_SPACE(4 * fds)).toBeGreaterThanOrEqual(ws.CMSG_LEN(4 * fds));
  });

  test('the largest accepted arguments and the first refused ones', () => {
    expect(ws.CMSG_LEN(2 ** 31 - 1 - 16)).toBe(2 ** 31 - 1);
    expect(() => ws.CMSG_LEN(2 ** 31 - 16)).toThrow(RangeError);
    expect(ws.CMSG_SPACE(2 ** 31 - 1 - 24)).toBe(2147483640);
    expect(() => ws.CMSG_SPACE(2 ** 31 - 24)).toThrow(RangeError);
    expect(() => ws.CMSG_LEN(2n ** 64n)).toThrow('CMSG_LEN() argument out of range');
    expect(() => ws.CMSG_SPACE(-1)).toThrow('CMSG_SPACE() argument out of range');
  });

  test('results are numbers, BigInt arguments are accepted', () => {
    expect(ws.CMSG_LEN(4n)).toBe(20);
    expect(typeof ws.CMSG_SPACE(2147483623n)).toBe('number');
  });
});
