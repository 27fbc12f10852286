// SPDX-License-Identifier: MIT
// Behaviours ported from CPython's Lib/test/test_socket.py that apply on Linux loopback.
// Each describe() is a CPython TestCase class, each test() is named after the test
// method it ports. CPython's threaded client/server pairs become sequential code on one
// thread where the data fits in the socket buffers, or a python3/node peer process where
// it does not. Python's ValueError/OverflowError are RangeError here, TypeError is
// TypeError, tuples are arrays, bytes are Buffers and None is null.
'use strict';

const fs = require('node:fs');
const util = require('node:util');
const crypto = require('node:crypto');
const {
  w, closedPort, closeAll, tmpPath, startPython, startNode, nodeJSON, killChildren, cleanupTmp,
  BAD_FD,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});
afterEach(() => w.setdefaulttimeout(null));

const HOST = '127.0.0.1';
const HOSTv6 = '::1';
const MSG = Buffer.from('Michael Gilfix was here\u1234\r\n');
const SIZEOF_INT = 4;
const INT_MAX = 2 ** 31 - 1;
const UINT_MAX = 2 ** 32 - 1;
const dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

const O_NONBLOCK = 0o4000;
function fdNonblocking(sock) {
  const info = fs.readFileSync(`/proc/self/fdinfo/${sock.fileno()}`, 'utf8');
  return (parseInt(/flags:\s*([0-7]+)/.exec(info)[1], 8) & O_NONBLOCK) !== 0;
}

function raises(Cls, fn, check) {
  let err = null;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(Cls);
  if (check) check(err);
  return err;
}

/** SocketConnectedTest: [serv_conn (client side), cli_conn (accepted)] over TCP. */
function connectedPair(family = w.AF_INET) {
  const serv = w.socket(family, w.SOCK_STREAM);
  serv.bind([family === w.AF_INET6 ? HOSTv6 : HOST, 0]);
  serv.listen();
  serv.settimeout(10);
  const cli = w.socket(family, w.SOCK_STREAM);
  cli.settimeout(10);
  cli.connect(serv.getsockname());
  const [conn] = serv.accept();
  conn.settimeout(10);
  serv.close();
  return [cli, conn];
}

function udpPair(proto = 0, family = w.AF_INET) {
  const host = family === w.AF_INET6 ? HOSTv6 : HOST;
  const serv = w.socket(family, w.SOCK_DGRAM, proto);
  serv.bind([host, 0]);
  serv.settimeout(10);
  const cli = w.socket(family, w.SOCK_DGRAM, proto);
  cli.bind([host, 0]);
  cli.settimeout(10);
  return [serv, cli];
}

describe('GeneralModuleTests', () => {
  test('test_SocketType_is_socketobject', () => {
    expect(w.SocketType).toBe(w.Socket);
    const s = w.socket();
    expect(s).toBeInstanceOf(w.SocketType);
    s.close();
  });

  test('test_repr', () => {
    const s = w.socket(w.AF_INET, w.SOCK_STREAM);
    let r = util.inspect(s);
    expect(r).toContain(`fd=${s.fileno()}`);
    expect(r).toContain(`family=${w.AF_INET}`);
    expect(r).toContain(`type=${w.SOCK_STREAM}`);
    expect(r).toContain('proto=0');
    expect(r).not.toContain('raddr');
    s.bind(['127.0.0.1', 0]);
    r = util.inspect(s);
    expect(r).toContain('laddr');
    expect(r).toContain(util.inspect(s.getsockname()));
    s.close();
    expect(util.inspect(s)).toContain('[closed]');
    expect(util.inspect(s)).not.toContain('laddr');
  });

  test('testSocketError', () => {
    expect(w.error).toBe(w.OSError);
    raises(w.error, () => { throw new w.error(null, 'Raising socket.error'); });
    raises(w.error, () => { throw new w.herror(1); });
    raises(w.error, () => { throw new w.gaierror(-2); });
  });

  test('testSendtoErrors', () => {
    const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
    s.bind(['', 0]);
    const sockname = s.getsockname();
    // 2 args
    raises(TypeError, () => s.sendto('\u2620', sockname), (e) => expect(e.message).toMatch(/bytes-like object/));
    raises(TypeError, () => s.sendto({}, sockname));
    raises(TypeError, () => s.sendto(Buffer.from('foo'), null), (e) => expect(e.message).toMatch(/not null/));
    // 3 args
    raises(TypeError, () => s.sendto('\u2620', 0, sockname));
    raises(TypeError, () => s.sendto({}, 0, sockname));
    raises(TypeError, () => s.sendto(Buffer.from('foo'), 0, null), (e) => expect(e.message).toMatch(/not null/));
    raises(TypeError, () => s.sendto(Buffer.from('foo'), 'bar', sockname));
    raises(TypeError, () => s.sendto(Buffer.from('foo'), null, null));
    // wrong number of args
    raises(TypeError, () => s.sendto(Buffer.from('foo')), (e) => expect(e.message).toContain('(1 given)'));
    raises(TypeError, () => s.sendto(Buffer.from('foo'), 0, sockname, 4), (e) => expect(e.message).toContain('(4 given)'));
    s.close();
  });

  test('testCrucialConstants', () => {
    for (const name of ['AF_INET', 'SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM',
      'SOCK_SEQPACKET', 'SOL_SOCKET', 'SO_REUSEADDR', 'AF_UNIX', 'AF_INET6']) {
      expect(typeof w[name]).toBe('number');
    }
  });

  test('testDefaultTimeout', () => {
    expect(w.getdefaulttimeout()).toBeNull();
    let s = w.socket();
    expect(s.gettimeout()).toBeNull();
    s.close();
    w.setdefaulttimeout(10);
    expect(w.getdefaulttimeout()).toBe(10);
    s = w.socket();
    expect(s.gettimeout()).toBe(10);
    s.close();
    w.setdefaulttimeout(null);
    expect(w.getdefaulttimeout()).toBeNull();
    s = w.socket();
    expect(s.gettimeout()).toBeNull();
    s.close();
    expect(() => w.setdefaulttimeout(-1)).toThrow(RangeError);
    expect(() => w.setdefaulttimeout('spam')).toThrow(TypeError);
  });

  test('testSockName', () => {
    const port = closedPort();
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    sock.bind(['0.0.0.0', port]);
    const name = sock.getsockname();
    let myIp = null;
    try { myIp = w.gethostbyname(w.gethostname()); } catch { /* as CPython: name lookup may fail */ }
    expect(['0.0.0.0', myIp]).toContain(name[0]);
    expect(name[1]).toBe(port);
    sock.close();
  });

  test('testGetSockOpt', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    const reuse = sock.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR);
    expect(reuse).toBe(0);
    sock.close();
  });

  test('testSetSockOpt', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    sock.setsockopt(w.SOL_SOCKET, w.SO_REUSEADDR, 1);
    expect(sock.getsockopt(w.SOL_SOCKET, w.SO_REUSEADDR)).not.toBe(0);
    sock.close();
  });

  test('testSendAfterClose', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    sock.settimeout(1);
    sock[dispose]();
    raises(w.OSError, () => sock.send(Buffer.from('spam')));
  });

  // The tests that close a descriptor behind a socket's back run in a node child, where
  // no other thread can reuse the number in between.
  test('testCloseException', async () => {
    expect(await nodeJSON(`
      const sock = w.socket();
      sock.bind(['127.0.0.1', 0]);
      w.socket(null, null, null, sock.fileno()).close();
      try { sock.close(); console.log('null'); } catch (e) {
        console.log(JSON.stringify([e instanceof w.OSError, e.errno])); }`)).toEqual([true, 9]);
  });

  test('testNewAttributes', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    expect(sock.family).toBe(w.AF_INET);
    expect(sock.type).toBe(w.SOCK_STREAM);
    expect(sock.proto).toBe(0);
    sock.close();
  });

  test('test_getsockaddrarg', () => {
    const sock = w.socket();
    const port = closedPort();
    raises(RangeError, () => sock.bind([HOST, port + 65536]));
    raises(RangeError, () => sock.bind([HOST, port - 65536]));
    sock.bind([HOST, port]);
    expect(sock.getsockname()).toEqual([HOST, port]);
    sock.close();
  });

  test('test_setblocking_invalidfd', async () => {
    expect(await nodeJSON(`
      const sock0 = w.socket(w.AF_INET, w.SOCK_STREAM, 0);
      const sock = w.socket(w.AF_INET, w.SOCK_STREAM, 0, sock0.fileno());
      sock0.close();
      let r = null;
      try { sock.setblocking(false); } catch (e) { r = e instanceof w.OSError; }
      sock.detach();
      console.log(JSON.stringify(r));`)).toBe(true);
  });

  test('test_name_closed_socketio', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    const fp = sock.makefile('rb');
    fp.close();
    expect(fp.name).toBe(-1);
    sock.close();
  });

  test('test_unusable_closed_socketio', () => {
    const sock = w.socket();
    const fp = sock.makefile('rb', 0);
    expect(fp.readable()).toBe(true);
    expect(fp.writable()).toBe(false);
    expect(fp.seekable()).toBe(false);
    fp.close();
    raises(RangeError, () => fp.readable());
    raises(RangeError, () => fp.writable());
    raises(RangeError, () => fp.seekable());
    sock.close();
  });

  test('test_socket_close', async () => {
    expect(await nodeJSON(`
      const sock = w.socket();
      sock.bind(['127.0.0.1', 0]);
      w.close(sock.fileno());
      const r = [];
      try { sock.listen(1); r.push(null); } catch (e) { r.push(e instanceof w.OSError); }
      try { sock.close(); r.push(null); } catch (e) { r.push(e instanceof w.OSError); }
      console.log(JSON.stringify(r));`)).toEqual([true, true]);
    raises(TypeError, () => w.close(null));
    raises(w.OSError, () => w.close(-1));
  });

  test('test_makefile_mode', () => {
    for (const mode of ['r', 'rb', 'rw', 'w', 'wb']) {
      const sock = w.socket();
      const encoding = mode.includes('b') ? null : 'utf-8';
      const fp = sock.makefile(mode, null, encoding);
      expect(fp.mode).toBe(mode);
      fp.close();
      sock.close();
    }
  });

  test('test_makefile_invalid_mode', () => {
    for (const mode of ['rt', 'x', '+', 'a']) {
      const sock = w.socket();
      raises(RangeError, () => sock.makefile(mode), (e) => expect(e.message).toMatch(/invalid mode/));
      sock.close();
    }
  });

  test('test_listen_backlog', () => {
    for (const backlog of [0, -1]) {
      const srv = w.socket(w.AF_INET, w.SOCK_STREAM);
      srv.bind([HOST, 0]);
      srv.listen(backlog);
      srv.close();
    }
    const srv = w.socket(w.AF_INET, w.SOCK_STREAM);
    srv.bind([HOST, 0]);
    srv.listen();
    srv.close();
  });

  test('test_listen_backlog_overflow', () => {
    const srv = w.socket(w.AF_INET, w.SOCK_STREAM);
    srv.bind([HOST, 0]);
    raises(RangeError, () => srv.listen(INT_MAX + 1));
    srv.close();
  });

  test('test_flowinfo', () => {
    raises(RangeError, () => w.getnameinfo([HOSTv6, 0, 0xffffffff], 0));
    const s = w.socket(w.AF_INET6, w.SOCK_STREAM);
    raises(RangeError, () => s.bind([HOSTv6, 0, -10]));
    s.close();
  });

  test('test_socket_consistent_sock_type', () => {
    const s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_NONBLOCK | w.SOCK_CLOEXEC);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.settimeout(1);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.settimeout(0);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.setblocking(true);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.setblocking(false);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.close();
  });

  test('test_unknown_socket_family_repr', () => {
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM);
    const fd = sock.detach();
    const unknownFamily = w.AF_MAX + 1;
    const unknownType = 11;
    const s = w.socket(unknownFamily, unknownType, 23, fd);
    expect(s.family).toBe(unknownFamily);
    expect(s.type).toBe(unknownType);
    expect([0, 23]).toContain(s.proto);
    s.close();
  });

  test('test_socket_fileno', () => {
    const check = (s, family, stype) => {
      const fd = s.fileno();
      const s2 = w.socket(null, null, null, fd);
      s.detach();
      expect(s2.family).toBe(family);
      expect(s2.type).toBe(stype);
      expect(s2.fileno()).toBe(fd);
      s2.close();
    };
    let s = w.socket(w.AF_INET, w.SOCK_STREAM);
    s.bind([HOST, 0]);
    check(s, w.AF_INET, w.SOCK_STREAM);
    s = w.socket(w.AF_INET, w.SOCK_DGRAM);
    s.bind([HOST, 0]);
    check(s, w.AF_INET, w.SOCK_DGRAM);
    s = w.socket(w.AF_INET6, w.SOCK_STREAM);
    s.bind([HOSTv6, 0, 0, 0]);
    check(s, w.AF_INET6, w.SOCK_STREAM);
    s = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s.bind(tmpPath());
    check(s, w.AF_UNIX, w.SOCK_STREAM);
  });

  test('test_socket_fileno_rejects_float', () => {
    raises(TypeError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, 42.5));
  });

  test('test_socket_fileno_rejects_other_types', () => {
    raises(TypeError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, 'foo'));
  });

  test('test_socket_fileno_rejects_invalid_socket', () => {
    raises(RangeError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, -1),
      (e) => expect(e.message).toMatch(/negative file descriptor/));
  });

  test('test_socket_fileno_rejects_negative', () => {
    raises(RangeError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, -42),
      (e) => expect(e.message).toMatch(/negative file descriptor/));
  });

  test('test_socket_fileno_requires_valid_fd', () => {
    raises(w.OSError, () => w.socket(null, null, null, BAD_FD), (e) => expect(e.errno).toBe(9));
    raises(w.OSError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, BAD_FD), (e) => expect(e.errno).toBe(9));
  });

  test('test_socket_fileno_requires_socket_fd', () => {
    const p = tmpPath('afile');
    fs.writeFileSync(p, '');
    const fd = fs.openSync(p, 'r');
    raises(w.OSError, () => w.socket(null, null, null, fd));
    raises(w.OSError, () => w.socket(w.AF_INET, w.SOCK_STREAM, null, fd), (e) => expect(e.errno).toBe(88));
    fs.closeSync(fd);
  });
});

