// SPDX-License-Identifier: MIT
// recv_into negative: a negative nbytes (or one that is negative as a 32-bit value) used
// to become a ~4 GiB request the core's I/O area looped on. It is a RangeError, as
// CPython's ValueError 'negative buffersize in recv_into', on both faces.
'use strict';
const ws = require('../../../bridge');
const wsp = require('../../../bridge/promises');
const core = require('../../../bridge/core');

describe('recv_into negative', () => {
  test('sync face: recv_into and recvfrom_into with negative nbytes', () => {
    const [a, b] = ws.socketpair();
    try {
      b.sendall(Buffer.from('abc'));
      const before = core.ex.memory.buffer.byteLength;
      const buf = Buffer.alloc(8);
      for (const n of [-1, -(2 ** 31), -1n, -(2n ** 40n)]) {
        expect(() => a.recv_into(buf, n)).toThrow(RangeError);
        expect(() => a.recv_into(buf, n)).toThrow(/negative buffersize in recv_into/);
        expect(() => a.recvfrom_into(buf, n)).toThrow(/negative buffersize in recvfrom_into/);
      }
      expect(() => a.recv(-1)).toThrow(/negative buffersize/);
      expect(core.ex.memory.buffer.byteLength).toBe(before);
      // The data is still there.
      expect(a.recv_into(buf)).toBe(3);
      expect(buf.subarray(0, 3).toString()).toBe('abc');
    } finally {
      a.close();
      b.close();
    }
  });

  test('promise face: the same RangeError, and the socket keeps working', async () => {
    const [a, b] = wsp.socketpair();
    try {
      await expect(a.recv_into(Buffer.alloc(8), -1)).rejects.toThrow(/negative buffersize in recv_into/);
      await b.sendall(Buffer.from('z'));
      expect((await a.recv(4)).toString()).toBe('z');
    } finally {
      a.close();
      b.close();
    }
  });
});
