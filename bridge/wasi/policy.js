// SPDX-License-Identifier: MIT
// The capability policy of `wasock run`: deny by default, consulted by the runner at
// every use of the host by a guest. Its shape follows wasmtime-wasi's socket address
// check (one function for every address use: connect, bind, sendto) extended to
// families, protocols, interfaces, name resolution and the socket options and ioctls
// that reach outside the socket. A refusal names the flag that would have allowed it.
//
// Policy object (the JS face; the CLI builds the same object from its flags):
//   { net: false,            // --allow-net: everything below
//     resolve: false,        // --allow-resolve: name lookups (numeric ones need nothing)
//     family: [],            // --allow-family NAME[:QUALIFIER]  (inet, inet6:raw, netlink:route, can:isotp)
//     connect: [], bind: [], sendto: [] }   // --allow-connect/bind/sendto RULE
// RULE is HOST, HOST:PORT or HOST:PORT-PORT. HOST is an IPv4 address or CIDR, an IPv6
// address (in brackets when a port follows) or CIDR, a name (resolved when the policy
// is made), `*` (any address), an interface name (CAN and packet addresses), or an
// AF_UNIX path (`/run/x.sock`, a directory prefix ending in `/`, or `@name` abstract).
'use strict';
const w = require('../index');
const { addon } = require('../core');

const C = w;
const FLAG = { connect: '--allow-connect', bind: '--allow-bind', sendto: '--allow-sendto' };
// enum wasock_use of host/wasock_policy.h.
const USE = { connect: 0, bind: 1, sendto: 2 };

// Families by their CLI name: AF_INET -> 'inet'.
const FAMILY_BY_NAME = {};
const FAMILY_NAME = {};
for (const k of Object.keys(C)) {
  if (!k.startsWith('AF_') || k === 'AF_MAX' || k === 'AF_UNSPEC') continue;
  const name = k.slice(3).toLowerCase();
  FAMILY_BY_NAME[name] = C[k];
  if (!(C[k] in FAMILY_NAME) || ['unix', 'netlink'].includes(name)) FAMILY_NAME[C[k]] = name;
}
// Protocol-name prefixes per family, for QUALIFIER (netlink:route -> NETLINK_ROUTE).
const PROTO_PREFIX = { [C.AF_NETLINK]: 'NETLINK_', [C.AF_CAN]: 'CAN_' };
const INET_TYPES = {
  tcp: [C.SOCK_STREAM], udp: [C.SOCK_DGRAM], raw: [C.SOCK_RAW],
  stream: [C.SOCK_STREAM], dgram: [C.SOCK_DGRAM], seqpacket: [C.SOCK_SEQPACKET],
};
const INET_DEFAULT = [C.SOCK_STREAM, C.SOCK_DGRAM, C.SOCK_SEQPACKET];

// Socket options the guest may not set (or read), whatever the policy: each carries a
// host pointer or fd inside its value, or changes state outside the socket.
// [level, name] -> why. Values are Linux's (asm-generic/socket.h, linux/in.h, in6.h,
// if_packet.h, netfilter headers), which the constants table does not carry.
const SOL_IP = 0, SOL_SOCKET = 1, SOL_TCP = 6, SOL_IPV6 = 41, SOL_PACKET = 263;
const SETSOCKOPT_DENY = new Map([
  [`${SOL_SOCKET}:26`, 'SO_ATTACH_FILTER carries a host pointer'],
  [`${SOL_SOCKET}:50`, 'SO_ATTACH_BPF carries a host fd'],
  [`${SOL_SOCKET}:51`, 'SO_ATTACH_REUSEPORT_CBPF carries a host pointer'],
  [`${SOL_SOCKET}:52`, 'SO_ATTACH_REUSEPORT_EBPF carries a host fd'],
  [`${SOL_SOCKET}:36`, 'SO_MARK steers host routing'],
  [`${SOL_IP}:19`, 'IP_TRANSPARENT needs host network administration'],
  [`${SOL_IPV6}:75`, 'IPV6_TRANSPARENT needs host network administration'],
  [`${SOL_TCP}:19`, 'TCP_REPAIR needs host network administration'],
  [`${SOL_PACKET}:22`, 'PACKET_FANOUT_DATA carries a host pointer or fd'],
]);
// Allowed only with --allow-net: they reach past the addresses the policy names.
const SETSOCKOPT_NET = new Map([
  [`${SOL_SOCKET}:25`, 'SO_BINDTODEVICE picks a host interface'],
  [`${SOL_SOCKET}:62`, 'SO_BINDTOIFINDEX picks a host interface'],
  [`${SOL_PACKET}:1`, 'PACKET_ADD_MEMBERSHIP changes a host interface (promiscuous mode)'],
  [`${SOL_IP}:4`, 'IP_OPTIONS can source-route past the addresses the policy names'],
  [`${SOL_IPV6}:57`, 'IPV6_RTHDR can route past the addresses the policy names'],
  [`${SOL_IPV6}:5`, 'IPV6_2292RTHDR can route past the addresses the policy names'],
]);
// The same, as ancillary data of sendmsg: [level:type] -> why.
const CMSG_NET = new Map([
  [`${SOL_IP}:7`, 'IP_RETOPTS can source-route past the addresses the policy names'],
  [`${SOL_IPV6}:57`, 'IPV6_RTHDR can route past the addresses the policy names'],
  [`${SOL_IPV6}:5`, 'IPV6_2292RTHDR can route past the addresses the policy names'],
]);

