// SPDX-License-Identifier: MIT
// The guest's "wasock_host" imports: host/wasock_host.h with guest fds. Each is a
// fixed-arity function (a variadic wrapper costs about a fifth of a call) that turns
// the guest fd into its host fd (unknown numbers are EBADF: a guest cannot name a
// descriptor it was not given), asks the policy, calls the N-API binding of the
// guest's memory, and turns every host fd the call creates into a guest fd.
'use strict';
const { FT_UNKNOWN, FT_SOCKET_DGRAM, FT_SOCKET_STREAM } = require('./fdtable');
const { E } = require('./errno');
const C = require('../constants');

const EBADF = -E.EBADF, ENOTSOCK = -E.ENOTSOCK, EINVAL = -E.EINVAL, EPERM = -E.EPERM;
const SOL_SOCKET = C.SOL_SOCKET, SCM_RIGHTS = C.SCM_RIGHTS, SCM_CREDENTIALS = C.SCM_CREDENTIALS;
const POLLIN = 1, POLLOUT = 4, POLLNVAL = 0x20;
const NULLSTR = 0xffffffff;

function filetypeOf(type) {
  const t = type & 0xf;
  return t === C.SOCK_DGRAM || t === C.SOCK_RAW ? FT_SOCKET_DGRAM : FT_SOCKET_STREAM;
}

/**
 * ctx: { table, policy, refuse(op, fd, refusal) -> errno, memory(): guest DataView,
 *        H: guest binding (after instantiation), P: private scratch helper,
 *        closeFd(fd) -> Linux result, u8(): guest bytes }
 */
