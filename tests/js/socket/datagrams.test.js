// SPDX-License-Identifier: MIT
// Datagram sockets: UDP (INET and INET6) sendto in both signatures, recvfrom,
// recvfrom_into, MSG_PEEK, MSG_TRUNC with small buffers; unix SOCK_DGRAM and
// SOCK_SEQPACKET; UDP-Lite with its checksum coverage options; raw ICMP.
'use strict';

const { w, closeAll, tmpPath, cleanupTmp, killChildren } = require('./helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

function udp(family = w.AF_INET, proto = 0) {
  const s = w.socket(family, w.SOCK_DGRAM, proto);
  s.bind([family === w.AF_INET6 ? '::1' : '127.0.0.1', 0]);
  s.settimeout(5);
  return s;
}

describe('UDP', () => {
  let a;
  let b;
  beforeEach(() => {
    a = udp();
    b = udp();
  });
  afterEach(() => closeAll(a, b));

  test('sendto(data, address) and sendto(data, flags, address) return the byte count', () => {
    expect(a.sendto(Buffer.from('hello'), b.getsockname())).toBe(5);
    expect(a.sendto(Buffer.from('world!'), 0, b.getsockname())).toBe(6);
    expect(b.recvfrom(100)).toEqual([Buffer.from('hello'), a.getsockname()]);
    expect(b.recvfrom(100)).toEqual([Buffer.from('world!'), a.getsockname()]);
  });

  test('sendto accepts any ArrayBufferView and an empty datagram', () => {
    a.sendto(new Uint16Array([0x4241]), b.getsockname());
    a.sendto(new DataView(new ArrayBuffer(3)), b.getsockname());
    a.sendto(Buffer.alloc(0), b.getsockname());
    expect(b.recv(10)).toEqual(Buffer.from('AB'));
    expect(b.recv(10)).toEqual(Buffer.alloc(3));
    expect(b.recvfrom(10)).toEqual([Buffer.alloc(0), a.getsockname()]);
  });

  test('connected UDP: send/recv and getpeername', () => {
    a.connect(b.getsockname());
    b.connect(a.getsockname());
    expect(a.getpeername()).toEqual(b.getsockname());
    a.send(Buffer.from('c1'));
    expect(b.recv(10).toString()).toBe('c1');
    b.sendall(Buffer.from('c2'));
    expect(a.recvfrom(10)).toEqual([Buffer.from('c2'), b.getsockname()]);
  });

  test('MSG_PEEK leaves the datagram queued', () => {
    a.sendto(Buffer.from('peekaboo'), b.getsockname());
    expect(b.recv(4, w.MSG_PEEK).toString()).toBe('peek');
    expect(b.recvfrom(100, w.MSG_PEEK)).toEqual([Buffer.from('peekaboo'), a.getsockname()]);
    expect(b.recv(100).toString()).toBe('peekaboo');
  });

  test('a small buffer truncates the datagram and drops the rest', () => {
    a.sendto(Buffer.from('abcdefgh'), b.getsockname());
    a.sendto(Buffer.from('next'), b.getsockname());
    expect(b.recv(3).toString()).toBe('abc');
    expect(b.recv(100).toString()).toBe('next');
  });

  test('recvmsg reports MSG_TRUNC in its flags for a small buffer', () => {
    a.sendto(Buffer.from('abcdefgh'), b.getsockname());
    const [data, anc, flags, addr] = b.recvmsg(3);
    expect(data.toString()).toBe('abc');
    expect(anc).toEqual([]);
    expect(flags & w.MSG_TRUNC).toBe(w.MSG_TRUNC);
    expect(addr).toEqual(a.getsockname());
  });

  test('MSG_TRUNC as a flag: the real length is returned, never more data than asked for', () => {
    a.sendto(Buffer.from('abcdefgh'), b.getsockname());
    const buf = Buffer.from('..........');
    expect(b.recv_into(buf, 3, w.MSG_TRUNC)).toBe(8);
    expect(buf.toString()).toBe('abc.......');

    a.sendto(Buffer.from('ABCDEFGH'), b.getsockname());
    const small = Buffer.from('..');
    expect(b.recvfrom_into(small, 0, w.MSG_TRUNC)).toEqual([8, a.getsockname()]);
    expect(small.toString()).toBe('AB');

    a.sendto(Buffer.from('12345678'), b.getsockname());
    const b1 = Buffer.from('..');
    const b2 = Buffer.from('..');
    const [n, , flags] = b.recvmsg_into([b1, b2], 0, w.MSG_TRUNC);
    expect(n).toBe(8);
    expect(flags & w.MSG_TRUNC).toBe(w.MSG_TRUNC);
    expect([b1.toString(), b2.toString()]).toEqual(['12', '34']);

    // recv/recvfrom/recvmsg return bytes objects of at most bufsize bytes.
    a.sendto(Buffer.from('xyzxyzxyz'), b.getsockname());
    expect(b.recv(2, w.MSG_TRUNC).toString()).toBe('xy');
    a.sendto(Buffer.from('xyzxyzxyz'), b.getsockname());
    expect(b.recvfrom(2, w.MSG_TRUNC)[0].toString()).toBe('xy');
    a.sendto(Buffer.from('xyzxyzxyz'), b.getsockname());
    expect(b.recvmsg(2, 0, w.MSG_TRUNC)[0].toString()).toBe('xy');
  });

  test('MSG_TRUNC through the generic path: nothing past nbytes is written', () => {
    // Arguments that are not plain (a BigInt nbytes) take the generic path, which copies
    // out of the core's I/O area: only the bytes that arrived may be copied.
    a.sendto(Buffer.from('123456'), b.getsockname());
    const buf = Buffer.from('..........');
    expect(b.recvfrom_into(buf, 4, w.MSG_TRUNC)).toEqual([6, a.getsockname()]);
    expect(buf.toString()).toBe('1234......');
    a.sendto(Buffer.from('abcdef'), b.getsockname());
    const buf2 = Buffer.from('..........');
    expect(b.recv_into(buf2, 4n, w.MSG_TRUNC)).toBe(6);
    expect(buf2.toString()).toBe('abcd......');
    // A datagram larger than the buffer (and than 32 bytes).
    const big = Buffer.alloc(100, 0x41);
    a.sendto(big, b.getsockname());
    const small = Buffer.alloc(40);
    expect(b.recvfrom_into(small, 0, w.MSG_TRUNC)[0]).toBe(100);
    expect(small).toEqual(big.subarray(0, 40));
  });

  test('recvfrom_into fills the buffer, nbytes limits it', () => {
    a.sendto(Buffer.from('abcdef'), b.getsockname());
    const buf = Buffer.alloc(10);
    expect(b.recvfrom_into(buf)).toEqual([6, a.getsockname()]);
    expect(buf.subarray(0, 6).toString()).toBe('abcdef');
    a.sendto(Buffer.from('ghijkl'), b.getsockname());
    const buf2 = Buffer.alloc(10, 0x2e);
    expect(b.recvfrom_into(buf2, 4)).toEqual([4, a.getsockname()]);
    expect(buf2.toString()).toBe('ghij......');
    expect(() => b.recvfrom_into(Buffer.alloc(2), 3)).toThrow(RangeError);
    expect(() => b.recvfrom_into(Buffer.alloc(2), -1)).toThrow(RangeError);
    expect(() => b.recvfrom_into('str')).toThrow(TypeError);
  });

  test('recvfrom_into into a subarray writes only that window', () => {
    a.sendto(Buffer.from('XY'), b.getsockname());
    const buf = Buffer.from('0123456789');
    expect(b.recvfrom_into(buf.subarray(4, 6))[0]).toBe(2);
    expect(buf.toString()).toBe('0123XY6789');
  });

  test('sendto argument errors', () => {
    expect(() => a.sendto('str', b.getsockname())).toThrow(TypeError);
    expect(() => a.sendto(Buffer.from('x'))).toThrow(TypeError);
    expect(() => a.sendto(Buffer.from('x'), 0, b.getsockname(), 1)).toThrow(TypeError);
    expect(() => a.sendto(Buffer.from('x'), 'bad')).toThrow(TypeError);
    expect(() => a.sendto(Buffer.from('x'), null)).toThrow(TypeError);
    expect(() => a.sendto(Buffer.from('x'), 'x', b.getsockname())).toThrow(TypeError);
  });

  test('a message larger than the maximum is EMSGSIZE', () => {
    expect(() => a.sendto(Buffer.alloc(70000), b.getsockname()))
      .toThrow(expect.objectContaining({ code: 'EMSGSIZE', errno: 90 }));
  });

  test('INET6 datagrams', () => {
    const x = udp(w.AF_INET6);
    const y = udp(w.AF_INET6);
    x.sendto(Buffer.from('v6'), 0, y.getsockname());
    expect(y.recvfrom(10)).toEqual([Buffer.from('v6'), x.getsockname()]);
    closeAll(x, y);
  });

  test('an ICMP port unreachable surfaces as ECONNREFUSED on a connected UDP socket', () => {
    const gone = udp();
    const addr = gone.getsockname();
    gone.close();
    a.connect(addr);
    a.send(Buffer.from('anyone?'));
    expect(() => a.recv(10)).toThrow(w.ConnectionRefusedError);
  });
});

describe('AF_UNIX SOCK_DGRAM', () => {
  test('sendto a path; the receiver sees the bound sender', () => {
    const p1 = tmpPath();
    const p2 = tmpPath();
    const a = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    const b = w.socket(w.AF_UNIX, w.SOCK_DGRAM);
    a.bind(p1);
    b.bind(p2);
    expect(a.sendto(Buffer.from('to b'), p2)).toBe(4);
    expect(b.recvfrom(100)).toEqual([Buffer.from('to b'), p1]);
    closeAll(a, b);
  });

  test('socketpair datagrams keep message boundaries', () => {
    const [a, b] = w.socketpair(w.AF_UNIX, w.SOCK_DGRAM);
    expect(a.type).toBe(w.SOCK_DGRAM);
    a.send(Buffer.from('one'));
    a.send(Buffer.from('two'));
    expect(b.recv(100).toString()).toBe('one');
    expect(b.recvmsg(100)).toEqual([Buffer.from('two'), [], 0, null]);
    closeAll(a, b);
  });
});

describe('AF_UNIX SOCK_SEQPACKET', () => {
  test('connection-oriented, record boundaries, MSG_TRUNC on a short read', () => {
    const p = tmpPath();
    const l = w.socket(w.AF_UNIX, w.SOCK_SEQPACKET);
    l.bind(p);
    l.listen();
    const c = w.socket(w.AF_UNIX, w.SOCK_SEQPACKET);
    c.connect(p);
    const [s] = l.accept();
    expect([s.family, s.type]).toEqual([w.AF_UNIX, w.SOCK_SEQPACKET]);
    c.send(Buffer.from('record-1'));
    c.send(Buffer.from('record-2'));
    expect(s.recv(100).toString()).toBe('record-1');
    const [data, , flags] = s.recvmsg(3);
    expect(data.toString()).toBe('rec');
    expect(flags & w.MSG_TRUNC).toBe(w.MSG_TRUNC);
    c.close();
    expect(s.recv(100).length).toBe(0);
    closeAll(l, s);
  });

  test('socketpair', () => {
    const [a, b] = w.socketpair(w.AF_UNIX, w.SOCK_SEQPACKET);
    a.sendall(Buffer.from('x'));
    expect(b.recv(10).toString()).toBe('x');
    closeAll(a, b);
  });
});

describe('UDP-Lite', () => {
  let ok = true;
  let reason = '';
  try {
    w.socket(w.AF_INET, w.SOCK_DGRAM, w.IPPROTO_UDPLITE).close();
  } catch (e) {
    ok = false;
    reason = `kernel refuses IPPROTO_UDPLITE sockets (${e.code})`;
  }
  const t = ok ? test : test.skip;
  if (!ok) console.log(`UDP-Lite skipped: ${reason}`);

  t('checksum coverage options and a datagram over loopback', () => {
    for (const [family, host] of [[w.AF_INET, '127.0.0.1'], [w.AF_INET6, '::1']]) {
      const a = w.socket(family, w.SOCK_DGRAM, w.IPPROTO_UDPLITE);
      const b = w.socket(family, w.SOCK_DGRAM, w.IPPROTO_UDPLITE);
      expect(a.proto).toBe(w.IPPROTO_UDPLITE);
      a.bind([host, 0]);
      b.bind([host, 0]);
      b.settimeout(5);
      expect(a.getsockopt(w.IPPROTO_UDPLITE, w.UDPLITE_SEND_CSCOV)).toBe(0);
      a.setsockopt(w.IPPROTO_UDPLITE, w.UDPLITE_SEND_CSCOV, 20);
      b.setsockopt(w.IPPROTO_UDPLITE, w.UDPLITE_RECV_CSCOV, 20);
      expect(a.getsockopt(w.IPPROTO_UDPLITE, w.UDPLITE_SEND_CSCOV)).toBe(20);
      expect(b.getsockopt(w.IPPROTO_UDPLITE, w.UDPLITE_RECV_CSCOV)).toBe(20);
      a.sendto(Buffer.from('lite payload'), b.getsockname());
      expect(b.recvfrom(100)).toEqual([Buffer.from('lite payload'), a.getsockname()]);
      closeAll(a, b);
    }
  });
});

describe('raw INET (ICMP)', () => {
  let ok = true;
  let reason = '';
  try {
    w.socket(w.AF_INET, w.SOCK_RAW, w.IPPROTO_ICMP).close();
  } catch (e) {
    ok = false;
    reason = `raw sockets need CAP_NET_RAW (${e.code})`;
  }
  if (!ok) console.log(`raw ICMP skipped: ${reason}`);
  const t = ok ? test : test.skip;

  function checksum(buf) {
    let sum = 0;
    for (let i = 0; i < buf.length; i += 2) sum += (buf[i] << 8) | (buf[i + 1] || 0);
    while (sum >> 16) sum = (sum & 0xffff) + (sum >> 16);
    return (~sum) & 0xffff;
  }

  t('an echo request to 127.0.0.1 is answered by an echo reply', () => {
    const s = w.socket(w.AF_INET, w.SOCK_RAW, w.IPPROTO_ICMP);
    expect([s.type, s.proto]).toEqual([w.SOCK_RAW, w.IPPROTO_ICMP]);
    s.settimeout(5);
    const id = process.pid & 0xffff;
    const pkt = Buffer.from([8, 0, 0, 0, id >> 8, id & 0xff, 0, 1, ...Buffer.from('wasock')]);
    pkt.writeUInt16BE(checksum(pkt), 2);
    expect(s.sendto(pkt, ['127.0.0.1', 0])).toBe(pkt.length);
    let reply = null;
    for (let i = 0; i < 10 && !reply; i++) {
      const [data, addr] = s.recvfrom(1500);
      expect(addr).toEqual(['127.0.0.1', 0]);
      const ihl = (data[0] & 0x0f) * 4;
      const icmp = data.subarray(ihl);
      // The raw socket also sees our own request; wait for type 0 with our id.
      if (icmp[0] === 0 && icmp.readUInt16BE(4) === id) reply = icmp;
    }
    expect(reply).not.toBeNull();
    expect(reply.subarray(8).toString()).toBe('wasock');
    s.close();
  });
});
