// SPDX-License-Identifier: MIT
// V8 TypeErrors: every bad argument is refused by wasock with the right class and the
// argument named, never by the engine from inside the bridge ('Cannot read properties
// of null', 'Cannot perform DataView.prototype.byteOffset on a detached ArrayBuffer',
// 'lines is not iterable').
'use strict';
const ws = require('../../../bridge');
const wsp = require('../../../bridge/promises');

function detachedView(Ctor) {
  const buf = new ArrayBuffer(16);
  const view = Ctor === DataView ? new DataView(buf) : new Ctor(buf);
  structuredClone(buf, { transfer: [buf] });
  return view;
}

// The error fn throws: of class Cls, its message naming `names` (a RegExp).
function refused(fn, Cls, names) {
  let err;
  try { fn(); } catch (e) { err = e; }
  expect(err).toBeInstanceOf(Cls);
  expect(err.message).toMatch(names);
  expect(err.message).not.toMatch(/Cannot (read|perform)|is not iterable|undefined \(reading/);
  expect(err.stack.split('\n')[1]).not.toMatch(/\(<anonymous>\)|node:internal/);
  return err;
}

describe('V8 TypeErrors', () => {
  let a;
  let b;
  beforeEach(() => { [a, b] = ws.socketpair(); });
  afterEach(() => { a.close(); b.close(); });

  test.each([DataView, Float64Array, Int16Array, BigUint64Array])('detached %p views: TypeError naming the argument', (Ctor) => {
    refused(() => a.send(detachedView(Ctor)), TypeError, /send\(\) argument 1 is a view of a detached/);
    refused(() => a.sendall(detachedView(Ctor)), TypeError, /sendall\(\) argument 1/);
    refused(() => a.sendmsg([detachedView(Ctor)]), TypeError, /sendmsg\(\) argument 1/);
    refused(() => a.recv_into(detachedView(Ctor)), TypeError, /recv_into\(\) argument 1/);
    refused(() => a.recvfrom_into(detachedView(Ctor)), TypeError, /recvfrom_into\(\) argument 1/);
    refused(() => a.recvmsg_into([detachedView(Ctor)]), TypeError, /recvmsg_into\(\) argument 1/);
    refused(() => ws.inet_ntoa(detachedView(Ctor)), TypeError, /inet_ntoa\(\) argument 1/);
    const f = a.makefile('wb');
    refused(() => f.write(detachedView(Ctor)), TypeError, /write\(\) argument/);
    f.close();
  });

  test('send_fds / recv_fds with bad arguments', () => {
    refused(() => ws.send_fds(a, [Buffer.from('x')], null), TypeError, /send_fds\(\) argument 3 \(fds\)/);
    refused(() => ws.send_fds(a, [Buffer.from('x')], 5), TypeError, /send_fds\(\) argument 3/);
    refused(() => ws.send_fds(a, [Buffer.from('x')], [1.5]), TypeError, /fds\[0\]/);
    refused(() => ws.send_fds(a, [Buffer.from('x')], ['3']), TypeError, /fds\[0\]/);
    refused(() => ws.send_fds(a, [Buffer.from('x')], [2 ** 31]), RangeError, /fds\[0\]/);
    refused(() => ws.recv_fds(a, 10, 'x'), TypeError, /maxfds/);
    refused(() => ws.recv_fds(a, 10, null), TypeError, /maxfds/);
    refused(() => ws.recv_fds(a, 10, 1.5), TypeError, /maxfds/);
    // A BigInt maxfds is an integer, as in Python.
    ws.send_fds(b, [Buffer.from('y')], [a.fileno()]);
    const [msg, fds] = ws.recv_fds(a, 10, 1n);
    expect(msg.toString()).toBe('y');
    expect(fds.length).toBe(1);
    ws.close(fds[0]);
  });

  test('makefile writelines / readinto with bad arguments', () => {
    const w = a.makefile('wb');
    refused(() => w.writelines(null), TypeError, /writelines\(\) argument/);
    refused(() => w.writelines(5), TypeError, /writelines\(\) argument/);
    w.close();
    const r = a.makefile('rb');
    refused(() => r.readinto(null), TypeError, /readinto\(\) argument/);
    refused(() => r.readinto(5), TypeError, /readinto\(\) argument/);
    refused(() => r.readinto({ byteLength: 4 }), TypeError, /readinto\(\) argument/);
    b.sendall(Buffer.from('abc'));
    const into = new Uint16Array(1);
    expect(r.readinto(into)).toBe(2);
    r.close();
  });

  test('create_server(address, null) takes the defaults; a non-object is TypeError', async () => {
    const srv = ws.create_server(['127.0.0.1', 0], null);
    expect(srv.getsockname()[0]).toBe('127.0.0.1');
    srv.close();
    refused(() => ws.create_server(['127.0.0.1', 0], 5), TypeError, /create_server\(\) options/);
    const asrv = await wsp.create_server(['127.0.0.1', 0], null);
    asrv.close();
    await expect(wsp.create_server(['localhost', 0], 'x')).rejects.toThrow(/create_server\(\) options/);
  });

  test('promise face: options.signal that is not an AbortSignal rejects with TypeError', async () => {
    const [pa, pb] = wsp.socketpair();
    try {
      for (const signal of [{}, 5, { aborted: true }, 'x']) {
        await expect(pa.recv(10, 0, { signal })).rejects.toThrow(/options.signal must be an AbortSignal/);
        await expect(pa.connect(['127.0.0.1', 1], { signal })).rejects.toThrow(TypeError);
      }
      await pb.sendall(Buffer.from('ok'));
      expect((await pa.recv(10, 0, { signal: new AbortController().signal })).toString()).toBe('ok');
    } finally {
      pa.close();
      pb.close();
    }
  });

  test('a revoked Proxy in an argument is wasock\'s TypeError', () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    refused(() => ws.getnameinfo(proxy, 0), TypeError, /getnameinfo\(\) argument 1/);
  });
});
