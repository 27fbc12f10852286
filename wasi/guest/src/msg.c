/* SPDX-License-Identifier: MIT */
/*
 * Data transfer: send/recv (replacing wasi-libc's, which take WASI flags),
 * sendto/recvfrom, and sendmsg/recvmsg with ancillary data.  The guest's
 * struct iovec is {u32 base, u32 len}, which the host reads as is; control
 * messages are converted between the guest's cmsghdr (12 bytes, 4-aligned)
 * and the host's (16 bytes, 8-aligned).  SCM_RIGHTS numbers are guest fds on
 * both sides: the runner translates them inside the host's bytes.
 */
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

/* The host's (64-bit Linux) control-message header. */
#define NAT_HDR 16u
#define NAT_ALIGN(n) (((n) + 7u) & ~(size_t)7u)
#define G_HDR sizeof(struct cmsghdr)

static uint64_t rd64(const unsigned char *p)
{
	uint64_t v;
	memcpy(&v, p, 8);
	return v;
}

size_t wg_cmsg_native_size(const void *control, size_t len)
{
	const unsigned char *p = control, *end = p + len;
	size_t n = 0;
	while ((size_t)(end - p) >= G_HDR) {
		const struct cmsghdr *c = (const void *)p;
		if (c->cmsg_len < G_HDR || c->cmsg_len > (size_t)(end - p))
			break;
		n += NAT_ALIGN(NAT_HDR + (c->cmsg_len - G_HDR));
		p += CMSG_ALIGN(c->cmsg_len);
	}
	return n;
}

/* Returns the native length written, or -EINVAL for a malformed message. */
int wg_cmsg_to_native(const void *control, size_t len, void *out, size_t cap)
{
	const unsigned char *p = control, *end = p + len;
	unsigned char *o = out;
	size_t n = 0;
	while ((size_t)(end - p) >= G_HDR) {
		const struct cmsghdr *c = (const void *)p;
		if (c->cmsg_len < G_HDR || c->cmsg_len > (size_t)(end - p))
			return -EINVAL;
		size_t d = c->cmsg_len - G_HDR;
		size_t sp = NAT_ALIGN(NAT_HDR + d);
		if (n + sp > cap)
			return -EINVAL;
		uint64_t nl = NAT_HDR + d;
		memset(o + n, 0, sp);
		memcpy(o + n, &nl, 8);
		memcpy(o + n + 8, &c->cmsg_level, 4);
		memcpy(o + n + 12, &c->cmsg_type, 4);
		memcpy(o + n + NAT_HDR, p + G_HDR, d);
		n += sp;
		p += CMSG_ALIGN(c->cmsg_len);
	}
	return (int)n;
}

/* Closes the received fds of a native SCM_RIGHTS message the guest cannot see. */
static void close_fds(const unsigned char *data, size_t d)
{
	for (size_t i = 0; i + 4 <= d; i += 4) {
		int fd;
		memcpy(&fd, data + i, 4);
		close(fd);
	}
}

