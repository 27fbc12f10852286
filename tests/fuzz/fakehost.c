// SPDX-License-Identifier: MIT
/*
 * A hostile host for the fuzzers: the whole host ABI with no I/O at all. Every answer
 * (results, lengths written back, received bytes, control messages, clock readings) is
 * taken from the fuzzer's input, so the core meets hosts that answer out of the kernel's
 * range. It keeps the ABI's one promise to the core: it writes only within the areas
 * and capacities it is given. Once the input is used up every call fails with EIO, so
 * retry loops end.
 */
#include <string.h>

#include "fakehost.h"

static const uint8_t *fh_p;
static size_t fh_n;

void fakehost_feed(const uint8_t *p, size_t n)
{
	fh_p = p;
	fh_n = n;
}

size_t fakehost_left(void)
{
	return fh_n;
}

static uint8_t u8(void)
{
	if (!fh_n)
		return 0;
	fh_n--;
	return *fh_p++;
}

static uint32_t u32(void)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++)
		v |= (uint32_t)u8() << (8 * i);
	return v;
}

/* A result: mostly small (success counts, common errnos), sometimes any int32. */
static int32_t res(void)
{
	if (!fh_n)
		return -WS_EIO;
	uint8_t k = u8();
	switch (k & 7) {
	case 0: return 0;
	case 1: return k >> 3;
	case 2: return -(int32_t)(k >> 3); /* EINTR, EAGAIN, EBADF, ... */
	case 3: return (int32_t)u32();
	case 4: return -WS_EAGAIN;
	case 5: return -WS_EINPROGRESS;
	default: return (int32_t)(u32() & 0xffff);
	}
}

/* Fills up to cap bytes of out from the input; returns how many. */
static uint32_t fill(void *out, uint32_t cap)
{
	uint32_t n = u8();
	if (n & 0x80)
		n = (n & 0x7f) << 4;
	if (n > cap)
		n = cap;
	if (n > fh_n)
		n = (uint32_t)fh_n;
	if (n && out)
		memcpy(out, fh_p, n);
	fh_p += n;
	fh_n -= n;
	return n;
}

/* An in/out length the host writes back: any value, as a lying host would. */
static void len_out(uint32_t *len)
{
	if (len && (u8() & 1))
		*len = u32();
}

int32_t wasock_host_memory_grown(void) { return 0; }
int32_t wasock_host_clock_ns(uint64_t *out)
{
	*out = (uint64_t)u32() << (u8() & 31);
	return res() < 0 ? -WS_EIO : 0;
}
int32_t wasock_host_socket(int32_t d, int32_t t, int32_t p) { (void)d, (void)t, (void)p; return res(); }
int32_t wasock_host_socketpair(int32_t d, int32_t t, int32_t p, int32_t *fds)
{
	(void)d, (void)t, (void)p;
	fds[0] = (int32_t)u32();
	fds[1] = (int32_t)u32();
	return res();
}
int32_t wasock_host_close(int32_t fd) { (void)fd; return res(); }
int32_t wasock_host_dup(int32_t fd) { (void)fd; return res(); }
int32_t wasock_host_bind(int32_t fd, const void *a, uint32_t l) { (void)fd, (void)a, (void)l; return res(); }
int32_t wasock_host_connect(int32_t fd, const void *a, uint32_t l) { (void)fd, (void)a, (void)l; return res(); }
int32_t wasock_host_listen(int32_t fd, int32_t b) { (void)fd, (void)b; return res(); }
int32_t wasock_host_accept(int32_t fd, void *addr, uint32_t *addrlen, int32_t flags)
{
	(void)fd, (void)flags;
	if (addrlen)
		fill(addr, *addrlen);
	len_out(addrlen);
	return res();
}
static int32_t name(void *addr, uint32_t *addrlen)
{
	fill(addr, *addrlen);
	len_out(addrlen);
	return res();
}
int32_t wasock_host_getsockname(int32_t fd, void *a, uint32_t *l) { (void)fd; return name(a, l); }
int32_t wasock_host_getpeername(int32_t fd, void *a, uint32_t *l) { (void)fd; return name(a, l); }
int32_t wasock_host_getsockopt(int32_t fd, int32_t level, int32_t nm, void *val, uint32_t *len)
{
	(void)fd, (void)level, (void)nm;
	return name(val, len);
}
int32_t wasock_host_setsockopt(int32_t fd, int32_t l, int32_t n, const void *v, uint32_t len)
{
	(void)fd, (void)l, (void)n, (void)v, (void)len;
	return res();
}
int32_t wasock_host_shutdown(int32_t fd, int32_t how) { (void)fd, (void)how; return res(); }
int32_t wasock_host_sendto(int32_t fd, const void *b, uint32_t len, int32_t f, const void *a,
                           uint32_t al)
{
	(void)fd, (void)b, (void)len, (void)f, (void)a, (void)al;
	return res();
}
int32_t wasock_host_recvfrom(int32_t fd, void *buf, uint32_t len, int32_t flags, void *addr,
                             uint32_t *addrlen)
{
	(void)fd, (void)flags;
	fill(buf, len);
	if (addrlen)
		name(addr, addrlen);
	return res();
}
int32_t wasock_host_sendmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt,
                            const void *name_, uint32_t namelen, const void *control,
                            uint32_t controllen, int32_t flags)
{
	(void)fd, (void)iov, (void)iovcnt, (void)name_, (void)namelen, (void)control;
	(void)controllen, (void)flags;
	return res();
}
int32_t wasock_host_recvmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt, void *nm,
                            uint32_t *namelen, void *control, uint32_t *controllen,
                            int32_t *msg_flags, int32_t flags)
{
	(void)fd, (void)flags;
	for (uint32_t i = 0; i < iovcnt; i++)
		fill(iov[i].base, (uint32_t)iov[i].len);
	name(nm, namelen);
	fill(control, *controllen);
	len_out(controllen);
	*msg_flags = (int32_t)u32();
	return res();
}
int32_t wasock_host_sendfile(int32_t out_fd, int32_t in_fd, int64_t *offset, uint32_t count)
{
	(void)out_fd, (void)in_fd, (void)count;
	if (u8() & 1)
		*offset = (int64_t)((uint64_t)u32() << 32 | u32());
	return res();
}
int32_t wasock_host_lseek(int32_t fd, const int64_t *offset)
{
	(void)fd, (void)offset;
	return res();
}
static int32_t fh_poll_ms;