describe('BasicTCPTest', () => {
  let cli;
  let conn;
  beforeEach(() => { [cli, conn] = connectedPair(); });
  afterEach(() => closeAll(cli, conn));

  test('testRecv', () => {
    cli.sendall(MSG);
    expect(conn.recv(1024)).toEqual(MSG);
  });

  test('testOverFlowRecv', () => {
    cli.sendall(MSG);
    const seg1 = conn.recv(MSG.length - 3);
    const seg2 = conn.recv(1024);
    expect(Buffer.concat([seg1, seg2])).toEqual(MSG);
  });

  test('testRecvFrom', () => {
    cli.sendall(MSG);
    const [msg] = conn.recvfrom(1024);
    expect(msg).toEqual(MSG);
  });

  test('testOverFlowRecvFrom', () => {
    cli.sendall(MSG);
    const [seg1] = conn.recvfrom(MSG.length - 3);
    const [seg2] = conn.recvfrom(1024);
    expect(Buffer.concat([seg1, seg2])).toEqual(MSG);
  });

  test('testSendAll', () => {
    const big = Buffer.alloc(2048 * 1024, 'f');
    cli.sendall(big.subarray(0, 100000));
    cli.shutdown(w.SHUT_WR);
    let msg = Buffer.alloc(0);
    for (;;) {
      const read = conn.recv(1024);
      if (!read.length) break;
      msg = Buffer.concat([msg, read]);
    }
    expect(msg).toEqual(big.subarray(0, 100000));
  });

  test('testFromFd', () => {
    cli.sendall(MSG);
    const sock = w.fromfd(conn.fileno(), w.AF_INET, w.SOCK_STREAM);
    expect(sock).toBeInstanceOf(w.Socket);
    expect(sock.recv(1024)).toEqual(MSG);
    sock.close();
  });

  test('testDup', () => {
    cli.sendall(MSG);
    const sock = conn.dup();
    expect(sock.recv(1024)).toEqual(MSG);
    sock.close();
  });

  test('testShutdown', () => {
    cli.send(MSG);
    cli.shutdown(2);
    expect(conn.recv(1024)).toEqual(MSG);
  });

  test('testShutdown_overflow', () => {
    raises(RangeError, () => cli.shutdown(INT_MAX + 1));
  });

  test('testDetach', () => {
    cli.sendall(MSG);
    const fileno = conn.fileno();
    const f = conn.detach();
    expect(f).toBe(fileno);
    expect(conn.fileno()).toBe(-1);
    raises(w.OSError, () => conn.recv(1024));
    conn.close();
    const sock = w.socket(w.AF_INET, w.SOCK_STREAM, null, f);
    expect(sock.recv(1024)).toEqual(MSG);
    sock.close();
  });
});

describe('BasicUDPTest', () => {
  let serv;
  let cli;
  beforeEach(() => { [serv, cli] = udpPair(); });
  afterEach(() => closeAll(serv, cli));

  test('testSendtoAndRecv', () => {
    cli.sendto(MSG, 0, serv.getsockname());
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testRecvFrom', () => {
    cli.sendto(MSG, 0, serv.getsockname());
    const [msg, addr] = serv.recvfrom(MSG.length);
    expect(msg).toEqual(MSG);
    expect(addr).toEqual(cli.getsockname());
  });

  test('testRecvFromNegative', () => {
    raises(RangeError, () => serv.recvfrom(-1));
  });
});

