// SPDX-License-Identifier: MIT
//
// The generated tables (tools/genconst.c) against independent sources:
// CPython's socket module, Node's errno names, Python's os.strerror() and the
// C library's gai_strerror()/hstrerror() as Python's ctypes reaches them.

'use strict';

const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..');
const constants = require('../../bridge/constants.js');
const errnoTable = require('../../bridge/errno.js');

// Names CPython's socket module has that bridge/constants.js deliberately
// lacks.  Keep this tiny; every entry needs a reason.
const NOT_EMITTED = {
  // CPython defines these three itself (Modules/socketmodule.h, copied from
  // libkcapi) for an AF_ALG akcipher interface that never reached mainline
  // Linux: no <linux/if_alg.h> has them, and the kernel uses 6 for
  // ALG_SET_DRBG_ENTROPY, not ALG_SET_PUBKEY.
  ALG_SET_PUBKEY: 'not in any Linux header',
  ALG_OP_SIGN: 'not in any Linux header',
  ALG_OP_VERIFY: 'not in any Linux header',
};

const PYTHON_PROBE = String.raw`
import ctypes, errno, json, os, socket, sys
query = json.loads(sys.argv[1])
ints, strings = {}, {}
for name in dir(socket):
    if name.startswith('_') or not name[0].isupper():
        continue
    value = getattr(socket, name)
    if isinstance(value, bool):
        continue
    if isinstance(value, int):
        ints[name] = int(value)
    elif isinstance(value, str):
        strings[name] = value
libc = ctypes.CDLL(None)
libc.gai_strerror.restype = ctypes.c_char_p
libc.gai_strerror.argtypes = [ctypes.c_int]
libc.hstrerror.restype = ctypes.c_char_p
libc.hstrerror.argtypes = [ctypes.c_int]
json.dump({
    'ints': ints,
    'strings': strings,
    'strerror': {n: os.strerror(n) for n in range(1, query['maxErrno'] + 1)},
    'errnoNames': {n: getattr(errno, n) for n in dir(errno) if n.startswith('E')},
    'gai': {k: libc.gai_strerror(int(k)).decode() for k in query['gai']},
    'herror': {k: libc.hstrerror(int(k)).decode() for k in query['herror']},
}, sys.stdout)
`;

const errnoNumbers = Object.keys(errnoTable.errno).map(Number);
const maxErrno = Math.max(...errnoNumbers);

let python;
beforeAll(() => {
  const query = {
    maxErrno,
    gai: Object.keys(errnoTable.gai),
    herror: Object.keys(errnoTable.herror),
  };
  const out = execFileSync('python3', ['-c', PYTHON_PROBE, JSON.stringify(query)], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C', LANGUAGE: '' },
  });
  python = JSON.parse(out);
});

