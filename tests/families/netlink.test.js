// SPDX-License-Identifier: MIT
// AF_NETLINK on this machine's kernel: an RTM_GETLINK dump over NETLINK_ROUTE, parsed far
// enough to list the interfaces; lo must be there, with the index if_nametoindex gives.
'use strict';
const w = require('../../bridge');

// <linux/netlink.h>, <linux/rtnetlink.h>, <linux/if_link.h>
const NLMSG_ERROR = 2;
const NLMSG_DONE = 3;
const NLM_F_REQUEST = 0x1;
const NLM_F_DUMP = 0x300;
const RTM_NEWLINK = 16;
const RTM_GETLINK = 18;
const IFLA_IFNAME = 3;
const align4 = (n) => (n + 3) & ~3;

function getlinkRequest(seq) {
  const b = Buffer.alloc(16 + 16); // nlmsghdr + struct ifinfomsg (AF_UNSPEC: every link)
  b.writeUInt32LE(b.length, 0);
  b.writeUInt16LE(RTM_GETLINK, 4);
  b.writeUInt16LE(NLM_F_REQUEST | NLM_F_DUMP, 6);
  b.writeUInt32LE(seq, 8);
  return b;
}

// [{index, name}] of the RTM_NEWLINK messages in one datagram; done when NLMSG_DONE came.
function parse(buf, links) {
  let done = false;
  for (let off = 0; off + 16 <= buf.length;) {
    const len = buf.readUInt32LE(off);
    const type = buf.readUInt16LE(off + 4);
    if (len < 16 || off + len > buf.length) throw new Error(`bad nlmsghdr at ${off}`);
    if (type === NLMSG_DONE) done = true;
    if (type === NLMSG_ERROR) throw new Error(`netlink error ${buf.readInt32LE(off + 16)}`);
    if (type === RTM_NEWLINK) {
      const index = buf.readInt32LE(off + 20);
      let name = null;
      for (let a = off + 32; a + 4 <= off + len;) {
        const alen = buf.readUInt16LE(a);
        if (alen < 4) break;
        if (buf.readUInt16LE(a + 2) === IFLA_IFNAME) name = buf.toString('latin1', a + 4, a + alen).replace(/\0.*$/, '');
        a += align4(alen);
      }
      links.push({ index, name });
    }
    off += align4(len);
  }
  return done;
}

test('RTM_GETLINK dump lists lo with its index', () => {
  const s = w.socket(w.AF_NETLINK, w.SOCK_RAW, w.NETLINK_ROUTE);
  try {
    s.settimeout(5);
    s.bind([0, 0]);
    const [pid, groups] = s.getsockname();
    expect(pid).toBeGreaterThan(0);
    expect(groups).toBe(0);
    expect(s.sendto(getlinkRequest(1), [0, 0])).toBe(32);
    const links = [];
    let done = false;
    while (!done) {
      const [data, addr] = s.recvfrom(65536);
      expect(addr).toEqual([0, 0]); // the kernel
      done = parse(data, links);
    }
    const lo = links.find((l) => l.name === 'lo');
    expect(lo).toEqual({ index: w.if_nametoindex('lo'), name: 'lo' });
    expect(links.map((l) => [l.index, l.name]).sort((a, b) => a[0] - b[0]))
      .toEqual(w.if_nameindex().sort((a, b) => a[0] - b[0]));
  } finally {
    s.close();
  }
});

test('a multicast group subscription shows in getsockname', () => {
  const RTMGRP_LINK = 1;
  const s = w.socket(w.AF_NETLINK, w.SOCK_RAW, w.NETLINK_ROUTE);
  try {
    s.bind([0, RTMGRP_LINK]);
    expect(s.getsockname()[1]).toBe(RTMGRP_LINK);
  } finally {
    s.close();
  }
});