describe('BasicUDPLITETest', () => {
  let serv;
  let cli;
  beforeEach(() => { [serv, cli] = udpPair(w.IPPROTO_UDPLITE); });
  afterEach(() => closeAll(serv, cli));

  test('testSendtoAndRecv', () => {
    cli.sendto(MSG, 0, serv.getsockname());
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testRecvFrom', () => {
    cli.sendto(MSG, 0, serv.getsockname());
    expect(serv.recvfrom(MSG.length)).toEqual([MSG, cli.getsockname()]);
  });

  test('testRecvFromNegative', () => {
    raises(RangeError, () => serv.recvfrom(-1));
  });
});

describe('BasicSocketPairTest', () => {
  let serv;
  let cli;
  beforeEach(() => { [serv, cli] = w.socketpair(); });
  afterEach(() => closeAll(serv, cli));

  test('testDefaults', () => {
    for (const sock of [serv, cli]) {
      expect(sock).toBeInstanceOf(w.Socket);
      expect(sock.family).toBe(w.AF_UNIX);
      expect(sock.type).toBe(w.SOCK_STREAM);
      expect(sock.proto).toBe(0);
    }
  });

  test('testRecv', () => {
    cli.send(MSG);
    expect(serv.recv(1024)).toEqual(MSG);
  });

  test('testSend', () => {
    serv.send(MSG);
    expect(cli.recv(1024)).toEqual(MSG);
  });
});

describe('NonBlockingTCPTests', () => {
  let serv;
  beforeEach(() => {
    serv = w.socket(w.AF_INET, w.SOCK_STREAM);
    serv.bind([HOST, 0]);
    serv.listen();
  });
  afterEach(() => closeAll(serv));

  // assert_sock_timeout: gettimeout(), getblocking() and the fd's O_NONBLOCK flag.
  function assertSockTimeout(sock, timeout) {
    expect(sock.gettimeout()).toBe(timeout);
    expect(sock.getblocking()).toBe(timeout !== 0);
    expect(fdNonblocking(sock)).toBe(timeout !== null);
  }

  test('testSetBlocking', () => {
    serv.setblocking(true);
    assertSockTimeout(serv, null);
    serv.setblocking(false);
    assertSockTimeout(serv, 0);
    serv.settimeout(null);
    assertSockTimeout(serv, null);
    serv.settimeout(0);
    assertSockTimeout(serv, 0);
    serv.settimeout(10);
    assertSockTimeout(serv, 10);
    serv.settimeout(0);
    assertSockTimeout(serv, 0);
  });

  test('testSetBlocking_overflow', () => {
    serv.setblocking(false);
    expect(serv.gettimeout()).toBe(0);
    serv.setblocking(UINT_MAX + 1);
    expect(serv.gettimeout()).toBeNull();
  });

  test('testInitNonBlocking', () => {
    const s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_NONBLOCK);
    assertSockTimeout(s, 0);
    s.close();
  });

  test('test_SOCK_NONBLOCK', () => {
    const checkNonblock = (s, nonblock = true, timeout = 0) => {
      if (nonblock) {
        expect(s.type).toBe(w.SOCK_STREAM);
        expect(s.gettimeout()).toBe(timeout);
        expect(fdNonblocking(s)).toBe(true);
        expect(s.getblocking()).toBe(timeout !== 0);
      } else {
        expect(s.type).toBe(w.SOCK_STREAM);
        expect(s.gettimeout()).toBeNull();
        expect(fdNonblocking(s)).toBe(false);
        expect(s.getblocking()).toBe(true);
      }
    };
    let s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_NONBLOCK);
    checkNonblock(s);
    s.setblocking(true);
    checkNonblock(s, false);
    s.setblocking(false);
    checkNonblock(s);
    s.settimeout(null);
    checkNonblock(s, false);
    s.settimeout(2.0);
    checkNonblock(s, true, 2.0);
    s.setblocking(true);
    checkNonblock(s, false);
    s.close();
    w.setdefaulttimeout(0.0);
    s = w.socket();
    checkNonblock(s);
    s.close();
    w.setdefaulttimeout(null);
    s = w.socket();
    checkNonblock(s, false);
    s.close();
    w.setdefaulttimeout(2.0);
    s = w.socket();
    checkNonblock(s, true, 2.0);
    s.close();
    w.setdefaulttimeout(null);
    s = w.socket();
    checkNonblock(s, false);
    s.close();
  });

  test('testAccept', () => {
    serv.setblocking(false);
    const t0 = Date.now();
    raises(w.BlockingIOError, () => serv.accept());
    expect(Date.now() - t0).toBeLessThan(1000);
    const cli = w.socket();
    cli.connect(serv.getsockname());
    const [conn] = serv.accept();
    expect(conn.gettimeout()).toBeNull();
    closeAll(cli, conn);
  });

  test('testRecv', () => {
    const cli = w.socket();
    cli.connect(serv.getsockname());
    serv.settimeout(10);
    const [conn] = serv.accept();
    conn.setblocking(false);
    raises(w.BlockingIOError, () => conn.recv(MSG.length));
    cli.sendall(MSG);
    conn.settimeout(10);
    expect(conn.recv(MSG.length)).toEqual(MSG);
    closeAll(cli, conn);
  });

  test('testInheritFlagsBlocking', () => {
    const cli = w.socket();
    cli.connect(serv.getsockname());
    serv.settimeout(10);
    const [conn] = serv.accept();
    expect(conn.gettimeout()).toBeNull();
    closeAll(cli, conn);
  });

  test('testInheritFlagsTimeout', () => {
    const cli = w.socket();
    cli.connect(serv.getsockname());
    w.setdefaulttimeout(20.0);
    serv.settimeout(10);
    const [conn] = serv.accept();
    expect(conn.gettimeout()).toBe(20.0);
    closeAll(cli, conn);
  });
});

describe('FileObjectClassTestCase', () => {
  let serv;
  let conn;
  let readFile;
  let writeFile;
  const readMsg = MSG;
  beforeEach(() => {
    [serv, conn] = connectedPair();
    readFile = conn.makefile('rb');
    writeFile = serv.makefile('wb');
  });
  afterEach(() => closeAll(readFile, writeFile, conn, serv));

  test('testReadAfterTimeout', () => {
    writeFile.write(MSG.subarray(0, 3));
    writeFile.flush();
    conn.settimeout(1);
    readFile.read(3);
    // First read raises a timeout
    raises(w.timeout, () => readFile.read(1));
    // Second read is disallowed
    raises(w.OSError, () => readFile.read(1), (e) => expect(e.message).toContain('cannot read from timed out object'));
  });

  test('testSmallRead', () => {
    writeFile.write(MSG);
    writeFile.flush();
    const first = readFile.read(readMsg.length - 3);
    const second = readFile.read(3);
    expect(Buffer.concat([first, second])).toEqual(readMsg);
  });

  test('testFullRead', () => {
    writeFile.write(MSG);
    writeFile.close();
    serv.close();
    expect(readFile.read()).toEqual(readMsg);
  });

  test('testUnbufferedRead', () => {
    writeFile.write(MSG);
    writeFile.close();
    serv.close();
    let buf = Buffer.alloc(0);
    for (;;) {
      const ch = readFile.read(1);
      if (!ch.length) break;
      buf = Buffer.concat([buf, ch]);
    }
    expect(buf).toEqual(readMsg);
  });

  test('testReadline', () => {
    writeFile.write(MSG);
    writeFile.flush();
    expect(readFile.readline()).toEqual(readMsg);
  });

  test('testCloseAfterMakefile', () => {
    writeFile.write(MSG);
    writeFile.close();
    serv.close();
    conn.close();
    expect(readFile.read()).toEqual(readMsg);
  });

  test('testMakefileAfterMakefileClose', () => {
    writeFile.write(MSG);
    writeFile.flush();
    readFile.close();
    expect(conn.recv(MSG.length)).toEqual(readMsg);
  });

  test('testClosedAttr', () => {
    expect(readFile.closed).toBe(false);
  });

  test('testAttributes', () => {
    expect(readFile.mode).toBe('rb');
    expect(readFile.name).toBe(conn.fileno());
  });

  test('testRealClose', () => {
    readFile.close();
    raises(RangeError, () => readFile.fileno());
    conn.close();
    raises(w.OSError, () => conn.getsockname());
  });
});

describe('UnicodeReadFileObjectClassTestCase', () => {
  test('testSmallRead / testReadline (text, utf-8, newline="")', () => {
    const [serv, conn] = connectedPair();
    const readMsg = MSG.toString('utf8');
    const readFile = conn.makefile('r', null, { encoding: 'utf-8', newline: '' });
    serv.sendall(Buffer.concat([MSG, MSG]));
    const first = readFile.read(readMsg.length - 3);
    const second = readFile.read(3);
    expect(first + second).toBe(readMsg);
    expect(readFile.readline()).toBe(readMsg);
    closeAll(readFile, serv, conn);
  });
});

