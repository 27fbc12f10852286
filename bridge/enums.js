// SPDX-License-Identifier: MIT
// AddressFamily, SocketKind, MsgFlag and AddressInfo: Python's IntEnum / IntFlag
// collections of the socket module's constants.
//
// The rule: values stay plain numbers everywhere (sock.family, getaddrinfo() results,
// AddressFamily.AF_INET === 2), so `s.family === AF_INET` keeps working. Calling an enum
// with a number gives its member, which prints by name: AddressFamily(2).name is 'AF_INET',
// util.inspect() shows <AddressFamily.AF_INET: 2> (Python's repr), String() is '2'
// (Python 3.11's str()), and valueOf() makes it compare == to the number. Members are
// made once per value, so AddressFamily(2) === AddressFamily(2).
'use strict';
const util = require('node:util');
const C = require('./constants');
const { describe } = require('./checks');

// The members Python 3.11 defines on Linux, by name (values are this platform's, from
// bridge/constants.js). AF_BLUETOOTH is a member wherever CPython was built with the
// Bluetooth headers; wasock always supports the family.
const MEMBERS = {
  AddressFamily: ['AF_UNSPEC', 'AF_UNIX', 'AF_INET', 'AF_AX25', 'AF_IPX', 'AF_APPLETALK',
    'AF_NETROM', 'AF_BRIDGE', 'AF_ATMPVC', 'AF_X25', 'AF_INET6', 'AF_ROSE', 'AF_NETBEUI',
    'AF_SECURITY', 'AF_KEY', 'AF_NETLINK', 'AF_ROUTE', 'AF_PACKET', 'AF_ASH', 'AF_ECONET',
    'AF_ATMSVC', 'AF_RDS', 'AF_SNA', 'AF_IRDA', 'AF_PPPOX', 'AF_WANPIPE', 'AF_LLC', 'AF_CAN',
    'AF_TIPC', 'AF_BLUETOOTH', 'AF_ALG', 'AF_VSOCK', 'AF_QIPCRTR'],
  SocketKind: ['SOCK_STREAM', 'SOCK_DGRAM', 'SOCK_RAW', 'SOCK_RDM', 'SOCK_SEQPACKET',
    'SOCK_NONBLOCK', 'SOCK_CLOEXEC'],
  MsgFlag: ['MSG_OOB', 'MSG_PEEK', 'MSG_DONTROUTE', 'MSG_CTRUNC', 'MSG_TRUNC', 'MSG_DONTWAIT',
    'MSG_EOR', 'MSG_WAITALL', 'MSG_CONFIRM', 'MSG_ERRQUEUE', 'MSG_NOSIGNAL', 'MSG_MORE',
    'MSG_FASTOPEN', 'MSG_CMSG_CLOEXEC'],
  AddressInfo: ['AI_PASSIVE', 'AI_CANONNAME', 'AI_NUMERICHOST', 'AI_V4MAPPED', 'AI_ALL',
    'AI_ADDRCONFIG', 'AI_NUMERICSERV'],
};
const FLAGS = new Set(['MsgFlag', 'AddressInfo']);

// The count of bits of a non-negative BigInt (Python's int.bit_length).
function bitLength(x) {
  return x === 0n ? 0n : BigInt(x.toString(2).length);
}

// Every member of every enum: a member given to any enum stands for its value (Python's
// enums are ints), recognised without running any of the caller's code.
const allMembers = new WeakSet();

// The integer a value stands for (as Python's int(), for the types that are ints), or null.
function intOf(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'bigint') return value >= -(2n ** 53n) && value <= 2n ** 53n ? Number(value) : null;
  if (typeof value === 'object' && value !== null && allMembers.has(value)) return value.value;
  return null;
}

