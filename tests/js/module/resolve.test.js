// SPDX-License-Identifier: MIT
// getaddrinfo / getnameinfo / gethostbyname / gethostbyname_ex / gethostbyaddr / getfqdn
// on names that need no network: localhost, 127.0.0.1, ::1, numeric services, and the
// failures (gaierror / herror with their EAI_* / h_errno values, OSError, RangeError).
'use strict';

const ws = require('../../../bridge');

const {
  AF_INET, AF_INET6, AF_UNSPEC, SOCK_STREAM, SOCK_DGRAM, IPPROTO_TCP, IPPROTO_UDP,
  AI_CANONNAME, AI_NUMERICHOST, AI_PASSIVE, AI_NUMERICSERV, NI_NUMERICHOST, NI_NUMERICSERV,
  NI_NAMEREQD, NI_DGRAM,
} = ws;

function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

describe('getaddrinfo', () => {
  test('localhost includes 127.0.0.1 for TCP, as [family, type, proto, canonname, sockaddr]', () => {
    const res = ws.getaddrinfo('localhost', 80);
    expect(res).toContainEqual([AF_INET, SOCK_STREAM, IPPROTO_TCP, '', ['127.0.0.1', 80]]);
    for (const r of res) expect(r).toHaveLength(5);
  });

  test('a numeric host and narrow hints give one answer', () => {
    expect(ws.getaddrinfo('127.0.0.1', 80, AF_INET, SOCK_STREAM)).toEqual([
      [AF_INET, SOCK_STREAM, IPPROTO_TCP, '', ['127.0.0.1', 80]],
    ]);
    expect(ws.getaddrinfo('::1', 443, AF_INET6, SOCK_DGRAM)).toEqual([
      [AF_INET6, SOCK_DGRAM, IPPROTO_UDP, '', ['::1', 443, 0, 0]],
    ]);
  });

  test('ports: int, numeric str, bytes, service name, None', () => {
    const one = (port) => ws.getaddrinfo('127.0.0.1', port, AF_INET, SOCK_STREAM)[0][4];
    expect(one(8080)).toEqual(['127.0.0.1', 8080]);
    expect(one('8080')).toEqual(['127.0.0.1', 8080]);
    expect(one(Buffer.from('8080'))).toEqual(['127.0.0.1', 8080]);
    expect(one('http')).toEqual(['127.0.0.1', 80]);
    expect(one(null)).toEqual(['127.0.0.1', 0]);
    expect(one(0)).toEqual(['127.0.0.1', 0]);
  });

  test('AI_PASSIVE with no host gives the wildcard addresses', () => {
    const hosts = ws.getaddrinfo(null, 80, AF_UNSPEC, SOCK_STREAM, 0, AI_PASSIVE).map((r) => r[4][0]);
    expect(hosts).toContain('0.0.0.0');
    for (const h of hosts) expect(['0.0.0.0', '::']).toContain(h);
  });

  test('AI_CANONNAME fills the canonical name of the first answer', () => {
    const res = ws.getaddrinfo('localhost', null, AF_INET, SOCK_STREAM, 0, AI_CANONNAME);
    expect(res[0][3]).toBe('localhost');
  });

  test('bytes hosts and str hosts agree', () => {
    expect(ws.getaddrinfo(Buffer.from('127.0.0.1'), 1, AF_INET, SOCK_DGRAM))
      .toEqual(ws.getaddrinfo('127.0.0.1', 1, AF_INET, SOCK_DGRAM));
  });

  test('a name with AI_NUMERICHOST is gaierror EAI_NONAME', () => {
    const e = thrown(() => ws.getaddrinfo('localhost', 80, 0, 0, 0, AI_NUMERICHOST));
    expect(e).toBeInstanceOf(ws.gaierror);
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBe(ws.EAI_NONAME);
    expect(e.code).toBe('EAI_NONAME');
    expect(e.syscall).toBe('getaddrinfo');
    expect(e.message).toBe(`[Errno ${ws.EAI_NONAME}] Name or service not known`);
  });

  test.each([
    ['unknown service', ['localhost', 'no-such-service-x'], 'EAI_SERVICE'],
    ['service name with AI_NUMERICSERV', ['localhost', 'http', 0, 0, 0, AI_NUMERICSERV], 'EAI_NONAME'],
    ['bad family', ['localhost', 80, 12345], 'EAI_FAMILY'],
    ['bad socket type', ['localhost', 80, 0, 12345], 'EAI_SOCKTYPE'],
    ['bad flags', ['localhost', 80, 0, 0, 0, -1], 'EAI_BADFLAGS'],
    ['no host and no port', [null, null], 'EAI_NONAME'],
  ])('%s is gaierror %s', (_, args, code) => {
    const e = thrown(() => ws.getaddrinfo(...args));
    expect(e).toBeInstanceOf(ws.gaierror);
    expect(e.code).toBe(code);
    expect(e.errno).toBe(ws[code]);
  });

  test('a port that is neither int nor str is OSError "Int or String expected"', () => {
    for (const port of [1.5, true, [80], {}]) {
      const e = thrown(() => ws.getaddrinfo('localhost', port));
      expect(e).toBeInstanceOf(ws.OSError);
      expect(e.errno).toBeNull();
      expect(e.message).toBe('Int or String expected');
    }
  });

  test('host names are checked like the idna codec checks them', () => {
    expect(() => ws.getaddrinfo('a..b', 80)).toThrow(RangeError);
    expect(() => ws.getaddrinfo(`${'x'.repeat(64)}.example`, 80)).toThrow(/label/);
    expect(() => ws.getaddrinfo('.', 80)).toThrow(RangeError);
    expect(() => ws.getaddrinfo(5, 80)).toThrow('getaddrinfo() argument 1 must be string or None');
  });

  test('hint integers are C ints', () => {
    expect(() => ws.getaddrinfo('localhost', 80, 2 ** 31)).toThrow(RangeError);
    expect(() => ws.getaddrinfo('localhost', 80, '2')).toThrow(TypeError);
    expect(() => ws.getaddrinfo('localhost')).toThrow(TypeError);
  });
});