describe('UnbufferedFileObjectClassTestCase', () => {
  test('testUnbufferedReadline', () => {
    const [serv, conn] = connectedPair();
    const writeMsg = MSG;
    const writeFile = serv.makefile('wb');
    writeFile.write(Buffer.concat([Buffer.from('A. '), writeMsg]));
    writeFile.write(Buffer.concat([Buffer.from('B. '), writeMsg]));
    writeFile.flush();
    let readFile = conn.makefile('rb', 0);
    expect(readFile.readline()).toEqual(Buffer.concat([Buffer.from('A. '), writeMsg]));
    readFile = conn.makefile('rb', 0);
    expect(readFile.readline()).toEqual(Buffer.concat([Buffer.from('B. '), writeMsg]));
    closeAll(readFile, writeFile, serv, conn);
  });

  test('testMakefileClose', () => {
    const [serv, conn] = connectedPair();
    const readFile = conn.makefile('rb', 0);
    serv.sendall(MSG);
    conn.close();
    expect(conn.recv(1024)).toEqual(MSG);
    readFile.close();
    raises(w.OSError, () => conn.recv(1024));
    closeAll(serv);
  });
});

describe('NetworkConnectionNoServer', () => {
  test('test_connect', () => {
    const port = closedPort();
    const cli = w.socket(w.AF_INET, w.SOCK_STREAM);
    raises(w.OSError, () => cli.connect([HOST, port]), (e) => expect(e.errno).toBe(111));
    cli.close();
  });

  test('test_create_connection', () => {
    const port = closedPort();
    raises(w.OSError, () => w.create_connection([HOST, port]), (e) => expect(e.errno).toBe(111));
  });

  test('test_create_connection_all_errors', () => {
    const port = closedPort();
    const eg = raises(AggregateError, () => w.create_connection(['localhost', port], undefined, null, { all_errors: true }));
    for (const e of eg.errors) expect(e).toBeInstanceOf(w.OSError);
    const addresses = w.getaddrinfo('localhost', port, 0, w.SOCK_STREAM);
    expect(eg.errors.length).toBe(addresses.length);
  });

  test('test_create_connection_timeout', () => {
    // CPython mocks the socket module; here a listener with a full backlog drops the SYN.
    const l = w.socket();
    l.bind([HOST, 0]);
    l.listen(0);
    const held = [];
    let err = null;
    for (let i = 0; i < 4 && !err; i++) {
      try { held.push(w.create_connection(l.getsockname(), 0.2)); } catch (e) { err = e; }
    }
    expect(err).toBeInstanceOf(w.timeout);
    closeAll(l, held);
  });
});

describe('NetworkConnectionAttributesTest', () => {
  let serv;
  beforeEach(() => {
    serv = w.socket();
    serv.bind([HOST, 0]);
    serv.listen();
  });
  afterEach(() => closeAll(serv));

  test('testFamily', () => {
    const cli = w.create_connection([HOST, serv.getsockname()[1]], 10);
    expect(cli.family).toBe(2);
    cli.close();
  });

  test('testSourceAddress', () => {
    const sourcePort = closedPort();
    const cli = w.create_connection([HOST, serv.getsockname()[1]], 10, ['', sourcePort]);
    expect(cli.getsockname()[1]).toBe(sourcePort);
    cli.close();
  });

  test('testTimeoutDefault', () => {
    expect(w.getdefaulttimeout()).toBeNull();
    w.setdefaulttimeout(42);
    let cli;
    try {
      cli = w.create_connection([HOST, serv.getsockname()[1]]);
    } finally {
      w.setdefaulttimeout(null);
    }
    expect(cli.gettimeout()).toBe(42);
    cli.close();
  });

  test('testTimeoutNone', () => {
    w.setdefaulttimeout(30);
    let cli;
    try {
      cli = w.create_connection([HOST, serv.getsockname()[1]], null);
    } finally {
      w.setdefaulttimeout(null);
    }
    expect(cli.gettimeout()).toBeNull();
    cli.close();
  });

  test('testTimeoutValueNamed', () => {
    const cli = w.create_connection([HOST, serv.getsockname()[1]], 30);
    expect(cli.gettimeout()).toBe(30);
    cli.close();
  });

  test('testTimeoutValueNonamed', () => {
    const cli = w.create_connection([HOST, serv.getsockname()[1]], 30);
    expect(cli.gettimeout()).toBe(30);
    cli.close();
  });
});

describe('NetworkConnectionBehaviourTest', () => {
  test('testInsideTimeout', async () => {
    // The server (a node child) sends "done!" after a pause; a client without a timeout waits.
    const child = startNode(`
      const l = w.socket(); l.bind(['127.0.0.1', 0]); l.listen(); l.settimeout(10);
      console.log(l.getsockname()[1]);
      const [c] = l.accept();
      setTimeout(() => { c.send(Buffer.from('done!')); c.close(); }, 300);
    `);
    const port = Number(await child.line());
    const sock = w.create_connection([HOST, port]);
    expect(sock.recv(5)).toEqual(Buffer.from('done!'));
    sock.close();
    await child.done;
  });

  test('testOutsideTimeout', async () => {
    const child = startNode(`
      const l = w.socket(); l.bind(['127.0.0.1', 0]); l.listen(); l.settimeout(10);
      console.log(l.getsockname()[1]);
      const [c] = l.accept();
      setTimeout(() => { c.close(); }, 1500);
    `);
    const port = Number(await child.line());
    const sock = w.create_connection([HOST, port], 0.3);
    raises(w.timeout, () => sock.recv(5));
    sock.close();
    await child.done;
  });
});

describe('TCPTimeoutTest', () => {
  test('testTCPTimeout', () => {
    const serv = w.socket();
    serv.bind([HOST, 0]);
    serv.listen();
    serv.settimeout(0.2);
    raises(w.timeout, () => serv.accept(), (e) => expect(e.message).toBe('timed out'));
    serv.close();
  });

  test('testTimeoutZero', () => {
    const serv = w.socket();
    serv.bind([HOST, 0]);
    serv.listen();
    serv.settimeout(0.0);
    const err = raises(w.OSError, () => serv.accept());
    expect(err).not.toBeInstanceOf(w.timeout);
    serv.close();
  });
});

describe('UDPTimeoutTest', () => {
  test('testUDPTimeout', () => {
    const serv = w.socket(w.AF_INET, w.SOCK_DGRAM);
    serv.bind([HOST, 0]);
    serv.settimeout(0.2);
    raises(w.timeout, () => serv.recv(1024), (e) => expect(e.message).toBe('timed out'));
    serv.close();
  });

  test('testTimeoutZero', () => {
    const serv = w.socket(w.AF_INET, w.SOCK_DGRAM);
    serv.bind([HOST, 0]);
    serv.settimeout(0.0);
    const err = raises(w.OSError, () => serv.recv(1024));
    expect(err).not.toBeInstanceOf(w.timeout);
    serv.close();
  });
});

describe('UDPLITETimeoutTest', () => {
  test('testUDPLITETimeout', () => {
    const serv = w.socket(w.AF_INET, w.SOCK_DGRAM, w.IPPROTO_UDPLITE);
    serv.bind([HOST, 0]);
    serv.settimeout(0.2);
    raises(w.timeout, () => serv.recv(1024));
    serv.close();
  });
});

describe('TestExceptions', () => {
  test('testExceptionTree', () => {
    expect(new w.OSError(1, 'x')).toBeInstanceOf(Error);
    expect(new w.herror(1)).toBeInstanceOf(w.OSError);
    expect(new w.gaierror(-2)).toBeInstanceOf(w.OSError);
    expect(new w.timeout()).toBeInstanceOf(w.OSError);
    expect(w.error).toBe(w.OSError);
    expect(w.timeout).toBe(w.TimeoutError);
  });
});

describe('ContextManagersTest', () => {
  test('testSocketClass', () => {
    let sock = w.socket();
    expect(sock.fileno()).not.toBe(-1);
    sock[dispose]();
    expect(sock.fileno()).toBe(-1);
    sock = w.socket();
    sock.close();
    sock[dispose]();
    expect(sock.fileno()).toBe(-1);
    sock = w.socket();
    raises(w.OSError, () => sock.sendall(Buffer.from('foo')));
    sock[dispose]();
    expect(sock.fileno()).toBe(-1);
  });

  test('testCreateConnectionBase', () => {
    const serv = w.socket();
    serv.bind([HOST, 0]);
    serv.listen();
    const sock = w.create_connection(serv.getsockname());
    sock.sendall(Buffer.from('foo'));
    const [conn] = serv.accept();
    conn.sendall(conn.recv(1024));
    expect(sock.recv(1024)).toEqual(Buffer.from('foo'));
    sock[dispose]();
    expect(sock.fileno()).toBe(-1);
    closeAll(conn, serv);
  });

  test('testCreateConnectionClose', () => {
    const serv = w.socket();
    serv.bind([HOST, 0]);
    serv.listen();
    const sock = w.create_connection(serv.getsockname());
    sock.close();
    sock[dispose]();
    raises(w.OSError, () => sock.sendall(Buffer.from('foo')));
    serv.close();
  });
});

