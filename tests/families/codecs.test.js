// SPDX-License-Identifier: MIT
// The sockaddr codecs of every family against CPython's own getsockaddrarg/makesockaddr
// (oracle.py, which reaches them for families this kernel lacks through a preloaded
// bind/getsockname shim) and against the kernel headers' layouts packed with struct.
'use strict';
const ws = require('../../bridge');
const { oracle, norm, wire, pyClass, pyAnswerClass } = require('./oracle');

const {
  AF_CAN, CAN_RAW, CAN_BCM, CAN_ISOTP, CAN_J1939, AF_PACKET, AF_NETLINK, AF_TIPC, AF_ALG,
  AF_VSOCK, AF_QIPCRTR, AF_RDS, AF_BLUETOOTH, BTPROTO_L2CAP, BTPROTO_RFCOMM, BTPROTO_HCI,
  BTPROTO_SCO, TIPC_ADDR_NAMESEQ, TIPC_ADDR_NAME, TIPC_ADDR_ID, PACKET_BROADCAST,
  VMADDR_CID_ANY, VMADDR_PORT_ANY,
} = ws;
const mac = Buffer.from('020000000001', 'hex');
const bdaddr = '01:23:45:67:89:AB';

// [family, proto, address]: valid and invalid, each run through wasock and CPython.
const CASES = [
  [AF_CAN, CAN_RAW, ['lo']], [AF_CAN, CAN_RAW, ['']], [AF_CAN, CAN_BCM, ['lo']],
  [AF_CAN, CAN_RAW, [Buffer.from('lo')]], [AF_CAN, CAN_RAW, ['nosuchif0']],
  [AF_CAN, CAN_RAW, ['x'.repeat(15)]], [AF_CAN, CAN_RAW, ['x'.repeat(16)]],
  [AF_CAN, CAN_RAW, 'lo'], [AF_CAN, CAN_RAW, ['lo', 1]], [AF_CAN, CAN_RAW, [5]],
  [AF_CAN, CAN_RAW, ['l\0o']], [AF_CAN, 99, ['lo']], [AF_CAN, CAN_RAW, []],
  [AF_CAN, CAN_ISOTP, ['lo', 0x7e0, 0x7e8]], [AF_CAN, CAN_ISOTP, ['', 0x80000123, 0x80000456]],
  [AF_CAN, CAN_ISOTP, ['lo', -1, 2 ** 32 + 5]], [AF_CAN, CAN_ISOTP, ['lo', 1]],
  [AF_CAN, CAN_ISOTP, ['lo', 'a', 1]], [AF_CAN, CAN_ISOTP, ['nosuchif0', 1, 2]],
  [AF_CAN, CAN_J1939, ['lo', 0n, 0x40000, 0xff]], [AF_CAN, CAN_J1939, ['lo', 0x1122334455667788n, 0x12300, 0x20]],
  [AF_CAN, CAN_J1939, ['lo', 2n ** 64n - 1n, 0, 0]], [AF_CAN, CAN_J1939, ['', -1, 2 ** 32 + 3, 256 + 7]],
  [AF_CAN, CAN_J1939, ['lo', 1, 2]], [AF_CAN, CAN_J1939, ['nosuchif0', 0, 0, 0]],
  [AF_CAN, CAN_J1939, ['lo', 1.5, 0, 0]],

  [AF_PACKET, 0, ['lo', 0x800]], [AF_PACKET, 0, ['lo', 0x88b5, PACKET_BROADCAST, 1, mac]],
  [AF_PACKET, 0, ['lo', 0, 0, 0, Buffer.alloc(8, 0xab)]], [AF_PACKET, 0, ['lo', 0, 0, 0, Buffer.alloc(9)]],
  [AF_PACKET, 0, ['lo', 65536]], [AF_PACKET, 0, ['lo', -1]], [AF_PACKET, 0, ['lo', 2 ** 31]],
  [AF_PACKET, 0, ['lo']], [AF_PACKET, 0, 'lo'], [AF_PACKET, 0, [Buffer.from('lo'), 0]],
  [AF_PACKET, 0, ['nosuchif0', 0]], [AF_PACKET, 0, ['', 0]], [AF_PACKET, 0, ['lo', 0, 300, 70000]],
  [AF_PACKET, 0, ['lo', 0, 0, 0, 'ab']], [AF_PACKET, 0, ['lo', 1.5]], [AF_PACKET, 0, ['lo\0', 0]],
  [AF_PACKET, 0, ['nosuchif0', 0, 0, 0, Buffer.alloc(9)]], [AF_PACKET, 0, [`lo${'x'.repeat(20)}`, 0]],
  [AF_PACKET, 0, ['lo', 0, 0, 0, mac, 1]],

  [AF_NETLINK, 0, [0, 0]], [AF_NETLINK, 0, [1234, 5]], [AF_NETLINK, 0, [-1, 2 ** 32 + 1]],
  [AF_NETLINK, 0, [1]], [AF_NETLINK, 0, 'x'], [AF_NETLINK, 0, [1, 'a']],

  [AF_TIPC, 0, [TIPC_ADDR_NAMESEQ, 18888, 1, 9, 3]], [AF_TIPC, 0, [TIPC_ADDR_NAME, 18888, 17, 0]],
  [AF_TIPC, 0, [TIPC_ADDR_ID, 0x1001002, 77, 0, 1]], [AF_TIPC, 0, [TIPC_ADDR_NAME, 1, 2, 3, 258]],
  [AF_TIPC, 0, [TIPC_ADDR_NAMESEQ, 1, 2, 3, -1]], [AF_TIPC, 0, [4, 1, 2, 3]], [AF_TIPC, 0, [1, 2, 3]],
  [AF_TIPC, 0, [1, 2, 3, 'x']], [AF_TIPC, 0, 7],

  [AF_ALG, 0, ['hash', 'sha256']], [AF_ALG, 0, ['skcipher', 'cbc(aes)', 1, 2]],
  [AF_ALG, 0, ['aead', 'gcm(aes)', 0x12345, 0x10001]], [AF_ALG, 0, ['h'.repeat(13), 'n'.repeat(63)]],
  [AF_ALG, 0, ['h'.repeat(14), 'x']], [AF_ALG, 0, ['hash', 'n'.repeat(64)]],
  [AF_ALG, 0, [Buffer.from('hash'), 'x']], [AF_ALG, 0, ['hash']], [AF_ALG, 0, ['ha\0sh', 'x']],
  [AF_ALG, 0, 'hash'],

  [AF_VSOCK, 0, [VMADDR_CID_ANY, VMADDR_PORT_ANY]], [AF_VSOCK, 0, [2, 1234]],
  [AF_VSOCK, 0, [-1, 2 ** 32 + 7]], [AF_VSOCK, 0, [1]], [AF_VSOCK, 0, 'x'],
  [AF_QIPCRTR, 0, [1, 0x4000]], [AF_QIPCRTR, 0, [1]], [AF_QIPCRTR, 0, 5],
  [AF_RDS, 0, ['127.0.0.1', 4000]], [AF_RDS, 0, ['127.0.0.1', 70000]], [AF_RDS, 0, ['127.0.0.1']],

  [AF_BLUETOOTH, BTPROTO_L2CAP, [bdaddr, 0x1001]], [AF_BLUETOOTH, BTPROTO_L2CAP, ['00:00:00:00:00:00', 1]],
  [AF_BLUETOOTH, BTPROTO_L2CAP, ['1:2:3:4:5:6', 3]], [AF_BLUETOOTH, BTPROTO_L2CAP, [' 1: 2:a:B:0x5:6', 3]],
  [AF_BLUETOOTH, BTPROTO_L2CAP, ['01:23:45:67:89', 1]], [AF_BLUETOOTH, BTPROTO_L2CAP, ['01:23:45:67:89:AB:CD', 1]],
  [AF_BLUETOOTH, BTPROTO_L2CAP, ['01:23:45:67:89:ABC', 1]], [AF_BLUETOOTH, BTPROTO_L2CAP, ['gg:23:45:67:89:AB', 1]],
  [AF_BLUETOOTH, BTPROTO_L2CAP, ['01:23:45:67:89:AB ', 1]], [AF_BLUETOOTH, BTPROTO_L2CAP, [bdaddr]],
  [AF_BLUETOOTH, BTPROTO_L2CAP, 'x'], [AF_BLUETOOTH, BTPROTO_L2CAP, [bdaddr, 0x10001]],
  [AF_BLUETOOTH, BTPROTO_RFCOMM, [bdaddr, 3]], [AF_BLUETOOTH, BTPROTO_RFCOMM, [bdaddr, 300]],
  [AF_BLUETOOTH, BTPROTO_RFCOMM, [bdaddr]], [AF_BLUETOOTH, BTPROTO_RFCOMM, ['nonsense', 1]],
  [AF_BLUETOOTH, BTPROTO_HCI, [0]], [AF_BLUETOOTH, BTPROTO_HCI, [1]], [AF_BLUETOOTH, BTPROTO_HCI, 'hci0'],
  [AF_BLUETOOTH, BTPROTO_SCO, Buffer.from(bdaddr)], [AF_BLUETOOTH, BTPROTO_SCO, Buffer.from('01:23')],
  [AF_BLUETOOTH, BTPROTO_SCO, 5], [AF_BLUETOOTH, 9, [bdaddr, 1]],
];