describe('getnameinfo', () => {
  test('127.0.0.1 port 80 is localhost http; numeric flags keep numbers', () => {
    expect(ws.getnameinfo(['127.0.0.1', 80], 0)).toEqual(['localhost', 'http']);
    expect(ws.getnameinfo(['127.0.0.1', 80], NI_NUMERICHOST | NI_NUMERICSERV)).toEqual(['127.0.0.1', '80']);
    expect(ws.getnameinfo(['127.0.0.1', 53], NI_DGRAM)).toEqual(['localhost', 'domain']);
    expect(ws.getnameinfo(['127.0.0.1', 80], NI_NAMEREQD)[0]).toBe('localhost');
  });

  test('IPv6: 2-, 3- and 4-tuples; a link-local scope is shown as %ifname', () => {
    expect(ws.getnameinfo(['::1', 80], NI_NUMERICHOST)).toEqual(['::1', 'http']);
    expect(ws.getnameinfo(['::1', 80, 0], NI_NUMERICHOST | NI_NUMERICSERV)).toEqual(['::1', '80']);
    expect(ws.getnameinfo(['fe80::1', 80, 0, 1], NI_NUMERICHOST)[0]).toBe(`fe80::1%${ws.if_indextoname(1)}`);
    expect(ws.getnameinfo(['::1', 80, 0, 7], NI_NUMERICHOST)[0]).toBe('::1%7');
  });

  test('errors', () => {
    expect(() => ws.getnameinfo(['127.0.0.1', 80, 0], 0)).toThrow('IPv4 sockaddr must be 2 tuple');
    const e = thrown(() => ws.getnameinfo(['localhost', 80], 0));
    expect(e).toBeInstanceOf(ws.gaierror);
    expect(e.code).toBe('EAI_NONAME');
    expect(() => ws.getnameinfo('127.0.0.1', 0)).toThrow('getnameinfo() argument 1 must be a tuple');
    expect(() => ws.getnameinfo(['127.0.0.1', '80'], 0)).toThrow('getnameinfo(): illegal sockaddr argument');
    expect(() => ws.getnameinfo(['::1', 80, 0x100000], 0)).toThrow('getnameinfo(): flowinfo must be 0-1048575.');
    expect(() => ws.getnameinfo(['127.0.0.1', 80])).toThrow(TypeError);
    expect(() => ws.getnameinfo(['127.0.0.1', 2 ** 31], 0)).toThrow(RangeError);
  });
});