describe('InheritanceTest', () => {
  test('test_SOCK_CLOEXEC', () => {
    const s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_CLOEXEC);
    expect(s.type).toBe(w.SOCK_STREAM);
    expect(s.get_inheritable()).toBe(false);
    s.close();
  });

  test('test_default_inheritable', () => {
    const sock = w.socket();
    expect(sock.get_inheritable()).toBe(false);
    sock.close();
  });

  test('test_dup', () => {
    const sock = w.socket();
    const newsock = sock.dup();
    sock.close();
    expect(newsock.get_inheritable()).toBe(false);
    newsock.close();
  });

  test('test_set_inheritable', () => {
    const sock = w.socket();
    sock.set_inheritable(true);
    expect(sock.get_inheritable()).toBe(true);
    sock.set_inheritable(false);
    expect(sock.get_inheritable()).toBe(false);
    sock.close();
  });

  test('test_socketpair', () => {
    const [s1, s2] = w.socketpair();
    expect(s1.get_inheritable()).toBe(false);
    expect(s2.get_inheritable()).toBe(false);
    closeAll(s1, s2);
  });
});

describe('BufferIOTest', () => {
  let serv;
  let conn;
  beforeEach(() => {
    [serv, conn] = connectedPair();
    serv.send(MSG);
  });
  afterEach(() => closeAll(serv, conn));

  test('testRecvIntoArray', () => {
    const buf = new Uint8Array(MSG.length);
    expect(conn.recv_into(buf)).toBe(MSG.length);
    expect(Buffer.from(buf)).toEqual(MSG);
  });

  test('testRecvIntoBytearray', () => {
    const buf = Buffer.alloc(1024);
    expect(conn.recv_into(buf)).toBe(MSG.length);
    expect(buf.subarray(0, MSG.length)).toEqual(MSG);
  });

  test('testRecvIntoMemoryview', () => {
    const buf = Buffer.alloc(1024);
    expect(conn.recv_into(new DataView(buf.buffer, buf.byteOffset, buf.length))).toBe(MSG.length);
    expect(buf.subarray(0, MSG.length)).toEqual(MSG);
  });

  test('testRecvFromIntoArray', () => {
    const buf = new Uint8Array(MSG.length);
    const [nbytes] = conn.recvfrom_into(buf);
    expect(nbytes).toBe(MSG.length);
    expect(Buffer.from(buf)).toEqual(MSG);
  });

  test('testRecvFromIntoBytearray', () => {
    const buf = Buffer.alloc(1024);
    const [nbytes] = conn.recvfrom_into(buf);
    expect(nbytes).toBe(MSG.length);
    expect(buf.subarray(0, MSG.length)).toEqual(MSG);
  });

  test('testRecvFromIntoSmallBuffer', () => {
    raises(RangeError, () => conn.recvfrom_into(Buffer.alloc(8), 1024));
  });

  test('testRecvFromIntoEmptyBuffer', () => {
    const buf = Buffer.alloc(0);
    expect(conn.recvfrom_into(buf)[0]).toBe(0);
    expect(conn.recvfrom_into(buf, 0)[0]).toBe(0);
  });
});

describe('SendmsgStreamTests / RecvmsgTests / RecvmsgIntoTests', () => {
  let serv; // the receiving side ("serv_sock")
  let cli; // the sending side ("cli_sock")
  beforeEach(() => { [serv, cli] = connectedPair(); });
  afterEach(() => closeAll(serv, cli));

  test('testSendmsg', () => {
    expect(cli.sendmsg([MSG])).toBe(MSG.length);
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testSendmsgDataGenerator', () => {
    expect(cli.sendmsg((function* gen() { yield MSG; })())).toBe(MSG.length);
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testSendmsgAncillaryGenerator', () => {
    expect(cli.sendmsg([MSG], (function* gen() { /* empty */ })())).toBe(MSG.length);
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testSendmsgArray', () => {
    expect(cli.sendmsg([new Uint8Array(MSG)])).toBe(MSG.length);
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testSendmsgGather', () => {
    expect(cli.sendmsg([MSG.subarray(0, 3), MSG.subarray(3)])).toBe(MSG.length);
    expect(serv.recv(MSG.length)).toEqual(MSG);
  });

  test('testSendmsgBadArgs', () => {
    raises(TypeError, () => cli.sendmsg());
    raises(TypeError, () => cli.sendmsg(Buffer.from('not in an iterable')));
    raises(TypeError, () => cli.sendmsg({}));
    raises(TypeError, () => cli.sendmsg([{}]));
    raises(TypeError, () => cli.sendmsg([MSG, {}]));
    raises(TypeError, () => cli.sendmsg([MSG], {}));
    raises(TypeError, () => cli.sendmsg([MSG], [], {}));
    raises(TypeError, () => cli.sendmsg([MSG], [], 0, {}));
    cli.sendall(Buffer.from('done'));
    expect(serv.recv(1000)).toEqual(Buffer.from('done'));
  });

  test('testSendmsgBadCmsg', () => {
    raises(TypeError, () => cli.sendmsg([MSG], [{}]));
    raises(TypeError, () => cli.sendmsg([MSG], [[{}, 0, Buffer.from('data')]]));
    raises(TypeError, () => cli.sendmsg([MSG], [[0, {}, Buffer.from('data')]]));
    raises(TypeError, () => cli.sendmsg([MSG], [[0, 0, {}]]));
    raises(TypeError, () => cli.sendmsg([MSG], [[0, 0]]));
    raises(TypeError, () => cli.sendmsg([MSG], [[0, 0, Buffer.from('data'), 42]]));
    cli.sendall(Buffer.from('done'));
    expect(serv.recv(1000)).toEqual(Buffer.from('done'));
  });

  test('testSendmsgBadMultiCmsg', () => {
    raises(TypeError, () => cli.sendmsg([MSG], [0, 0, Buffer.alloc(0)]));
    raises(TypeError, () => cli.sendmsg([MSG], [[0, 0, Buffer.alloc(0)], {}]));
    cli.sendall(Buffer.from('done'));
    expect(serv.recv(1000)).toEqual(Buffer.from('done'));
  });

  test('testSendmsgAfterClose', () => {
    cli.close();
    raises(w.OSError, () => cli.sendmsg([MSG]));
  });

  test('testSendmsgTimeout', () => {
    cli.settimeout(0.03);
    raises(w.timeout, () => { for (;;) cli.sendmsg([Buffer.alloc(512, 'a')]); });
    expect(serv.recv(512)).toEqual(Buffer.alloc(512, 'a'));
  });

  test('testSendmsgDontWait', () => {
    // CPython's client socket is blocking: MSG_DONTWAIT alone makes the call non-blocking.
    cli.settimeout(null);
    raises(w.OSError, () => { for (;;) cli.sendmsg([Buffer.alloc(512, 'a')], [], w.MSG_DONTWAIT); },
      (e) => expect([11, 12]).toContain(e.errno));
    expect(serv.recv(512)).toEqual(Buffer.alloc(512, 'a'));
  });

  test('testRecvmsg', () => {
    cli.sendall(MSG);
    const [msg, ancdata, flags] = serv.recvmsg(MSG.length);
    expect([msg, ancdata, flags & w.MSG_CTRUNC]).toEqual([MSG, [], 0]);
  });

  test('testRecvmsgExplicitDefaults', () => {
    cli.sendall(MSG);
    const [msg, ancdata] = serv.recvmsg(MSG.length, 0, 0);
    expect([msg, ancdata]).toEqual([MSG, []]);
  });

  test('testRecvmsgShorter', () => {
    cli.sendall(MSG);
    expect(serv.recvmsg(MSG.length + 42)[0]).toEqual(MSG);
  });

  test('testRecvmsgShortAncillaryBuf', () => {
    cli.sendall(MSG);
    const [msg, ancdata] = serv.recvmsg(MSG.length, 1);
    expect([msg, ancdata]).toEqual([MSG, []]);
  });

  test('testRecvmsgLongAncillaryBuf', () => {
    cli.sendall(MSG);
    const [msg, ancdata] = serv.recvmsg(MSG.length, 10240);
    expect([msg, ancdata]).toEqual([MSG, []]);
  });

  test('testRecvmsgAfterClose', () => {
    serv.close();
    raises(w.OSError, () => serv.recvmsg(1024));
  });

  test('testRecvmsgTimeout', () => {
    serv.settimeout(0.03);
    raises(w.timeout, () => serv.recvmsg(MSG.length));
  });

  test('testRecvmsgPeek', () => {
    cli.sendall(MSG);
    let [msg, ancdata] = serv.recvmsg(MSG.length - 3, 0, w.MSG_PEEK);
    expect([msg, ancdata]).toEqual([MSG.subarray(0, MSG.length - 3), []]);
    [msg, ancdata] = serv.recvmsg(MSG.length, 0, w.MSG_PEEK);
    expect([msg, ancdata]).toEqual([MSG, []]);
    [msg, ancdata] = serv.recvmsg(MSG.length);
    expect([msg, ancdata]).toEqual([MSG, []]);
  });

  test('testRecvmsgFromSendmsg', () => {
    expect(cli.sendmsg([MSG.subarray(0, 3), MSG.subarray(3)])).toBe(MSG.length);
    expect(serv.recvmsg(MSG.length)[0]).toEqual(MSG);
  });

  test('testRecvmsgEOF', () => {
    cli.close();
    const [msg, ancdata] = serv.recvmsg(1024);
    expect([msg, ancdata]).toEqual([Buffer.alloc(0), []]);
  });

  test('testRecvmsgOverflow', () => {
    cli.sendall(MSG);
    const [seg1] = serv.recvmsg(MSG.length - 3);
    const [seg2] = serv.recvmsg(1024);
    expect(Buffer.concat([seg1, seg2])).toEqual(MSG);
  });

  test('testRecvmsgBadArgs', () => {
    raises(TypeError, () => serv.recvmsg());
    raises(RangeError, () => serv.recvmsg(-1, 0, 0));
    raises(RangeError, () => serv.recvmsg(MSG.length, -1, 0));
    raises(TypeError, () => serv.recvmsg([Buffer.alloc(10)], 0, 0));
    raises(TypeError, () => serv.recvmsg({}, 0, 0));
    raises(TypeError, () => serv.recvmsg(MSG.length, {}, 0));
    raises(TypeError, () => serv.recvmsg(MSG.length, 0, {}));
    cli.sendall(MSG);
    expect(serv.recvmsg(MSG.length, 0, 0)[0]).toEqual(MSG);
  });

  test('testRecvmsgIntoBadArgs', () => {
    const buf = Buffer.alloc(MSG.length);
    raises(TypeError, () => serv.recvmsg_into());
    raises(TypeError, () => serv.recvmsg_into(MSG.length, 0, 0));
    raises(TypeError, () => serv.recvmsg_into(buf, 0, 0));
    raises(TypeError, () => serv.recvmsg_into([{}], 0, 0));
    raises(TypeError, () => serv.recvmsg_into(["I'm not writable"], 0, 0));
    raises(TypeError, () => serv.recvmsg_into([buf, {}], 0, 0));
    raises(RangeError, () => serv.recvmsg_into([buf], -1, 0));
    raises(TypeError, () => serv.recvmsg_into([buf], {}, 0));
    raises(TypeError, () => serv.recvmsg_into([buf], 0, {}));
    cli.sendall(MSG);
    const [nbytes, ancdata] = serv.recvmsg_into([buf], 0, 0);
    expect([nbytes, ancdata, buf]).toEqual([MSG.length, [], MSG]);
  });

  test('testRecvmsgIntoGenerator', () => {
    cli.sendall(MSG);
    const buf = Buffer.alloc(MSG.length);
    const [nbytes] = serv.recvmsg_into((function* gen() { yield buf; })());
    expect(nbytes).toBe(MSG.length);
    expect(buf).toEqual(MSG);
  });

  test('testRecvmsgIntoArray', () => {
    cli.sendall(MSG);
    const buf = new Uint8Array(MSG.length);
    const [nbytes] = serv.recvmsg_into([buf]);
    expect(nbytes).toBe(MSG.length);
    expect(Buffer.from(buf)).toEqual(MSG);
  });

  test('testRecvmsgIntoScatter', () => {
    cli.sendall(Buffer.from('Mary had a little lamb'));
    const b1 = Buffer.from('----');
    const b2 = Buffer.from('0123456789');
    const b3 = Buffer.from('--------------');
    const [nbytes] = serv.recvmsg_into([b1, b2.subarray(2, 9), b3]);
    expect(nbytes).toBe('Mary had a little lamb'.length);
    expect(b1.toString()).toBe('Mary');
    expect(b2.toString()).toBe('01 had a 9');
    expect(b3.toString()).toBe('little lamb---');
  });
});