// Bytes CPython 3.11 leaves uninitialised (it stopped zeroing some sockaddrs, later
// versions zero them as wasock does): compared as '..'.
function junk(family, proto, hex) {
  const skip = new Set();
  const range = (a, b) => { for (let i = a; i < b; i++) skip.add(i); };
  if (family === AF_NETLINK || family === AF_QIPCRTR) {
    range(2, 4);
  } else if (family === AF_CAN) {
    range(2, 4);
    range(proto === CAN_ISOTP ? 16 : proto === CAN_J1939 ? 21 : 8, 24);
  } else if (family === AF_PACKET) {
    range(12 + parseInt(hex.slice(22, 24), 16), 20);
  } else if (family === AF_BLUETOOTH && proto === BTPROTO_RFCOMM) {
    range(9, 10);
  } else if (family === AF_BLUETOOTH && proto === BTPROTO_L2CAP) {
    range(13, 14);
  }
  return hex.replace(/../g, (b, i) => (skip.has(i / 2) ? '..' : b));
}

function ours(family, proto, addr) {
  try {
    return { hex: ws.encode_sockaddr(family, addr, proto).toString('hex') };
  } catch (e) {
    return { err: pyClass(e), message: e.message };
  }
}

const show = (v) => JSON.stringify(wire(v), (k, x) => (typeof x === 'bigint' ? `${x}n` : x));
const py = oracle();

