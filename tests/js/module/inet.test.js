// SPDX-License-Identifier: MIT
// inet_aton / inet_ntoa / inet_pton / inet_ntop: glibc's text rules, Python's argument
// rules and error classes.
'use strict';

const ws = require('../../../bridge');
const { runVectors } = require('./vectors');

const { AF_INET, AF_INET6 } = ws;

describe('codec vectors', () => runVectors(['inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop']));

describe('inet_aton / inet_ntoa', () => {
  test('results are Buffers and strings', () => {
    const b = ws.inet_aton('10.0.0.1');
    expect(Buffer.isBuffer(b)).toBe(true);
    expect([...b]).toEqual([10, 0, 0, 1]);
    expect(ws.inet_ntoa(b)).toBe('10.0.0.1');
  });

  test('inet_ntoa takes any ArrayBufferView and respects its offset', () => {
    expect(ws.inet_ntoa(new Uint8Array([192, 168, 1, 2]))).toBe('192.168.1.2');
    const big = new Uint8Array([9, 9, 127, 0, 0, 1, 9]);
    expect(ws.inet_ntoa(big.subarray(2, 6))).toBe('127.0.0.1');
    expect(ws.inet_ntoa(new DataView(big.buffer, 2, 4))).toBe('127.0.0.1');
    expect(ws.inet_ntoa(new Uint32Array([0x0100007f]))).toBe('127.0.0.1');
  });

  test('a bad text is OSError without errno, as in Python', () => {
    let err;
    try { ws.inet_aton('1.2.3.4.5'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ws.OSError);
    expect(err.errno).toBeNull();
    expect(err.message).toBe('illegal IP address string passed to inet_aton');
  });

  test('a wrong length to inet_ntoa is OSError', () => {
    expect(() => ws.inet_ntoa(Buffer.alloc(16))).toThrow(ws.OSError);
    expect(() => ws.inet_ntoa(Buffer.alloc(16))).toThrow('packed IP wrong length for inet_ntoa');
  });

  test('every 32-bit pattern class round trips', () => {
    for (let i = 0; i < 2000; i++) {
      const b = Buffer.alloc(4);
      b.writeUInt32BE((Math.imul(i, 2654435761) >>> 0));
      expect(ws.inet_aton(ws.inet_ntoa(b))).toEqual(b);
    }
  });
});

describe('inet_pton / inet_ntop', () => {
  test('an unsupported family is OSError EAFNOSUPPORT for pton, RangeError for ntop', () => {
    let err;
    try { ws.inet_pton(ws.AF_UNIX, '1.2.3.4'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ws.OSError);
    expect(err.errno).toBe(97);
    expect(err.code).toBe('EAFNOSUPPORT');
    expect(() => ws.inet_ntop(ws.AF_UNIX, Buffer.alloc(4))).toThrow(/unknown address family 1/);
  });

  test('ntop/pton round trip over IPv6 zero-run shapes', () => {
    for (let mask = 0; mask < 256; mask++) {
      const b = Buffer.alloc(16);
      for (let g = 0; g < 8; g++) if (mask & (1 << g)) b.writeUInt16BE(g + 1, 2 * g);
      const text = ws.inet_ntop(AF_INET6, b);
      expect(ws.inet_pton(AF_INET6, text)).toEqual(b);
      expect(text).not.toMatch(/:::/);
    }
  });

  test('the longest texts', () => {
    expect(ws.inet_ntop(AF_INET, Buffer.alloc(4, 255))).toBe('255.255.255.255');
    expect(ws.inet_ntop(AF_INET6, Buffer.alloc(16, 255))).toHaveLength(39);
    const mapped = Buffer.concat([Buffer.alloc(10), Buffer.alloc(6, 255)]);
    expect(ws.inet_ntop(AF_INET6, mapped)).toBe('::ffff:255.255.255.255');
  });

  test('inet_pton wants a str and inet_ntop bytes', () => {
    expect(() => ws.inet_pton(AF_INET, Buffer.from('1.2.3.4'))).toThrow(/must be a string, not bytes/);
    expect(() => ws.inet_ntop(AF_INET, '1234')).toThrow(/bytes-like object, not str/);
    expect(() => ws.inet_pton(AF_INET, '1.2.3.4\0')).toThrow(/embedded null character/);
  });
});
