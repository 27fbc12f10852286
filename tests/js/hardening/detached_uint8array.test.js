// SPDX-License-Identifier: MIT
// Detached Uint8Array: a Uint8Array (or Buffer) whose ArrayBuffer was transferred used to
// read as empty bytes; the data the caller meant is gone, so it is a TypeError naming
// the argument, on every path (module functions, fast and generic socket paths, both
// faces). Buffers detached while another argument is read are caught as well.
'use strict';
const ws = require('../../../bridge');
const wsp = require('../../../bridge/promises');

function detached(n = 8) {
  const u = new Uint8Array(n);
  structuredClone(u.buffer, { transfer: [u.buffer] });
  return u;
}

describe('detached Uint8Array', () => {
  test('module functions and socket methods raise TypeError', () => {
    const [a, b] = ws.socketpair();
    try {
      expect(() => ws.inet_ntoa(detached(4))).toThrow('inet_ntoa() argument 1 is a view of a detached ArrayBuffer');
      expect(() => ws.decode_sockaddr(detached())).toThrow(TypeError);
      expect(() => a.send(detached())).toThrow('send() argument 1 is a view of a detached ArrayBuffer');
      expect(() => a.send(detached(), 0x40)).toThrow(TypeError);
      expect(() => a.sendall(detached(4096))).toThrow(TypeError);
      expect(() => a.recv_into(detached())).toThrow('recv_into() argument 1 is a view of a detached ArrayBuffer');
      // Nothing was sent in the meantime.
      a.setblocking(false);
      expect(() => b.recv(10, ws.MSG_DONTWAIT)).toThrow(ws.BlockingIOError);
    } finally {
      a.close();
      b.close();
    }
  });

  test('an empty Uint8Array that is not detached is still empty bytes', () => {
    const [a, b] = ws.socketpair(ws.AF_UNIX, ws.SOCK_DGRAM);
    expect(a.send(new Uint8Array(0))).toBe(0);
    expect(b.recv(10).length).toBe(0);
    a.close();
    b.close();
  });

  test('a buffer detached by a getter of a later argument is refused before the core runs', () => {
    const s = ws.socket(ws.AF_INET, ws.SOCK_DGRAM);
    s.bind(['127.0.0.1', 0]);
    const data = new Uint8Array(16);
    const addr = ['127.0.0.1', s.getsockname()[1]];
    Object.defineProperty(addr, 0, {
      get() { structuredClone(data.buffer, { transfer: [data.buffer] }); return '127.0.0.1'; },
    });
    expect(() => s.sendto(data, addr)).toThrow(/detached or resized while the arguments were read/);
    s.close();
  });

  test('a shrunk resizable buffer: a view it no longer covers is empty, as in JS', () => {
    const rab = new ArrayBuffer(8, { maxByteLength: 16 });
    const view = new Uint8Array(rab, 4, 4);
    rab.resize(6);
    expect(() => ws.inet_ntoa(view)).toThrow(/packed IP wrong length/);
    const rab2 = new ArrayBuffer(16, { maxByteLength: 16 });
    const dv = new DataView(rab2, 8, 8);
    rab2.resize(4);
    expect(() => ws.inet_ntoa(dv)).toThrow(/packed IP wrong length/);
    const tracking = new Uint8Array(rab);
    rab.resize(4);
    tracking.set([10, 0, 0, 1]);
    expect(ws.inet_ntoa(tracking)).toBe('10.0.0.1');
  });

  test('promise face: send and sendall reject with the TypeError', async () => {
    const [a, b] = wsp.socketpair();
    try {
      await expect(a.send(detached())).rejects.toThrow(TypeError);
      await expect(a.sendall(detached())).rejects.toThrow('sendall() argument 1 is a view of a detached ArrayBuffer');
    } finally {
      a.close();
      b.close();
    }
  });
});
