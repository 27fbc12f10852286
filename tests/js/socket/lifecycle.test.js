// SPDX-License-Identifier: MIT
// A socket's life: close, detach, dup, fileno, EBADF after close, Symbol.dispose, and
// the FinalizationRegistry closing sockets the program dropped.
'use strict';

const {
  w, fdCount, fdTarget, tcpPair, closeAll, startNode, nodeJSON, killChildren, cleanupTmp,
} = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

describe('close', () => {
  test('fileno() is -1 after close and the descriptor is released', () => {
    const s = w.socket();
    const fd = s.fileno();
    const target = fdTarget(fd);
    expect(fd).toBeGreaterThanOrEqual(0);
    expect(target).toMatch(/^socket:\[\d+\]$/);
    s.close();
    expect(s.fileno()).toBe(-1);
    expect(fdTarget(fd)).not.toBe(target);
  });

  test('close() raises EBADF when the descriptor was closed behind its back (as Python)', async () => {
    const out = await nodeJSON(`
      const s = w.socket();
      w.close(s.fileno());
      const r = [];
      try { s.close(); r.push('no error'); } catch (e) { r.push(e.constructor.name, e.code, e.syscall); }
      r.push(s.fileno());
      try { s.close(); r.push('quiet'); } catch (e) { r.push(e.code); }
      console.log(JSON.stringify(r));`);
    expect(out).toEqual(['OSError', 'EBADF', 'close', -1, 'quiet']);
  });

  test('closing twice is allowed', () => {
    const s = w.socket();
    s.close();
    expect(() => s.close()).not.toThrow();
    expect(s.fileno()).toBe(-1);
  });

  test('every operation after close raises OSError EBADF (once its arguments are valid)', () => {
    const [s, peer] = w.socketpair();
    s.close();
    // As CPython: connect_ex() answers EBADF, detach() -1, the timeout is kept.
    expect(s.connect_ex('/nonexistent')).toBe(w.EBADF ?? 9);
    expect(s.detach()).toBe(-1);
    expect([s.gettimeout(), s.getblocking()]).toEqual([null, true]);
    expect(() => s.bind(['127.0.0.1', 0])).toThrow(TypeError);
    const calls = {
      bind: ['/nonexistent'], connect: ['/nonexistent'],
      listen: [], accept: [], getsockname: [], getpeername: [], getsockopt: [w.SOL_SOCKET, w.SO_TYPE],
      setsockopt: [w.SOL_SOCKET, w.SO_REUSEADDR, 1], setblocking: [false], settimeout: [1],
      recv: [1], recv_into: [Buffer.alloc(1)], recvfrom: [1], recvfrom_into: [Buffer.alloc(1)],
      recvmsg: [1], recvmsg_into: [[Buffer.alloc(1)]], send: [Buffer.from('x')],
      sendall: [Buffer.from('x')], sendto: [Buffer.from('x'), '/nonexistent'],
      sendmsg: [[Buffer.from('x')]], shutdown: [w.SHUT_RDWR], dup: [],
      get_inheritable: [], set_inheritable: [true],
    };
    for (const [name, args] of Object.entries(calls)) {
      let err = null;
      try {
        s[name](...args);
      } catch (e) {
        err = e;
      }
      expect([name, err && err.constructor.name, err && err.errno, err && err.code])
        .toEqual([name, 'OSError', w.EBADF ?? 9, 'EBADF']);
      expect(err).toBeInstanceOf(w.OSError);
    }
    peer.close();
  });

  test('a file of a socket detached meanwhile closes quietly, as in Python', () => {
    const [s, peer] = w.socketpair();
    const f = s.makefile('rb');
    const fd = s.detach();
    expect(f.close()).toBe(null);
    w.close(fd);
    peer.close();
  });

  test('close() of a connected pair: the peer reads EOF', () => {
    const [a, b] = tcpPair();
    a.close();
    b.settimeout(5);
    expect(b.recv(10).length).toBe(0);
    b.close();
  });

  test('module-level close(fd) closes a raw descriptor; a second close is EBADF', async () => {
    const out = await nodeJSON(`
      const fs = require('node:fs');
      const fd = w.socket().detach();
      w.close(fd);
      const open = fs.existsSync('/proc/self/fd/' + fd);
      let err = null;
      try { w.close(fd); } catch (e) { err = [e.code, e.errno]; }
      console.log(JSON.stringify([open, err]));`);
    expect(out).toEqual([false, ['EBADF', 9]]);
    expect(() => w.close(null)).toThrow(TypeError);
  });
});

