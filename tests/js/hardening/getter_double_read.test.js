// SPDX-License-Identifier: MIT
// Getter double-read: the bridge reads every argument once. A getter, Proxy trap or own
// length property that answers differently on a second read used to size the argument
// area with one answer and write the other, past the area into the wasm heap.
'use strict';
const ws = require('../../../bridge');

const NUMERIC = ws.NI_NUMERICHOST | ws.NI_NUMERICSERV;

// An address whose host answers a short name first and 60 KB of text afterwards.
function twoFaced(counter) {
  const addr = ['127.0.0.1', 80];
  Object.defineProperty(addr, 0, {
    get() { counter.reads++; return counter.reads === 1 ? '127.0.0.1' : '\xff'.repeat(60000); },
  });
  return addr;
}

describe('getter double-read', () => {
  test('an array item getter runs once and its first answer is the one used', () => {
    const c = { reads: 0 };
    expect(ws.getnameinfo(twoFaced(c), NUMERIC)).toEqual(['127.0.0.1', '80']);
    expect(c.reads).toBe(1);
  });

  test('a Proxy array: length and each item read once', () => {
    const reads = {};
    const target = ['127.0.0.1', 80];
    const p = new Proxy(target, {
      get(t, k) {
        reads[String(k)] = (reads[String(k)] || 0) + 1;
        if (k === 'length') return reads.length === 1 ? 2 : 100000;
        return t[k];
      },
    });
    expect(ws.encode_sockaddr(ws.AF_INET, p).length).toBe(16);
    expect(reads).toEqual({ length: 1, 0: 1, 1: 1 });
  });

  test('an own length/byteLength on a Buffer is never consulted', () => {
    const [a, b] = ws.socketpair();
    try {
      const data = Buffer.from('hello');
      let reads = 0;
      for (const k of ['length', 'byteLength']) {
        Object.defineProperty(data, k, { get() { reads++; return reads === 1 ? 1 : 1 << 20; } });
      }
      expect(a.send(data)).toBe(5);
      a.sendall(data);
      expect(a.sendmsg([data])).toBe(5);
      expect(reads).toBe(0);
      b.settimeout(1);
      let got = Buffer.alloc(0);
      while (got.length < 15) got = Buffer.concat([got, b.recv(100)]);
      expect(got.toString()).toBe('hello'.repeat(3));
    } finally {
      a.close();
      b.close();
    }
  });

  test('a Proxy array whose length is not an integer: no conversion runs, wasock raises', () => {
    let calls = 0;
    const sly = { valueOf() { calls++; return 2; } };
    for (const length of [1.5, NaN, -3, Infinity, sly, '2']) {
      const p = new Proxy(['127.0.0.1', 80], { get: (t, k) => (k === 'length' ? length : t[k]) });
      let err;
      try { ws.encode_sockaddr(ws.AF_INET, p); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(length === Infinity ? RangeError : TypeError);
      expect(err.message).toMatch(/encode_sockaddr\(\)/);
    }
    expect(calls).toBe(0);
  });

  test('valueOf, toString and Symbol.toPrimitive are never called', () => {
    let calls = 0;
    const sly = {
      valueOf() { calls++; return 80; },
      toString() { calls++; return '80'; },
      [Symbol.toPrimitive]() { calls++; return 80; },
    };
    expect(() => ws.htons(sly)).toThrow(TypeError);
    expect(() => ws.getnameinfo(['127.0.0.1', sly], NUMERIC)).toThrow(TypeError);
    expect(() => ws.inet_pton(ws.AF_INET, sly)).toThrow(TypeError);
    expect(calls).toBe(0);
  });

  test('the instance still works afterwards', () => {
    const c = { reads: 0 };
    for (let i = 0; i < 50; i++) {
      c.reads = 0;
      ws.getnameinfo(twoFaced(c), NUMERIC);
    }
    expect(ws.htons(1)).toBe(256);
    const [a, b] = ws.socketpair();
    a.sendall(Buffer.from('ok'));
    expect(b.recv(10).toString()).toBe('ok');
    a.close();
    b.close();
  });
});
