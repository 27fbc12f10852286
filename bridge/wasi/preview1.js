// SPDX-License-Identifier: MIT
// wasi_snapshot_preview1 as the guest sees it: Node's WASI (uvwasi) behind the runner's
// fd table. Every function that takes an fd translates it; path_open's result becomes
// a guest fd; fd_renumber moves table entries; on a host descriptor (a socket) fd_read,
// fd_write, fd_close, fd_fdstat_*, fd_filestat_get and sock_* are served by the host,
// so wasi-libc's own read, write, close, fcntl, ioctl(FIONBIO/FIONREAD), isatty and
// stdio work on sockets. poll_oneoff is in poll.js.
'use strict';
const { Entry, MAX_FDS } = require('./fdtable');
const { WASI: W_, wasiErrno } = require('./errno');
const C = require('../constants');

const FAULT = W_.FAULT, BADF = W_.BADF, SPIPE = W_.SPIPE, NOTDIR = W_.NOTDIR, INVAL = W_.INVAL;
const FDFLAGS_NONBLOCK = 4;
const MSG_NOSIGNAL = C.MSG_NOSIGNAL;
// Rights of a socket fd: read, write, fdstat_set_flags, filestat_get, poll, shutdown, accept.
const SOCKET_RIGHTS = (1n << 1n) | (1n << 3n) | (1n << 6n) | (1n << 21n) | (1n << 27n) | (1n << 28n) | (1n << 29n);

// fd-taking functions that need nothing but the translation; what a host descriptor
// answers instead (a WASI errno).
const PLAIN = {
  fd_advise: [4, SPIPE], fd_allocate: [3, SPIPE], fd_datasync: [1, INVAL],
  fd_fdstat_set_rights: [3, 0], fd_filestat_set_size: [2, INVAL],
  fd_filestat_set_times: [4, INVAL], fd_pread: [5, SPIPE], fd_prestat_get: [2, BADF],
  fd_prestat_dir_name: [3, BADF], fd_pwrite: [5, SPIPE], fd_readdir: [5, NOTDIR],
  fd_seek: [4, SPIPE], fd_sync: [1, INVAL], fd_tell: [2, SPIPE],
  path_create_directory: [3, NOTDIR], path_filestat_get: [5, NOTDIR],
  path_filestat_set_times: [7, NOTDIR], path_readlink: [6, NOTDIR],
  path_remove_directory: [3, NOTDIR], path_unlink_file: [3, NOTDIR],
};

// Fixed-arity forwarders: fd first, the rest passed through untouched.
function forward(slots, f, arity, onHost) {
  const map = (fd) => {
    const e = slots[fd];
    return e === undefined ? -1 : e.wasi < 0 ? -2 : e.wasi;
  };
  const fail = (m) => (m === -1 ? BADF : onHost);
  switch (arity) {
    case 1: return (a) => { const m = map(a); return m < 0 ? fail(m) : f(m); };
    case 2: return (a, b) => { const m = map(a); return m < 0 ? fail(m) : f(m, b); };
    case 3: return (a, b, c) => { const m = map(a); return m < 0 ? fail(m) : f(m, b, c); };
    case 4: return (a, b, c, d) => { const m = map(a); return m < 0 ? fail(m) : f(m, b, c, d); };
    case 5: return (a, b, c, d, e) => { const m = map(a); return m < 0 ? fail(m) : f(m, b, c, d, e); };
    case 6: return (a, b, c, d, e, g) => { const m = map(a); return m < 0 ? fail(m) : f(m, b, c, d, e, g); };
    case 7: return (a, b, c, d, e, g, h) => { const m = map(a); return m < 0 ? fail(m) : f(m, b, c, d, e, g, h); };
    default: throw new Error(`arity ${arity}`);
  }
}

