// SPDX-License-Identifier: MIT
// AF_PACKET checks run inside a network namespace (packet.test.js makes it, with a veth
// pair va <-> vb, and runs `ip netns exec NS node packet_ns.js`). Prints one JSON line per
// check: {"check", "ok", "detail" | "error"}.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const w = require(path.resolve(__dirname, '..', '..', 'bridge'));

const ETH_P = 0x88b5; // IEEE 802 local experimental ethertype
const ARPHRD_ETHER = 1;
const ARPHRD_LOOPBACK = 772;
const mac = (dev) => Buffer.from(fs.readFileSync(`/sys/class/net/${dev}/address`, 'utf8').trim().split(':').map((x) => parseInt(x, 16)));

function frame(dst, src, payload) {
  const b = Buffer.alloc(14 + payload.length);
  dst.copy(b, 0);
  src.copy(b, 6);
  b.writeUInt16BE(ETH_P, 12);
  payload.copy(b, 14);
  return b;
}

function packetSocket(type = w.SOCK_RAW) {
  const s = w.socket(w.AF_PACKET, type, w.htons(ETH_P));
  s.settimeout(5);
  return s;
}

// Receives until a frame carrying `payload` arrives (other traffic, e.g. IPv6 router
// solicitations, has another ethertype and never reaches these sockets).
function recvPayload(s, payload, offset) {
  for (;;) {
    const [data, addr] = s.recvfrom(2048);
    if (data.subarray(offset).equals(payload)) return [data, addr];
  }
}

const checks = {
  veth_raw() {
    const [va, vb] = [mac('va'), mac('vb')];
    const a = packetSocket();
    const b = packetSocket();
    try {
      a.bind(['va', ETH_P]);
      b.bind(['vb', ETH_P]);
      const payload = Buffer.from('wasock raw frame over veth');
      const f = frame(vb, va, payload);
      const sent = a.send(f);
      const [data, addr] = recvPayload(b, payload, 14);
      const name = a.getsockname();
      return {
        sent, received: data.equals(f), from: addr, getsockname: name,
        expect: { from: ['vb', ETH_P, w.PACKET_HOST, ARPHRD_ETHER, va], getsockname: ['va', ETH_P, w.PACKET_HOST, ARPHRD_ETHER, va] },
      };
    } finally {
      a.close();
      b.close();
    }
  },

  veth_dgram_sendto() {
    const [va, vb] = [mac('va'), mac('vb')];
    const a = packetSocket(w.SOCK_DGRAM);
    const b = packetSocket();
    try {
      b.bind(['vb', ETH_P]);
      const payload = Buffer.from('wasock cooked frame, header by the kernel');
      const sent = a.sendto(payload, ['va', ETH_P, 0, 0, vb]);
      const [data, addr] = recvPayload(b, payload, 14);
      return {
        sent, header: data.subarray(0, 14).toString('hex'), from: addr,
        expect: { header: frame(vb, va, Buffer.alloc(0)).toString('hex'), from: ['vb', ETH_P, w.PACKET_HOST, ARPHRD_ETHER, va] },
      };
    } finally {
      a.close();
      b.close();
    }
  },

  lo_raw() {
    const zero = Buffer.alloc(6);
    const a = packetSocket();
    const b = packetSocket();
    try {
      a.bind(['lo', ETH_P]);
      b.bind(['lo', ETH_P]);
      const payload = Buffer.from('wasock raw frame over lo');
      const f = frame(zero, zero, payload);
      const sent = a.send(f);
      const [data, addr] = recvPayload(b, payload, 14);
      return {
        sent, received: data.equals(f), from: addr,
        expect: { from: ['lo', ETH_P, w.PACKET_HOST, ARPHRD_LOOPBACK, zero] },
      };
    } finally {
      a.close();
      b.close();
    }
  },

  membership_promisc() {
    // struct packet_mreq: int mr_ifindex, u16 mr_type, u16 mr_alen, u8 mr_address[8]
    const s = packetSocket();
    try {
      const mreq = Buffer.alloc(16);
      mreq.writeInt32LE(w.if_nametoindex('vb'), 0);
      mreq.writeUInt16LE(w.PACKET_MR_PROMISC, 4);
      const flags = () => parseInt(fs.readFileSync('/sys/class/net/vb/flags', 'utf8'), 16);
      const IFF_PROMISC = 0x100;
      const before = flags() & IFF_PROMISC;
      s.setsockopt(w.SOL_PACKET, w.PACKET_ADD_MEMBERSHIP, mreq);
      const during = flags() & IFF_PROMISC;
      s.setsockopt(w.SOL_PACKET, w.PACKET_DROP_MEMBERSHIP, mreq);
      const after = flags() & IFF_PROMISC;
      return { promisc: [before, during, after], expect: { promisc: [0, IFF_PROMISC, 0] } };
    } finally {
      s.close();
    }
  },
};

for (const [name, fn] of Object.entries(checks)) {
  let line;
  try {
    line = { check: name, ok: true, detail: fn() };
  } catch (e) {
    line = { check: name, ok: false, error: `${e.name}: ${e.message} ${e.code || ''}` };
  }
  process.stdout.write(`${JSON.stringify(line, (k, v) => (Buffer.isBuffer(v) || (v && v.type === 'Buffer')
    ? `hex:${Buffer.from(v.data || v).toString('hex')}` : v))}\n`);
}