size_t wg_cmsg_from_native(const void *native, size_t len, void *control, size_t cap,
                           int *trunc)
{
	const unsigned char *p = native, *end = p + len;
	unsigned char *o = control;
	size_t n = 0;
	*trunc = 0;
	while ((size_t)(end - p) >= NAT_HDR) {
		uint64_t nl = rd64(p);
		if (nl < NAT_HDR || nl > (uint64_t)(end - p))
			break;
		size_t d = (size_t)nl - NAT_HDR;
		int level, type;
		memcpy(&level, p + 8, 4);
		memcpy(&type, p + 12, 4);
		size_t room = cap > n ? cap - n : 0;
		size_t keep = d;
		if (room < G_HDR + d) {
			/* As the kernel's put_cmsg(): whatever fits, and MSG_CTRUNC. */
			*trunc = 1;
			keep = room > G_HDR ? room - G_HDR : 0;
			if (level == SOL_SOCKET && type == SCM_RIGHTS) {
				keep -= keep % 4;
				close_fds(p + NAT_HDR + keep, d - keep);
			}
			if (room < G_HDR)
				goto next;
		}
		struct cmsghdr c = { .cmsg_len = G_HDR + keep, .cmsg_level = level, .cmsg_type = type };
		memcpy(o + n, &c, G_HDR);
		memcpy(o + n + G_HDR, p + NAT_HDR, keep);
		n += CMSG_ALIGN(G_HDR + keep) <= room ? CMSG_ALIGN(G_HDR + keep) : room;
	next:
		p += NAT_ALIGN((size_t)nl);
	}
	return n;
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr,
               socklen_t alen)
{
	return wg_ret(HOST(sendto)(fd, buf, len, flags, addr, addr ? alen : 0));
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t recvfrom(int fd, void *restrict buf, size_t len, int flags,
                 struct sockaddr *restrict addr, socklen_t *restrict alen)
{
	uint32_t l = (addr && alen) ? *alen : 0;
	int r = wg_ret(HOST(recvfrom)(fd, buf, len, flags, (addr && alen) ? addr : NULL,
	                              (addr && alen) ? &l : NULL));
	if (r >= 0 && addr && alen)
		*alen = l;
	return r;
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	return recvfrom(fd, buf, len, flags, NULL, NULL);
}

ssize_t sendmsg(int fd, const struct msghdr *m, int flags)
{
	unsigned char stack[256];
	unsigned char *ctl = NULL;
	int clen = 0;
	if (m->msg_control && m->msg_controllen) {
		size_t need = wg_cmsg_native_size(m->msg_control, m->msg_controllen);
		ctl = need <= sizeof stack ? stack : malloc(need ? need : 1);
		if (!ctl) {
			errno = ENOMEM;
			return -1;
		}
		clen = wg_cmsg_to_native(m->msg_control, m->msg_controllen, ctl, need);
		if (clen < 0) {
			if (ctl != stack)
				free(ctl);
			errno = EINVAL;
			return -1;
		}
	}
	int r = wg_ret(HOST(sendmsg)(fd, (const wasock_iovec *)m->msg_iov, m->msg_iovlen,
	                             m->msg_name, m->msg_name ? m->msg_namelen : 0,
	                             clen ? ctl : NULL, clen, flags));
	if (ctl && ctl != stack)
		free(ctl);
	return r;
}

ssize_t recvmsg(int fd, struct msghdr *m, int flags)
{
	unsigned char stack[512];
	unsigned char *ctl = NULL;
	/* Each guest message grows by at most 4 header bytes and 4 of padding. */
	size_t cap = m->msg_control && m->msg_controllen ? m->msg_controllen * 2 + 64 : 0;
	if (cap) {
		ctl = cap <= sizeof stack ? stack : malloc(cap);
		if (!ctl) {
			errno = ENOMEM;
			return -1;
		}
	}
	uint32_t namelen = m->msg_name ? m->msg_namelen : 0;
	uint32_t ctllen = (uint32_t)cap;
	int32_t mflags = 0;
	/* The lengths are always passed (0 for "none"): the host reads them in and out. */
	int r = wg_ret(HOST(recvmsg)(fd, (const wasock_iovec *)m->msg_iov, m->msg_iovlen,
	                             m->msg_name, &namelen, ctl, &ctllen, &mflags, flags));
	if (r >= 0) {
		if (m->msg_name)
			m->msg_namelen = namelen;
		int trunc = 0;
		if (ctl) {
			m->msg_controllen = wg_cmsg_from_native(ctl, ctllen, m->msg_control,
			                                        m->msg_controllen, &trunc);
		} else {
			m->msg_controllen = 0;
		}
		m->msg_flags = mflags | (trunc ? MSG_CTRUNC : 0);
	}
	if (ctl && ctl != stack)
		free(ctl);
	return r;
}