function preview1(ctx, W) {
  const { table } = ctx;
  const slots = table.slots;
  let H = null;
  ctx.onBind.push((h) => { H = h; });
  const imp = { ...W };
  const wasiOf = (fd) => {
    const e = slots[fd];
    return e === undefined ? -1 : e.wasi < 0 ? -2 : e.wasi;
  };
  const dirErr = (m) => (m === -1 ? BADF : NOTDIR);

  for (const [name, [arity, onHost]] of Object.entries(PLAIN))
    imp[name] = forward(slots, W[name].bind(W), arity, onHost);

  imp.path_link = (ofd, oflags, op, ol, nfd, np, nl) => {
    const a = wasiOf(ofd), b = wasiOf(nfd);
    if (a < 0) return dirErr(a);
    if (b < 0) return dirErr(b);
    return W.path_link(a, oflags, op, ol, b, np, nl);
  };
  imp.path_rename = (ofd, op, ol, nfd, np, nl) => {
    const a = wasiOf(ofd), b = wasiOf(nfd);
    if (a < 0) return dirErr(a);
    if (b < 0) return dirErr(b);
    return W.path_rename(a, op, ol, b, np, nl);
  };
  imp.path_symlink = (op, ol, fd, np, nl) => {
    const a = wasiOf(fd);
    return a < 0 ? dirErr(a) : W.path_symlink(op, ol, a, np, nl);
  };
  imp.path_open = (fd, dirflags, p, l, oflags, rb, ri, fdflags, out) => {
    const a = wasiOf(fd);
    if (a < 0) return dirErr(a);
    const r = W.path_open(a, dirflags, p, l, oflags, rb, ri, fdflags, out);
    if (r !== 0) return r;
    const dv = ctx.memory();
    const w = dv.getUint32(out, true);
    const g = table.insert(new Entry(w, -1, 0));
    if (g < 0) {
      W.fd_close(w);
      return W_.MFILE;
    }
    dv.setUint32(out, g, true);
    return 0;
  };

  imp.fd_read = (fd, iovs, n, nread) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.fd_read(e.wasi, iovs, n, nread);
    if (!ctx.fits(nread, 4)) return FAULT;
    let r;
    if (e.filetype === 0) r = H.readv(e.host, iovs, n);
    else {
      // recvmsg's three in/out words (namelen, controllen, flags) all live in the
      // result word: 0 in, overwritten by the count below.
      ctx.memory().setUint32(nread, 0, true);
      r = H.recvmsg(e.host, iovs, n, 0, nread, 0, nread, nread, 0);
    }
    if (r < 0) return wasiErrno(r);
    ctx.memory().setUint32(nread, r, true);
    return 0;
  };
  imp.fd_write = (fd, iovs, n, nwritten) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.fd_write(e.wasi, iovs, n, nwritten);
    if (!ctx.fits(nwritten, 4)) return FAULT;
    const r = e.filetype === 0 ? H.writev(e.host, iovs, n)
      : H.sendmsg(e.host, iovs, n, 0, 0, 0, 0, MSG_NOSIGNAL);
    if (r < 0) return wasiErrno(r);
    ctx.memory().setUint32(nwritten, r, true);
    return 0;
  };
  imp.fd_close = (fd) => {
    const r = ctx.closeFd(fd);
    return r < 0 ? wasiErrno(r) : 0;
  };
  imp.fd_renumber = (from, to) => {
    const ef = slots[from], et = slots[to];
    if (ef === undefined || to < 0 || to >= MAX_FDS) return BADF;
    if (from === to) return 0;
    if (et !== undefined) {
      const r = ctx.closeFd(to);
      if (r < 0) return wasiErrno(r);
    }
    table.remove(from);
    table.place(to, ef);
    return 0;
  };
  imp.fd_fdstat_get = (fd, buf) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.fd_fdstat_get(e.wasi, buf);
    if (!ctx.fits(buf, 24)) return FAULT;
    const nb = ctx.P.nonblocking(e.host);
    if (nb < 0) return wasiErrno(nb);
    const dv = ctx.memory();
    dv.setUint8(buf, e.filetype);
    dv.setUint8(buf + 1, 0);
    dv.setUint16(buf + 2, nb ? FDFLAGS_NONBLOCK : 0, true);
    dv.setUint32(buf + 4, 0, true);
    dv.setBigUint64(buf + 8, SOCKET_RIGHTS, true);
    dv.setBigUint64(buf + 16, 0n, true);
    return 0;
  };
  imp.fd_fdstat_set_flags = (fd, flags) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.fd_fdstat_set_flags(e.wasi, flags);
    const r = ctx.P.setNonblocking(e.host, flags & FDFLAGS_NONBLOCK ? 1 : 0);
    return r < 0 ? wasiErrno(r) : 0;
  };
  imp.fd_filestat_get = (fd, buf) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.fd_filestat_get(e.wasi, buf);
    if (!ctx.fits(buf, 64)) return FAULT;
    const u8 = ctx.u8();
    u8.fill(0, buf, buf + 64);
    u8[buf + 16] = e.filetype;
    return 0;
  };

  imp.sock_accept = (fd, flags, out) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.sock_accept(e.wasi, flags, out);
    if (!ctx.fits(out, 4)) return FAULT;
    const r = H.accept(e.host, 0, 0, flags & FDFLAGS_NONBLOCK ? C.SOCK_NONBLOCK : 0);
    if (r < 0) return wasiErrno(r);
    const g = ctx.adopt(r, e.filetype);
    if (g < 0) return wasiErrno(g);
    ctx.memory().setUint32(out, g, true);
    return 0;
  };
  imp.sock_recv = (fd, iovs, n, riflags, outlen, outflags) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.sock_recv(e.wasi, iovs, n, riflags, outlen, outflags);
    if (!ctx.fits(outlen, 4) || !ctx.fits(outflags, 2)) return FAULT;
    // riflags: RECV_PEEK 1, RECV_WAITALL 2.
    const flags = (riflags & 1 ? C.MSG_PEEK : 0) | (riflags & 2 ? C.MSG_WAITALL : 0);
    ctx.memory().setUint32(outlen, 0, true);
    const r = H.recvmsg(e.host, iovs, n, 0, outlen, 0, outlen, outlen, flags);
    if (r < 0) return wasiErrno(r);
    const dv = ctx.memory();
    const mflags = dv.getInt32(outlen, true);
    dv.setUint32(outlen, r, true);
    dv.setUint16(outflags, mflags & C.MSG_TRUNC ? 1 : 0, true);
    return 0;
  };
  imp.sock_send = (fd, iovs, n, siflags, outlen) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.sock_send(e.wasi, iovs, n, siflags, outlen);
    if (!ctx.fits(outlen, 4)) return FAULT;
    const r = H.sendmsg(e.host, iovs, n, 0, 0, 0, 0, MSG_NOSIGNAL);
    if (r < 0) return wasiErrno(r);
    ctx.memory().setUint32(outlen, r, true);
    return 0;
  };
  imp.sock_shutdown = (fd, how) => {
    const e = slots[fd];
    if (e === undefined) return BADF;
    if (e.wasi >= 0) return W.sock_shutdown(e.wasi, how);
    // sdflags RD 1, WR 2 -> SHUT_RD 0, SHUT_WR 1, SHUT_RDWR 2.
    if (how < 1 || how > 3) return INVAL;
    const r = H.shutdown(e.host, how - 1);
    return r < 0 ? wasiErrno(r) : 0;
  };

  imp.poll_oneoff = (inp, out, n, nevents) => ctx.pollOneoff(inp, out, n, nevents);
  return imp;
}

module.exports = { preview1 };