describe('RecvmsgUDPTest', () => {
  let serv;
  let cli;
  beforeEach(() => { [serv, cli] = udpPair(); });
  afterEach(() => closeAll(serv, cli));

  test('testRecvmsgTrunc', () => {
    cli.sendto(MSG, serv.getsockname());
    const [msg, ancdata, flags, addr] = serv.recvmsg(MSG.length - 3);
    expect(msg).toEqual(MSG.subarray(0, MSG.length - 3));
    expect(addr).toEqual(cli.getsockname());
    expect(ancdata).toEqual([]);
    expect(flags & w.MSG_TRUNC).toBe(w.MSG_TRUNC);
  });

  test('testRecvmsgFromSendmsg', () => {
    expect(cli.sendmsg([MSG.subarray(0, 3), MSG.subarray(3)], [], 0, serv.getsockname())).toBe(MSG.length);
    const [msg, , flags, addr] = serv.recvmsg(MSG.length);
    expect([msg, flags, addr]).toEqual([MSG, 0, cli.getsockname()]);
  });
});

describe('SCMRightsTest', () => {
  let serv;
  let cli;
  // fds to close after each test, with what they pointed at: a number that was closed
  // meanwhile (or is garbage from a truncated message) may belong to someone else now.
  const cleanup = [];
  const target = (fd) => { try { return fs.readlinkSync(`/proc/self/fd/${fd}`); } catch { return null; } };
  const track = (...fds) => { for (const fd of fds) cleanup.push([fd, target(fd)]); };
  beforeEach(() => { [serv, cli] = w.socketpair(); serv.settimeout(10); });
  afterEach(() => {
    closeAll(serv, cli);
    for (const [fd, was] of cleanup.splice(0)) {
      if (fd > 2 && was !== null && target(fd) === was) fs.closeSync(fd);
    }
  });

  // newFDs(n): n files containing their index as ASCII.
  function newFDs(n) {
    const fds = [];
    for (let i = 0; i < n; i++) {
      const p = tmpPath('fd');
      fs.writeFileSync(p, String(i));
      const fd = fs.openSync(p, 'r');
      track(fd);
      fds.push(fd);
    }
    return fds;
  }

  function checkFDs(fds) {
    fds.forEach((fd, n) => {
      const buf = Buffer.alloc(1024);
      const k = fs.readSync(fd, buf, 0, 1024, 0);
      expect(buf.subarray(0, k).toString()).toBe(String(n));
    });
  }

  const intsOf = (data) => Array.from({ length: Math.floor(data.length / SIZEOF_INT) },
    (_, i) => data.readInt32LE(i * SIZEOF_INT));

  function checkRecvmsgFDs(numfds, result, maxcmsgs = 1, ignoreflags = 0) {
    const [msg, ancdata, flags, addr] = result;
    expect(msg).toEqual(MSG);
    expect(addr).toBeNull();
    expect(flags & w.MSG_CTRUNC & ~ignoreflags).toBe(0);
    expect(ancdata.length).toBeLessThanOrEqual(maxcmsgs);
    const fds = [];
    for (const [level, type, data] of ancdata) {
      expect([level, type]).toEqual([w.SOL_SOCKET, w.SCM_RIGHTS]);
      expect(data.length % SIZEOF_INT).toBe(0);
      fds.push(...intsOf(data));
    }
    track(...fds);
    expect(fds.length).toBe(numfds);
    checkFDs(fds);
  }

  function checkTruncatedHeader(result, ignoreflags = 0) {
    const [msg, ancdata, flags, addr] = result;
    expect(msg).toEqual(MSG);
    expect(addr).toBeNull();
    expect(ancdata).toEqual([]);
    if (!(ignoreflags & w.MSG_CTRUNC)) expect(flags & w.MSG_CTRUNC).toBe(w.MSG_CTRUNC);
  }

  function checkTruncatedArray(ancbuf, maxdata, mindata = 0) {
    const [msg, ancdata, flags, addr] = serv.recvmsg(MSG.length, ancbuf);
    expect(msg).toEqual(MSG);
    expect(addr).toBeNull();
    expect(flags & w.MSG_CTRUNC).toBe(w.MSG_CTRUNC);
    if (mindata === 0 && ancdata.length === 0) return;
    expect(ancdata.length).toBe(1);
    const [level, type, data] = ancdata[0];
    expect([level, type]).toEqual([w.SOL_SOCKET, w.SCM_RIGHTS]);
    expect(data.length).toBeGreaterThanOrEqual(mindata);
    expect(data.length).toBeLessThanOrEqual(maxdata);
    const fds = intsOf(data);
    track(...fds);
    checkFDs(fds);
  }

  const sendFDs = (fds) => cli.sendmsg([MSG], [[w.SOL_SOCKET, w.SCM_RIGHTS, Buffer.from(new Int32Array(fds).buffer)]]);
  const createAndSendFDs = (n) => expect(sendFDs(newFDs(n))).toBe(MSG.length);

  test('testFDPassSimple', () => {
    createAndSendFDs(1);
    checkRecvmsgFDs(1, serv.recvmsg(MSG.length, 10240));
  });

  test('testMultipleFDPass', () => {
    createAndSendFDs(4);
    checkRecvmsgFDs(4, serv.recvmsg(MSG.length, 10240));
  });

  test('testFDPassCMSG_SPACE', () => {
    createAndSendFDs(4);
    checkRecvmsgFDs(4, serv.recvmsg(MSG.length, w.CMSG_SPACE(4 * SIZEOF_INT)));
  });

  test('testFDPassCMSG_LEN', () => {
    createAndSendFDs(1);
    checkRecvmsgFDs(1, serv.recvmsg(MSG.length, w.CMSG_LEN(4 * SIZEOF_INT)), 1, w.MSG_CTRUNC);
  });

  test('testFDPassSeparate', () => {
    const [fd0, fd1] = newFDs(2);
    expect(cli.sendmsg([MSG], [
      [w.SOL_SOCKET, w.SCM_RIGHTS, Buffer.from(new Int32Array([fd0]).buffer)],
      [w.SOL_SOCKET, w.SCM_RIGHTS, Buffer.from(new Int32Array([fd1]).buffer)],
    ])).toBe(MSG.length);
    checkRecvmsgFDs(2, serv.recvmsg(MSG.length, 10240), 2);
  });

  test('testFDPassEmpty', () => {
    cli.sendmsg([MSG], [[w.SOL_SOCKET, w.SCM_RIGHTS, Buffer.alloc(0)]]);
    checkRecvmsgFDs(0, serv.recvmsg(MSG.length, w.CMSG_SPACE(0)), 1, w.MSG_CTRUNC);
  });

  test('testFDPassPartialInt', () => {
    try {
      cli.sendmsg([MSG], [[w.SOL_SOCKET, w.SCM_RIGHTS, Buffer.from(new Int32Array([BAD_FD]).buffer).subarray(0, 3)]]);
    } catch (e) {
      // sendAncillaryIfPossible: the OS may refuse the item; then send plain data.
      expect(e).toBeInstanceOf(w.OSError);
      cli.sendall(MSG);
    }
    const [msg, ancdata] = serv.recvmsg(MSG.length, 10240);
    expect(msg).toEqual(MSG);
    expect(ancdata.length).toBeLessThanOrEqual(1);
    for (const [level, type, data] of ancdata) {
      expect([level, type]).toEqual([w.SOL_SOCKET, w.SCM_RIGHTS]);
      expect(data.length).toBeLessThan(SIZEOF_INT);
    }
  });

  test('testCmsgTruncNoBufSize', () => {
    createAndSendFDs(1);
    checkRecvmsgFDs(0, serv.recvmsg(MSG.length), 1, w.MSG_CTRUNC);
  });

  test('testCmsgTrunc0', () => {
    createAndSendFDs(1);
    checkTruncatedHeader(serv.recvmsg(MSG.length, 0), w.MSG_CTRUNC);
  });

  test('testCmsgTrunc1', () => {
    createAndSendFDs(1);
    checkTruncatedHeader(serv.recvmsg(MSG.length, 1));
  });

  test('testCmsgTrunc2Int', () => {
    createAndSendFDs(1);
    checkTruncatedHeader(serv.recvmsg(MSG.length, SIZEOF_INT * 2));
  });

  test('testCmsgTruncLen0Minus1', () => {
    createAndSendFDs(1);
    checkTruncatedHeader(serv.recvmsg(MSG.length, w.CMSG_LEN(0) - 1));
  });

  test('testCmsgTruncLen0', () => {
    createAndSendFDs(1);
    checkTruncatedArray(w.CMSG_LEN(0), 0);
  });

  test('testCmsgTruncLen0Plus1', () => {
    createAndSendFDs(2);
    checkTruncatedArray(w.CMSG_LEN(0) + 1, 1);
  });

  test('testCmsgTruncLen1', () => {
    createAndSendFDs(2);
    checkTruncatedArray(w.CMSG_LEN(SIZEOF_INT), SIZEOF_INT);
  });

  test('testCmsgTruncLen2Minus1', () => {
    createAndSendFDs(2);
    checkTruncatedArray(w.CMSG_LEN(2 * SIZEOF_INT) - 1, 2 * SIZEOF_INT - 1);
  });
});

