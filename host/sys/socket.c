// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

/*
 * The data calls go straight to syscall(2): glibc's wrappers are pthread cancellation
 * points, which in a multi-threaded process (Node always is) costs two atomic
 * read-modify-writes per call, and the host never uses cancellation.
 */
#define ws__sendto(fd, b, n, f, a, al) syscall(SYS_sendto, fd, b, n, f, a, al)
#define ws__recvfrom(fd, b, n, f, a, al) syscall(SYS_recvfrom, fd, b, n, f, a, al)
#define ws__sendmsg(fd, m, f) syscall(SYS_sendmsg, fd, m, f)
#define ws__recvmsg(fd, m, f) syscall(SYS_recvmsg, fd, m, f)

/* A byte count the int32 result can report (Linux moves at most 0x7ffff000 per call anyway). */
static inline size_t ws__len(uint32_t len)
{
	return len > INT32_MAX ? INT32_MAX : len;
}

int32_t wasock_host_memory_grown(void)
{
	return 0;
}

int32_t wasock_host_clock_ns(uint64_t *out)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) < 0)
		return -errno;
	*out = (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
	return 0;
}

int32_t wasock_host_socket(int32_t domain, int32_t type, int32_t proto)
{
	int fd = socket(domain, type, proto);
	return fd < 0 ? -errno : fd;
}

int32_t wasock_host_socketpair(int32_t domain, int32_t type, int32_t proto, int32_t *fds)
{
	int sv[2];
	if (socketpair(domain, type, proto, sv) < 0)
		return -errno;
	fds[0] = sv[0];
	fds[1] = sv[1];
	return 0;
}

/* close() is not retried on EINTR: on Linux the fd is gone either way. */
int32_t wasock_host_close(int32_t fd)
{
	if (close(fd) < 0 && errno != EINTR)
		return -errno;
	return 0;
}

int32_t wasock_host_dup(int32_t fd)
{
	int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	return r < 0 ? -errno : r;
}

int32_t wasock_host_bind(int32_t fd, const void *addr, uint32_t addrlen)
{
	return bind(fd, addr, addrlen) < 0 ? -errno : 0;
}

/*
 * An interrupted connect() goes on in the background: retrying it would report
 * EALREADY, so the caller waits for writability instead (as CPython does).
 */
int32_t wasock_host_connect(int32_t fd, const void *addr, uint32_t addrlen)
{
	return connect(fd, addr, addrlen) < 0 ? -errno : 0;
}

int32_t wasock_host_listen(int32_t fd, int32_t backlog)
{
	return listen(fd, backlog) < 0 ? -errno : 0;
}

int32_t wasock_host_accept(int32_t fd, void *addr, uint32_t *addrlen, int32_t flags)
{
	socklen_t len = addrlen ? *addrlen : 0;
	int32_t r = WS__SYSCALL(accept4(fd, addr, addrlen ? &len : NULL, flags));
	if (r >= 0 && addrlen)
		*addrlen = len;
	return r;
}

int32_t wasock_host_getsockname(int32_t fd, void *addr, uint32_t *addrlen)
{
	socklen_t len = *addrlen;
	if (getsockname(fd, addr, &len) < 0)
		return -errno;
	*addrlen = len;
	return 0;
}

int32_t wasock_host_getpeername(int32_t fd, void *addr, uint32_t *addrlen)
{
	socklen_t len = *addrlen;
	if (getpeername(fd, addr, &len) < 0)
		return -errno;
	*addrlen = len;
	return 0;
}

/*
 * Socket options whose value holds a pointer the kernel follows in the caller's address
 * space: through wasm (the core, or any guest) such a pointer is a guest's number aimed
 * at the host process, so a guest could make the kernel read (a classic BPF program
 * loaded from anywhere, then read back with SO_GET_FILTER) or write (netfilter counters,
 * TCP zero-copy, MPTCP_FULL_INFO's arrays, RDS memory regions) host memory. None has a
 * use through wasm; all are refused with EPERM (getsockopt and setsockopt alike).
 */
