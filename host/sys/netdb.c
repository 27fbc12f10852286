// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "internal.h"

/* Appends to a size-limited record area; counts what would be needed past cap. */
struct ws__out {
	uint8_t *p;
	uint32_t cap, len;
};

/* The needed size saturates above INT32_MAX, which the caller reports as -EOVERFLOW
 * (the result is an int32). src may be NULL when n is 0 (no canonical name). */
static void ws__put(struct ws__out *o, const void *src, uint32_t n)
{
	if (n && o->len <= o->cap && n <= o->cap - o->len)
		memcpy(o->p + o->len, src, n);
	o->len = n > UINT32_MAX - o->len ? UINT32_MAX : o->len + n;
}

static int32_t ws__out_result(const struct ws__out *o)
{
	return o->len > INT32_MAX ? -EOVERFLOW : (int32_t)o->len;
}

static void ws__put32(struct ws__out *o, uint32_t v)
{
	ws__put(o, &v, 4);
}

static void ws__putstr(struct ws__out *o, const char *s)
{
	uint32_t n = s ? (uint32_t)strlen(s) : 0;
	ws__put32(o, n);
	ws__put(o, s, n);
}

static int ws__optstr(char **dst, const char *src, uint32_t len)
{
	*dst = NULL;
	if (len == WASOCK_HOST_NULLSTR)
		return 0;
	if (!src && len)
		return -EFAULT;
	if (len && memchr(src, '\0', len))
		return -EINVAL;
	*dst = len ? strndup(src, len) : strdup("");
	return *dst ? 0 : -ENOMEM;
}

static int32_t ws__eai(int eai)
{
	if (eai == EAI_SYSTEM)
		return errno ? -errno : -EIO;
	return WASOCK_HOST_EAI(eai);
}

int32_t wasock_host_getaddrinfo(const char *node, uint32_t nodelen, const char *service,
                                uint32_t servicelen, int32_t family, int32_t socktype,
                                int32_t protocol, int32_t flags, void *out, uint32_t cap)
{
	char *n = NULL, *s = NULL;
	int32_t r = ws__optstr(&n, node, nodelen);
	if (r == 0)
		r = ws__optstr(&s, service, servicelen);
	if (r < 0) {
		free(n);
		return r;
	}
	struct addrinfo hints = {
		.ai_flags = flags, .ai_family = family, .ai_socktype = socktype,
		.ai_protocol = protocol,
	};
	struct addrinfo *res = NULL;
	errno = 0;
	int eai = getaddrinfo(n, s, &hints, &res);
	free(n);
	free(s);
	if (eai != 0)
		return ws__eai(eai);
	struct ws__out o = { out, cap, 0 };
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
		ws__put32(&o, (uint32_t)ai->ai_family);
		ws__put32(&o, (uint32_t)ai->ai_socktype);
		ws__put32(&o, (uint32_t)ai->ai_protocol);
		ws__putstr(&o, ai->ai_canonname);
		ws__put32(&o, ai->ai_addrlen);
		ws__put(&o, ai->ai_addr, ai->ai_addrlen);
	}
	freeaddrinfo(res);
	return ws__out_result(&o);
}

int32_t wasock_host_getnameinfo(const void *addr, uint32_t addrlen, int32_t flags, char *host,
                                uint32_t hostcap, char *serv, uint32_t servcap)
{
	errno = 0;
	int eai = getnameinfo(addr, addrlen, hostcap ? host : NULL, hostcap,
	                      servcap ? serv : NULL, servcap, flags);
	return eai ? ws__eai(eai) : 0;
}

static int32_t ws__hostent(const struct hostent *h, void *out, uint32_t cap)
{
	struct ws__out o = { out, cap, 0 };
	uint32_t n = 0;
	ws__putstr(&o, h->h_name);
	while (h->h_aliases && h->h_aliases[n])
		n++;
	ws__put32(&o, n);
	for (uint32_t i = 0; i < n; i++)
		ws__putstr(&o, h->h_aliases[i]);
	ws__put32(&o, (uint32_t)h->h_addrtype);
	ws__put32(&o, (uint32_t)h->h_length);
	for (n = 0; h->h_addr_list && h->h_addr_list[n];)
		n++;
	ws__put32(&o, n);
	for (uint32_t i = 0; i < n; i++)
		ws__put(&o, h->h_addr_list[i], (uint32_t)h->h_length);
	return ws__out_result(&o);
}

