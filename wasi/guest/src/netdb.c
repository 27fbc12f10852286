/* SPDX-License-Identifier: MIT */
/*
 * The resolver of a guest: getaddrinfo and friends, answered by the host's
 * libc through the wasock_host name-service imports (the runner decides
 * whether names may be resolved).  Error codes and texts are glibc's.
 */
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "guest.h"

struct wg_text {
	int code;
	const char *text;
};
#include "netdb_text.inc"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int wg_h_errno;
int *__h_errno_location(void)
{
	return &wg_h_errno;
}

const char *gai_strerror(int code)
{
	for (size_t i = 0; i < COUNT(wg_gai_text); i++)
		if (wg_gai_text[i].code == code)
			return wg_gai_text[i].text;
	return "Unknown error";
}

const char *hstrerror(int code)
{
	for (size_t i = 0; i < COUNT(wg_herr_text); i++)
		if (wg_herr_text[i].code == code)
			return wg_herr_text[i].text;
	return code < 0 ? "Resolver internal error" : "Unknown resolver error";
}

void herror(const char *s)
{
	fprintf(stderr, "%s%s%s\n", s && *s ? s : "", s && *s ? ": " : "", hstrerror(h_errno));
}

static uint32_t slen(const char *s)
{
	return s ? (uint32_t)strlen(s) : WASOCK_HOST_NULLSTR;
}

/* A host name-service result -> EAI_* (errno set for EAI_SYSTEM). */
static int eai_of(int32_t r)
{
	if (WASOCK_HOST_IS_EAI(r))
		return r - WASOCK_HOST_EAI_BASE;
	errno = wg_errno(-r);
	return EAI_SYSTEM;
}

/* Calls the host with a buffer that grows until the answer fits; returns it
   in *out (malloc'd) or a negative host result. */
typedef int32_t (*wg_fill)(void *ctx, void *out, uint32_t cap);
static int32_t fetch(wg_fill f, void *ctx, unsigned char **out)
{
	uint32_t cap = 512;
	for (;;) {
		unsigned char *buf = malloc(cap);
		if (!buf)
			return -ENOMEM;
		wg_mem_sync();
		int32_t r = f(ctx, buf, cap);
		if (r >= 0 && (uint32_t)r <= cap) {
			*out = buf;
			return r;
		}
		free(buf);
		if (r < 0)
			return r;
		cap = (uint32_t)r;
	}
}