describe('detach', () => {
  test('returns the descriptor, leaves it open, and the socket reads as closed', () => {
    const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
    const fd = s.fileno();
    const target = fdTarget(fd);
    expect(s.detach()).toBe(fd);
    expect(s.fileno()).toBe(-1);
    expect(fdTarget(fd)).toBe(target);
    expect(() => s.getsockname()).toThrow(expect.objectContaining({ code: 'EBADF' }));
    s.close();
    expect(fdTarget(fd)).toBe(target);
    const again = w.socket(null, null, null, fd);
    expect([again.family, again.type]).toEqual([w.AF_INET, w.SOCK_DGRAM]);
    again.close();
    expect(fdTarget(fd)).not.toBe(target);
  });
});

describe('dup', () => {
  test('a new descriptor on the same socket, same family/type/proto, non-inheritable', () => {
    const [a, b] = w.socketpair();
    const c = a.dup();
    expect(c.fileno()).not.toBe(a.fileno());
    expect(fdTarget(c.fileno())).toBe(fdTarget(a.fileno()));
    expect([c.family, c.type, c.proto]).toEqual([a.family, a.type, a.proto]);
    expect(c.get_inheritable()).toBe(false);
    a.close();
    c.sendall(Buffer.from('via dup'));
    expect(b.recv(100).toString()).toBe('via dup');
    closeAll(b, c);
  });

  test('dup copies the timeout mode (socket.py: sock.settimeout(self.gettimeout()))', () => {
    const s = w.socket();
    s.settimeout(3);
    const d = s.dup();
    expect([d.gettimeout(), d.getblocking()]).toEqual([3, true]);
    s.setblocking(false);
    const e = s.dup();
    expect([e.gettimeout(), e.getblocking()]).toEqual([0, false]);
    closeAll(s, d, e);
  });
});

describe('Symbol.dispose', () => {
  // Node 20 defines Symbol.dispose as Symbol.for('nodejs.dispose') in its main realm only;
  // Jest runs this file in a vm context whose Symbol lacks it.
  const dispose = Symbol.dispose ?? Symbol.for('nodejs.dispose');

  test('[Symbol.dispose]() closes the socket', () => {
    const s = w.socket();
    const fd = s.fileno();
    const target = fdTarget(fd);
    expect(typeof s[dispose]).toBe('function');
    s[dispose]();
    expect(s.fileno()).toBe(-1);
    expect(fdTarget(fd)).not.toBe(target);
    expect(() => s[dispose]()).not.toThrow();
  });

  test('[Symbol.dispose] in a plain node process (main realm)', async () => {
    const r = await startNode(`
      const s = w.socket();
      const fd = s.fileno();
      const f = s.makefile('rb');
      s[Symbol.dispose]();
      const afterSock = require('node:fs').existsSync('/proc/self/fd/' + fd);
      f[Symbol.dispose]();
      console.log(JSON.stringify([typeof Symbol.dispose, s.fileno(), afterSock, f.closed]));
    `).done;
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['symbol', -1, true, true]);
  });
});

