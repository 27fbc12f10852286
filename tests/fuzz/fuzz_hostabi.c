// SPDX-License-Identifier: MIT
/*
 * The real host/sys entry points as a guest calls them: every pointer is a place in a
 * guest memory area and every length, capacity, count, flag and request comes from the
 * input, exactly as a hostile WebAssembly guest would pass them through the binding
 * (which only checks that each (offset, length) pair lies inside the memory). Only calls
 * that are safe to make for real are made: numeric name-service lookups, the local
 * databases, interfaces, options, ioctls and data on a socketpair and a UDP socket of
 * the harness's own. ASan sees any byte the host touches outside the pairs it was given.
 */
#define _GNU_SOURCE
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../host/wasock_host.h"
#include "fuzz.h"

#define GUEST 4096

static int fds[3] = { -1, -1, -1 };

/* A guest area of exactly n bytes (ASan bounds it), filled from the input. */
static uint8_t *area(struct fz_in *in, uint32_t n)
{
	uint8_t *p = malloc(n ? n : 1);
	size_t k = n;
	const uint8_t *src = fz_bytes(in, &k);
	memset(p, 0, n);
	if (k)
		memcpy(p, src, k);
	return p;
}

static uint32_t small(struct fz_in *in, uint32_t max)
{
	uint32_t v = fz_get32(in);
	/* mostly within max, sometimes any 32-bit value (the host must cope with either) */
	return (v & 0x80000000u) && (v & 1) ? v : v % (max + 1);
}

