// SPDX-License-Identifier: MIT
// Event masks as CPython takes them: epoll reads a C unsigned int modulo 2**32, so
// EPOLLIN | EPOLLET (negative in JavaScript, whose | is signed 32-bit) is the mask it
// stands for; poll takes an unsigned short, and a negative int32 is the unsigned value it
// stands for, too large as CPython finds the same bits.
'use strict';
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const socket = require(path.join(ROOT, 'bridge'));
const faces = {
  sync: require(path.join(ROOT, 'bridge', 'select.js')),
  promises: require(path.join(ROOT, 'bridge', 'select_promises.js')),
};
const { EPOLLIN, EPOLLOUT, EPOLLET, EPOLLONESHOT, POLLIN } = faces.sync;

const EPOLL_MASKS = [EPOLLIN | EPOLLET, EPOLLIN | EPOLLOUT | EPOLLET | EPOLLONESHOT, -1, -(2 ** 31),
  2 ** 31, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, -(2 ** 31) - 1, 2 ** 40 + 1];
const POLL_MASKS = [0, 0x7fff, 0x8000, 0xffff, 0x10000, 2 ** 31, 2 ** 32];

// What python3 does with each mask: 'ok', ['OSError', errno] or [exception class, message].
function python(kind, masks) {
  return JSON.parse(execFileSync('python3', ['-c', `
import json, select, socket, sys
a, b = socket.socketpair()
masks = json.loads(sys.argv[1])
def outcome(f):
    try:
        f()
        return 'ok'
    except OSError as e:
        return ['OSError', e.errno]
    except Exception as e:
        return [type(e).__name__, str(e)]
out = []
for m in masks:
    o = select.${kind}()
    reg = outcome(lambda: o.register(a, m))
    if reg == 'ok':
        o.unregister(a)
    o.register(a, select.POLLIN)
    mod = outcome(lambda: o.modify(a, m))
    out.append([reg, mod])
print(json.dumps(out))
`, JSON.stringify(masks)], { encoding: 'utf8' }));
}

// The same through one of wasock's faces, Python's exception classes named by theirs:
// RangeError for ValueError and OverflowError.
function ours(select, kind, masks) {
  const [a, b] = socket.socketpair();
  const outcome = (f) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      if (e instanceof socket.OSError) return ['OSError', e.errno];
      return [e.constructor.name, e.message];
    }
  };
  const out = masks.map((m) => {
    const o = select[kind]();
    const reg = outcome(() => o.register(a, m));
    if (reg === 'ok') o.unregister(a);
    o.register(a, POLLIN);
    const mod = outcome(() => o.modify(a, m));
    o.close?.();
    return [reg, mod];
  });
  a.close();
  b.close();
  return out;
}

describe.each(Object.keys(faces))('%s face', (face) => {
  const select = faces[face];

  test('epoll register/modify take negative and out-of-range masks as python3 does', () => {
    expect(ours(select, 'epoll', EPOLL_MASKS)).toEqual(python('epoll', EPOLL_MASKS));
  });

  test('poll register/modify: an unsigned short; a negative int32 is its unsigned value, too large', () => {
    expect(ours(select, 'poll', POLL_MASKS)).toEqual(
      python('poll', POLL_MASKS).map((r) => r.map((o) => (o === 'ok' ? o : ['RangeError', o[1]]))));
    // The bits CPython finds too large (EPOLLET's is 2**31): the same error for the
    // negative int32 JavaScript's | makes of them.
    const [tooLarge] = python('poll', [(POLLIN | EPOLLET) >>> 0]);
    expect(ours(select, 'poll', [POLLIN | EPOLLET, -1])).toEqual([
      tooLarge.map((o) => ['RangeError', o[1]]), tooLarge.map((o) => ['RangeError', o[1]])]);
    // Beyond int32, a negative value is no mask: Python's ValueError.
    expect(ours(select, 'poll', [-(2 ** 31) - 1])).toEqual([[['RangeError', 'value must be positive'],
      ['RangeError', 'value must be positive']]]);
    expect(() => select.poll().register(0, '1')).toThrow(TypeError);
  });
});

test('EPOLLIN | EPOLLET registers edge-triggered: one event per arrival of data', () => {
  const select = faces.sync;
  expect(EPOLLIN | EPOLLET).toBeLessThan(0);
  const [a, b] = socket.socketpair();
  const ep = select.epoll();
  ep.register(a, EPOLLIN | EPOLLET);
  b.send(Buffer.from('x'));
  expect(ep.poll(1)).toEqual([[a.fileno(), EPOLLIN]]);
  expect(ep.poll(0)).toEqual([]); // unread data, but no new edge
  b.send(Buffer.from('y'));
  expect(ep.poll(1)).toEqual([[a.fileno(), EPOLLIN]]);
  ep.modify(a, EPOLLIN | EPOLLOUT | EPOLLET);
  expect(ep.poll(1)).toEqual([[a.fileno(), EPOLLIN | EPOLLOUT]]);
  expect(ep.poll(0)).toEqual([]);
  ep.close();
  a.close();
  b.close();
});