static uint32_t rd32(const unsigned char *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

struct gai_ctx {
	const char *node, *service;
	const struct addrinfo *hints;
};

static int32_t gai_fill(void *c, void *out, uint32_t cap)
{
	struct gai_ctx *g = c;
	const struct addrinfo *h = g->hints;
	return wasock_host_getaddrinfo(g->node, slen(g->node), g->service, slen(g->service),
	                               h ? h->ai_family : 0, h ? h->ai_socktype : 0,
	                               h ? h->ai_protocol : 0, h ? h->ai_flags : 0, out, cap);
}

void freeaddrinfo(struct addrinfo *ai)
{
	while (ai) {
		struct addrinfo *next = ai->ai_next;
		free(ai->ai_canonname);
		free(ai);
		ai = next;
	}
}

int getaddrinfo(const char *restrict node, const char *restrict service,
                const struct addrinfo *restrict hints, struct addrinfo **restrict res)
{
	struct gai_ctx g = { node, service, hints };
	unsigned char *buf;
	int32_t n = fetch(gai_fill, &g, &buf);
	if (n < 0)
		return eai_of(n);
	struct addrinfo *head = NULL, **tail = &head;
	const unsigned char *p = buf, *end = buf + n;
	while (end - p >= 20) {
		struct addrinfo *ai = calloc(1, sizeof *ai + sizeof(struct sockaddr_storage));
		if (!ai)
			goto nomem;
		ai->ai_flags = hints ? hints->ai_flags : 0;
		ai->ai_family = (int)rd32(p);
		ai->ai_socktype = (int)rd32(p + 4);
		ai->ai_protocol = (int)rd32(p + 8);
		uint32_t cl = rd32(p + 12);
		p += 16;
		if (cl) {
			ai->ai_canonname = malloc(cl + 1);
			if (!ai->ai_canonname) {
				free(ai);
				goto nomem;
			}
			memcpy(ai->ai_canonname, p, cl);
			ai->ai_canonname[cl] = 0;
			p += cl;
		}
		uint32_t al = rd32(p);
		p += 4;
		ai->ai_addr = (struct sockaddr *)(ai + 1);
		ai->ai_addrlen = al <= sizeof(struct sockaddr_storage) ? al : sizeof(struct sockaddr_storage);
		memcpy(ai->ai_addr, p, ai->ai_addrlen);
		p += al;
		*tail = ai;
		tail = &ai->ai_next;
	}
	free(buf);
	*res = head;
	return 0;
nomem:
	free(buf);
	freeaddrinfo(head);
	return EAI_MEMORY;
}

int getnameinfo(const struct sockaddr *restrict sa, socklen_t salen, char *restrict host,
                socklen_t hostlen, char *restrict serv, socklen_t servlen, int flags)
{
	int32_t r = HOST(getnameinfo)(sa, salen, flags, host ? host : NULL, host ? hostlen : 0,
	                              serv ? serv : NULL, serv ? servlen : 0);
	return r < 0 ? eai_of(r) : 0;
}

/* ---- hostent ---------------------------------------------------------------------- */

struct hq {
	const char *name;
	const void *addr;
	uint32_t addrlen;
	int family;
};

static int32_t hq_fill(void *c, void *out, uint32_t cap)
{
	struct hq *q = c;
	if (q->name)
		return wasock_host_gethostbyname(q->name, (uint32_t)strlen(q->name), q->family, out,
		                                 cap);
	return wasock_host_gethostbyaddr(q->addr, q->addrlen, q->family, out, cap);
}

/* Lays a host record out in buf as glibc's *_r functions do: 0, ERANGE, or an h_errno
   (negative) for a failed lookup. */
static int hostent_from(const unsigned char *p, size_t n, struct hostent *he, char *buf,
                        size_t blen)
{
	const unsigned char *end = p + n;
	char *b = buf, *bend = buf + blen;
#define TAKE(sz) ((size_t)(bend - b) < (sz) ? NULL : (b += (sz), b - (sz)))
	uint32_t l = rd32(p);
	p += 4;
	char *name = TAKE(l + 1);
	if (!name)
		return ERANGE;
	memcpy(name, p, l);
	name[l] = 0;
	p += l;
	uint32_t na = rd32(p);
	p += 4;
	b += (4 - ((uintptr_t)b & 3)) & 3;
	char **aliases = (char **)TAKE((na + 1) * sizeof(char *));
	if (!aliases)
		return ERANGE;
	for (uint32_t i = 0; i < na; i++) {
		l = rd32(p);
		p += 4;
		char *a = TAKE(l + 1);
		if (!a)
			return ERANGE;
		memcpy(a, p, l);
		a[l] = 0;
		p += l;
		aliases[i] = a;
	}
	aliases[na] = NULL;
	int type = (int)rd32(p), len = (int)rd32(p + 4);
	uint32_t nad = rd32(p + 8);
	p += 12;
	b += (4 - ((uintptr_t)b & 3)) & 3;
	char **addrs = (char **)TAKE((nad + 1) * sizeof(char *));
	if (!addrs)
		return ERANGE;
	for (uint32_t i = 0; i < nad && p + len <= end; i++) {
		char *a = TAKE((size_t)len);
		if (!a)
			return ERANGE;
		memcpy(a, p, (size_t)len);
		p += len;
		addrs[i] = a;
	}
	addrs[nad] = NULL;
#undef TAKE
	he->h_name = name;
	he->h_aliases = aliases;
	he->h_addrtype = type;
	he->h_length = len;
	he->h_addr_list = addrs;
	return 0;
}

static int hostq_r(struct hq *q, struct hostent *he, char *buf, size_t blen,
                   struct hostent **result, int *herr)
{
	unsigned char *rec;
	*result = NULL;
	int32_t n = fetch(hq_fill, q, &rec);
	if (n < 0) {
		if (WASOCK_HOST_IS_HERR(n)) {
			*herr = WASOCK_HOST_HERR_BASE - n;
			return 0;
		}
		*herr = NO_RECOVERY;
		return wg_errno(-n);
	}
	int rc = hostent_from(rec, (size_t)n, he, buf, blen);
	free(rec);
	if (rc) {
		*herr = NETDB_INTERNAL;
		return rc;
	}
	*herr = 0;
	*result = he;
	return 0;
}

int gethostbyname2_r(const char *name, int af, struct hostent *he, char *buf, size_t blen,
                     struct hostent **result, int *herr)
{
	struct hq q = { .name = name, .family = af };
	return hostq_r(&q, he, buf, blen, result, herr);
}

int gethostbyname_r(const char *name, struct hostent *he, char *buf, size_t blen,
                    struct hostent **result, int *herr)
{
	return gethostbyname2_r(name, AF_INET, he, buf, blen, result, herr);
}

/* The static answers of the non-reentrant functions, grown as needed. */
static struct hostent wg_he;
static char *wg_hebuf;
static size_t wg_hebuf_len;

static struct hostent *hostq_static(struct hq *q)
{
	for (size_t len = wg_hebuf_len ? wg_hebuf_len : 1024;; len *= 2) {
		if (len != wg_hebuf_len) {
			char *nb = realloc(wg_hebuf, len);
			if (!nb) {
				h_errno = NO_RECOVERY;
				return NULL;
			}
			wg_hebuf = nb;
			wg_hebuf_len = len;
		}
		struct hostent *r;
		int herr = 0;
		int rc = hostq_r(q, &wg_he, wg_hebuf, wg_hebuf_len, &r, &herr);
		if (rc == ERANGE && len < (1u << 24))
			continue;
		h_errno = herr;
		if (rc && rc != ERANGE)
			errno = rc;
		return r;
	}
}

struct hostent *gethostbyname2(const char *name, int af)
{
	struct hq q = { .name = name, .family = af };
	return hostq_static(&q);
}

struct hostent *gethostbyname(const char *name)
{
	return gethostbyname2(name, AF_INET);
}

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int af)
{
	struct hq q = { .addr = addr, .addrlen = len, .family = af };
	return hostq_static(&q);
}

