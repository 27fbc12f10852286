// SPDX-License-Identifier: MIT
// wasock/selectors and wasock/selectors/promises against CPython's selectors module:
// each selector class through the steps of tests/select/selectors_oracle.py (register,
// select, modify, get_key, get_map, unregister, close and their errors).
'use strict';
const path = require('node:path');
const util = require('node:util');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const syncSelectors = require(path.join(ROOT, 'bridge', 'selectors.js'));
const asyncSelectors = require(path.join(ROOT, 'bridge', 'selectors_promises.js'));

const oracle = JSON.parse(execFileSync('python3', [path.join(__dirname, 'selectors_oracle.py')],
  { encoding: 'utf8', timeout: 30000 }));

function run(f) {
  try {
    const r = f();
    return r;
  } catch (e) {
    return { error: e.name };
  }
}

async function steps(selectors, Cls) {
  const [a, b] = socket.socketpair();
  const [c, d] = socket.socketpair();
  const sel = new Cls();
  const out = [];
  const names = { [a.fileno()]: 'a', [c.fileno()]: 'c' };
  const sort = (l) => l.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  const ready = async (timeout = 0) =>
    sort((await sel.select(timeout)).map(([k, mask]) => [names[k.fd], k.data, mask]));

  let key = sel.register(a, selectors.EVENT_READ, 'A');
  out.push([key.fileobj === a, key.fd === a.fileno(), key.events, key.data]);
  out.push(await ready());
  b.send(Buffer.from('x'));
  out.push(await ready());
  out.push(await ready(null));
  out.push(run(() => sel.register(a, selectors.EVENT_READ)));
  out.push(run(() => sel.register(c, 0)));
  out.push(run(() => sel.register(c, 4)));
  out.push(run(() => sel.register(-1, selectors.EVENT_READ)));
  out.push(run(() => sel.register({}, selectors.EVENT_READ)));
  sel.register(c, selectors.EVENT_WRITE, 'C');
  out.push(await ready());
  key = sel.modify(c, selectors.EVENT_READ | selectors.EVENT_WRITE, 'C2');
  out.push([key.events, key.data]);
  out.push(await ready());
  key = sel.modify(a, selectors.EVENT_READ, 'A2');
  out.push([key.events, key.data, sel.get_key(a).data]);
  out.push(run(() => sel.modify(b, selectors.EVENT_READ).events));
  out.push(run(() => sel.modify(a, 0).events));
  out.push([sel.get_map().size, [...sel.get_map()].map((fd) => names[fd]).sort(), sel.get_map().get(c).data]);
  out.push(run(() => sel.get_key(b)));
  key = sel.unregister(c);
  out.push([key.data, sel.get_map().size]);
  out.push(run(() => sel.unregister(c)));
  out.push(await ready(0.01));
  out.push(run(() => sel.unregister(a).data));
  out.push(await ready(0.01));
  const closed = { fileno() { throw new RangeError('closed'); } };
  out.push(run(() => sel.register(closed, selectors.EVENT_READ)));
  sel.close();
  out.push(run(() => sel.get_key(a)));
  out.push(sel.get_map());
  for (const s of [a, b, c, d]) s.close();
  return out;
}

for (const [face, selectors] of [['sync', syncSelectors], ['promise', asyncSelectors]]) {
  for (const name of ['SelectSelector', 'PollSelector', 'EpollSelector']) {
    test(`${face} ${name}: the steps give CPython's answers`, async () => {
      expect(await steps(selectors, selectors[name])).toEqual(oracle[name]);
    });
  }
}

test('DefaultSelector is the epoll one, as on Linux; its fileno() is its epoll fd', () => {
  expect(syncSelectors.DefaultSelector).toBe(syncSelectors.EpollSelector);
  expect(asyncSelectors.DefaultSelector).toBe(asyncSelectors.EpollSelector);
  const sel = new syncSelectors.DefaultSelector();
  expect(sel.fileno()).toBeGreaterThan(2);
  sel.close();
});

test('SelectorKey: fields by name, destructuring as a 4-tuple, and a Python-like inspect', () => {
  const [a, b] = socket.socketpair();
  const sel = new syncSelectors.DefaultSelector();
  const key = sel.register(a, syncSelectors.EVENT_READ);
  const [fileobj, fd, events, data] = key;
  expect([fileobj === a, fd, events, data]).toEqual([true, a.fileno(), 1, null]);
  expect(Object.isFrozen(key)).toBe(true);
  expect(util.inspect(key)).toBe(`SelectorKey(fileobj=${util.inspect(a)}, fd=${a.fileno()}, events=1, data=None)`);
  sel.close();
  a.close();
  b.close();
});

test('a selector forgets a file object closed while registered (by identity), as Python does', () => {
  const [a, b] = socket.socketpair();
  const sel = new syncSelectors.DefaultSelector();
  sel.register(a, syncSelectors.EVENT_READ, 'A');
  a.close();
  expect(sel.get_key(a).data).toBe('A');
  expect(sel.unregister(a).data).toBe('A');
  sel.close();
  b.close();
});

test('the promise face waits on the event loop: timers run while select() waits', async () => {
  const [a, b] = socket.socketpair();
  const sel = new asyncSelectors.DefaultSelector();
  sel.register(a, asyncSelectors.EVENT_READ, 'A');
  let ticks = 0;
  const iv = setInterval(() => { ticks++; }, 5);
  setTimeout(() => b.send(Buffer.from('x')), 100);
  const ready = await sel.select();
  clearInterval(iv);
  expect(ready.map(([k, m]) => [k.data, m])).toEqual([['A', 1]]);
  expect(ticks).toBeGreaterThan(3);
  sel.close();
  a.close();
  b.close();
});

test('selectors and select objects are made with a call, as in Python, or with new', () => {
  const select = require(path.join(ROOT, 'bridge', 'select.js'));
  for (const [make, Cls] of [[() => select.poll(), select.poll], [() => select.epoll(), select.epoll],
    [() => syncSelectors.DefaultSelector(), syncSelectors.EpollSelector],
    [() => syncSelectors.SelectSelector(), syncSelectors.BaseSelector],
    [() => asyncSelectors.PollSelector(), asyncSelectors.PollSelector]]) {
    const o = make();
    expect(o).toBeInstanceOf(Cls);
    if (o.close) o.close();
  }
  class Mine extends select.epoll {}
  const m = new Mine();
  expect(m).toBeInstanceOf(select.epoll);
  m.close();
});