function hostImports(ctx) {
  const { table, policy } = ctx;
  const slots = table.slots;
  let H = null;
  ctx.onBind.push((h) => { H = h; });

  const host = (fd) => {
    const e = slots[fd];
    return e === undefined ? -1 : e.host;
  };
  const bytes = (off, len) => Buffer.from(ctx.u8().subarray(off, off + len));
  const adopt = ctx.adopt;
  const inMem = (off, len) => off > 0 && len >= 0 && off + len <= ctx.u8().length;

  function addrCheck(use, fd, a, l) {
    if (policy.net) return 0;
    if (!inMem(a, l)) return -E.EFAULT;
    const r = policy.address(use, bytes(a, l));
    return r ? ctx.refuse(use, fd, r) : 0;
  }

  // SCM_RIGHTS in native control bytes [ctl, ctl+len): rewrite fds with map(fd) ->
  // new fd or a negative errno; returns the undo list, or a negative errno. Walks the
  // messages as the kernel's for_each_cmsghdr/CMSG_OK do, so every fd the kernel will
  // read is one this saw.
  function eachRights(ctl, len, fn) {
    const dv = ctx.memory();
    const end = ctl + len;
    for (let p = ctl; p + 16 <= end;) {
      const clen = dv.getUint32(p, true), hi = dv.getUint32(p + 4, true);
      if (hi !== 0 || clen < 16 || clen > end - p) return EINVAL;
      const level = dv.getInt32(p + 8, true), type = dv.getInt32(p + 12, true);
      const r = fn(level, type, p + 16, clen - 16, dv);
      if (r < 0) return r;
      p += (clen + 7) & ~7;
    }
    return 0;
  }

  function sendRights(fd, ctl, len) {
    const undo = [];
    const r = eachRights(ctl, len, (level, type, data, n, dv) => {
      if (level !== SOL_SOCKET) {
        const no = policy.cmsg(level, type);
        return no ? ctx.refuse('sendmsg', fd, no) : 0;
      }
      if (type === SCM_CREDENTIALS && n >= 12) {
        const pid = dv.getInt32(data, true), uid = dv.getInt32(data + 4, true), gid = dv.getInt32(data + 8, true);
        if (pid !== process.pid || uid !== process.getuid() || gid !== process.getgid())
          return ctx.refuse('sendmsg', fd, { errno: EPERM, why: 'SCM_CREDENTIALS names another process or user', flag: null });
      }
      if (type !== SCM_RIGHTS) return 0;
      for (let q = data; q + 4 <= data + n; q += 4) {
        const g = dv.getInt32(q, true);
        const e = slots[g];
        if (g < 0 || e === undefined || e.host < 0)
          return ctx.refuse('sendmsg', fd, { errno: EBADF, why: `SCM_RIGHTS names fd ${g}, which the guest does not hold as a host descriptor`, flag: null });
        undo.push(q, g);
        dv.setInt32(q, e.host, true);
      }
      return 0;
    });
    if (r < 0) {
      restore(undo);
      return r;
    }
    return undo;
  }

  function restore(undo) {
    const dv = ctx.memory();
    for (let i = 0; i < undo.length; i += 2) dv.setInt32(undo[i], undo[i + 1], true);
  }

  function recvRights(ctl, len) {
    eachRights(ctl, len, (level, type, data, n, dv) => {
      if (level !== SOL_SOCKET || type !== SCM_RIGHTS) return 0;
      // A descriptor with no guest number left is closed, and its slot reads -1.
      for (let q = data; q + 4 <= data + n; q += 4) {
        const h = dv.getInt32(q, true);
        const g = adopt(h, ctx.P.filetype(h));
        dv.setInt32(q, g < 0 ? -1 : g, true);
      }
      return 0;
    });
  }

  // A host fd that is not a socket: the socket calls answer as Linux does.
  const sock = (fd) => {
    const e = slots[fd];
    if (e === undefined) return EBADF;
    return e.host < 0 ? ENOTSOCK : e.host;
  };

  const imp = {
    memory_grown() { return H.memory_grown(); },
    clock_ns(out) { ctx.sync(); return H.clock_ns(out); },

    socket(d, t, p) {
      const no = policy.socket(d, t, p);
      if (no) return ctx.refuse('socket', -1, no);
      const r = H.socket(d, t, p);
      return r < 0 ? r : adopt(r, filetypeOf(t));
    },
    socketpair(d, t, p, fds) {
      const no = policy.socketpair(d, t, p);
      if (no) return ctx.refuse('socketpair', -1, no);
      ctx.sync();
      const r = H.socketpair(d, t, p, fds);
      if (r < 0) return r;
      const dv = ctx.memory();
      const hb = dv.getInt32(fds + 4, true);
      const a = adopt(dv.getInt32(fds, true), filetypeOf(t));
      if (a < 0) {
        ctx.P.close(hb);
        return a;
      }
      const b = adopt(hb, filetypeOf(t));
      if (b < 0) {
        ctx.closeFd(a);
        return b;
      }
      dv.setInt32(fds, a, true);
      dv.setInt32(fds + 4, b, true);
      return 0;
    },
    close(fd) { return ctx.closeFd(fd); },
    dup(fd) {
      const e = slots[fd];
      if (e === undefined || e.host < 0) return EBADF;
      const r = H.dup(e.host);
      return r < 0 ? r : adopt(r, e.wasi < 0 ? e.filetype : FT_UNKNOWN);
    },
    bind(fd, a, l) {
      const h = sock(fd);
      if (h < 0) return h;
      ctx.sync();
      const no = addrCheck('bind', fd, a, l);
      return no || H.bind(h, a, l);
    },
    connect(fd, a, l) {
      const h = sock(fd);
      if (h < 0) return h;
      ctx.sync();
      const no = addrCheck('connect', fd, a, l);
      return no || H.connect(h, a, l);
    },
    listen(fd, backlog) {
      const h = sock(fd);
      return h < 0 ? h : H.listen(h, backlog);
    },
    accept(fd, a, l, flags) {
      const h = sock(fd);
      if (h < 0) return h;
      ctx.sync();
      const r = H.accept(h, a, l, flags);
      return r < 0 ? r : adopt(r, slots[fd].filetype || FT_SOCKET_STREAM);
    },
    getsockname(fd, a, l) {
      const h = sock(fd);
      if (h < 0) return h;
      ctx.sync();
      return H.getsockname(h, a, l);
    },
    getpeername(fd, a, l) {
      const h = sock(fd);
      if (h < 0) return h;
      ctx.sync();
      return H.getpeername(h, a, l);
    },
    getsockopt(fd, level, name, v, l) {
      const h = sock(fd);
      if (h < 0) return h;
      const no = policy.getsockopt(level, name);
      if (no) return ctx.refuse('getsockopt', fd, no);
      ctx.sync();
      return H.getsockopt(h, level, name, v, l);
    },
    setsockopt(fd, level, name, v, l) {
      const h = sock(fd);
      if (h < 0) return h;
      const no = policy.setsockopt(level, name);
      if (no) return ctx.refuse('setsockopt', fd, no);
      ctx.sync();
      return H.setsockopt(h, level, name, v, l);
    },
    shutdown(fd, how) {
      const h = sock(fd);
      return h < 0 ? h : H.shutdown(h, how);
    },
    sendto(fd, buf, len, flags, a, l) {
      const e = slots[fd];
      if (e === undefined) return EBADF;
      if (e.host < 0) return ENOTSOCK;
      ctx.sync();
      if (l !== 0) {
        const no = addrCheck(e.filetype === FT_SOCKET_STREAM ? 'connect' : 'sendto', fd, a, l);
        if (no) return no;
      }
      return H.sendto(e.host, buf, len, flags, a, l);
    },
    recvfrom(fd, buf, len, flags, a, l) {
      const e = slots[fd];
      if (e === undefined) return EBADF;
      if (e.host < 0) return ENOTSOCK;
      ctx.sync();
      return H.recvfrom(e.host, buf, len, flags, a, l);
    },
    sendmsg(fd, iov, n, name, namelen, ctl, ctllen, flags) {
      const e = slots[fd];
      if (e === undefined) return EBADF;
      if (e.host < 0) return ENOTSOCK;
      ctx.sync();
      if (namelen !== 0) {
        const no = addrCheck(e.filetype === FT_SOCKET_STREAM ? 'connect' : 'sendto', fd, name, namelen);
        if (no) return no;
      }
      if (ctllen === 0) return H.sendmsg(e.host, iov, n, name, namelen, ctl, ctllen, flags);
      if (!inMem(ctl, ctllen)) return -E.EFAULT;
      const undo = sendRights(fd, ctl, ctllen);
      if (typeof undo === 'number') return undo;
      const r = H.sendmsg(e.host, iov, n, name, namelen, ctl, ctllen, flags);
      restore(undo);
      return r;
    },
    recvmsg(fd, iov, n, name, namelen, ctl, ctllen, mflags, flags) {
      const e = slots[fd];
      if (e === undefined) return EBADF;
      if (e.host < 0) return ENOTSOCK;
      ctx.sync();
      const r = H.recvmsg(e.host, iov, n, name, namelen, ctl, ctllen, mflags, flags);
      if (r >= 0 && ctl !== 0) {
        const got = ctx.memory().getUint32(ctllen, true);
        if (got !== 0) recvRights(ctl, got);
      }
      return r;
    },
    readv(fd, iov, n) {
      const h = host(fd);
      if (h < 0) return EBADF;
      ctx.sync();
      return H.readv(h, iov, n);
    },
    writev(fd, iov, n) {
      const h = host(fd);
      if (h < 0) return EBADF;
      ctx.sync();
      return H.writev(h, iov, n);
    },
    sendfile(out, inFd, off, count) {
      const ho = host(out), hi = host(inFd);
      if (ho < 0 || hi < 0) return EBADF;
      ctx.sync();
      return H.sendfile(ho, hi, off, count);
    },
    poll(fd, events, timeout) {
      const e = slots[fd];
      if (e === undefined) return POLLNVAL;
      if (e.host < 0) return events & (POLLIN | POLLOUT);   // a file: always ready
      return H.poll(e.host, events, timeout);
    },
    poll_many(fds, nfds, timeout) { return ctx.pollMany(fds, nfds, timeout); },
    set_nonblocking(fd, on) {
      const h = host(fd);
      return h < 0 ? EBADF : H.set_nonblocking(h, on);
    },
    get_nonblocking(fd) {
      const h = host(fd);
      return h < 0 ? EBADF : H.get_nonblocking(h);
    },
    set_cloexec(fd, on) {
      const h = host(fd);
      return h < 0 ? EBADF : H.set_cloexec(h, on);
    },
    get_cloexec(fd) {
      const h = host(fd);
      return h < 0 ? EBADF : H.get_cloexec(h);
    },
    ioctl(fd, request, arg, len) {
      const h = host(fd);
      if (h < 0) return EBADF;
      const no = policy.ioctl(request, arg === 0 ? 0 : len);
      if (no) return ctx.refuse('ioctl', fd, no);
      ctx.sync();
      return H.ioctl(h, request, arg, len);
    },

    getaddrinfo(node, nodelen, serv, servlen, family, socktype, protocol, flags, out, cap) {
      ctx.sync();
      const text = nodelen === NULLSTR ? null : ctx.str(node, nodelen);
      const numeric = text === null || (flags & C.AI_NUMERICHOST) !== 0 || require('node:net').isIP(text) !== 0;
      const no = policy.lookup(`getaddrinfo(${JSON.stringify(text)})`, numeric);
      if (no) return ctx.refuse('getaddrinfo', -1, no);
      return H.getaddrinfo(node, nodelen, serv, servlen, family, socktype, protocol, flags, out, cap);
    },
    getnameinfo(a, l, flags, hostp, hostcap, servp, servcap) {
      const numeric = (flags & C.NI_NUMERICHOST) !== 0 || hostcap === 0;
      const no = policy.lookup('getnameinfo', numeric);
      if (no) return ctx.refuse('getnameinfo', -1, no);
      ctx.sync();
      return H.getnameinfo(a, l, flags, hostp, hostcap, servp, servcap);
    },
    gethostbyname(name, len, family, out, cap) {
      ctx.sync();
      const text = ctx.str(name, len);
      const no = policy.lookup(`gethostbyname(${JSON.stringify(text)})`, require('node:net').isIP(text) !== 0);
      if (no) return ctx.refuse('gethostbyname', -1, no);
      return H.gethostbyname(name, len, family, out, cap);
    },
    gethostbyaddr(a, l, family, out, cap) {
      const no = policy.lookup('gethostbyaddr', false);
      if (no) return ctx.refuse('gethostbyaddr', -1, no);
      ctx.sync();
      return H.gethostbyaddr(a, l, family, out, cap);
    },
    gethostname(buf, cap) { ctx.sync(); return H.gethostname(buf, cap); },
    sethostname() {
      return ctx.refuse('sethostname', -1, { errno: EPERM, why: 'sethostname changes the host', flag: null });
    },
    getservbyname(n, nl, p, pl) { ctx.sync(); return H.getservbyname(n, nl, p, pl); },
    getservbyport(port, p, pl, out, cap) { ctx.sync(); return H.getservbyport(port, p, pl, out, cap); },
    getprotobyname(n, nl) { ctx.sync(); return H.getprotobyname(n, nl); },
    if_nameindex(out, cap) { ctx.sync(); return H.if_nameindex(out, cap); },
    if_nametoindex(n, l) { ctx.sync(); return H.if_nametoindex(n, l); },
    if_indextoname(i, out, cap) { ctx.sync(); return H.if_indextoname(i, out, cap); },
  };
  return imp;
}

module.exports = { hostImports, filetypeOf };
