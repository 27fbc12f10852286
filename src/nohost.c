// SPDX-License-Identifier: MIT
/*
 * The host of builds without an OS (the browser codec build, compiled with
 * WASOCK_NO_HOST and WASOCK_HOST_NATIVE): every system call fails with ENOSYS, and
 * getaddrinfo answers as glibc's does with no name service at all (numeric hosts in all
 * of glibc's forms, the wildcard), so encode_sockaddr gives the Node build's results;
 * names fail with EAI_NONAME. Other builds compile this file to nothing.
 */
#include <string.h>

#include "core.h"
#include "inet.h"

#ifdef WASOCK_NO_HOST

#define NOSYS (-WS_ENOSYS)

int32_t wasock_host_memory_grown(void) { return 0; }
int32_t wasock_host_clock_ns(uint64_t *out) { *out = 0; return 0; }

int32_t wasock_host_socket(int32_t domain, int32_t type, int32_t proto)
{
	(void)domain, (void)type, (void)proto;
	return NOSYS;
}

int32_t wasock_host_socketpair(int32_t domain, int32_t type, int32_t proto, int32_t *fds)
{
	(void)domain, (void)type, (void)proto, (void)fds;
	return NOSYS;
}

int32_t wasock_host_close(int32_t fd) { (void)fd; return NOSYS; }
int32_t wasock_host_dup(int32_t fd) { (void)fd; return NOSYS; }

