// SPDX-License-Identifier: MIT
// The promise face's file and the synchronous one are the same layers (bridge/filecore.js):
// the same argument checks (a bad one rejects at once, nothing queued), writelines()
// failing at a bad item after the items before it (as Python's), and the same inspect
// output under the face's name.
'use strict';
const util = require('node:util');
const { wp, closeAll } = require('./helpers');

const B = (s) => Buffer.from(s, 'latin1');

test('bad arguments reject with the synchronous face\'s TypeError, and the file stays usable', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('rb');
  const g = a.sync.makefile('rb');
  for (const [call, what] of [[(x) => x.read('x'), 'read() argument'], [(x) => x.readline(1.5), 'readline() argument'],
    [(x) => x.readlines({}), 'readlines() argument'], [(x) => x.readinto('no'), 'readinto() argument']]) {
    let syncError;
    try { call(g); } catch (e) { syncError = e; }
    expect(syncError).toBeInstanceOf(TypeError);
    expect(syncError.message).toContain(what);
    await expect(call(f)).rejects.toThrow(syncError.message);
  }
  await b.sendall(B('line\n'));
  expect(await f.readline()).toEqual(B('line\n'));
  await f.close();
  g.close();
  closeAll(a, b);
});

test('writelines: the items before a bad one are written, then the TypeError', async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('wb');
  await expect(f.writelines([B('a'), 'x', B('b')])).rejects.toThrow("a bytes-like object is required, not 'string'");
  await f.flush();
  expect(await b.recv(10)).toEqual(B('a'));
  const t = a.makefile('w', { encoding: 'latin-1' });
  await expect(t.writelines(['ok ', 5])).rejects.toThrow(TypeError);
  await t.close();
  expect(await b.recv(10)).toEqual(B('ok '));
  await f.close();
  closeAll(a, b);
});

test("the promise face's files inspect as <AsyncSocketFile name=.. mode=..>", async () => {
  const [a, b] = wp.socketpair();
  const f = a.makefile('rb');
  const t = a.makefile('w', { encoding: 'utf-8' });
  const fd = a.fileno();
  expect(util.inspect(f)).toBe(`<AsyncSocketFile name=${fd} mode='rb'>`);
  expect(String(t)).toBe(`<AsyncSocketFile name=${fd} mode='w' encoding='utf-8'>`);
  expect(util.inspect(a.sync.makefile('rb'))).toBe(`<SocketFile name=${fd} mode='rb'>`);
  await f.close();
  await t.close();
  expect(util.inspect(f)).toBe("<AsyncSocketFile name=-1 mode='rb'>");
  closeAll(a, b);
});