// ioctl requests a guest may make on its own fds, with the size of their argument:
// the kernel writes that many bytes whatever length the guest claims, so the argument
// area must be at least this large. Everything else (SIOCS*, routes, ARP, SIOCGIFCONF
// and SIOCETHTOOL, whose arguments hold host pointers) is refused.
const IFREQ = 40;
const IOCTL_ALLOW = new Map([
  [0x541B, ['FIONREAD', 4]], [0x5421, ['FIONBIO', 4]], [0x5411, ['SIOCOUTQ', 4]],
  [0x894B, ['SIOCOUTQNSD', 4]], [0x8905, ['SIOCATMARK', 4]], [0x8906, ['SIOCGSTAMP', 16]],
  [0x8907, ['SIOCGSTAMPNS', 16]], [0x5450, ['FIONCLEX', 0]], [0x5451, ['FIOCLEX', 0]],
  [0x5413, ['TIOCGWINSZ', 8]],
  [0x8910, ['SIOCGIFNAME', IFREQ]], [0x8913, ['SIOCGIFFLAGS', IFREQ]],
  [0x8915, ['SIOCGIFADDR', IFREQ]], [0x8917, ['SIOCGIFDSTADDR', IFREQ]],
  [0x8919, ['SIOCGIFBRDADDR', IFREQ]], [0x891B, ['SIOCGIFNETMASK', IFREQ]],
  [0x891D, ['SIOCGIFMETRIC', IFREQ]], [0x8921, ['SIOCGIFMTU', IFREQ]],
  [0x8927, ['SIOCGIFHWADDR', IFREQ]], [0x8933, ['SIOCGIFINDEX', IFREQ]],
  [0x8942, ['SIOCGIFTXQLEN', IFREQ]],
]);

function bad(msg) {
  return new RangeError(`wasock run: ${msg}`);
}

function ipBytes(text) {
  for (const af of [C.AF_INET, C.AF_INET6]) {
    try { return w.inet_pton(af, text); } catch { /* not this family */ }
  }
  return null;
}

// An IPv4-mapped IPv6 address is checked as the IPv4 address it carries.
function unmap(b) {
  if (b.length === 16 && b.subarray(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff)
    return b.subarray(12);
  return b;
}

function parsePorts(text, rule) {
  if (text === undefined || text === '*') return null;
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw bad(`bad port range in '${rule}' (PORT or PORT-PORT)`);
  const lo = Number(m[1]), hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 65535 || hi > 65535 || hi < lo) throw bad(`bad port range in '${rule}'`);
  return [lo, hi];
}

// One address rule -> { text, ips: [{bytes, prefix}] | null (any), name, unix, ports }.
function parseRule(rule) {
  if (typeof rule !== 'string' || rule === '') throw bad(`bad address rule ${JSON.stringify(rule)}`);
  if (rule[0] === '/' || rule[0] === '@') return { text: rule, unix: rule };
  let host = rule, port;
  const br = /^\[([^\]]+)\](?::(.*))?$/.exec(rule);
  if (br) [, host, port] = br;
  else if ((rule.match(/:/g) || []).length === 1) [host, port] = rule.split(':');
  const ports = parsePorts(port, rule);
  if (host === '*') return { text: rule, any: true, ports };
  const [addr, plen] = host.split('/');
  const bytes = ipBytes(addr);
  if (bytes) {
    const u = unmap(bytes);
    const max = u.length * 8 - (bytes.length - u.length) * 8;
    let prefix = plen === undefined ? u.length * 8 : Number(plen) - (bytes.length - u.length) * 8;
    if (!(prefix >= 0 && prefix <= u.length * 8) || (plen !== undefined && !/^\d+$/.test(plen)))
      throw bad(`bad prefix length in '${rule}' (0-${max})`);
    return { text: rule, ips: [{ bytes: u, prefix }], ports };
  }
  if (!/^[A-Za-z0-9_.-]+$/.test(host)) throw bad(`bad host in '${rule}'`);
  // A name: an interface of this host (CAN, packet), or a host name resolved now, once.
  const ips = [];
  try {
    w.if_nametoindex(host);
    return { text: rule, name: host, ips, ports };
  } catch { /* not an interface */ }
  try {
    for (const [, , , , sa] of w.getaddrinfo(host, null, 0, C.SOCK_STREAM))
      ips.push({ bytes: unmap(w.inet_pton(sa.length === 2 ? C.AF_INET : C.AF_INET6, sa[0])), prefix: -1 });
  } catch { /* not a host name: an interface name only */ }
  for (const ip of ips) ip.prefix = ip.bytes.length * 8;
  return { text: rule, name: host, ips, ports };
}

