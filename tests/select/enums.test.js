// SPDX-License-Identifier: MIT
// AddressFamily, SocketKind, MsgFlag and AddressInfo against python3's: the members,
// their values and canonical names, repr (util.inspect) and str (String), flag
// combinations and negative flags, errors, and the rule that values stay plain numbers.
'use strict';
const path = require('node:path');
const util = require('node:util');
const { execFileSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');
const w = require(path.join(ROOT, 'bridge'));
const wp = require(path.join(ROOT, 'bridge', 'promises.js'));

const ENUMS = ['AddressFamily', 'SocketKind', 'MsgFlag', 'AddressInfo'];
// Members wasock has where this CPython was built without the headers.
const EXTRA = { AddressFamily: ['AF_BLUETOOTH'] };

const py = JSON.parse(execFileSync('python3', ['-c', `
import json, socket
out = {}
for E in (socket.AddressFamily, socket.SocketKind, socket.MsgFlag, socket.AddressInfo):
    # Unknown bits, and negative values (a flag's complement form).
    probe = sorted({m.value for m in E} | {0, 3, 5, 1 | (1 << 20), 1 << 20, 999, 2050, 1 << 31,
                   (1 << 32) - 1, 1 << 40, -1, -2, -3, -256, -(1 << 20), -(1 << 31), -(1 << 31) - 1})
    def one(v):
        try:
            m = E(v)
            return [m.name, repr(m), str(m), int(m)]
        except ValueError as e:
            return {'error': str(e)}
    out[E.__name__] = {
        'members': [[m.name, m.value] for m in E],
        'all': {k: v.value for k, v in E.__members__.items()},
        'probe': {str(v): one(v) for v in probe},
    }
ai = socket.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM)[0]
out['gai'] = [repr(ai[0]), repr(ai[1])]
print(json.dumps(out))
`], { encoding: 'utf8' }));

for (const name of ENUMS) {
  test(`${name}: the members, values and canonical names of python3's`, () => {
    const E = w[name];
    const ours = [...E].map((m) => [m.name, m.value]).filter(([n]) => !(EXTRA[name] || []).includes(n));
    expect(ours).toEqual(py[name].members);
    const all = Object.fromEntries(Object.entries(E.__members__).map(([k, m]) => [k, m.value])
      .filter(([n]) => !(EXTRA[name] || []).includes(n)));
    expect(all).toEqual(py[name].all);
    for (const [n, v] of Object.entries(py[name].all)) expect(E[n]).toBe(v);
  });

  test(`${name}(value): name, repr, str and value as python3 gives them, negative values too`, () => {
    const E = w[name];
    for (const [v, want] of Object.entries(py[name].probe)) {
      if (want.error) {
        expect(() => E(Number(v))).toThrow(new RangeError(want.error));
        continue;
      }
      const m = E(Number(v));
      expect([m.name, util.inspect(m), String(m), m.value]).toEqual(want);
      if (want[0] !== null) expect(E(want[3])).toBe(m);
    }
  });
}

test('values stay plain numbers: sock.family === AF_INET, members compare == to them', () => {
  const s = w.socket(w.AF_INET, w.SOCK_STREAM);
  expect(s.family).toBe(w.AF_INET);
  expect(w.AddressFamily.AF_INET).toBe(2);
  const m = w.AddressFamily(s.family);
  expect(m == s.family).toBe(true); // eslint-disable-line eqeqeq
  expect(m.value).toBe(s.family);
  expect(+m).toBe(2);
  expect(`${m}`).toBe('2');
  expect(JSON.stringify([m])).toBe('[2]');
  expect(m).toBe(w.AddressFamily(2));
  expect(m).toBeInstanceOf(w.AddressFamily);
  expect(w.AddressFamily(m)).toBe(m);
  expect(util.inspect(w.SocketKind(s.type))).toBe('<SocketKind.SOCK_STREAM: 1>');
  // Python 3.11 prints the numbers in a socket's repr.
  expect(util.inspect(s)).toMatch(/family=2, type=1, proto=0/);
  s.close();
  // Python: ValueError ('AF_INET' is not a valid AddressFamily) for anything but an int.
  expect(() => w.AddressFamily('AF_INET')).toThrow(new RangeError("'AF_INET' is not a valid AddressFamily"));
  expect(w.AddressFamily(true).name).toBe('AF_UNIX');
  expect(w.AddressFamily(2.0).name).toBe('AF_INET');
  expect(w.AddressFamily(w.SocketKind(1)).name).toBe('AF_UNIX');
  expect(() => w.MsgFlag(2.5)).toThrow(new RangeError('2.5 is not a valid MsgFlag'));
  expect(() => w.MsgFlag(null)).toThrow(new RangeError('None is not a valid MsgFlag'));
  const sly = { valueOf() { throw new Error('must not be called'); } };
  expect(() => w.SocketKind(sly)).toThrow(new RangeError('a value of type object is not a valid SocketKind'));
});

test("getaddrinfo() results print by name through the enums, as python3's repr", () => {
  const [af, kind] = w.getaddrinfo('127.0.0.1', 80, 0, w.SOCK_STREAM)[0];
  expect(af).toBe(w.AF_INET);
  expect([util.inspect(w.AddressFamily(af)), util.inspect(w.SocketKind(kind))]).toEqual(py.gai);
});

test('the enums are the same objects on both faces', () => {
  for (const name of ENUMS) expect(wp[name]).toBe(w[name]);
});