describe('gethostbyname / gethostbyname_ex / gethostbyaddr', () => {
  test('gethostbyname resolves like Python setipaddr(AF_INET)', () => {
    expect(ws.gethostbyname('localhost')).toBe('127.0.0.1');
    expect(ws.gethostbyname('127.0.0.1')).toBe('127.0.0.1');
    expect(ws.gethostbyname('127.1')).toBe('127.0.0.1');
    expect(ws.gethostbyname('')).toBe('0.0.0.0');
    expect(ws.gethostbyname('<broadcast>')).toBe('255.255.255.255');
    expect(ws.gethostbyname(Buffer.from('localhost'))).toBe('127.0.0.1');
  });

  test('gethostbyname of an IPv6 literal is gaierror (AF_INET only)', () => {
    expect(() => ws.gethostbyname('::1')).toThrow(ws.gaierror);
  });

  test('gethostbyname_ex("localhost")', () => {
    const [name, aliases, addrs] = ws.gethostbyname_ex('localhost');
    expect(name).toBe('localhost');
    expect(Array.isArray(aliases)).toBe(true);
    expect(addrs).toContain('127.0.0.1');
  });

  test('gethostbyaddr of 127.0.0.1 and of localhost', () => {
    const [name, aliases, addrs] = ws.gethostbyaddr('127.0.0.1');
    expect(typeof name).toBe('string');
    expect(Array.isArray(aliases)).toBe(true);
    expect(addrs).toEqual(['127.0.0.1']);
    expect(ws.gethostbyaddr('localhost')).toEqual(ws.gethostbyaddr('127.0.0.1'));
  });

  test('gethostbyaddr of ::1: a hostent for ::1, or herror when no name is known', () => {
    let res;
    try {
      res = ws.gethostbyaddr('::1');
    } catch (e) {
      expect(e).toBeInstanceOf(ws.herror);
      expect(['HOST_NOT_FOUND', 'TRY_AGAIN', 'NO_DATA']).toContain(e.code);
      return;
    }
    expect(res[2]).toEqual(['::1']);
  });

  test('a lookup failure after a valid name is herror with h_errno', () => {
    // '<broadcast>' passes setipaddr, then the resolver refuses it as a host name.
    const e = thrown(() => ws.gethostbyname_ex('<broadcast>'));
    expect(e).toBeInstanceOf(ws.herror);
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBe(1);
    expect(e.code).toBe('HOST_NOT_FOUND');
    expect(e.message).toBe('[Errno 1] Unknown host');
    expect(e.syscall).toBe('gethostbyname');
  });

  test('the wildcard is ambiguous for gethostbyaddr', () => {
    const e = thrown(() => ws.gethostbyaddr(''));
    expect(e).toBeInstanceOf(ws.OSError);
    expect(e.errno).toBeNull();
    expect(e.message).toBe('wildcard resolved to multiple address');
  });

  test('argument errors', () => {
    expect(() => ws.gethostbyname('a..b')).toThrow(RangeError);
    expect(() => ws.gethostbyname('x'.repeat(64))).toThrow(RangeError);
    expect(() => ws.gethostbyname('localhost\0')).toThrow(/without null bytes/);
    expect(() => ws.gethostbyname(5)).toThrow(TypeError);
    expect(() => ws.gethostbyname_ex(null)).toThrow(TypeError);
    expect(() => ws.gethostbyaddr([])).toThrow(TypeError);
    const e = thrown(() => ws.gethostbyname('bad name!'));
    expect(e).toBeInstanceOf(ws.gaierror);
  });
});

describe('getfqdn', () => {
  test('localhost and 127.0.0.1 give the hosts-file name', () => {
    const name = ws.gethostbyaddr('127.0.0.1')[0];
    expect(ws.getfqdn('localhost')).toBe(name);
    expect(ws.getfqdn('127.0.0.1')).toBe(name);
    expect(ws.getfqdn('  localhost \n')).toBe(name);
  });

  test('no argument, "", 0.0.0.0 and :: all mean this host', () => {
    const me = ws.getfqdn();
    expect(typeof me).toBe('string');
    expect(me.length).toBeGreaterThan(0);
    expect(ws.getfqdn('')).toBe(me);
    expect(ws.getfqdn('0.0.0.0')).toBe(me);
    expect(ws.getfqdn('::')).toBe(me);
  });

  test('a name that does not resolve comes back unchanged (stripped)', () => {
    expect(ws.getfqdn('bad name!')).toBe('bad name!');
    expect(ws.getfqdn(' bad name! ')).toBe('bad name!');
  });

  test('bytes work as in Python: a found name is a str, an unknown one comes back as bytes', () => {
    expect(ws.getfqdn(Buffer.from(' localhost '))).toBe(ws.getfqdn('localhost'));
    expect(ws.getfqdn(Buffer.from(' bad name! '))).toEqual(Buffer.from('bad name!'));
    expect(ws.getfqdn(Buffer.alloc(0))).toBe(ws.getfqdn());
  });

  test('idna errors, embedded NUL and wrong types still raise', () => {
    expect(() => ws.getfqdn('x\0')).toThrow(/without null bytes/);
    expect(() => ws.getfqdn('a..b')).toThrow(RangeError);
    expect(() => ws.getfqdn(5)).toThrow(TypeError);
  });
});
