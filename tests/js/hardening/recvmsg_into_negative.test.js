// SPDX-License-Identifier: MIT
// recvmsg_into negative: buffer lengths the core is given come from the engine, never
// from a view's own (lying) byteLength, which used to let -1 through as a ~4 GiB request;
// a negative ancbufsize is a RangeError as CPython's ValueError.
'use strict';
const ws = require('../../../bridge');
const core = require('../../../bridge/core');

describe('recvmsg_into negative', () => {
  test('a buffer whose own byteLength says -1 receives into its real 4 bytes', () => {
    const [a, b] = ws.socketpair();
    try {
      const buf = Buffer.alloc(4);
      Object.defineProperty(buf, 'byteLength', { get: () => -1 });
      Object.defineProperty(buf, 'length', { get: () => -1 });
      b.sendall(Buffer.from('abcdef'));
      const before = core.ex.memory.buffer.byteLength;
      const [n] = a.recvmsg_into([buf]);
      expect(n).toBe(4);
      expect(Buffer.from(buf.buffer, buf.byteOffset, 4).toString()).toBe('abcd');
      expect(core.ex.memory.buffer.byteLength).toBe(before);
    } finally {
      a.close();
      b.close();
    }
  });

  test('negative ancbufsize and recvmsg sizes are RangeError', () => {
    const [a, b] = ws.socketpair();
    try {
      for (const n of [-1, -(2 ** 31), -1n]) {
        expect(() => a.recvmsg_into([Buffer.alloc(4)], n)).toThrow(RangeError);
        expect(() => a.recvmsg(n)).toThrow(RangeError);
        expect(() => a.recvmsg(1, n)).toThrow(RangeError);
      }
      b.sendall(Buffer.from('ok'));
      expect(a.recvmsg(10)[0].toString()).toBe('ok');
    } finally {
      a.close();
      b.close();
    }
  });
});