function parseFamily(spec) {
  if (typeof spec !== 'string') throw bad(`bad family ${JSON.stringify(spec)}`);
  const [name, qual] = spec.toLowerCase().split(':');
  const af = FAMILY_BY_NAME[name];
  if (af === undefined) throw bad(`unknown family '${name}' (inet, inet6, unix, can, packet, netlink, ...)`);
  const r = { text: spec, af, types: null, proto: null };
  if (af === C.AF_INET || af === C.AF_INET6) {
    r.types = qual === undefined ? INET_DEFAULT : INET_TYPES[qual];
    if (!r.types) throw bad(`unknown ${name} qualifier '${qual}' (tcp, udp, raw)`);
  } else if (qual !== undefined) {
    const k = `${PROTO_PREFIX[af] || ''}${qual.toUpperCase()}`;
    r.proto = /^\d+$/.test(qual) ? Number(qual) : C[k];
    if (typeof r.proto !== 'number') throw bad(`unknown ${name} protocol '${qual}'`);
  }
  return r;
}

const list = (v, what) => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new TypeError(`wasock run: policy.${what} must be an array`);
  return v;
};

// One parsed rule into the C policy.
function toC(c, use, r) {
  const [lo, hi] = r.ports || [0, 65535];
  let rc = 0;
  if (r.unix) {
    const name = r.unix[0] === '@' ? Buffer.concat([Buffer.alloc(1), Buffer.from(r.unix.slice(1))]) : Buffer.from(r.unix);
    rc = c.allowUnix(use, name, r.unix.endsWith('/') ? 1 : 0);
  } else if (r.any) {
    rc = c.allowAnyIp(use, lo, hi) || c.allowIfname(use, Buffer.from('*'));
  } else {
    for (const ip of r.ips) rc = rc || c.allowIp(use, ip.bytes, ip.prefix, lo, hi);
    if (r.name && r.name.length < 16) rc = rc || c.allowIfname(use, Buffer.from(r.name));
  }
  if (rc < 0) throw bad(`rule '${r.text}' not accepted (errno ${-rc})`);
}

// The text of a refused address: what was asked, and the flag that would allow it.
function refusal(use, bytes) {
  let family = bytes.readUInt16LE(0);
  if (family === C.AF_UNSPEC) {
    bytes = Buffer.from(bytes);
    bytes.writeUInt16LE(C.AF_INET, 0);
    family = C.AF_INET;
  }
  let addr;
  try { [, addr] = w.decode_sockaddr(bytes); } catch (e) {
    return { errno: -13, why: `${use}: address not understood (${e.message})`, flag: '--allow-net' };
  }
  if (family === C.AF_INET || family === C.AF_INET6) {
    const host = family === C.AF_INET6 ? `[${addr[0]}]` : addr[0];
    return { errno: -13, why: `${use} to ${host}:${addr[1]} is not allowed`, flag: `${FLAG[use]} ${host}:${addr[1]}` };
  }
  if (family === C.AF_UNIX) {
    const text = typeof addr === 'string' ? addr : `@${addr.subarray(1).toString('latin1')}`;
    return { errno: -13, why: `${use} to unix:${text} is not allowed`, flag: `${FLAG[use]} ${text}` };
  }
  const shown = addr[0] || '*';
  return { errno: -13, why: `${use} on interface ${shown} is not allowed`, flag: `${FLAG[use]} ${shown}` };
}

class Policy {
  constructor(spec = {}) {
    if (spec === null || typeof spec !== 'object') throw new TypeError('wasock run: policy must be an object');
    for (const k of Object.keys(spec))
      if (!['net', 'resolve', 'family', 'connect', 'bind', 'sendto'].includes(k))
        throw new TypeError(`wasock run: unknown policy key '${k}'`);
    this.net = !!spec.net;
    this.resolve = this.net || !!spec.resolve;
    this.families = list(spec.family, 'family').map(parseFamily);
    this.rules = {};
    for (const use of ['connect', 'bind', 'sendto']) this.rules[use] = list(spec[use], use).map(parseRule);
    // The address decisions are host/sys's (wasock_policy.h), shared with native hosts.
    this.c = addon.policy();
    if (this.net) this.c.allowAll();
    for (const use of ['connect', 'bind', 'sendto']) for (const r of this.rules[use]) toC(this.c, USE[use], r);
    // An address rule implies its family: --allow-connect 127.0.0.1:80 may create inet sockets.
    const implied = new Set();
    for (const use of ['connect', 'bind', 'sendto'])
      for (const r of this.rules[use]) {
        if (r.unix) implied.add(C.AF_UNIX);
        if (r.any || (r.name && r.ips.length)) { implied.add(C.AF_INET); implied.add(C.AF_INET6); }
        for (const ip of r.ips || []) { implied.add(ip.bytes.length === 4 ? C.AF_INET : C.AF_INET6); if (ip.bytes.length === 4) implied.add(C.AF_INET6); }
      }
    for (const af of implied) this.families.push({ text: '(implied)', af, types: INET_DEFAULT, proto: null, implied: true });
  }

