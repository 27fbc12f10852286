// SPDX-License-Identifier: MIT
// >2 GiB arguments: a call whose arguments total 2-4 GiB used to loop forever in the
// core's area allocation (its size doubled past 32 bits). The bridge counts sizes
// exactly and refuses anything past the core's limit with a RangeError before the core
// is entered. One 1 GiB ArrayBuffer named several times costs no memory until touched.
'use strict';
const ws = require('../../../bridge');
const core = require('../../../bridge/core');

const GiB = 2 ** 30;
let big;
beforeAll(() => { big = new ArrayBuffer(GiB); });

describe('>2 GiB argument sizes', () => {
  test('module functions: RangeError at once, the core never sees the call', () => {
    const before = core.ex.memory.buffer.byteLength;
    expect(() => ws.getnameinfo([big, big, big], 0)).toThrow(RangeError);
    expect(() => ws.getnameinfo([big, big, big], 0)).toThrow(/arguments too large/);
    expect(() => ws.encode_sockaddr(ws.AF_UNIX, big, [big, big])).toThrow(/arguments too large/);
    expect(core.ex.memory.buffer.byteLength).toBe(before);
    expect(ws.htons(1)).toBe(256);
  });

  test('socket methods: sendto and sendmsg of 2-4 GiB in all are RangeError', () => {
    const s = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
    try {
      expect(() => s.sendto(new Uint8Array(big), [new Uint8Array(big), 1, big])).toThrow(RangeError);
      expect(() => s.sendmsg([big, big, new DataView(big)])).toThrow(/arguments too large/);
      s.bind(['127.0.0.1', 0]);
      expect(s.sendto(Buffer.from('x'), s.getsockname())).toBe(1);
      expect(s.recv(1).toString()).toBe('x');
    } finally {
      s.close();
    }
  });

  test('a list too long to be a list the core takes is refused before its items are read', () => {
    let reads = 0;
    const p = new Proxy([], { get(t, k) { if (k === 'length') return 2 ** 32 - 1; reads++; return 0; } });
    expect(() => ws.getnameinfo(p, 0)).toThrow(RangeError);
    expect(reads).toBe(0);
  });
});