void sethostent(int stay) { (void)stay; }
void endhostent(void) {}
void setservent(int stay) { (void)stay; }
void endservent(void) {}
void setprotoent(int stay) { (void)stay; }
void endprotoent(void) {}

/* ---- services and protocols ----------------------------------------------------------- */

static struct servent wg_se;
static char wg_se_name[64], wg_se_proto[16];
static char *wg_se_aliases[1];

struct servent *getservbyname(const char *name, const char *proto)
{
	int32_t port = HOST(getservbyname)(name, (uint32_t)strlen(name), proto, slen(proto));
	if (port < 0 || strlen(name) >= sizeof wg_se_name)
		return NULL;
	strcpy(wg_se_name, name);
	/* The host answers the port only; the protocol is the one asked for, or tcp
	   (the first entry /etc/services has for the names that have both). */
	snprintf(wg_se_proto, sizeof wg_se_proto, "%s", proto ? proto : "tcp");
	wg_se.s_name = wg_se_name;
	wg_se.s_aliases = wg_se_aliases;
	wg_se.s_port = (int)htons((uint16_t)port);
	wg_se.s_proto = wg_se_proto;
	return &wg_se;
}

struct servent *getservbyport(int port, const char *proto)
{
	int32_t n = HOST(getservbyport)(ntohs((uint16_t)port), proto, slen(proto), wg_se_name,
	                                sizeof wg_se_name - 1);
	if (n < 0 || (size_t)n >= sizeof wg_se_name)
		return NULL;
	wg_se_name[n] = 0;
	snprintf(wg_se_proto, sizeof wg_se_proto, "%s", proto ? proto : "tcp");
	wg_se.s_name = wg_se_name;
	wg_se.s_aliases = wg_se_aliases;
	wg_se.s_port = port;
	wg_se.s_proto = wg_se_proto;
	return &wg_se;
}

static struct protoent wg_pe;
static char wg_pe_name[64];
static char *wg_pe_aliases[1];

struct protoent *getprotobyname(const char *name)
{
	int32_t p = HOST(getprotobyname)(name, (uint32_t)strlen(name));
	if (p < 0 || strlen(name) >= sizeof wg_pe_name)
		return NULL;
	strcpy(wg_pe_name, name);
	wg_pe.p_name = wg_pe_name;
	wg_pe.p_aliases = wg_pe_aliases;
	wg_pe.p_proto = p;
	return &wg_pe;
}