describe('RFC3542AncillaryTest (UDP over IPv6)', () => {
  let serv;
  let cli;
  beforeEach(() => { [serv, cli] = udpPair(0, w.AF_INET6); });
  afterEach(() => closeAll(serv, cli));

  function checkHopLimit(ancbufsize, maxhop = 255) {
    serv.setsockopt(w.IPPROTO_IPV6, w.IPV6_RECVHOPLIMIT, 1);
    const [msg, ancdata, flags, addr] = serv.recvmsg(MSG.length, ancbufsize);
    expect(msg).toEqual(MSG);
    expect(addr).toEqual(cli.getsockname());
    expect(flags & w.MSG_CTRUNC).toBe(0);
    expect(ancdata.length).toBe(1);
    const [level, type, data] = ancdata[0];
    expect([level, type]).toEqual([w.IPPROTO_IPV6, w.IPV6_HOPLIMIT]);
    expect(data.length).toBe(SIZEOF_INT);
    const hop = data.readInt32LE(0);
    expect(hop).toBeGreaterThanOrEqual(0);
    expect(hop).toBeLessThanOrEqual(maxhop);
    return hop;
  }

  test('testRecvHopLimit', () => {
    serv.setsockopt(w.IPPROTO_IPV6, w.IPV6_RECVHOPLIMIT, 1);
    cli.sendto(MSG, serv.getsockname());
    checkHopLimit(10240);
  });

  test('testSetHopLimit', () => {
    serv.setsockopt(w.IPPROTO_IPV6, w.IPV6_RECVHOPLIMIT, 1);
    const hopLimit = 2;
    expect(cli.sendmsg([MSG], [[w.IPPROTO_IPV6, w.IPV6_HOPLIMIT, new Int32Array([hopLimit])]], 0,
      serv.getsockname())).toBe(MSG.length);
    expect(checkHopLimit(10240, hopLimit)).toBe(hopLimit);
  });

  test('testRecvTrafficClassAndHopLimit', () => {
    serv.setsockopt(w.IPPROTO_IPV6, w.IPV6_RECVHOPLIMIT, 1);
    serv.setsockopt(w.IPPROTO_IPV6, w.IPV6_RECVTCLASS, 1);
    cli.sendto(MSG, serv.getsockname());
    const [msg, ancdata, flags] = serv.recvmsg(MSG.length, 10240);
    expect(msg).toEqual(MSG);
    expect(flags & w.MSG_CTRUNC).toBe(0);
    expect(ancdata.length).toBe(2);
    const types = new Set(ancdata.map(([level, type, data]) => {
      expect(level).toBe(w.IPPROTO_IPV6);
      expect(data.length).toBe(SIZEOF_INT);
      const v = data.readInt32LE(0);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(255);
      return type;
    }));
    expect(types).toEqual(new Set([w.IPV6_HOPLIMIT, w.IPV6_TCLASS]));
  });
});

describe('TestLinuxAbstractNamespace', () => {
  const UNIX_PATH_MAX = 108;
  const tag = `-${process.pid}-`;

  test('testLinuxAbstractNamespace', () => {
    const address = Buffer.concat([Buffer.from(`\0python-test-hello${tag}\0`), Buffer.from([0xff])]);
    const s1 = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s1.bind(address);
    s1.listen();
    const s2 = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s2.connect(s1.getsockname());
    const [s3] = s1.accept();
    expect(s1.getsockname()).toEqual(address);
    expect(s2.getpeername()).toEqual(address);
    closeAll(s1, s2, s3);
  });

  test('testMaxName', () => {
    const address = Buffer.from(`\0${tag}${'h'.repeat(UNIX_PATH_MAX - 1 - tag.length)}`);
    expect(address.length).toBe(UNIX_PATH_MAX);
    const s = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s.bind(address);
    expect(s.getsockname()).toEqual(address);
    s.close();
  });

  test('testNameOverflow', () => {
    const address = `\0${'h'.repeat(UNIX_PATH_MAX)}`;
    const s = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    raises(w.OSError, () => s.bind(address));
    s.close();
  });

  test('testStrName', () => {
    const s = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s.bind(`\0python\0test${tag}\0`);
    expect(s.getsockname()).toEqual(Buffer.from(`\0python\0test${tag}\0`));
    s.close();
  });

  test('testBytearrayName', () => {
    const s = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    s.bind(new Uint8Array(Buffer.from(`\0python\0test${tag}b\0`)));
    expect(s.getsockname()).toEqual(Buffer.from(`\0python\0test${tag}b\0`));
    s.close();
  });

  test('testAutobind', () => {
    const re = /^\0[0-9a-f]{5}$/;
    const s1 = w.socket(w.AF_UNIX);
    s1.bind('');
    expect(s1.getsockname().toString('latin1')).toMatch(re);
    const s2 = w.socket(w.AF_UNIX);
    s2.bind('');
    expect(s2.getsockname().toString('latin1')).toMatch(re);
    expect(s2.getsockname()).not.toEqual(s1.getsockname());
    closeAll(s1, s2);
  });
});

describe('TestUnixDomain', () => {
  test('testUnbound', () => {
    const sock = w.socket(w.AF_UNIX);
    expect(['', null]).toContain(sock.getsockname());
    sock.close();
  });

  test('testStrAddr', () => {
    const path = tmpPath('unix');
    const sock = w.socket(w.AF_UNIX);
    sock.bind(path);
    expect(sock.getsockname()).toBe(path);
    sock.close();
  });

  test('testBytesAddr', () => {
    const path = tmpPath('unix');
    const sock = w.socket(w.AF_UNIX);
    sock.bind(Buffer.from(path));
    expect(sock.getsockname()).toBe(path);
    sock.close();
  });
});

