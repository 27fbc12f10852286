// SPDX-License-Identifier: MIT
// sendmsg_afalg's arguments against CPython's: both sides use a socket object of family
// AF_ALG over a UDP descriptor (this kernel has no AF_ALG), so the argument checks run
// and a well-formed call reaches sendmsg() (EDESTADDRREQ from UDP). The real AF_ALG
// exchanges run in the test VM (tests/vm/wasock_families.js: alg_*).
'use strict';
const { spawnSync } = require('node:child_process');
const w = require('../../bridge');

// [label, JS call args, Python keyword arguments]
const CASES = [
  ['no op', [[Buffer.from('abc')]], 'msg=[b"abc"]'],
  ['op and everything', [[Buffer.from('abc')], 0, Buffer.from('1234'), 4], 'msg=[b"abc"], op=0, iv=b"1234", assoclen=4'],
  ['op as keywords', [[Buffer.from('abc')], { op: 1, iv: Buffer.alloc(16) }], 'msg=[b"abc"], op=1, iv=bytes(16)'],
  ['op -1', [[Buffer.from('abc')], -1], 'msg=[b"abc"], op=-1'],
  ['op 2**31', [[Buffer.from('abc')], 2 ** 31], 'msg=[b"abc"], op=2**31'],
  ['op str', [[Buffer.from('abc')], 'x'], 'msg=[b"abc"], op="x"'],
  ['assoclen -1', [[Buffer.from('abc')], 0, null, -1], 'msg=[b"abc"], op=0, assoclen=-1'],
  ['assoclen 2**31', [[Buffer.from('abc')], 0, null, 2 ** 31], 'msg=[b"abc"], op=0, assoclen=2**31'],
  ['assoclen str', [[Buffer.from('abc')], 0, null, 'x'], 'msg=[b"abc"], op=0, assoclen="x"'],
  ['iv str', [[Buffer.from('abc')], 0, 'x'], 'msg=[b"abc"], op=0, iv="x"'],
  ['msg of str', [['abc'], 0], 'msg=["abc"], op=0'],
  ['msg not iterable', [5, 0], 'msg=5, op=0'],
  ['flags str', [[Buffer.from('abc')], { op: 0, flags: 'x' }], 'msg=[b"abc"], op=0, flags="x"'],
  ['no msg', [undefined, 0], 'op=0'],
];

function jsClass(e) {
  if (e instanceof TypeError) return 'TypeError';
  if (e instanceof RangeError) return 'ValueError';
  return `OSError(${e.errno ?? null})`;
}

const PY = `
import json, os, socket, sys
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
out = []
for kw in sys.argv[1:]:
    s = socket.socket(socket.AF_ALG, socket.SOCK_SEQPACKET, 0, fileno=os.dup(u.fileno()))
    try:
        eval("s.sendmsg_afalg(%s)" % kw)
        out.append("ok")
    except (TypeError, SystemError) as e:
        out.append("TypeError")
    except (ValueError, OverflowError):
        out.append("ValueError")
    except OSError as e:
        out.append("OSError(%s)" % json.dumps(e.errno))
    s.close()
print(json.dumps(out))
`;

test('argument checks and their error classes match CPython', () => {
  const py = spawnSync('python3', ['-c', PY, ...CASES.map((c) => c[2])], { encoding: 'utf8', timeout: 20000 });
  if (py.status !== 0) throw new Error(py.stderr);
  const theirs = JSON.parse(py.stdout);
  const udp = w.socket(w.AF_INET, w.SOCK_DGRAM);
  try {
    const mine = CASES.map(([, args]) => {
      const s = w.fromfd(udp.fileno(), w.AF_ALG, w.SOCK_SEQPACKET);
      try {
        s.sendmsg_afalg(...args);
        return 'ok';
      } catch (e) {
        return jsClass(e);
      } finally {
        s.close();
      }
    });
    expect(CASES.map((c, i) => [c[0], mine[i]])).toEqual(CASES.map((c, i) => [c[0], theirs[i]]));
  } finally {
    udp.close();
  }
});

test('only AF_ALG sockets take it', () => {
  const s = w.socket(w.AF_INET, w.SOCK_DGRAM);
  try {
    expect(() => s.sendmsg_afalg([Buffer.from('x')], w.ALG_OP_ENCRYPT)).toThrow('algset is only supported for AF_ALG');
  } finally {
    s.close();
  }
});