describe('sockaddr codecs against CPython', () => {
  if (py.reason) {
    test.skip(`every family — skipped: ${py.reason}`, () => {});
    return;
  }
  const has = py.run([{ op: 'has', name: 'BTPROTO_L2CAP' }])[0].ok;
  const cases = CASES.filter(([family]) => family !== AF_BLUETOOTH || has);
  let encoded, decoded;

  beforeAll(() => {
    encoded = py.run(cases.map(([family, proto, addr]) => ({ op: 'encode', family, proto, addr: wire(addr) })));
    // every address both sides encoded, decoded again by both
    const dec = [];
    cases.forEach(([family, proto, addr], i) => {
      const mine = ours(family, proto, addr);
      if (mine.hex) dec.push({ family, proto, hex: mine.hex });
    });
    decoded = { cases: dec, answers: py.run(dec.map((d) => ({ op: 'decode', ...d }))) };
  });

  test.each(cases.map((c, i) => [`${c[0]}/${c[1]} ${show(c[2])}`, i]))('encode %s', (name, i) => {
    const [family, proto, addr] = cases[i];
    const mine = ours(family, proto, addr);
    const theirs = encoded[i];
    if (theirs.ok !== undefined) {
      expect(mine).toEqual({ hex: expect.any(String) });
      expect(junk(family, proto, mine.hex)).toBe(junk(family, proto, theirs.ok));
    } else {
      expect({ err: mine.err, hex: mine.hex }).toEqual({ err: pyAnswerClass(theirs), hex: undefined });
    }
  });

  test('decode: what both encoded decodes to the same value in both', () => {
    const diffs = [];
    decoded.cases.forEach((d, i) => {
      const a = decoded.answers[i];
      let mine;
      try {
        const [fam, value] = ws.decode_sockaddr(Buffer.from(d.hex, 'hex'), d.proto);
        expect(fam).toBe(d.family === AF_RDS ? ws.AF_INET : d.family);
        mine = { ok: norm(value) };
      } catch (e) {
        mine = { err: pyClass(e) };
      }
      const theirs = a.ok !== undefined ? { ok: a.ok } : { err: pyAnswerClass(a) };
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) diffs.push({ ...d, mine, theirs });
    });
    expect(diffs).toEqual([]);
    expect(decoded.cases.length).toBeGreaterThan(40);
  });

  test('decode: edge sockaddrs (short, unknown index, bad type, unknown family)', () => {
    const lo = ws.if_nametoindex('lo');
    const le32 = (v) => { const b = Buffer.alloc(4); b.writeUInt32LE(v >>> 0); return b.toString('hex'); };
    const fam = (f) => Buffer.from([f & 0xff, f >> 8]).toString('hex');
    const edge = [
      { family: AF_NETLINK, proto: 0, hex: `${fam(AF_NETLINK)}0000${le32(7)}` },
      { family: AF_CAN, proto: CAN_RAW, hex: `${fam(AF_CAN)}0000${le32(0)}` },
      { family: AF_CAN, proto: CAN_ISOTP, hex: `${fam(AF_CAN)}0000${le32(999999)}${le32(1)}` },
      { family: AF_CAN, proto: CAN_J1939, hex: `${fam(AF_CAN)}0000${le32(lo)}${'ff'.repeat(8)}${le32(0x3ffff)}fe` },
      { family: AF_PACKET, proto: 0, hex: `${fam(AF_PACKET)}0806${le32(999999)}01000008` },
      { family: AF_PACKET, proto: 0, hex: `${fam(AF_PACKET)}86dd${le32(lo)}0304070603${'11'.repeat(8)}` },
      { family: AF_TIPC, proto: 0, hex: `${fam(AF_TIPC)}09020000000100000002000000` },
      { family: AF_TIPC, proto: 0, hex: `${fam(AF_TIPC)}03ff${le32(5)}${le32(6)}` },
      { family: AF_ALG, proto: 0, hex: `${fam(AF_ALG)}${Buffer.from('hash').toString('hex')}` },
      { family: AF_VSOCK, proto: 0, hex: `${fam(AF_VSOCK)}0000${le32(80)}${le32(3)}` },
      { family: AF_QIPCRTR, proto: 0, hex: `${fam(AF_QIPCRTR)}0000${le32(1)}` },
      // CPython needs a socket of a family it knows to reach makesockaddr's default case
      { family: ws.AF_INET, proto: 0, hex: `3412${'5a'.repeat(14)}` },
    ];
    if (has) {
      edge.push({ family: AF_BLUETOOTH, proto: BTPROTO_SCO, hex: `${fam(AF_BLUETOOTH)}ab8967452301` });
      edge.push({ family: AF_BLUETOOTH, proto: BTPROTO_RFCOMM, hex: `${fam(AF_BLUETOOTH)}ab896745230105` });
    }
    const answers = py.run(edge.map((d) => ({ op: 'decode', ...d })));
    edge.forEach((d, i) => {
      let mine;
      try {
        const [, value] = ws.decode_sockaddr(Buffer.from(d.hex, 'hex'), d.proto);
        // CPython's unknown-family tuple is (family, sa_data); wasock's address is the same pair
        mine = { ok: norm(value) };
      } catch (e) {
        mine = { err: pyClass(e) };
      }
      const a = answers[i];
      expect([d.hex, mine]).toEqual([d.hex, a.ok !== undefined ? { ok: a.ok } : { err: pyAnswerClass(a) }]);
    });
  });

  test('byte-exact against the kernel headers (struct.pack of each layout)', () => {
    const [{ ok: layouts }] = py.run([{ op: 'layouts' }]);
    expect(layouts.length).toBeGreaterThan(15);
    const revive = (v) => (Array.isArray(v) ? v.map(revive)
      : v && v.$b !== undefined ? Buffer.from(v.$b, 'hex')
        : v && v.$i !== undefined ? BigInt(v.$i) : v);
    for (const [family, proto, addr, hex] of layouts) {
      const a = revive(addr);
      expect([family, proto, a, ws.encode_sockaddr(family, a, proto).toString('hex')])
        .toEqual([family, proto, a, hex]);
      const [f, back] = ws.decode_sockaddr(Buffer.from(hex, 'hex'), proto);
      expect(f).toBe(family === AF_RDS ? ws.AF_INET : family);
      if (family === AF_BLUETOOTH && proto === BTPROTO_SCO) expect(back).toBe('01:23:45:67:89:AB');
      else if (family === AF_BLUETOOTH && proto === BTPROTO_HCI) expect(back).toBe(a[0]);
      else if (family === AF_TIPC && a.length === 4) expect(norm(back).slice(0, 2)).toEqual(norm(a).slice(0, 2));
      else if (family !== AF_TIPC) expect(norm(back).slice(0, a.length)).toEqual(norm(a));
    }
  });
});

