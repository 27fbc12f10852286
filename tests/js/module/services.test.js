// SPDX-License-Identifier: MIT
// getservbyname / getservbyport / getprotobyname, against this machine's services and
// protocols databases read independently from /etc.
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

// First entry per (name, proto) and per (port, proto), as the C library's lookups find them.
function readServices() {
  const byName = new Map();
  const byPort = new Map();
  for (const line of fs.readFileSync('/etc/services', 'utf8').split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length < 2) continue;
    const m = /^(\d+)\/(\w+)$/.exec(words[1]);
    if (!m) continue;
    const port = Number(m[1]);
    const proto = m[2];
    for (const name of [words[0], ...words.slice(2)]) {
      if (!byName.has(`${name}/${proto}`)) byName.set(`${name}/${proto}`, port);
    }
    if (!byPort.has(`${port}/${proto}`)) byPort.set(`${port}/${proto}`, words[0]);
  }
  return { byName, byPort };
}

function readProtocols() {
  const out = new Map();
  for (const line of fs.readFileSync('/etc/protocols', 'utf8').split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length < 2 || !/^\d+$/.test(words[1])) continue;
    for (const name of [words[0], ...words.slice(2)]) if (!out.has(name)) out.set(name, Number(words[1]));
  }
  return out;
}

const haveServices = fs.existsSync('/etc/services');
const haveProtocols = fs.existsSync('/etc/protocols');
if (!haveServices) console.log('services database tests skipped: /etc/services is missing');
if (!haveProtocols) console.log('protocols database tests skipped: /etc/protocols is missing');

describe('getservbyname / getservbyport', () => {
  (haveServices ? test : test.skip)('every /etc/services entry, both ways', () => {
    const { byName, byPort } = readServices();
    expect(byName.size).toBeGreaterThan(50);
    for (const [key, port] of byName) {
      const [name, proto] = key.split('/');
      expect([key, ws.getservbyname(name, proto)]).toEqual([key, port]);
    }
    for (const [key, name] of byPort) {
      const [port, proto] = key.split('/');
      expect([key, ws.getservbyport(Number(port), proto)]).toEqual([key, name]);
    }
  });

  (haveServices ? test : test.skip)('well-known services, with and without a protocol', () => {
    expect(ws.getservbyname('http')).toBe(80);
    expect(ws.getservbyname('http', 'tcp')).toBe(80);
    expect(ws.getservbyname('domain', 'udp')).toBe(53);
    expect(ws.getservbyport(80)).toBe('http');
    expect(ws.getservbyport(443, 'tcp')).toBe('https');
    expect(ws.getservbyport(53, 'udp')).toBe('domain');
  });

  test('not found is OSError without errno', () => {
    let e = thrown(() => ws.getservbyname('no-such-service-x'));
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBeNull();
    expect(e.message).toBe('service/proto not found');
    expect(() => ws.getservbyname('http', 'xyz')).toThrow('service/proto not found');
    e = thrown(() => ws.getservbyport(80, 'xyz'));
    expect(e.errno).toBeNull();
    expect(e.message).toBe('port/proto not found');
  });

  test('argument rules: str names, ports 0-65535, None is not a protocol', () => {
    expect(() => ws.getservbyport(65536)).toThrow('getservbyport: port must be 0-65535.');
    expect(() => ws.getservbyport(-1)).toThrow(RangeError);
    expect(() => ws.getservbyport(2 ** 31)).toThrow(RangeError);
    expect(() => ws.getservbyport('80')).toThrow(TypeError);
    expect(() => ws.getservbyname(Buffer.from('http'))).toThrow(TypeError);
    expect(() => ws.getservbyname('http', null)).toThrow(TypeError);
    expect(() => ws.getservbyname('http\0')).toThrow(RangeError);
    expect(() => ws.getservbyname()).toThrow(TypeError);
  });
});

describe('getprotobyname', () => {
  (haveProtocols ? test : test.skip)('every /etc/protocols name and alias', () => {
    const protos = readProtocols();
    expect(protos.size).toBeGreaterThan(10);
    for (const [name, num] of protos) expect([name, ws.getprotobyname(name)]).toEqual([name, num]);
  });

  test('tcp, udp and the constants agree', () => {
    expect(ws.getprotobyname('tcp')).toBe(ws.IPPROTO_TCP);
    expect(ws.getprotobyname('udp')).toBe(ws.IPPROTO_UDP);
    expect(ws.getprotobyname('icmp')).toBe(ws.IPPROTO_ICMP);
  });

  test('not found and wrong types', () => {
    const e = thrown(() => ws.getprotobyname('no-such-proto'));
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBeNull();
    expect(e.message).toBe('protocol not found');
    expect(() => ws.getprotobyname(6)).toThrow(TypeError);
    expect(() => ws.getprotobyname('tcp\0')).toThrow(RangeError);
  });
});
