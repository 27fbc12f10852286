// SPDX-License-Identifier: MIT
// create_connection(address, timeout, source_address, {all_errors}), as socket.py:
// every getaddrinfo answer in order, the last error raised, or all of them as an
// AggregateError (Python's ExceptionGroup) with all_errors.
'use strict';

const { w, closedPort, closeAll, killChildren, cleanupTmp } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});
afterEach(() => w.setdefaulttimeout(null));

function server(host = '127.0.0.1', family = w.AF_INET) {
  const l = w.socket(family);
  l.bind([host, 0]);
  l.listen();
  l.settimeout(10);
  return l;
}

// With host null (and no AI_PASSIVE) getaddrinfo answers the loopback addresses of
// every family: ::1 first, then 127.0.0.1, on Linux.
const loopbacks = w.getaddrinfo(null, 80, 0, w.SOCK_STREAM).map((r) => r[4][0]);

describe('create_connection', () => {
  test('connects and returns a socket of the answer family', () => {
    const l = server();
    const c = w.create_connection(l.getsockname());
    expect(c).toBeInstanceOf(w.Socket);
    expect([c.family, c.type]).toEqual([w.AF_INET, w.SOCK_STREAM]);
    const [s, addr] = l.accept();
    expect(addr).toEqual(c.getsockname());
    c.sendall(Buffer.from('hi'));
    expect(s.recv(10).toString()).toBe('hi');
    closeAll(l, c, s);
  });

  test('by name (localhost) and over INET6', () => {
    const l = server();
    const c = w.create_connection(['localhost', l.getsockname()[1]]);
    expect(c.getpeername()).toEqual(l.getsockname());
    const l6 = server('::1', w.AF_INET6);
    const c6 = w.create_connection(['::1', l6.getsockname()[1]]);
    expect(c6.family).toBe(w.AF_INET6);
    closeAll(l, c, l6, c6);
  });

  test('tries each getaddrinfo answer in order until one connects', () => {
    expect(loopbacks).toEqual(['::1', '127.0.0.1']);
    // Only 127.0.0.1 listens: ::1 is refused first, then the second answer connects.
    const l = server();
    const c = w.create_connection([null, l.getsockname()[1]]);
    expect(c.family).toBe(w.AF_INET);
    expect(c.getpeername()).toEqual(l.getsockname());
    closeAll(l, c);
  });

  test('raises the last error when every answer fails', () => {
    const port = closedPort();
    let err;
    try { w.create_connection([null, port]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(w.ConnectionRefusedError);
    expect(err.errno).toBe(111);
  });

  test('the last error, not the first: source_address fails for ::1, then 127.0.0.1 is refused', () => {
    // As in python3: binding an INET source address to the INET6 socket fails (EINVAL),
    // and the error raised is the one of the last answer.
    const port = closedPort();
    let err;
    try { w.create_connection([null, port], undefined, ['127.0.0.1', 0]); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(w.ConnectionRefusedError);
  });

  test('all_errors: an AggregateError with one error per answer, in order', () => {
    const port = closedPort();
    let err;
    try {
      w.create_connection([null, port], undefined, ['127.0.0.1', 0], { all_errors: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AggregateError);
    expect(err.message).toBe('create_connection failed');
    expect(err.errors.length).toBe(2);
    expect(err.errors.every((e) => e instanceof w.OSError)).toBe(true);
    expect(err.errors[1]).toBeInstanceOf(w.ConnectionRefusedError);
  });

  test('all_errors with one answer still wraps it', () => {
    const port = closedPort();
    let err;
    try { w.create_connection(['127.0.0.1', port], undefined, null, { all_errors: true }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(AggregateError);
    expect(err.errors.map((e) => e.code)).toEqual(['ECONNREFUSED']);
  });

  test('source_address is bound before connecting', () => {
    const l = server('0.0.0.0');
    const c = w.create_connection(['127.0.0.1', l.getsockname()[1]], 5, ['127.0.0.2', 0]);
    expect(c.getsockname()[0]).toBe('127.0.0.2');
    const [s, addr] = l.accept();
    expect(addr[0]).toBe('127.0.0.2');
    closeAll(l, c, s);
  });

  test('timeout: explicit, null, and the default timeout when omitted', () => {
    const l = server();
    const a = w.create_connection(l.getsockname(), 7);
    expect(a.gettimeout()).toBe(7);
    w.setdefaulttimeout(3);
    const b = w.create_connection(l.getsockname());
    const c = w.create_connection(l.getsockname(), null);
    expect(b.gettimeout()).toBe(3);
    expect(c.gettimeout()).toBeNull();
    const d = w.create_connection(l.getsockname(), 0.5);
    expect(d.gettimeout()).toBe(0.5);
    closeAll(l, a, b, c, d);
  });

  test('a timeout expiring during connect raises timeout (full backlog)', () => {
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen(0);
    const held = [];
    let err = null;
    for (let i = 0; i < 4 && !err; i++) {
      try {
        held.push(w.create_connection(l.getsockname(), 0.3));
      } catch (e) {
        err = e;
      }
    }
    expect(err).toBeInstanceOf(w.timeout);
    closeAll(l, held);
  });

  test('name resolution errors are gaierror; a bad address shape is TypeError', () => {
    expect(() => w.create_connection(['no.such.host.invalid', 80])).toThrow(w.gaierror);
    expect(() => w.create_connection('127.0.0.1:80')).toThrow(TypeError);
    expect(() => w.create_connection(['127.0.0.1'])).toThrow(TypeError);
  });
});
