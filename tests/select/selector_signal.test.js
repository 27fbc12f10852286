// SPDX-License-Identifier: MIT
// wasock/selectors/promises: a selector's select(timeout, { signal }) ends with an
// AbortError when the signal aborts (before or during the wait), and the selector goes on
// working afterwards, for every kind of selector.
'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const selectors = require(path.join(ROOT, 'bridge', 'selectors_promises.js'));

const KINDS = ['DefaultSelector', 'EpollSelector', 'PollSelector', 'SelectSelector'];

describe.each(KINDS)('%s', (kind) => {
  let a;
  let b;
  let sel;
  beforeEach(() => {
    [a, b] = socket.socketpair();
    sel = selectors[kind]();
    sel.register(a, selectors.EVENT_READ, 'a');
  });
  afterEach(() => {
    sel.close();
    a.close();
    b.close();
  });

  // Nothing is ready: without the abort, the wait would resolve with [] after 0.3 s.
  test('aborting during select(0.3, { signal }) rejects with AbortError', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const err = await sel.select(0.3, { signal: ac.signal }).catch((e) => e);
    expect(err).toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
  });

  test('a signal aborted already rejects at once, its reason as the cause', async () => {
    const reason = new Error('stop');
    await expect(sel.select(null, { signal: AbortSignal.abort(reason) }))
      .rejects.toMatchObject({ name: 'AbortError', cause: reason });
  });

  test('the selector stays usable after an abort; an unaborted signal changes nothing', async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 10);
    await expect(sel.select(null, { signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
    setTimeout(() => b.send(Buffer.from('x')), 10);
    const ready = await sel.select(1, { signal: new AbortController().signal });
    expect(ready.map(([key, events]) => [key.data, events])).toEqual([['a', selectors.EVENT_READ]]);
    expect((await sel.select(0)).length).toBe(1);
  });
});