describe('CreateServerTest', () => {
  test('test_address', () => {
    const port = closedPort();
    let sock = w.create_server(['127.0.0.1', port]);
    expect(sock.getsockname().slice(0, 2)).toEqual(['127.0.0.1', port]);
    sock.close();
    sock = w.create_server(['::1', port], { family: w.AF_INET6 });
    expect(sock.getsockname().slice(0, 2)).toEqual(['::1', port]);
    sock.close();
  });

  test('test_family_and_type', () => {
    let sock = w.create_server(['127.0.0.1', 0]);
    expect([sock.family, sock.type]).toEqual([w.AF_INET, w.SOCK_STREAM]);
    sock.close();
    sock = w.create_server(['::1', 0], { family: w.AF_INET6 });
    expect([sock.family, sock.type]).toEqual([w.AF_INET6, w.SOCK_STREAM]);
    sock.close();
  });

  test('test_reuse_port', () => {
    let sock = w.create_server(['localhost', 0]);
    expect(sock.getsockopt(w.SOL_SOCKET, w.SO_REUSEPORT)).toBe(0);
    sock.close();
    sock = w.create_server(['localhost', 0], { reuse_port: true });
    expect(sock.getsockopt(w.SOL_SOCKET, w.SO_REUSEPORT)).not.toBe(0);
    sock.close();
  });

  test('test_ipv6_only_default', () => {
    const sock = w.create_server(['::1', 0], { family: w.AF_INET6 });
    expect(sock.getsockopt(w.IPPROTO_IPV6, w.IPV6_V6ONLY)).toBeTruthy();
    sock.close();
  });

  test('test_dualstack_ipv6_family', () => {
    const sock = w.create_server(['::1', 0], { family: w.AF_INET6, dualstack_ipv6: true });
    expect(sock.family).toBe(w.AF_INET6);
    sock.close();
  });
});

describe('CreateServerFunctionalTest', () => {
  // echo_server/echo_client on one thread: connect and send (queued by the kernel),
  // then accept and echo, then read the echo.
  function echo(sock, addr, family) {
    sock.settimeout(10);
    const cli = w.socket(family);
    cli.settimeout(10);
    cli.connect(addr);
    cli.sendall(Buffer.from('foo'));
    const [conn] = sock.accept();
    conn.sendall(conn.recv(1024));
    expect(cli.recv(1024)).toEqual(Buffer.from('foo'));
    closeAll(conn, cli, sock);
  }

  test('test_tcp4', () => {
    const port = closedPort();
    echo(w.create_server(['', port]), ['127.0.0.1', port], w.AF_INET);
  });

  test('test_tcp6', () => {
    const port = closedPort('::1', w.AF_INET6);
    echo(w.create_server(['', port], { family: w.AF_INET6 }), ['::1', port], w.AF_INET6);
  });

  test('test_dual_stack_client_v4', () => {
    const port = closedPort();
    echo(w.create_server(['', port], { family: w.AF_INET6, dualstack_ipv6: true }), ['127.0.0.1', port], w.AF_INET);
  });

  test('test_dual_stack_client_v6', () => {
    const port = closedPort('::1', w.AF_INET6);
    echo(w.create_server(['', port], { family: w.AF_INET6, dualstack_ipv6: true }), ['::1', port], w.AF_INET6);
  });
});

describe('SendfileUsingSendfileTest', () => {
  const FILESIZE = 10 * 1024 * 1024 + 13;
  const FILEDATA = crypto.randomBytes(FILESIZE);
  const sha = (b) => crypto.createHash('sha256').update(b).digest('hex');
  let file;
  let sink;
  beforeAll(async () => {
    file = tmpPath('sendfile');
    fs.writeFileSync(file, FILEDATA);
    // accept_conn/recv_data: a python3 server answering "<length> <sha256>" per connection.
    sink = startPython(`
import socket, hashlib
l = socket.create_server(('127.0.0.1', 0))
l.settimeout(20)
print(l.getsockname()[1], flush=True)
while True:
    c, _ = l.accept()
    c.settimeout(20)
    h = hashlib.sha256(); n = 0
    while True:
        d = c.recv(1 << 16)
        if not d:
            break
        h.update(d); n += len(d)
    c.close()
    print(n, h.hexdigest(), flush=True)
`, { timeout: 60000 });
    sink.port = Number(await sink.line());
  });
  afterAll(() => sink.child.kill('SIGKILL'));

  async function received() {
    const [n, digest] = (await sink.line()).split(' ');
    return [Number(n), digest];
  }

  function withFile(fn) {
    const fd = fs.openSync(file, 'r');
    try {
      return fn(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  test('testRegularFile', async () => {
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(withFile((fd) => sock.sendfile(fd))).toBe(FILESIZE);
    sock.close();
    expect(await received()).toEqual([FILESIZE, sha(FILEDATA)]);
  });

  test('testEmptyFileSend', async () => {
    const empty = tmpPath('empty');
    fs.writeFileSync(empty, '');
    const fd = fs.openSync(empty, 'r');
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(sock.sendfile(fd)).toBe(0);
    sock.close();
    fs.closeSync(fd);
    expect(await received()).toEqual([0, sha(Buffer.alloc(0))]);
  });

  test('testOffset', async () => {
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(withFile((fd) => sock.sendfile(fd, 5000))).toBe(FILESIZE - 5000);
    sock.close();
    expect(await received()).toEqual([FILESIZE - 5000, sha(FILEDATA.subarray(5000))]);
  });

  test('testCount', async () => {
    const count = 5000007;
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(withFile((fd) => sock.sendfile(fd, 0, count))).toBe(count);
    sock.close();
    expect(await received()).toEqual([count, sha(FILEDATA.subarray(0, count))]);
  });

  test('testCountSmall', async () => {
    const count = 1;
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(withFile((fd) => sock.sendfile(fd, 0, count))).toBe(count);
    sock.close();
    expect(await received()).toEqual([count, sha(FILEDATA.subarray(0, count))]);
  });

  test('testCountWithOffset', async () => {
    const count = 100007;
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    expect(withFile((fd) => sock.sendfile(fd, 2007, count))).toBe(count);
    sock.close();
    expect(await received()).toEqual([count, sha(FILEDATA.subarray(2007, 2007 + count))]);
  });

  test('testNonBlocking', async () => {
    const sock = w.create_connection(['127.0.0.1', sink.port], 20);
    sock.setblocking(false);
    withFile((fd) => raises(RangeError, () => sock.sendfile(fd)));
    sock.close();
    expect(await received()).toEqual([0, sha(Buffer.alloc(0))]);
  });

  test('testWithTimeout', async () => {
    const sock = w.create_connection(['127.0.0.1', sink.port], 2);
    expect(withFile((fd) => sock.sendfile(fd))).toBe(FILESIZE);
    sock.close();
    expect(await received()).toEqual([FILESIZE, sha(FILEDATA)]);
  });

  test('testWithTimeoutTriggeredSend', () => {
    // A peer that never reads: the kernel buffers fill and the timeout fires.
    const l = w.socket();
    l.bind(['127.0.0.1', 0]);
    l.listen();
    const sock = w.create_connection(l.getsockname());
    const [conn] = l.accept();
    sock.settimeout(0.01);
    withFile((fd) => raises(w.timeout, () => sock.sendfile(fd)));
    closeAll(sock, conn, l);
  });

  test('testErrors', () => {
    withFile((fd) => {
      const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
      raises(RangeError, () => s.sendfile(fd), (e) => expect(e.message).toMatch(/SOCK_STREAM/));
      s.close();
      const t = w.socket();
      raises(TypeError, () => t.sendfile(fd, 0, '2'));
      raises(TypeError, () => t.sendfile(fd, 0, 0.1));
      raises(RangeError, () => t.sendfile(fd, 0, 0), (e) => expect(e.message).toMatch(/positive integer/));
      raises(RangeError, () => t.sendfile(fd, 0, -1), (e) => expect(e.message).toMatch(/positive integer/));
      t.close();
    });
  });
});

describe('InterruptedTimeoutBase (signals during timed calls)', () => {
  test('test_sendall_interrupted_with_timeout', async () => {
    // CPython's ok_handler part: signals arrive while sendall waits with a timeout; the
    // call keeps waiting and finally raises TimeoutError (here: timeout).
    const child = startNode(`
      process.on('SIGALRM', () => {});
      const [c, s] = w.socketpair();
      c.settimeout(1.5);
      console.log('ready');
      let r;
      try { c.sendall(Buffer.alloc(16 << 20, 'x')); r = 'sent'; } catch (e) { r = e.constructor.name; }
      console.log(r);
    `);
    expect(await child.line()).toBe('ready');
    const timer = setInterval(() => child.child.kill('SIGALRM'), 100);
    const r = await child.done;
    clearInterval(timer);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ready\nTimeoutError\n');
  });
});