  /** null when socket(domain, type, proto) is allowed, else a refusal. */
  socket(domain, type, proto) {
    if (this.net) return null;
    const t = type & 0xf;
    // SOCK_PACKET (AF_PACKET's old type) names its interface in sa_data, not sll_ifindex:
    // the interface check below could not see it.
    if (domain === C.AF_PACKET && t === 10)
      return { errno: -13, why: 'socket(packet, SOCK_PACKET) is not allowed', flag: '--allow-net' };
    for (const f of this.families) {
      if (f.af !== domain) continue;
      if (f.implied && domain === C.AF_UNIX) return null;
      if (f.types && (domain === C.AF_INET || domain === C.AF_INET6) && !f.types.includes(t)) continue;
      if (f.proto !== null && f.proto !== proto) continue;
      return null;
    }
    const name = FAMILY_NAME[domain] || String(domain);
    const qual = (domain === C.AF_INET || domain === C.AF_INET6) && t === C.SOCK_RAW ? ':raw' : '';
    return { errno: -13, why: `socket(${name}) is not allowed`, flag: `--allow-family ${name}${qual}` };
  }

  /** socketpair reaches nothing outside the guest: AF_UNIX pairs need no flag. */
  socketpair(domain, type, proto) {
    return domain === C.AF_UNIX ? null : this.socket(domain, type, proto);
  }

  /**
   * The address check: use is 'connect', 'bind' or 'sendto'; bytes the sockaddr as
   * the kernel will read it. null when allowed, else a refusal naming the flag.
   */
  address(use, bytes) {
    if (this.c.check(USE[use], bytes) === 0) return null;
    return refusal(use, bytes);
  }

  /** Name resolution; numeric is true when no lookup leaves the process. */
  lookup(what, numeric) {
    if (this.resolve || numeric) return null;
    return { errno: -13, why: `${what}: name resolution is not allowed`, flag: '--allow-resolve' };
  }

  setsockopt(level, name) {
    const key = `${level}:${name}`;
    const why = SETSOCKOPT_DENY.get(key) || (!this.net && SETSOCKOPT_NET.get(key)) || netfilter(level, name);
    return why ? { errno: -1, why: `setsockopt: ${why}`, flag: SETSOCKOPT_NET.has(key) ? '--allow-net' : null } : null;
  }

  /** Ancillary data of sendmsg at a level other than SOL_SOCKET. */
  cmsg(level, type) {
    const why = !this.net && CMSG_NET.get(`${level}:${type}`);
    return why ? { errno: -1, why: `sendmsg: ${why}`, flag: '--allow-net' } : null;
  }

  getsockopt(level, name) {
    const why = netfilter(level, name);
    return why ? { errno: -1, why: `getsockopt: ${why}`, flag: null } : null;
  }

  ioctl(request, len) {
    const a = IOCTL_ALLOW.get(request >>> 0);
    if (!a) return { errno: -1, why: `ioctl 0x${(request >>> 0).toString(16)} is not a request on the socket itself`, flag: null };
    if (len < a[1]) return { errno: -14, why: `ioctl ${a[0]}: argument area of ${len} bytes, needs ${a[1]}`, flag: null };
    return null;
  }
}

// iptables/ip6tables/arptables/ebtables and IPVS are driven through options of
// SOL_IP/SOL_IPV6 numbered from 64 up: they configure the host's firewall.
function netfilter(level, name) {
  if (level === SOL_IP && name >= 64) return 'netfilter/IPVS options configure the host firewall';
  if (level === SOL_IPV6 && name >= 64 && name < 72) return 'ip6tables options configure the host firewall';
  if (level === SOL_IPV6 && name >= 128) return 'netfilter options configure the host firewall';
  return null;
}

/** A refusal's text, Deno-style: what was refused and the flag that allows it. */
function describe(refusal) {
  return refusal.flag ? `${refusal.why}; run with ${refusal.flag}` : `${refusal.why}; no flag allows it`;
}

module.exports = { Policy, describe, FAMILY_BY_NAME };
