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

function makeEnum(enumName, names, isFlag) {
  // Python's _convert_ orders members by (value, name); the first name of a value is
  // its canonical one, the others are aliases.
  const entries = names.filter((n) => typeof C[n] === 'number').map((n) => [n, C[n]])
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = new Map();
  for (const [n, v] of entries) if (!canonical.has(v)) canonical.set(v, n);
  const cache = new Map();

  const E = function (value) {
    if (value instanceof E) return value;
    const v = typeof value === 'object' && value !== null ? value.valueOf() : value;
    if (typeof v !== 'number' || !Number.isInteger(v))
      throw new TypeError(`${util.inspect(value)} is not a valid ${enumName}`);
    let m = cache.get(v);
    if (m) return m;
    let name = canonical.get(v) ?? null;
    if (name === null && isFlag && v > 0) {
      // A combination: the member names of its bits, low to high, then what is left.
      const parts = [];
      let rest = v;
      for (let bit = 1; bit <= rest && bit <= 2 ** 52; bit *= 2) {
        if (rest % (bit * 2) >= bit && canonical.has(bit)) {
          parts.push(canonical.get(bit));
          rest -= bit;
        }
      }
      name = parts.length ? [...parts, ...(rest ? [String(rest)] : [])].join('|') : null;
    } else if (name === null && !isFlag) {
      throw new RangeError(`${v} is not a valid ${enumName}`);
    }
    m = Object.create(E.prototype, {
      name: { value: name, enumerable: true },
      value: { value: v, enumerable: true },
    });
    Object.freeze(m);
    cache.set(v, m);
    return m;
  };
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
