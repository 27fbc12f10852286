// SPDX-License-Identifier: MIT
// WASI preview1 errno numbering (the `errno` enum of wasi_snapshot_preview1, in ABI
// order) and the map from a Linux errno, as the host returns it, to the WASI number a
// preview1 function must return. Names join the two: Linux's come from bridge/errno.js.
'use strict';
const { errno: linux } = require('../errno');

const WASI_NAMES = ('SUCCESS 2BIG ACCES ADDRINUSE ADDRNOTAVAIL AFNOSUPPORT AGAIN ALREADY BADF ' +
  'BADMSG BUSY CANCELED CHILD CONNABORTED CONNREFUSED CONNRESET DEADLK DESTADDRREQ DOM DQUOT ' +
  'EXIST FAULT FBIG HOSTUNREACH IDRM ILSEQ INPROGRESS INTR INVAL IO ISCONN ISDIR LOOP MFILE ' +
  'MLINK MSGSIZE MULTIHOP NAMETOOLONG NETDOWN NETRESET NETUNREACH NFILE NOBUFS NODEV NOENT ' +
  'NOEXEC NOLCK NOLINK NOMEM NOMSG NOPROTOOPT NOSPC NOSYS NOTCONN NOTDIR NOTEMPTY ' +
  'NOTRECOVERABLE NOTSOCK NOTSUP NOTTY NXIO OVERFLOW OWNERDEAD PERM PIPE PROTO PROTONOSUPPORT ' +
  'PROTOTYPE RANGE ROFS SPIPE SRCH STALE TIMEDOUT TXTBSY XDEV NOTCAPABLE').split(' ');

const WASI = {};
WASI_NAMES.forEach((n, i) => { WASI[n] = i; });

// Linux errno number -> WASI errno. Linux errors WASI cannot name become EIO, as
// wasi-libc itself reports them.
const fromLinux = new Uint16Array(4096).fill(WASI.IO);
fromLinux[0] = 0;
for (const [num, [name]] of Object.entries(linux)) {
  if (!name) continue;
  const w = WASI[name.slice(1)];
  if (w !== undefined) fromLinux[num] = w;
}
fromLinux[11] = WASI.AGAIN;   // EWOULDBLOCK
fromLinux[95] = WASI.NOTSUP;  // EOPNOTSUPP

// Linux errno numbers the runner itself returns, by name.
const E = {};
for (const [num, [name]] of Object.entries(linux)) if (name && !(name in E)) E[name] = Number(num);

/** WASI errno for a host result r < 0 (-Linux errno). */
function wasiErrno(r) {
  const n = -r;
  return n > 0 && n < 4096 ? fromLinux[n] : WASI.IO;
}

module.exports = { WASI, WASI_NAMES, E, wasiErrno };
