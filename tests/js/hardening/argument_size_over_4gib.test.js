// SPDX-License-Identifier: MIT
// >4 GiB arguments: a total just over 4 GiB used to wrap to a small area that the write
// then overran. Sizes are counted in float64 (exact far past any limit) and refused.
'use strict';
const ws = require('../../../bridge');
const core = require('../../../bridge/core');

const GiB = 2 ** 30;

describe('>4 GiB argument sizes', () => {
  test('arguments totalling 4 GiB + a few bytes are RangeError, not a wrapped size', () => {
    const big = new ArrayBuffer(GiB);
    const before = core.ex.memory.buffer.byteLength;
    // 4 x 1 GiB plus headers: 2^32 + 30 bytes, which is 30 modulo 2^32.
    const four = [big, big, big, big];
    expect(() => ws.getnameinfo(four, 0)).toThrow(/arguments too large/);
    expect(() => ws.encode_sockaddr(ws.AF_INET, four, 0)).toThrow(RangeError);
    const five = [big, big, big, big, big];
    expect(() => ws.socket(ws.AF_INET, ws.SOCK_DGRAM).sendmsg(five)).toThrow(RangeError);
    expect(core.ex.memory.buffer.byteLength).toBe(before);
    expect(ws.inet_ntoa(ws.inet_aton('10.0.0.1'))).toBe('10.0.0.1');
  });
});