static int ws__pointer_opt(int32_t level, int32_t name)
{
	switch (level) {
	case SOL_SOCKET:
		return name == SO_ATTACH_FILTER || name == SO_ATTACH_REUSEPORT_CBPF;
	case SOL_PACKET:
		return name == 22; /* PACKET_FANOUT_DATA: a sock_fprog */
	case IPPROTO_TCP:
		return name == 35; /* TCP_ZEROCOPY_RECEIVE */
	case IPPROTO_IP:
		/* the netfilter control ranges: iptables 64+, arptables 96+, ebtables 128+ (IPv4
		 * has no options of its own there) */
		return (name >= 64 && name < 72) || (name >= 96 && name < 104) ||
		       (name >= 128 && name < 136);
	case IPPROTO_IPV6:
		/* ip6tables' names, between IPv6's own (IPV6_RECVTCLASS 66, IPV6_TCLASS 67, ...) */
		return name == 64 || name == 65 || name == 68 || name == 69;
	case 276: /* SOL_RDS: RDS_GET_MR, RDS_FREE_MR, RDS_GET_MR_FOR_DEST */
		return name == 2 || name == 3 || name == 7;
	case 283: /* SOL_XDP: UMEM registration pins caller memory */
		return 1;
	case 284: /* SOL_MPTCP: MPTCP_FULL_INFO carries two user pointers */
		return name == 4;
	}
	return 0;
}

int32_t wasock_host_getsockopt(int32_t fd, int32_t level, int32_t name, void *val, uint32_t *len)
{
	if (ws__pointer_opt(level, name))
		return -EPERM;
	socklen_t l = *len;
	if (getsockopt(fd, level, name, val, &l) < 0)
		return -errno;
	*len = l;
	return 0;
}

int32_t wasock_host_setsockopt(int32_t fd, int32_t level, int32_t name, const void *val,
                               uint32_t len)
{
	if (ws__pointer_opt(level, name))
		return -EPERM;
	return setsockopt(fd, level, name, val, len) < 0 ? -errno : 0;
}

int32_t wasock_host_shutdown(int32_t fd, int32_t how)
{
	return shutdown(fd, how) < 0 ? -errno : 0;
}

int32_t wasock_host_sendto(int32_t fd, const void *buf, uint32_t len, int32_t flags,
                           const void *addr, uint32_t addrlen)
{
	return WS__SYSCALL(ws__sendto(fd, buf, ws__len(len), flags, addrlen ? addr : NULL, addrlen));
}

int32_t wasock_host_recvfrom(int32_t fd, void *buf, uint32_t len, int32_t flags, void *addr,
                             uint32_t *addrlen)
{
	socklen_t alen = addrlen ? *addrlen : 0;
	int32_t r = WS__SYSCALL(ws__recvfrom(fd, buf, ws__len(len), flags, addrlen ? addr : NULL,
	                                     addrlen ? &alen : NULL));
	if (r >= 0 && addrlen)
		*addrlen = alen;
	return r;
}

int32_t wasock_host_sendmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt,
                            const void *name, uint32_t namelen, const void *control,
                            uint32_t controllen, int32_t flags)
{
	struct msghdr msg = {
		.msg_name = namelen ? (void *)name : NULL,
		.msg_namelen = namelen,
		.msg_iov = (struct iovec *)iov,
		.msg_iovlen = iovcnt,
		.msg_control = controllen ? (void *)control : NULL,
		.msg_controllen = controllen,
	};
	_Static_assert(sizeof(wasock_iovec) == sizeof(struct iovec), "iovec layout");
	return WS__SYSCALL(ws__sendmsg(fd, &msg, flags));
}

int32_t wasock_host_recvmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt, void *name,
                            uint32_t *namelen, void *control, uint32_t *controllen,
                            int32_t *msg_flags, int32_t flags)
{
	struct msghdr msg = {
		.msg_name = *namelen ? name : NULL,
		.msg_namelen = *namelen,
		.msg_iov = (struct iovec *)iov,
		.msg_iovlen = iovcnt,
		.msg_control = *controllen ? control : NULL,
		.msg_controllen = *controllen,
	};
	int32_t r = WS__SYSCALL(ws__recvmsg(fd, &msg, flags));
	if (r < 0)
		return r;
	*namelen = msg.msg_namelen;
	*controllen = (uint32_t)msg.msg_controllen;
	*msg_flags = msg.msg_flags;
	return r;
}

int32_t wasock_host_readv(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt)
{
	return WS__SYSCALL(syscall(SYS_readv, fd, iov, iovcnt));
}

int32_t wasock_host_writev(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt)
{
	return WS__SYSCALL(syscall(SYS_writev, fd, iov, iovcnt));
}