int32_t wasock_host_bind(int32_t fd, const void *addr, uint32_t addrlen)
{
	(void)fd, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_connect(int32_t fd, const void *addr, uint32_t addrlen)
{
	(void)fd, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_listen(int32_t fd, int32_t backlog) { (void)fd, (void)backlog; return NOSYS; }

int32_t wasock_host_accept(int32_t fd, void *addr, uint32_t *addrlen, int32_t flags)
{
	(void)fd, (void)addr, (void)addrlen, (void)flags;
	return NOSYS;
}

int32_t wasock_host_getsockname(int32_t fd, void *addr, uint32_t *addrlen)
{
	(void)fd, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_getpeername(int32_t fd, void *addr, uint32_t *addrlen)
{
	(void)fd, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_getsockopt(int32_t fd, int32_t level, int32_t name, void *val, uint32_t *len)
{
	(void)fd, (void)level, (void)name, (void)val, (void)len;
	return NOSYS;
}

int32_t wasock_host_setsockopt(int32_t fd, int32_t level, int32_t name, const void *val,
                               uint32_t len)
{
	(void)fd, (void)level, (void)name, (void)val, (void)len;
	return NOSYS;
}

int32_t wasock_host_shutdown(int32_t fd, int32_t how) { (void)fd, (void)how; return NOSYS; }

int32_t wasock_host_sendto(int32_t fd, const void *buf, uint32_t len, int32_t flags,
                           const void *addr, uint32_t addrlen)
{
	(void)fd, (void)buf, (void)len, (void)flags, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_recvfrom(int32_t fd, void *buf, uint32_t len, int32_t flags, void *addr,
                             uint32_t *addrlen)
{
	(void)fd, (void)buf, (void)len, (void)flags, (void)addr, (void)addrlen;
	return NOSYS;
}

int32_t wasock_host_sendmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt,
                            const void *name, uint32_t namelen, const void *control,
                            uint32_t controllen, int32_t flags)
{
	(void)fd, (void)iov, (void)iovcnt, (void)name, (void)namelen, (void)control;
	(void)controllen, (void)flags;
	return NOSYS;
}

int32_t wasock_host_recvmsg(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt, void *name,
                            uint32_t *namelen, void *control, uint32_t *controllen,
                            int32_t *msg_flags, int32_t flags)
{
	(void)fd, (void)iov, (void)iovcnt, (void)name, (void)namelen, (void)control;
	(void)controllen, (void)msg_flags, (void)flags;
	return NOSYS;
}

int32_t wasock_host_sendfile(int32_t out_fd, int32_t in_fd, int64_t *offset, uint32_t count)
{
	(void)out_fd, (void)in_fd, (void)offset, (void)count;
	return NOSYS;
}

int32_t wasock_host_lseek(int32_t fd, const int64_t *offset)
{
	(void)fd, (void)offset;
	return NOSYS;
}

int32_t wasock_host_poll(int32_t fd, int32_t events, int32_t timeout_ms)
{
	(void)fd, (void)events, (void)timeout_ms;
	return NOSYS;
}

int32_t wasock_host_set_nonblocking(int32_t fd, int32_t on) { (void)fd, (void)on; return NOSYS; }
int32_t wasock_host_get_nonblocking(int32_t fd) { (void)fd; return NOSYS; }
int32_t wasock_host_set_cloexec(int32_t fd, int32_t on) { (void)fd, (void)on; return NOSYS; }
int32_t wasock_host_get_cloexec(int32_t fd) { (void)fd; return NOSYS; }

int32_t wasock_host_ioctl(int32_t fd, uint32_t request, void *arg, uint32_t len)
{
	(void)fd, (void)request, (void)arg, (void)len;
	return NOSYS;
}

/* glibc's __inet_aton_exact: inet_aton's forms, nothing after them. */
static int ws__aton_exact(const char *s, uint32_t n, uint8_t out[4])
{
	for (uint32_t i = 0; i < n; i++)
		if (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))
			return 0;
	return ws_inet_aton(s, n, out);
}

/* glibc's __inet6_scopeid_pton without interface names: decimal up to UINT32_MAX. */
static int ws__scope(const char *s, uint32_t n, uint32_t *out)
{
	uint64_t v = 0;
	if (!n)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || (v = v * 10 + (uint64_t)(s[i] - '0')) > UINT32_MAX)
			return -1;
	}
	*out = (uint32_t)v;
	return 0;
}

struct ws__ai {
	int32_t family;
	uint8_t addr[16];
	uint32_t scope;
};

/* The numeric host forms glibc's getaddrinfo accepts without asking any service. */
static int32_t ws__numeric_host(const char *s, uint32_t n, int32_t family, int32_t flags,
                                struct ws__ai *ai)
{
	const char *pct = memchr(s, '%', n);
	uint32_t alen = pct ? (uint32_t)(pct - s) : n;
	memset(ai, 0, sizeof *ai);
	if (ws__aton_exact(s, n, ai->addr)) {
		if (family == WS_AF_UNSPEC || family == WS_AF_INET) {
			ai->family = WS_AF_INET;
			return 0;
		}
		if (family != WS_AF_INET6 || !(flags & WS_AI_V4MAPPED))
			return WASOCK_HOST_EAI(WS_EAI_ADDRFAMILY);
		memmove(ai->addr + 12, ai->addr, 4);
		memset(ai->addr, 0, 10);
		memset(ai->addr + 10, 0xff, 2);
		ai->family = WS_AF_INET6;
		return 0;
	}
	if (ws_inet_pton(WS_AF_INET6, s, alen, ai->addr) <= 0)
		return WASOCK_HOST_EAI(WS_EAI_NONAME);
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	if (family == WS_AF_UNSPEC || family == WS_AF_INET6) {
		ai->family = WS_AF_INET6;
	} else if (family == WS_AF_INET && !memcmp(ai->addr, mapped, 12)) {
		memmove(ai->addr, ai->addr + 12, 4);
		ai->family = WS_AF_INET;
	} else {
		return WASOCK_HOST_EAI(WS_EAI_ADDRFAMILY);
	}
	if (pct && ws__scope(pct + 1, n - alen - 1, &ai->scope) < 0)
		return WASOCK_HOST_EAI(WS_EAI_NONAME);
	return 0;
}

/* Appends one record (see wasock_host.h) at out[at..] if it fits; returns the new end. */
static uint32_t ws__ai_record(uint8_t *out, uint32_t cap, uint32_t at, const struct ws__ai *ai,
                              int32_t socktype, int32_t proto, uint16_t port,
                              const char *canon, uint32_t canonlen)
{
	uint32_t salen = ai->family == WS_AF_INET ? 16 : 28;
	uint64_t len = 16 + (uint64_t)canonlen + 4 + salen;
	if (at > INT32_MAX || len > (uint64_t)INT32_MAX - at)
		return UINT32_MAX; /* more than an int32 result can say */
	if (at + len <= cap) {
		uint8_t *p = out + at;
		memset(p, 0, len);
		ws_put32le(p, (uint32_t)ai->family);
		ws_put32le(p + 4, (uint32_t)socktype);
		ws_put32le(p + 8, (uint32_t)proto);
		ws_put32le(p + 12, canonlen);
		if (canonlen)
			memcpy(p + 16, canon, canonlen); /* canon is NULL when there is none */
		p += 16 + canonlen;
		ws_put32le(p, salen);
		p += 4;
		ws_put16le(p, (uint16_t)ai->family);
		ws_put16be(p + 2, port);
		if (ai->family == WS_AF_INET) {
			memcpy(p + 4, ai->addr, 4);
		} else {
			memcpy(p + 8, ai->addr, 16);
			ws_put32le(p + 24, ai->scope);
		}
	}
	return at + (uint32_t)len;
}

/* glibc's gaih_inet_typeproto: socket type, protocol, any protocol (raw), listed by default. */
static const struct ws__typeproto {
	int32_t socktype, protocol;
	uint8_t any, dflt;
} ws__types[] = {
	{ WS_SOCK_STREAM, WS_IPPROTO_TCP, 0, 1 },  { WS_SOCK_DGRAM, WS_IPPROTO_UDP, 0, 1 },
	{ WS_SOCK_DCCP, WS_IPPROTO_DCCP, 0, 0 },   { WS_SOCK_DGRAM, WS_IPPROTO_UDPLITE, 0, 0 },
	{ WS_SOCK_STREAM, WS_IPPROTO_SCTP, 0, 0 }, { WS_SOCK_SEQPACKET, WS_IPPROTO_SCTP, 0, 0 },
	{ WS_SOCK_RAW, 0, 1, 1 },
};
#define WS__NTYPES (sizeof ws__types / sizeof ws__types[0])

/*
 * getaddrinfo as glibc answers it with no name service: numeric hosts (inet_aton forms,
 * IPv6 with a numeric %scope), the wildcard and loopback for a NULL node, decimal
 * services. Names fail with EAI_NONAME, service names with EAI_SERVICE.
 */
int32_t wasock_host_getaddrinfo(const char *node, uint32_t nodelen, const char *service,
                                uint32_t servicelen, int32_t family, int32_t socktype,
                                int32_t protocol, int32_t flags, void *out, uint32_t cap)
{
	const struct ws__typeproto *tp = NULL;
	struct ws__ai ai[2];
	uint32_t nai = 1, port = 0, at = 0;
	int32_t r;
	if (nodelen == WASOCK_HOST_NULLSTR && servicelen == WASOCK_HOST_NULLSTR)
		return WASOCK_HOST_EAI(WS_EAI_NONAME);
	if (family != WS_AF_UNSPEC && family != WS_AF_INET && family != WS_AF_INET6)
		return WASOCK_HOST_EAI(WS_EAI_FAMILY);
	if (socktype || protocol) {
		/* One result: the first type that fits the request. */
		for (tp = ws__types; tp < ws__types + WS__NTYPES; tp++)
			if ((!socktype || socktype == tp->socktype) &&
			    (!protocol || tp->any || protocol == tp->protocol))
				break;
		if (tp == ws__types + WS__NTYPES)
			return WASOCK_HOST_EAI(socktype ? WS_EAI_SOCKTYPE : WS_EAI_SERVICE);
	}
	if (servicelen != WASOCK_HOST_NULLSTR) {
		if (tp && tp->any)
			return WASOCK_HOST_EAI(WS_EAI_SERVICE);
		/* strtoul's decimal, an empty string being 0; htons keeps the low 16 bits. */
		for (uint32_t i = 0; i < servicelen; i++) {
			if (service[i] < '0' || service[i] > '9')
				return WASOCK_HOST_EAI(WS_EAI_SERVICE);
			port = (port * 10 + (uint32_t)(service[i] - '0')) & 0xffff;
		}
	}
	if (nodelen == WASOCK_HOST_NULLSTR) {
		/* The wildcard (AI_PASSIVE) or loopback; glibc lists IPv4 first only for the former. */
		int passive = flags & WS_AI_PASSIVE;
		memset(ai, 0, sizeof ai);
		ai[0].family = passive ? WS_AF_INET : WS_AF_INET6;
		ai[1].family = passive ? WS_AF_INET6 : WS_AF_INET;
		if (!passive) {
			ai[0].addr[15] = 1;
			ws_put32be(ai[1].addr, 0x7f000001);
		}
		if (family != WS_AF_UNSPEC) {
			if (ai[0].family != family)
				ai[0] = ai[1];
		} else {
			nai = 2;
		}
	} else if ((r = ws__numeric_host(node, nodelen, family, flags, ai)) < 0) {
		return r;
	}
	for (uint32_t i = 0; i < nai; i++) {
		for (const struct ws__typeproto *t = ws__types; t < ws__types + WS__NTYPES; t++) {
			if (tp ? t != tp : !t->dflt)
				continue;
			int first = at == 0 && (flags & WS_AI_CANONNAME) && nodelen != WASOCK_HOST_NULLSTR;
			at = ws__ai_record(out, cap, at, &ai[i], t->socktype,
			                   t->any && protocol ? protocol : t->protocol, (uint16_t)port,
			                   node, first ? nodelen : 0);
		}
	}
	return at > INT32_MAX ? -WS_EOVERFLOW : (int32_t)at;
}

int32_t wasock_host_getnameinfo(const void *addr, uint32_t addrlen, int32_t flags, char *host,
                                uint32_t hostcap, char *serv, uint32_t servcap)
{
	(void)addr, (void)addrlen, (void)flags, (void)host, (void)hostcap, (void)serv;
	(void)servcap;
	return NOSYS;
}

int32_t wasock_host_gethostbyname(const char *name, uint32_t namelen, int32_t family, void *out,
                                  uint32_t cap)
{
	(void)name, (void)namelen, (void)family, (void)out, (void)cap;
	return NOSYS;
}

int32_t wasock_host_gethostbyaddr(const void *addr, uint32_t addrlen, int32_t family, void *out,
                                  uint32_t cap)
{
	(void)addr, (void)addrlen, (void)family, (void)out, (void)cap;
	return NOSYS;
}

int32_t wasock_host_gethostname(char *buf, uint32_t cap) { (void)buf, (void)cap; return NOSYS; }

int32_t wasock_host_sethostname(const char *name, uint32_t len)
{
	(void)name, (void)len;
	return NOSYS;
}

int32_t wasock_host_getservbyname(const char *name, uint32_t namelen, const char *proto,
                                  uint32_t protolen)
{
	(void)name, (void)namelen, (void)proto, (void)protolen;
	return NOSYS;
}

int32_t wasock_host_getservbyport(int32_t port, const char *proto, uint32_t protolen, char *out,
                                  uint32_t cap)
{
	(void)port, (void)proto, (void)protolen, (void)out, (void)cap;
	return NOSYS;
}

int32_t wasock_host_getprotobyname(const char *name, uint32_t namelen)
{
	(void)name, (void)namelen;
	return NOSYS;
}

int32_t wasock_host_if_nameindex(void *out, uint32_t cap) { (void)out, (void)cap; return NOSYS; }

int32_t wasock_host_if_nametoindex(const char *name, uint32_t len)
{
	(void)name, (void)len;
	return NOSYS;
}

int32_t wasock_host_if_indextoname(uint32_t index, char *out, uint32_t cap)
{
	(void)index, (void)out, (void)cap;
	return NOSYS;
}

#else
typedef int ws__nohost_unused;
#endif