static void close_rights(uint8_t *ctl, uint32_t len)
{
	struct msghdr m = { .msg_control = ctl, .msg_controllen = len };
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS)
			for (size_t i = 0; (i + 1) * 4 <= c->cmsg_len - CMSG_LEN(0); i++) {
				int fd;
				memcpy(&fd, CMSG_DATA(c) + 4 * i, 4);
				close(fd);
			}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > 8192)
		return 0;
	if (fds[0] < 0) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv) < 0)
			abort();
		fds[0] = sv[0];
		fds[1] = sv[1];
		fds[2] = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	}
	struct fz_in in = { data, size };
	uint8_t what = fz_u8(&in);
	int fd = fds[(what >> 5) % 3];
	uint8_t *a = NULL, *b = NULL, *c = NULL;
	uint32_t la, lb, lc;
	switch (what & 31) {
	case 0: { /* getaddrinfo, numeric only: node and service (or NULL), caps */
		la = small(&in, 64);
		lb = small(&in, 16);
		lc = small(&in, 512);
		int32_t fam = (int32_t)fz_get32(&in), st = (int32_t)fz_get32(&in),
			pr = (int32_t)fz_get32(&in), fl = (int32_t)fz_get32(&in);
		fl = (fl | AI_NUMERICHOST | AI_NUMERICSERV) & ~AI_CANONNAME;
		int nulln = la > 64, nulls = lb > 16;
		a = area(&in, nulln ? 0 : la);
		b = area(&in, nulls ? 0 : lb);
		c = area(&in, lc > 512 ? 0 : lc);
		wasock_host_getaddrinfo((char *)a, nulln ? WASOCK_HOST_NULLSTR : la, (char *)b,
		                        nulls ? WASOCK_HOST_NULLSTR : lb, fam, st, pr, fl, c,
		                        lc > 512 ? 0 : lc);
		break;
	}
	case 1: { /* getnameinfo, numeric only */
		la = small(&in, 128);
		lb = small(&in, 1100);
		lc = small(&in, 64);
		int32_t fl = (int32_t)fz_get32(&in);
		fl = (fl | NI_NUMERICHOST | NI_NUMERICSERV) & ~NI_NAMEREQD;
		la = la > 128 ? 128 : la;
		lb = lb > 1100 ? 0 : lb;
		lc = lc > 64 ? 0 : lc;
		a = area(&in, la);
		b = area(&in, lb);
		c = area(&in, lc);
		wasock_host_getnameinfo(a, la, fl, (char *)b, lb, (char *)c, lc);
		break;
	}
	case 2: /* interfaces */
		la = small(&in, 1024);
		la = la > 1024 ? 0 : la;
		a = area(&in, la);
		wasock_host_if_nameindex(a, la);
		wasock_host_if_nametoindex((char *)a, la > 20 ? 20 : la);
		wasock_host_if_indextoname(fz_get32(&in) % 8, (char *)a, la);
		break;
	case 3: /* the local databases */
		la = small(&in, 40);
		lb = small(&in, 10);
		la = la > 40 ? 40 : la;
		a = area(&in, la);
		b = area(&in, lb > 10 ? 0 : lb);
		wasock_host_getservbyname((char *)a, la, (char *)b, lb > 10 ? WASOCK_HOST_NULLSTR : lb);
		wasock_host_getservbyport((int32_t)fz_get32(&in), (char *)b,
		                          lb > 10 ? WASOCK_HOST_NULLSTR : lb, (char *)a, la);
		wasock_host_getprotobyname((char *)a, la);
		wasock_host_gethostname((char *)a, la);
		break;
	case 4: { /* ioctl with any request on a socket of ours */
		uint32_t req = fz_get32(&in);
		la = small(&in, 64);
		la = la > 64 ? 64 : la;
		a = area(&in, la);
		wasock_host_ioctl(fd, req, la ? a : NULL, la);
		break;
	}
	case 5: { /* getsockopt / setsockopt with any level, name and length */
		int32_t level = (int32_t)(fz_u8(&in) == 0 ? fz_get32(&in) : fz_u8(&in)),
			name = (int32_t)fz_u8(&in);
		la = small(&in, 256);
		la = la > 256 ? 256 : la;
		a = area(&in, la + 4);
		uint32_t l = la;
		wasock_host_getsockopt(fd, level, name, a, &l);
		if (l > la)
			abort(); /* the kernel said more than the area holds */
		if (fz_u8(&in) & 1)
			wasock_host_setsockopt(fd, level, name, a, la);
		break;
	}
	case 6: { /* sendmsg with arbitrary iovecs and control bytes, then drain */
		uint32_t n = fz_u8(&in) % 4;
		wasock_iovec iov[4];
		uint8_t *bufs[4] = { 0 };
		for (uint32_t i = 0; i < n; i++) {
			uint32_t l = fz_u8(&in);
			bufs[i] = area(&in, l);
			iov[i].base = bufs[i];
			iov[i].len = l;
		}
		lc = small(&in, 256);
		lc = lc > 256 ? 256 : lc;
		c = area(&in, lc);
		wasock_host_sendmsg(fds[1], iov, n, NULL, 0, lc ? c : NULL, lc,
		                    (int32_t)(fz_get32(&in) & (MSG_DONTWAIT | MSG_OOB | MSG_EOR)) |
		                    MSG_DONTWAIT | MSG_NOSIGNAL);
		for (uint32_t i = 0; i < n; i++)
			free(bufs[i]);
		/* recvmsg with areas of the input's sizes */
		uint32_t rl = fz_u8(&in), nl = small(&in, 128), cl = small(&in, 512);
		nl = nl > 128 ? 128 : nl;
		cl = cl > 512 ? 512 : cl;
		a = area(&in, rl);
		b = area(&in, nl);
		uint8_t *ctl = malloc(cl ? cl : 1);
		wasock_iovec riov = { a, rl };
		int32_t mf = 0;
		uint32_t cl2 = cl;
		int32_t r = wasock_host_recvmsg(fds[0], &riov, 1, b, &nl, ctl, &cl2, &mf,
		                                MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
		if (r >= 0) {
			if (cl2 > cl)
				abort();
			close_rights(ctl, cl2);
		}
		free(ctl);
		break;
	}
	case 7: { /* sendto / recvfrom with any lengths up to the areas */
		la = fz_u8(&in);
		a = area(&in, la);
		wasock_host_sendto(fds[1], a, la, MSG_DONTWAIT, NULL, 0);
		lb = fz_u8(&in);
		b = area(&in, lb);
		uint32_t al = small(&in, 64);
		al = al > 64 ? 64 : al;
		c = area(&in, al);
		wasock_host_recvfrom(fds[0], b, lb, MSG_DONTWAIT, c, &al);
		break;
	}
	case 8: { /* poll_many over our fds with any events and counts */
		uint32_t n = fz_u8(&in) % 4;
		a = area(&in, n * 8);
		for (uint32_t i = 0; i < n; i++) {
			int32_t f = fds[a[8 * i] % 3];
			memcpy(a + 8 * i, &f, 4);
		}
		wasock_host_poll_many(n ? a : NULL, n, 0);
		wasock_host_poll(fd, (int32_t)fz_get32(&in), 0);
		break;
	}
	case 9: { /* clock, flags, a bind to a loopback address of the input's bytes */
		uint64_t t;
		wasock_host_clock_ns(&t);
		wasock_host_get_nonblocking(fd);
		wasock_host_get_cloexec(fd);
		la = small(&in, 128);
		la = la > 128 ? 128 : la;
		a = area(&in, la);
		if (la >= 2)
			a[0] = AF_INET, a[1] = 0; /* host byte order family; port/address from input */
		if (la >= 8)
			a[4] = 127;
		wasock_host_connect(fds[2], a, la);
		break;
	}
	default:
		break;
	}
	free(a);
	free(b);
	free(c);
	return 0;
}
