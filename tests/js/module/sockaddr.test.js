// SPDX-License-Identifier: MIT
// encode_sockaddr / decode_sockaddr: Python address tuples <-> the native Linux sockaddr
// layouts (sockaddr_in 16 bytes, sockaddr_in6 28, sockaddr_un 2 + path [+ NUL]).
'use strict';

const ws = require('../../../bridge');
const { runVectors } = require('./vectors');

const { AF_INET, AF_INET6, AF_UNIX } = ws;

describe('codec vectors', () => runVectors(['encode_sockaddr', 'decode_sockaddr']));

function sockaddrIn(ip, port) {
  const b = Buffer.alloc(16);
  b.writeUInt16LE(AF_INET, 0);
  b.writeUInt16BE(port, 2);
  Buffer.from(ip.split('.').map(Number)).copy(b, 4);
  return b;
}

describe('AF_INET', () => {
  test('layout: family LE, port BE, address, 8 zero bytes', () => {
    for (const [ip, port] of [['127.0.0.1', 80], ['1.2.3.4', 65535], ['255.0.255.0', 0], ['10.20.30.40', 4660]]) {
      const b = ws.encode_sockaddr(AF_INET, [ip, port]);
      expect(b).toEqual(sockaddrIn(ip, port));
      expect(ws.decode_sockaddr(b)).toEqual([AF_INET, [ip, port]]);
    }
  });

  test('host names resolve like Python (localhost, wildcard, <broadcast>)', () => {
    expect(ws.encode_sockaddr(AF_INET, ['localhost', 1])).toEqual(sockaddrIn('127.0.0.1', 1));
    expect(ws.encode_sockaddr(AF_INET, ['', 1])).toEqual(sockaddrIn('0.0.0.0', 1));
    expect(ws.encode_sockaddr(AF_INET, ['<broadcast>', 1])).toEqual(sockaddrIn('255.255.255.255', 1));
  });

  test('every port round trips', () => {
    for (let port = 0; port <= 65535; port += 257)
      expect(ws.decode_sockaddr(ws.encode_sockaddr(AF_INET, ['127.0.0.1', port]))[1][1]).toBe(port);
  });

  test('error classes and messages', () => {
    expect(() => ws.encode_sockaddr(AF_INET, ['127.0.0.1', 65536])).toThrow('encode_sockaddr(): port must be 0-65535.');
    expect(() => ws.encode_sockaddr(AF_INET, '127.0.0.1:80')).toThrow(/AF_INET address must be tuple, not str/);
    expect(() => ws.encode_sockaddr(AF_INET, ['127.0.0.1'])).toThrow(/must be a pair \(host, port\)/);
    expect(() => ws.encode_sockaddr(AF_INET, ['127.0.0.1\0', 80])).toThrow(/null character/);
    expect(() => ws.encode_sockaddr(AF_INET)).toThrow(TypeError);
  });

  test('a name that does not resolve is gaierror, before the port is looked at', () => {
    let err;
    try { ws.encode_sockaddr(AF_INET, ['a..b', 70000]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ws.gaierror);
    expect(err.errno).toBe(ws.EAI_NONAME);
    expect(err.code).toBe('EAI_NONAME');
  });

  test('decode accepts a short sockaddr_in of 8 bytes, refuses less', () => {
    expect(ws.decode_sockaddr(sockaddrIn('1.2.3.4', 5).subarray(0, 8))).toEqual([AF_INET, ['1.2.3.4', 5]]);
    expect(() => ws.decode_sockaddr(sockaddrIn('1.2.3.4', 5).subarray(0, 7))).toThrow(RangeError);
  });
});

describe('AF_INET6', () => {
  test('layout: family, port BE, flowinfo BE, address, scope_id LE', () => {
    const b = ws.encode_sockaddr(AF_INET6, ['2001:db8::7', 0x1234, 0xabcde, 0x01020304]);
    expect(b).toHaveLength(28);
    expect(b.readUInt16LE(0)).toBe(AF_INET6);
    expect(b.readUInt16BE(2)).toBe(0x1234);
    expect(b.readUInt32BE(4)).toBe(0xabcde);
    expect(b.subarray(8, 24)).toEqual(ws.inet_pton(AF_INET6, '2001:db8::7'));
    expect(b.readUInt32LE(24)).toBe(0x01020304);
    expect(ws.decode_sockaddr(b)).toEqual([AF_INET6, ['2001:db8::7', 0x1234, 0xabcde, 0x01020304]]);
  });

  test('the decoded host carries no %scope, like Python (the scope is the last item)', () => {
    const b = ws.encode_sockaddr(AF_INET6, ['fe80::1', 9, 0, 1]);
    expect(ws.decode_sockaddr(b)).toEqual([AF_INET6, ['fe80::1', 9, 0, 1]]);
    // A scope in the text is resolved, then the tuple's scope_id (default 0) wins.
    expect(ws.encode_sockaddr(AF_INET6, ['fe80::1%lo', 9]).readUInt32LE(24)).toBe(0);
  });

  test('flowinfo and scope_id are masked to 32 bits (Python "I"), flowinfo then range-checked', () => {
    expect(ws.encode_sockaddr(AF_INET6, ['::1', 1, 2 ** 32 + 5]).readUInt32BE(4)).toBe(5);
    expect(ws.encode_sockaddr(AF_INET6, ['::1', 1, 0, -1]).readUInt32LE(24)).toBe(0xffffffff);
    expect(() => ws.encode_sockaddr(AF_INET6, ['::1', 1, 0x100000])).toThrow('encode_sockaddr(): flowinfo must be 0-1048575.');
  });

  test('an IPv4 literal is not an AF_INET6 host', () => {
    expect(() => ws.encode_sockaddr(AF_INET6, ['127.0.0.1', 80])).toThrow(ws.gaierror);
    expect(() => ws.encode_sockaddr(AF_INET6, ['<broadcast>', 80])).toThrow('address family mismatched');
  });

  test('decode: 24 bytes (no scope_id) is accepted, 23 is not', () => {
    const b = ws.encode_sockaddr(AF_INET6, ['::1', 80, 1, 2]);
    expect(ws.decode_sockaddr(b.subarray(0, 24))).toEqual([AF_INET6, ['::1', 80, 1, 0]]);
    expect(() => ws.decode_sockaddr(b.subarray(0, 23))).toThrow(RangeError);
  });
});

describe('AF_UNIX', () => {
  test('a path gets a terminating NUL, an abstract name does not', () => {
    expect(ws.encode_sockaddr(AF_UNIX, '/run/x')).toEqual(Buffer.from('\x01\x00/run/x\x00', 'latin1'));
    expect(ws.encode_sockaddr(AF_UNIX, Buffer.from('\0name'))).toEqual(Buffer.from('\x01\x00\x00name', 'latin1'));
    expect(ws.encode_sockaddr(AF_UNIX, '')).toEqual(Buffer.from([1, 0]));
  });

  test('paths are UTF-8', () => {
    const b = ws.encode_sockaddr(AF_UNIX, '/tmp/\u00e9\u4e2d');
    expect(b.subarray(2, -1).toString('utf8')).toBe('/tmp/\u00e9\u4e2d');
    expect(ws.decode_sockaddr(b)).toEqual([AF_UNIX, '/tmp/\u00e9\u4e2d']);
  });

  test('107 path bytes fit with the NUL, 108 do not; 108 abstract bytes fit', () => {
    expect(ws.encode_sockaddr(AF_UNIX, 'p'.repeat(107))).toHaveLength(110);
    let err;
    try { ws.encode_sockaddr(AF_UNIX, 'p'.repeat(108)); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ws.OSError);
    expect(err.errno).toBeNull();
    expect(err.message).toBe('AF_UNIX path too long');
    expect(ws.encode_sockaddr(AF_UNIX, Buffer.alloc(108))).toHaveLength(110);
    expect(() => ws.encode_sockaddr(AF_UNIX, Buffer.alloc(109))).toThrow('AF_UNIX path too long');
  });

  test('decode: abstract names are Buffers, paths strings cut at the first NUL', () => {
    expect(ws.decode_sockaddr(Buffer.from('\x01\x00\x00abc', 'latin1'))).toEqual([AF_UNIX, Buffer.from('\0abc')]);
    expect(ws.decode_sockaddr(Buffer.from('\x01\x00abc\x00junk', 'latin1'))).toEqual([AF_UNIX, 'abc']);
    expect(ws.decode_sockaddr(Buffer.from([1, 0]))).toEqual([AF_UNIX, '']);
  });

  test('wrong types', () => {
    expect(() => ws.encode_sockaddr(AF_UNIX, 5)).toThrow(/AF_UNIX address must be str or bytes-like, not int/);
    expect(() => ws.encode_sockaddr(AF_UNIX, ['/x'])).toThrow(TypeError);
  });
});

describe('other families and arguments', () => {
  test('an unknown family decodes to [family, [family, bytes after the family]]', () => {
    // Python's makesockaddr shows an unknown family's address as (family, data).
    expect(ws.decode_sockaddr(Buffer.from([0xfa, 0, 1, 2, 3]))).toEqual([250, [250, Buffer.from([1, 2, 3])]]);
  });

  test('decode refuses empty, 1-byte and over-long input', () => {
    expect(() => ws.decode_sockaddr(Buffer.alloc(0))).toThrow(RangeError);
    expect(() => ws.decode_sockaddr(Buffer.from([2]))).toThrow(RangeError);
    expect(() => ws.decode_sockaddr(Buffer.alloc(129))).toThrow(RangeError);
    expect(ws.decode_sockaddr(Buffer.concat([Buffer.from([0xfa, 0]), Buffer.alloc(126)]))[1][1]).toHaveLength(126);
  });

  test('decode takes any ArrayBufferView', () => {
    const b = ws.encode_sockaddr(AF_INET, ['127.0.0.1', 80]);
    expect(ws.decode_sockaddr(new Uint8Array(b))).toEqual([AF_INET, ['127.0.0.1', 80]]);
    expect(ws.decode_sockaddr(new DataView(b.buffer, b.byteOffset, b.length))).toEqual([AF_INET, ['127.0.0.1', 80]]);
  });

  test('the optional proto argument is an int', () => {
    expect(ws.encode_sockaddr(AF_INET, ['127.0.0.1', 80], 17)).toEqual(sockaddrIn('127.0.0.1', 80));
    expect(() => ws.encode_sockaddr(AF_INET, ['127.0.0.1', 80], 'udp')).toThrow(TypeError);
  });
});
