// SPDX-License-Identifier: MIT
// Raw IPv4 on this machine's kernel: an ICMP echo request built here (with its checksum)
// sent to 127.0.0.1 through a SOCK_RAW/IPPROTO_ICMP socket; the kernel's echo reply comes
// back with the IP header in front, from ['127.0.0.1', 0].
'use strict';
const w = require('../../bridge');

function checksum(b) {
  let sum = 0;
  for (let i = 0; i + 1 < b.length; i += 2) sum += b.readUInt16BE(i);
  if (b.length & 1) sum += b[b.length - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function echoRequest(id, seq, payload) {
  const b = Buffer.alloc(8 + payload.length);
  b[0] = 8; // ICMP_ECHO
  b.writeUInt16BE(id, 4);
  b.writeUInt16BE(seq, 6);
  payload.copy(b, 8);
  b.writeUInt16BE(checksum(b), 2);
  return b;
}

const root = process.getuid() === 0;
(root ? test : test.skip)(`ICMP echo to 127.0.0.1${root ? '' : ' — skipped: needs root (raw sockets)'}`, () => {
  const s = w.socket(w.AF_INET, w.SOCK_RAW, w.IPPROTO_ICMP);
  try {
    s.settimeout(5);
    const id = process.pid & 0xffff;
    const payload = Buffer.from(`wasock ping ${Date.now()}`);
    const req = echoRequest(id, 7, payload);
    expect(checksum(req)).toBe(0);
    expect(s.sendto(req, ['127.0.0.1', 0])).toBe(req.length);
    for (;;) {
      const [data, addr] = s.recvfrom(2048);
      const ihl = (data[0] & 0x0f) * 4;
      const icmp = data.subarray(ihl);
      // the raw socket also sees the request itself on loopback, and other pings
      if (icmp[0] !== 0 || icmp.readUInt16BE(4) !== id) continue;
      expect(addr).toEqual(['127.0.0.1', 0]);
      expect(data[9]).toBe(w.IPPROTO_ICMP);
      expect(icmp.readUInt16BE(6)).toBe(7);
      expect(icmp.subarray(8)).toEqual(payload);
      expect(checksum(icmp)).toBe(0);
      break;
    }
  } finally {
    s.close();
  }
});