describe('properties', () => {
  test('family, type and proto are read-only', () => {
    const s = w.socket(w.AF_INET6, w.SOCK_DGRAM);
    expect([s.family, s.type, s.proto]).toEqual([w.AF_INET6, w.SOCK_DGRAM, 0]);
    expect(() => { s.family = 1; }).toThrow(TypeError);
    expect(() => { s.type = 1; }).toThrow(TypeError);
    expect(() => { s.proto = 1; }).toThrow(TypeError);
    expect([s.family, s.type, s.proto]).toEqual([w.AF_INET6, w.SOCK_DGRAM, 0]);
    s.close();
  });

  test('SOCK_NONBLOCK and SOCK_CLOEXEC are stripped from type', () => {
    const s = w.socket(w.AF_INET, w.SOCK_STREAM | w.SOCK_NONBLOCK | w.SOCK_CLOEXEC);
    expect(s.type).toBe(w.SOCK_STREAM);
    s.close();
  });

  test('the inspect() form, as socket.py __repr__: laddr/raddr only when not empty', () => {
    const util = require('node:util');
    const [a, b] = w.socketpair();
    expect(util.inspect(a)).toBe(`<wasock.Socket fd=${a.fileno()}, family=${w.AF_UNIX}, type=${w.SOCK_STREAM}, proto=0>`);
    const u = w.socket(w.AF_UNIX);
    u.bind('');
    expect(util.inspect(u)).toContain(`laddr=${util.inspect(u.getsockname())}`);
    const [c, s] = tcpPair();
    expect(util.inspect(c)).toContain(`raddr=${util.inspect(s.getsockname())}`);
    closeAll(a, b, u, c, s);
    expect(util.inspect(a)).toBe(`<wasock.Socket [closed] fd=-1, family=${w.AF_UNIX}, type=${w.SOCK_STREAM}, proto=0>`);
  });

  test('new Socket() and socket() build the same thing', () => {
    const a = new w.Socket(w.AF_UNIX, w.SOCK_STREAM);
    const b = w.socket(w.AF_UNIX, w.SOCK_STREAM);
    expect(a).toBeInstanceOf(w.Socket);
    expect(b).toBeInstanceOf(w.Socket);
    expect([a.family, a.type]).toEqual([b.family, b.type]);
    closeAll(a, b);
  });
});

describe('garbage collection', () => {
  test('dropped sockets are closed by the FinalizationRegistry (node --expose-gc child)', async () => {
    const script = `
      const fs = require('node:fs');
      const count = () => fs.readdirSync('/proc/self/fd').length;
      (async () => {
        const before = count();
        (() => {
          for (let i = 0; i < 100; i++) { w.socket(); w.socketpair(); }
          const [c, s] = (() => { const l = w.socket(); l.bind(['127.0.0.1', 0]); l.listen();
            const c = w.socket(); c.connect(l.getsockname()); const r = [c, l.accept()[0]];
            l.close(); return r; })();
          c.sendall(Buffer.from('x')); s.recv(1);
        })();
        const held = count();
        for (let i = 0; i < 20 && count() > before; i++) {
          global.gc();
          await new Promise((r) => setTimeout(r, 20));
        }
        console.log(JSON.stringify({ before, held, after: count() }));
      })();`;
    const { done } = startNode(script, { nodeArgs: ['--expose-gc'] });
    const r = await done;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const { before, held, after } = JSON.parse(r.stdout);
    expect(held - before).toBe(302);
    expect(after).toBe(before);
  });

  test('a socket closed explicitly is not closed again by the registry', async () => {
    // Closing, reusing the fd number for a new socket, then collecting the old object
    // must leave the new socket open.
    const script = `
      const fs = require('node:fs');
      (async () => {
        let fd;
        (() => { const s = w.socket(); fd = s.fileno(); s.close(); })();
        const t = w.socket();
        const same = t.fileno() === fd;
        for (let i = 0; i < 10; i++) { global.gc(); await new Promise((r) => setTimeout(r, 10)); }
        t.getsockname();
        console.log(JSON.stringify({ same, open: fs.readlinkSync('/proc/self/fd/' + t.fileno()) }));
      })();`;
    const r = await startNode(script, { nodeArgs: ['--expose-gc'] }).done;
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.open).toMatch(/^socket:/);
  });
});

describe('fd accounting', () => {
  test('socketpair, dup, detach+close leave the fd count unchanged', () => {
    const before = fdCount();
    for (let i = 0; i < 50; i++) {
      const [a, b] = w.socketpair();
      const c = a.dup();
      w.close(b.detach());
      closeAll(a, c);
    }
    expect(fdCount()).toBe(before);
  });
});
