// SPDX-License-Identifier: MIT
// close() while operations are pending rejects them with EBADF and leaks nothing; an
// unreferenced or closed socket with a pending operation does not keep the process alive.
'use strict';

const {
  wp, listener, silentListener, closeAll, fdCount, uvHandles, sleep, turn, within, startNode,
  killChildren,
} = require('./helpers');

afterAll(killChildren);

function expectEBADF(e) {
  expect(e).toBeInstanceOf(wp.OSError);
  expect(e.code).toBe('EBADF');
  expect(e.errno).toBe(wp.EBADF);
}

const settle = (p) => within(p.then(() => 'resolved', (e) => e), 2000, 'pending operation');

describe('close() with pending operations', () => {
  test('recv, accept, sendall, connect: all reject with EBADF; no fd or poll handle remains', async () => {
    const silent = await silentListener();
    const fds0 = fdCount();
    const polls0 = uvHandles('poll').length;

    const [a, b] = wp.socketpair();
    const recvs = [b.recv(10), b.recv_into(Buffer.alloc(4)), b.recvmsg(10)];

    const l = listener();
    const acc = l.accept();

    const [x, y] = wp.socketpair();
    x.setsockopt(wp.SOL_SOCKET, wp.SO_SNDBUF, 4096);
    const snd = x.sendall(Buffer.alloc(4 << 20));
    const snd2 = x.send(Buffer.alloc(10));

    const c = wp.socket();
    const conn = c.connect(silent.addr);

    await turn();
    expect(uvHandles('poll').length).toBe(polls0 + 4);

    b.close();
    l.close();
    x.close();
    c.close();
    for (const p of [...recvs, acc, snd, snd2, conn]) expectEBADF(await settle(p));

    closeAll(a, y);
    await turn();
    expect(uvHandles('poll').length).toBe(polls0);
    // Not more than before: sockets other test files in this worker dropped may be
    // collected meanwhile and lower the count.
    expect(fdCount()).toBeLessThanOrEqual(fds0);
    silent.close();
  });

  test('closing through the sync face rejects the promise face\'s pending operations', async () => {
    const [a, b] = wp.socketpair();
    const p = b.recv(10);
    b.sync.close();
    expectEBADF(await settle(p));
    closeAll(a);
  });

  test('operations after close reject with EBADF at once', async () => {
    const [a, b] = wp.socketpair();
    b.close();
    for (const p of [b.recv(1), b.send(Buffer.from('x')), b.sendall(Buffer.from('x')), b.accept()])
      expectEBADF(await settle(p));
    a.close();
  });

  test('close from inside a completion callback, with others still pending', async () => {
    const [a, b] = wp.socketpair(wp.AF_UNIX, wp.SOCK_DGRAM);
    const first = b.recv(10).then((d) => {
      b.close();
      return d.toString();
    });
    const second = b.recv(10);
    a.sync.send(Buffer.from('one'));
    expect(await first).toBe('one');
    expectEBADF(await settle(second));
    a.close();
  });

  test('for await over a socket closed mid-iteration ends without an error', async () => {
    const l = listener();
    const got = [];
    const loop = (async () => {
      for await (const [conn] of l) {
        got.push(conn);
      }
      return 'done';
    })();
    const c = wp.socket();
    await c.connect(l.getsockname());
    await sleep(20);
    l.close();
    expect(await within(loop, 2000, 'accept loop')).toBe('done');
    expect(got).toHaveLength(1);
    closeAll(c, got);
  });

  test('close while a poll callback is about to run: no stray resolution, no crash', async () => {
    for (let i = 0; i < 200; i++) {
      const [a, b] = wp.socketpair();
      const p = b.recv(10);
      a.sync.send(Buffer.from('z')); // readable now; the poll callback is queued
      b.close();
      expectEBADF(await settle(p));
      a.close();
    }
    await turn();
    expect(uvHandles('poll')).toEqual([]);
  });
});

describe('unref / ref and process exit', () => {
  test('a socket with a pending recv, unref()ed: the process exits on its own', async () => {
    const r = await startNode(`
      const [a, b] = wp.socketpair();
      b.unref();
      b.recv(10).then(() => console.log('resolved?'), (e) => console.log('rejected', e.code));
      globalThis.keep = [a, b];
      console.log('waiting');
    `, { timeout: 10000 }).done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('waiting');
    expect(r.ms).toBeLessThan(5000);
  });

  test('an unref()ed socket with a pending recv and a timeout: the timer does not hold it either', async () => {
    const r = await startNode(`
      const [a, b] = wp.socketpair();
      b.settimeout(30);
      b.unref();
      b.recv(10).catch(() => {});
      globalThis.keep = [a, b];
    `, { timeout: 10000 }).done;
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(5000);
  });

  test('unref() then ref() again keeps the process alive until the data comes', async () => {
    const r = await startNode(`
      const [a, b] = wp.socketpair();
      b.unref();
      const p = b.recv(10);
      b.ref();
      p.then((d) => { console.log('got', d.toString()); a.close(); b.close(); });
      setTimeout(() => a.sync.send(Buffer.from('late')), 300).unref();
    `, { timeout: 10000 }).done;
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('got late');
    expect(r.code).toBe(0);
  });

  test('a referenced pending recv keeps the process alive (control)', async () => {
    const child = startNode(`
      const [a, b] = wp.socketpair();
      b.recv(10);
      globalThis.keep = [a, b];
      console.log('waiting');
    `, { timeout: 10000 });
    expect(await child.line()).toBe('waiting');
    await sleep(1500);
    expect(child.child.exitCode).toBeNull();
    child.child.kill('SIGKILL');
    const r = await child.done;
    expect(r.signal).toBe('SIGKILL');
  });

  test('a closed socket whose recv was pending does not keep the process alive', async () => {
    const r = await startNode(`
      const [a, b] = wp.socketpair();
      const l = wp.socket(); l.bind(['127.0.0.1', 0]); l.listen();
      b.recv(10).catch((e) => console.log('recv', e.code));
      l.accept().catch((e) => console.log('accept', e.code));
      setTimeout(() => { b.close(); l.close(); }, 100);
      globalThis.keep = [a];
    `, { timeout: 10000 }).done;
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['accept EBADF', 'recv EBADF']);
    expect(r.ms).toBeLessThan(5000);
  });

  test('a pending connect on an unref()ed socket does not keep the process alive', async () => {
    const silent = await silentListener();
    const r = await startNode(`
      const c = wp.socket();
      c.unref();
      c.connect(${JSON.stringify(silent.addr)}).then(() => console.log('connected?'), () => {});
      globalThis.keep = c;
    `, { timeout: 10000 }).done;
    silent.close();
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
  });
});