struct ws__hostq {
	const char *name;
	const void *addr;
	uint32_t addrlen;
	int family;
};

static int ws__hostq_run(const struct ws__hostq *q, struct hostent *he, char *buf, size_t blen,
                         struct hostent **h, int *herr)
{
	if (q->name)
		return gethostbyname2_r(q->name, q->family, he, buf, blen, h, herr);
	return gethostbyaddr_r(q->addr, q->addrlen, q->family, he, buf, blen, h, herr);
}

/* Runs a *_r lookup with a scratch buffer that grows while the libc says ERANGE. */
static int32_t ws__hostq(const struct ws__hostq *q, void *out, uint32_t cap)
{
	for (size_t blen = 1024;; blen *= 2) {
		char *buf = malloc(blen);
		struct hostent he, *h = NULL;
		int herr = 0;
		if (!buf)
			return -ENOMEM;
		int rc = ws__hostq_run(q, &he, buf, blen, &h, &herr);
		int32_t r = h ? ws__hostent(h, out, cap) : WASOCK_HOST_HERR(herr ? herr : HOST_NOT_FOUND);
		free(buf);
		if (rc != ERANGE || blen >= (1u << 24))
			return r;
	}
}

int32_t wasock_host_gethostbyname(const char *name, uint32_t namelen, int32_t family, void *out,
                                  uint32_t cap)
{
	char *n;
	int32_t r = ws__optstr(&n, name, namelen);
	if (r < 0 || !n)
		return r < 0 ? r : -EINVAL;
	struct ws__hostq q = { .name = n, .family = family };
	r = ws__hostq(&q, out, cap);
	free(n);
	return r;
}

int32_t wasock_host_gethostbyaddr(const void *addr, uint32_t addrlen, int32_t family, void *out,
                                  uint32_t cap)
{
	struct ws__hostq q = { .addr = addr, .addrlen = addrlen, .family = family };
	return ws__hostq(&q, out, cap);
}

int32_t wasock_host_getservbyname(const char *name, uint32_t namelen, const char *proto,
                                  uint32_t protolen)
{
	char *n, *p;
	int32_t r = ws__optstr(&n, name, namelen);
	if (r < 0)
		return r;
	if ((r = ws__optstr(&p, proto, protolen)) < 0) {
		free(n);
		return r;
	}
	struct servent se, *res = NULL;
	char buf[1024];
	getservbyname_r(n ? n : "", p, &se, buf, sizeof buf, &res);
	free(n);
	free(p);
	return res ? (int32_t)ntohs((uint16_t)res->s_port) : -ENOENT;
}

int32_t wasock_host_getservbyport(int32_t port, const char *proto, uint32_t protolen, char *out,
                                  uint32_t cap)
{
	char *p;
	int32_t r = ws__optstr(&p, proto, protolen);
	if (r < 0)
		return r;
	struct servent se, *res = NULL;
	char buf[1024];
	getservbyport_r(htons((uint16_t)port), p, &se, buf, sizeof buf, &res);
	free(p);
	if (!res)
		return -ENOENT;
	size_t n = strlen(res->s_name);
	if (n && cap)
		memcpy(out, res->s_name, n < cap ? n : cap);
	return (int32_t)n;
}

int32_t wasock_host_getprotobyname(const char *name, uint32_t namelen)
{
	char *n;
	int32_t r = ws__optstr(&n, name, namelen);
	if (r < 0)
		return r;
	struct protoent pe, *res = NULL;
	char buf[1024];
	getprotobyname_r(n ? n : "", &pe, buf, sizeof buf, &res);
	free(n);
	return res ? res->p_proto : -ENOENT;
}