describe('bridge/constants.js', () => {
  test('has every integer constant of CPython\'s socket module, with the same value', () => {
    const names = Object.keys(python.ints);
    expect(names.length).toBeGreaterThan(300);
    const mismatches = [];
    for (const name of names) {
      if (name in NOT_EMITTED) continue;
      if (constants[name] !== python.ints[name]) {
        mismatches.push(`${name}: python ${python.ints[name]}, constants.js ${constants[name]}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('has CPython\'s string constants (BDADDR_ANY, BDADDR_LOCAL) where Python has them', () => {
    for (const [name, value] of Object.entries(python.strings)) {
      if (name.startsWith('BDADDR_')) expect(constants[name]).toBe(value);
    }
    expect(constants.BDADDR_ANY).toBe('00:00:00:00:00:00');
    expect(constants.BDADDR_LOCAL).toBe('00:00:00:FF:FF:FF');
  });

  test('leaves out exactly the names listed as not emitted', () => {
    for (const name of Object.keys(NOT_EMITTED)) expect(constants).not.toHaveProperty(name);
  });

  test('values that need care: sizeof-derived, unsigned all-ones, negative, renamed', () => {
    expect(constants).toMatchObject({
      CAN_MTU: 16,
      CANFD_MTU: 72,
      SOL_CAN_ISOTP: 106,
      CAN_BCM_TX_SETUP: 1,
      CAN_BCM_CAN_FD_FRAME: 0x800,
      CAN_EFF_FLAG: 0x80000000,
      VMADDR_CID_ANY: 4294967295,
      VMADDR_PORT_ANY: 4294967295,
      INADDR_NONE: 4294967295,
      INADDR_LOOPBACK: 0x7f000001,
      TIPC_WAIT_FOREVER: -1,
      EAI_NONAME: -2,
      UDPLITE_SEND_CSCOV: 10,
      UDPLITE_RECV_CSCOV: 11,
      SOCK_NONBLOCK: 0o4000,
      SOCK_CLOEXEC: 0o2000000,
      IOCTL_VM_SOCKETS_GET_LOCAL_CID: 0x7b9,
    });
  });

  test('is frozen, sorted by name, and holds only safe integers and the two strings', () => {
    expect(Object.isFrozen(constants)).toBe(true);
    const names = Object.keys(constants);
    expect(names).toEqual([...names].sort());
    for (const [name, value] of Object.entries(constants)) {
      if (typeof value === 'string') expect(name).toMatch(/^BDADDR_/);
      else expect(Number.isSafeInteger(value)).toBe(true);
    }
  });
});

describe('bridge/errno.js', () => {
  test('covers errno 1..133', () => {
    expect(errnoNumbers).toEqual(Array.from({ length: 133 }, (_, i) => i + 1));
  });

  test('names agree with Node\'s util.getSystemErrorName for every errno Node knows', () => {
    let known = 0;
    for (const n of errnoNumbers) {
      const nodeName = util.getSystemErrorName(-n);
      if (nodeName.startsWith('Unknown system error')) continue;
      known++;
      expect([n, errnoTable.errno[n][0]]).toEqual([n, nodeName]);
    }
    expect(known).toBeGreaterThan(60);
  });

  test('names agree with Python\'s errno module, for the names it has', () => {
    // An older Python may lack a newer name (3.11 has no EHWPOISON).
    let known = 0;
    for (const n of errnoNumbers) {
      const name = errnoTable.errno[n][0];
      if (name === null) {
        expect(Object.values(python.errnoNames)).not.toContain(n);
      } else if (name in python.errnoNames) {
        known++;
        expect([name, python.errnoNames[name]]).toEqual([name, n]);
      }
    }
    expect(known).toBeGreaterThan(120);
  });

  test('texts agree with Python\'s os.strerror for every number', () => {
    for (const n of errnoNumbers) {
      expect([n, errnoTable.errno[n][1]]).toEqual([n, python.strerror[n]]);
    }
  });

  test('gai and herror texts agree with the C library as Python reaches it', () => {
    expect(errnoTable.gai['-2']).toBe('Name or service not known');
    expect(errnoTable.gai).toEqual(python.gai);
    expect(errnoTable.herror[1]).toBe('Unknown host');
    expect(errnoTable.herror).toEqual(python.herror);
    // One gai entry per EAI_* constant value.
    const eai = new Set(
      Object.entries(constants).filter(([k]) => k.startsWith('EAI_')).map(([, v]) => String(v)));
    expect(new Set(Object.keys(errnoTable.gai))).toEqual(eai);
  });
});

describe('src/wasock_const.h', () => {
  const header = fs.readFileSync(path.join(ROOT, 'src', 'wasock_const.h'), 'utf8');
  const defines = new Map();
  for (const m of header.matchAll(/^#define WS_(\w+) \(?(-?\d+)(?:u|ull|ll)?\)?$/gm)) {
    defines.set(m[1], Number(m[2]));
  }

  test('agrees with constants.js and errno.js', () => {
    expect(defines.get('IPV6_V6ONLY')).toBe(constants.IPV6_V6ONLY);
    expect(defines.get('POLLIN')).toBe(1);
    for (const [name, value] of defines) {
      if (name in constants) expect([name, value]).toEqual([name, constants[name]]);
    }
    for (const n of errnoNumbers) {
      const name = errnoTable.errno[n][0];
      if (name !== null) expect([name, defines.get(name)]).toEqual([name, n]);
    }
    expect(defines.get('EWOULDBLOCK')).toBe(defines.get('EAGAIN'));
  });
});

describe('tools/genconst.js --check', () => {
  test('the committed files are what tools/genconst.c generates here', () => {
    const script = path.join(ROOT, 'tools', 'genconst.js');
    const out = execFileSync(process.execPath, [script, '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toMatch(/up to date/);
  });
});