int32_t fakehost_last_poll_ms(void)
{
	return fh_poll_ms;
}

int32_t wasock_host_poll(int32_t fd, int32_t events, int32_t t)
{
	(void)fd, (void)events;
	fh_poll_ms = t;
	return res();
}
int32_t wasock_host_poll_many(void *fds, uint32_t nfds, int32_t t)
{
	(void)t;
	for (uint32_t i = 0; i < nfds; i++) {
		uint16_t rev = (uint16_t)u32();
		memcpy((uint8_t *)fds + 8 * i + 6, &rev, 2);
	}
	return res();
}
int32_t wasock_host_set_nonblocking(int32_t fd, int32_t on) { (void)fd, (void)on; return res(); }
int32_t wasock_host_get_nonblocking(int32_t fd) { (void)fd; return res(); }
int32_t wasock_host_set_cloexec(int32_t fd, int32_t on) { (void)fd, (void)on; return res(); }
int32_t wasock_host_get_cloexec(int32_t fd) { (void)fd; return res(); }
int32_t wasock_host_ioctl(int32_t fd, uint32_t r, void *arg, uint32_t len)
{
	(void)fd, (void)r;
	fill(arg, len);
	return res();
}
static int32_t out_area(void *out, uint32_t cap)
{
	fill(out, cap);
	return res();
}
int32_t wasock_host_getaddrinfo(const char *node, uint32_t nodelen, const char *service,
                                uint32_t servicelen, int32_t family, int32_t socktype,
                                int32_t protocol, int32_t flags, void *out, uint32_t cap)
{
	(void)node, (void)nodelen, (void)service, (void)servicelen, (void)family;
	(void)socktype, (void)protocol, (void)flags;
	return out_area(out, cap);
}
int32_t wasock_host_getnameinfo(const void *addr, uint32_t addrlen, int32_t flags, char *host,
                                uint32_t hostcap, char *serv, uint32_t servcap)
{
	(void)addr, (void)addrlen, (void)flags;
	/* NUL-terminated within the caps, as the ABI says. */
	if (hostcap) {
		uint32_t n = fill(host, hostcap - 1);
		host[n] = 0;
	}
	if (servcap) {
		uint32_t n = fill(serv, servcap - 1);
		serv[n] = 0;
	}
	return res();
}
int32_t wasock_host_gethostbyname(const char *n, uint32_t nl, int32_t f, void *out, uint32_t cap)
{
	(void)n, (void)nl, (void)f;
	return out_area(out, cap);
}
int32_t wasock_host_gethostbyaddr(const void *a, uint32_t al, int32_t f, void *out, uint32_t cap)
{
	(void)a, (void)al, (void)f;
	return out_area(out, cap);
}
int32_t wasock_host_gethostname(char *buf, uint32_t cap) { return out_area(buf, cap); }
int32_t wasock_host_sethostname(const char *n, uint32_t len) { (void)n, (void)len; return res(); }
int32_t wasock_host_getservbyname(const char *n, uint32_t nl, const char *p, uint32_t pl)
{
	(void)n, (void)nl, (void)p, (void)pl;
	return res();
}
int32_t wasock_host_getservbyport(int32_t port, const char *p, uint32_t pl, char *out, uint32_t cap)
{
	(void)port, (void)p, (void)pl;
	return out_area(out, cap);
}
int32_t wasock_host_getprotobyname(const char *n, uint32_t nl) { (void)n, (void)nl; return res(); }
int32_t wasock_host_if_nameindex(void *out, uint32_t cap) { return out_area(out, cap); }
int32_t wasock_host_if_nametoindex(const char *n, uint32_t l) { (void)n, (void)l; return res(); }
int32_t wasock_host_if_indextoname(uint32_t i, char *out, uint32_t cap) { (void)i; return out_area(out, cap); }