int32_t wasock_host_sendfile(int32_t out_fd, int32_t in_fd, int64_t *offset, uint32_t count)
{
	off_t off = (off_t)*offset;
	int32_t r = WS__SYSCALL(sendfile(out_fd, in_fd, &off, ws__len(count)));
	if (r >= 0)
		*offset = off;
	return r;
}

int32_t wasock_host_lseek(int32_t fd, const int64_t *offset)
{
	return lseek(fd, (off_t)*offset, SEEK_SET) < 0 ? -errno : 0;
}

int32_t wasock_host_poll(int32_t fd, int32_t events, int32_t timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = (short)events };
	int r = poll(&p, 1, timeout_ms);
	if (r < 0)
		return -errno;
	return r == 0 ? 0 : p.revents;
}

int32_t wasock_host_poll_many(void *fds, uint32_t nfds, int32_t timeout_ms)
{
	_Static_assert(sizeof(struct pollfd) == 8, "pollfd is int32, int16, int16");
	if (nfds > WASOCK_HOST_POLL_MAX)
		return -EINVAL;
	int r = poll(fds, nfds, timeout_ms);
	return r < 0 ? -errno : r;
}

static int32_t ws__set_flag(int fd, int get, int set, int flag, int on)
{
	int fl = fcntl(fd, get);
	if (fl < 0)
		return -errno;
	int nfl = on ? (fl | flag) : (fl & ~flag);
	if (nfl != fl && fcntl(fd, set, nfl) < 0)
		return -errno;
	return 0;
}

int32_t wasock_host_set_nonblocking(int32_t fd, int32_t on)
{
	return ws__set_flag(fd, F_GETFL, F_SETFL, O_NONBLOCK, on);
}

int32_t wasock_host_get_nonblocking(int32_t fd)
{
	int fl = fcntl(fd, F_GETFL);
	return fl < 0 ? -errno : !!(fl & O_NONBLOCK);
}

int32_t wasock_host_set_cloexec(int32_t fd, int32_t on)
{
	return ws__set_flag(fd, F_GETFD, F_SETFD, FD_CLOEXEC, on);
}

int32_t wasock_host_get_cloexec(int32_t fd)
{
	int fl = fcntl(fd, F_GETFD);
	return fl < 0 ? -errno : !!(fl & FD_CLOEXEC);
}

/*
 * Only requests whose argument is a flat structure of known size: the kernel decides from
 * the request alone how much it reads and writes, and some requests carry pointers inside
 * their argument (SIOCGIFCONF, SIOCETHTOOL, ...) that a guest could aim anywhere in the
 * host process. Anything else, or an area shorter than the request's, is refused.
 */
static const struct {
	uint32_t request, size;
} ws__ioctls[] = {
	{ FIONREAD, sizeof(int) }, { FIONBIO, sizeof(int) }, { SIOCATMARK, sizeof(int) },
	{ SIOCOUTQ, sizeof(int) }, { SIOCOUTQNSD, sizeof(int) },
	{ SIOCGIFNAME, sizeof(struct ifreq) }, { SIOCGIFINDEX, sizeof(struct ifreq) },
	{ SIOCGIFFLAGS, sizeof(struct ifreq) }, { SIOCGIFADDR, sizeof(struct ifreq) },
	{ SIOCGIFDSTADDR, sizeof(struct ifreq) }, { SIOCGIFBRDADDR, sizeof(struct ifreq) },
	{ SIOCGIFNETMASK, sizeof(struct ifreq) }, { SIOCGIFMTU, sizeof(struct ifreq) },
	{ SIOCGIFHWADDR, sizeof(struct ifreq) }, { SIOCGIFTXQLEN, sizeof(struct ifreq) },
	{ SIOCGIFMETRIC, sizeof(struct ifreq) },
	{ SIOCGSTAMP, sizeof(struct timeval) }, { SIOCGSTAMPNS, sizeof(struct timespec) },
};

int32_t wasock_host_ioctl(int32_t fd, uint32_t request, void *arg, uint32_t len)
{
	for (size_t i = 0; i < sizeof ws__ioctls / sizeof ws__ioctls[0]; i++) {
		if (ws__ioctls[i].request != request)
			continue;
		if (!arg || len < ws__ioctls[i].size)
			return -EFAULT;
		int r = ioctl(fd, request, arg);
		return r < 0 ? -errno : r;
	}
	return -ENOTTY;
}