describe('shapes and types', () => {
  test('J1939 names decode as BigInt; ISO-TP ids as numbers', () => {
    const j = ws.encode_sockaddr(AF_CAN, ['', 0x1122334455667788n, 0x12300, 0x20], CAN_J1939);
    expect(ws.decode_sockaddr(j, CAN_J1939)).toEqual([AF_CAN, ['', 0x1122334455667788n, 0x12300, 0x20]]);
    expect(typeof ws.decode_sockaddr(ws.encode_sockaddr(AF_CAN, ['', 0, 0, 0], CAN_J1939), CAN_J1939)[1][1]).toBe('bigint');
    expect(ws.decode_sockaddr(ws.encode_sockaddr(AF_CAN, ['', 1, 2], CAN_ISOTP), CAN_ISOTP)).toEqual([AF_CAN, ['', 1, 2]]);
    // the same bytes read with CAN_RAW's shape
    expect(ws.decode_sockaddr(j)).toEqual([AF_CAN, ['']]);
  });

  test('AF_PACKET decodes the interface name and the hardware address', () => {
    const b = ws.encode_sockaddr(AF_PACKET, ['lo', 0x88b5, PACKET_BROADCAST, 1, mac]);
    expect(ws.decode_sockaddr(b)).toEqual([AF_PACKET, ['lo', 0x88b5, PACKET_BROADCAST, 1, mac]]);
  });

  test('Bluetooth shapes of later CPython releases (superset of 3.11)', () => {
    // HCI as a plain device number, or (dev, channel); SCO as str; L2CAP with cid, bdaddr_type
    expect(ws.encode_sockaddr(AF_BLUETOOTH, 0, BTPROTO_HCI).toString('hex')).toBe('1f0000000000');
    expect(ws.encode_sockaddr(AF_BLUETOOTH, [1, 3], BTPROTO_HCI).toString('hex')).toBe('1f0001000300');
    expect(ws.decode_sockaddr(Buffer.from('1f0001000300', 'hex'), BTPROTO_HCI)).toEqual([AF_BLUETOOTH, [1, 3]]);
    expect(ws.decode_sockaddr(Buffer.from('1f0001000000', 'hex'), BTPROTO_HCI)).toEqual([AF_BLUETOOTH, 1]);
    expect(ws.encode_sockaddr(AF_BLUETOOTH, bdaddr, BTPROTO_SCO).toString('hex')).toBe('1f00ab8967452301');
    const le = ws.encode_sockaddr(AF_BLUETOOTH, [bdaddr, 0x80, 4, 1], BTPROTO_L2CAP);
    expect(le.toString('hex')).toBe('1f008000ab896745230104000100');
    expect(ws.decode_sockaddr(le, BTPROTO_L2CAP)).toEqual([AF_BLUETOOTH, [bdaddr, 0x80, 4, 1]]);
    expect(ws.decode_sockaddr(ws.encode_sockaddr(AF_BLUETOOTH, [bdaddr, 0x80, 4], BTPROTO_L2CAP),
      BTPROTO_L2CAP)).toEqual([AF_BLUETOOTH, [bdaddr, 0x80, 4]]);
    expect(ws.BDADDR_ANY).toBe('00:00:00:00:00:00');
    expect(ws.encode_sockaddr(AF_BLUETOOTH, [ws.BDADDR_ANY, 1], BTPROTO_RFCOMM).toString('hex')).toBe('1f00000000000000' + '0100');
  });

  test('error classes without the oracle', () => {
    expect(() => ws.encode_sockaddr(AF_CAN, ['x'.repeat(16)], CAN_RAW)).toThrow(ws.OSError);
    expect(() => ws.encode_sockaddr(AF_CAN, ['nosuchif0'], CAN_RAW)).toThrow(expect.objectContaining({ code: 'ENODEV' }));
    expect(() => ws.encode_sockaddr(AF_ALG, ['hash', 'x'.repeat(64)])).toThrow(RangeError);
    expect(() => ws.encode_sockaddr(AF_PACKET, ['lo', 0, 0, 0, Buffer.alloc(9)])).toThrow('Hardware address must be 8 bytes or less');
    expect(() => ws.encode_sockaddr(AF_TIPC, [9, 1, 2, 3])).toThrow(TypeError);
    expect(() => ws.encode_sockaddr(AF_BLUETOOTH, ['zz', 1], BTPROTO_L2CAP)).toThrow('bad bluetooth address');
    expect(() => ws.encode_sockaddr(0x4242, [1])).toThrow('encode_sockaddr(): bad family');
    // makesockaddr's answer (CPython's getsockname stops earlier, in getsockaddrlen)
    expect(() => ws.decode_sockaddr(Buffer.from('1f000000000000000000', 'hex'), 7)).toThrow('Unknown Bluetooth protocol');
  });
});