function makeEnum(enumName, names, isFlag) {
  // Python's _convert_ orders members by (value, name); the first name of a value is
  // its canonical one, the others are aliases.
  const entries = names.filter((n) => typeof C[n] === 'number').map((n) => [n, C[n]])
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = new Map();
  for (const [n, v] of entries) if (!canonical.has(v)) canonical.set(v, n);
  const cache = new Map();
  // Python's _flag_mask_ (the bits of the members) and _all_bits_ (every bit up to its
  // highest), as BigInts so that the two's complement of negative values is exact.
  let flagMask = 0n;
  for (const v of canonical.keys()) if (v > 0 && (v & (v - 1)) === 0) flagMask |= BigInt(v);
  const allBits = 2n ** bitLength(flagMask) - 1n;

  const E = function (value) {
    if (value instanceof E) return value;
    const v = intOf(value);
    if (v === null) throw new RangeError(`${describe(value)} is not a valid ${enumName}`);
    let m = cache.get(v);
    if (m) return m;
    if (!isFlag && !canonical.has(v)) throw new RangeError(`${v} is not a valid ${enumName}`);
    // A flag's value is Python's: a negative one becomes its complement form.
    const value_ = isFlag ? flagValue(BigInt(v)) : v;
    m = cache.get(value_);
    if (!m) {
      m = Object.freeze(Object.create(E.prototype, {
        name: { value: canonical.get(value_) ?? (isFlag ? flagName(BigInt(value_)) : null), enumerable: true },
        value: { value: value_, enumerable: true },
      }));
      allMembers.add(m);
      cache.set(value_, m);
    }
    cache.set(v, m);
    return m;
  };

  // Python 3.11's Flag._missing_ for an IntFlag (boundary KEEP): a negative value is the
  // complement within _all_bits_ (MsgFlag(-1) is every bit up to MSG_CMSG_CLOEXEC's), or,
  // when it has bits beyond them, within the next power of two that holds it.
  function flagValue(V) {
    if (V < ~allBits || V > allBits || (V & (allBits ^ flagMask))) {
      if (V < 0n) {
        const span = 2n ** bitLength(-V);
        V += span > allBits + 1n ? span : allBits + 1n;
      }
    }
    if (V < 0n) V += allBits + 1n;
    return Number(V);
  }

  // The names of the member bits, low to high, then the unknown rest in decimal; null
  // when no member bit is set.
  function flagName(V) {
    const parts = [];
    let known = 0n;
    for (let bit = 1n; bit <= (V & flagMask); bit <<= 1n) {
      if (V & flagMask & bit) {
        parts.push(canonical.get(Number(bit)));
        known |= bit;
      }
    }
    if (!parts.length) return null;
    const rest = V ^ known;
    return rest ? `${parts.join('|')}|${rest}` : parts.join('|');
  }

  Object.defineProperty(E, 'name', { value: enumName });

  Object.defineProperties(E.prototype, {
    valueOf: { value() { return this.value; } },
    toString: { value() { return String(this.value); } },
    toJSON: { value() { return this.value; } },
    [Symbol.toPrimitive]: { value(hint) { return hint === 'string' ? String(this.value) : this.value; } },
    [util.inspect.custom]: {
      value() { return this.name === null ? `<${enumName}: ${this.value}>` : `<${enumName}.${this.name}: ${this.value}>`; },
    },
  });
  for (const [n, v] of entries) Object.defineProperty(E, n, { value: v, enumerable: true });
  Object.defineProperties(E, {
    // Python's __members__: every name (aliases too) -> its member.
    __members__: { get() { return Object.fromEntries(entries.map(([n, v]) => [n, E(v)])); } },
    // list(E): the canonical members in value order.
    [Symbol.iterator]: { value: function* members() { for (const v of canonical.keys()) yield E(v); } },
    [util.inspect.custom]: { value() { return `<enum '${enumName}'>`; } },
  });
  return Object.freeze(E);
}

const enums = {};
for (const [name, members] of Object.entries(MEMBERS)) enums[name] = makeEnum(name, members, FLAGS.has(name));

module.exports = enums;
