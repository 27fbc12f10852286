// SPDX-License-Identifier: MIT
/*
 * Name resolution with CPython's rules: host arguments are checked as the idna codec
 * checks ASCII names, and numeric addresses never reach the resolver (setipaddr).
 */
#include <string.h>

#include "core.h"
#include "inet.h"

/* The checks Python's idna codec makes on an ASCII host name. */
static int ws_idna_check(const uint8_t *p, uint32_t n)
{
	uint32_t start = 0;
	for (uint32_t i = 0; i < n; i++)
		if (p[i] >= 0x80)
			return ws_value_error("encoding with 'idna' codec failed: "
			                      "non-ASCII host names are not supported");
	for (uint32_t i = 0; i <= n; i++) {
		if (i < n && p[i] != '.')
			continue;
		uint32_t l = i - start;
		if (l >= 64)
			return ws_value_error("encoding with 'idna' codec failed (label too long)");
		if (i < n && l == 0)
			return ws_value_error(
				"encoding with 'idna' codec failed (label empty or too long)");
		start = i + 1;
	}
	return 0;
}

/*
 * A host argument: str (idna-checked) or bytes. nul decides what an embedded NUL does:
 * 0 truncates (getaddrinfo reads a C string), 1 raises TypeError.
 */
static int ws_host_arg(const wv *v, const char *what, int nul, const uint8_t **p, uint32_t *n)
{
	int is_str;
	if (wv_strbytes(v, what, p, n, &is_str) < 0)
		return WS_RAISED;
	if (is_str && ws_idna_check(*p, *n) < 0)
		return WS_RAISED;
	const uint8_t *z = memchr(*p, 0, *n);
	if (z && nul)
		return ws_type_error("%s must be encoded string without null bytes", what);
	if (z)
		*n = (uint32_t)(z - *p);
	return 0;
}

/*
 * Calls a host function that reports the size it needs, growing a scratch area. The
 * answer may change between calls (the name service is live), but a host that keeps
 * asking for more after a few rounds is out of its contract: EIO.
 */
#define WS_GROWING(outp, cap, call)                                      \
	({                                                               \
		int32_t ws__r = -WS_EIO;                                 \
		uint32_t cap = 2048;                                     \
		for (int ws__round = 0; ws__round < 4; ws__round++) {    \
			outp = ws_scratch(cap);                          \
			if (!outp) {                                     \
				ws__r = -WS_ENOMEM;                      \
				break;                                   \
			}                                                \
			ws__r = (call);                                  \
			if (ws__r < 0 || (uint32_t)ws__r <= cap)         \
				break;                                   \
			cap = (uint32_t)ws__r;                           \
			ws__r = -WS_EIO;                                 \
		}                                                        \
		ws__r;                                                   \
	})

static int ws_gai(const char *node, uint32_t nodelen, const char *serv, uint32_t servlen,
                  int family, int socktype, int proto, int flags, uint8_t **res)
{
	uint8_t *out;
	int32_t r = WS_GROWING(out, cap, HOST(getaddrinfo)(node, nodelen, serv, servlen, family,
	                                                   socktype, proto, flags, out, cap));
	*res = out;
	return r;
}

/* One getaddrinfo record; returns the pointer past it. */
struct ws_ai {
	int32_t family, socktype, proto;
	const uint8_t *canon, *addr;
	uint32_t canonlen, addrlen;
};

/* NULL when the record does not fit in [p, end): the host's bytes are checked, never
 * trusted (a guest may supply the host). */
static const uint8_t *ws_ai_next(const uint8_t *p, const uint8_t *end, struct ws_ai *ai)
{
	if (p >= end || end - p < 20)
		return NULL;
	ai->family = (int32_t)ws_get32le(p);
	ai->socktype = (int32_t)ws_get32le(p + 4);
	ai->proto = (int32_t)ws_get32le(p + 8);
	ai->canonlen = ws_get32le(p + 12);
	ai->canon = p + 16;
	if (ai->canonlen > (size_t)(end - p) - 20)
		return NULL;
	p += 16 + ai->canonlen;
	ai->addrlen = ws_get32le(p);
	ai->addr = p + 4;
	if (ai->addrlen > WS_SOCKADDR_MAX || ai->addrlen > (size_t)(end - p) - 4)
		return NULL;
	return p + 4 + ai->addrlen;
}

static int ws_gai_bad(void)
{
	return ws_os_error(-WS_EIO, "getaddrinfo");
}

int ws_setipaddr(const uint8_t *name, uint32_t n, int family, uint8_t *sa, uint32_t *salen)
{
	uint8_t *res;
	struct ws_ai ai;
	uint32_t cap = *salen;
	int r;
	memset(sa, 0, cap);
	if (n == 0) {
		r = ws_gai(NULL, WASOCK_HOST_NULLSTR, "0", 1, family, WS_SOCK_DGRAM, 0,
		           WS_AI_PASSIVE, &res);
		if (r < 0)
			return ws_os_error(r, "getaddrinfo");
		if (r == 0)
			return ws_raise(WS_ERR_OS, 0, "wildcard resolved to no address");
		const uint8_t *next = ws_ai_next(res, res + r, &ai);
		if (!next)
			return ws_gai_bad();
		if (next != res + r)
			return ws_raise(WS_ERR_OS, 0, "wildcard resolved to multiple address");
		if (ai.family != WS_AF_INET && ai.family != WS_AF_INET6)
			return ws_raise(WS_ERR_OS, 0, "unsupported address family");
		memcpy(sa, ai.addr, ai.addrlen < cap ? ai.addrlen : cap);
		*salen = ai.addrlen < cap ? ai.addrlen : cap;
		return 0;
	}
	if ((n == 15 && !memcmp(name, "255.255.255.255", 15)) ||
	    (n == 11 && !memcmp(name, "<broadcast>", 11))) {
		if (family != WS_AF_INET && family != WS_AF_UNSPEC)
			return ws_raise(WS_ERR_OS, 0, "address family mismatched");
		ws_put16le(sa, WS_AF_INET);
		memset(sa + 4, 0xff, 4);
		*salen = 16;
		return 0;
	}
	if ((family == WS_AF_UNSPEC || family == WS_AF_INET) &&
	    ws_inet_pton(WS_AF_INET, (const char *)name, n, sa + 4) > 0) {
		ws_put16le(sa, WS_AF_INET);
		*salen = 16;
		return 0;
	}
	if ((family == WS_AF_UNSPEC || family == WS_AF_INET6) && !memchr(name, '%', n) &&
	    ws_inet_pton(WS_AF_INET6, (const char *)name, n, sa + 8) > 0) {
		ws_put16le(sa, WS_AF_INET6);
		*salen = 28;
		return 0;
	}
	r = ws_gai((const char *)name, n, NULL, WASOCK_HOST_NULLSTR, family, 0, 0, 0, &res);
	if (r < 0)
		return ws_os_error(r, "getaddrinfo");
	if (r == 0)
		return ws_raise(WS_ERR_GAI, WS_EAI_NONAME, NULL);
	if (!ws_ai_next(res, res + r, &ai))
		return ws_gai_bad();
	memcpy(sa, ai.addr, ai.addrlen < cap ? ai.addrlen : cap);
	*salen = ai.addrlen < cap ? ai.addrlen : cap;
	if (ai.family != WS_AF_INET && ai.family != WS_AF_INET6)
		return ws_raise(WS_ERR_OS, 0, "unknown address family");
	return 0;
}

/* Writes (family, type, proto, canonname, sockaddr) for each record. */
int ws_fn_getaddrinfo(ws_args *a)
{
	const wv *host = ws_arg(a, 0), *port = ws_arg(a, 1);
	const uint8_t *h = NULL, *s = NULL;
	uint32_t hl = WASOCK_HOST_NULLSTR, sl = WASOCK_HOST_NULLSTR;
	int32_t opt[4] = { 0, 0, 0, 0 };
	static const char *const optname[] = { "family", "type", "proto", "flags" };
	char pbuf[24];
	/* CPython parses the hint integers before it looks at host and port. */
	for (int i = 0; i < 4; i++)
		if (ws_arg(a, 2 + i) && wv_cint(ws_arg(a, 2 + i), optname[i], &opt[i]) < 0)
			return WS_RAISED;
	if (host && !wv_is_none(host)) {
		int t = wv_tag(host);
		if (t != WV_STR && t != WV_BYTES)
			return ws_type_error("getaddrinfo() argument 1 must be string or None");
		if (ws_host_arg(host, "host", 0, &h, &hl) < 0)
			return WS_RAISED;
	}
	if (port && !wv_is_none(port)) {
		int64_t pv;
		int t = wv_tag(port);
		/* An exact int: CPython's PyLong_CheckExact turns True away. */
		if (t == WV_INT) {
			wv_int64(port, "port", &pv);
			sl = (uint32_t)ws_fmt(pbuf, sizeof pbuf, "%lld", (long long)pv);
			s = (const uint8_t *)pbuf;
		} else if (t == WV_STR || t == WV_BYTES) {
			wv_strbytes(port, "port", &s, &sl, NULL);
			const uint8_t *z = memchr(s, 0, sl);
			if (z)
				sl = (uint32_t)(z - s);
		} else if (t == WV_HUGE || t == WV_UINT64) {
			return ws_value_error("getaddrinfo(): port out of range");
		} else {
			return ws_raise(WS_ERR_OS, 0, "Int or String expected");
		}
	}
	uint8_t *res;
	int r = ws_gai((const char *)h, hl, (const char *)s, sl, opt[0], opt[1], opt[2], opt[3],
	               &res);
	if (r < 0)
		return ws_os_error(r, "getaddrinfo");
	uint32_t count = 0;
	struct ws_ai ai;
	for (const uint8_t *p = res; p < res + r; count++)
		if (!(p = ws_ai_next(p, res + r, &ai)))
			return ws_gai_bad();
	if (ws_out_list(count) < 0)
		return WS_RAISED;
	for (const uint8_t *p = res; p < res + r;) {
		p = ws_ai_next(p, res + r, &ai);
		if (ws_out_list(5) < 0 || ws_out_int(ai.family) < 0 || ws_out_int(ai.socktype) < 0 ||
		    ws_out_int(ai.proto) < 0 ||
		    ws_out_str((const char *)ai.canon, ai.canonlen) < 0 ||
		    ws_sockaddr_decode(ai.addr, ai.addrlen, ai.proto) < 0)
			return WS_RAISED;
	}
	return 0;
}

int ws_fn_getnameinfo(ws_args *a)
{
	const wv *sa = ws_arg(a, 0);
	wv list, item[4];
	uint32_t n, flow = 0, scope = 0;
	int32_t port, flags;
	const uint8_t *host;
	uint32_t hostlen;
	/* CPython's order: flags, the tuple's shape, then its items one by one. */
	if (wv_cint(ws_arg(a, 1), "getnameinfo() argument 2", &flags) < 0)
		return WS_RAISED;
	if (!sa || wv_tag(sa) != WV_LIST)
		return ws_type_error("getnameinfo() argument 1 must be a tuple");
	list = *sa;
	wv_list(&list, &n);
	if (n < 2 || n > 4)
		return ws_type_error("getnameinfo(): illegal sockaddr argument");
	for (uint32_t i = 0; i < n; i++)
		if (wv_next(&list, &item[i]) < 0)
			return WS_RAISED;
	int pt = wv_tag(&item[1]);
	if (wv_tag(&item[0]) != WV_STR)
		return ws_type_error("getnameinfo(): illegal sockaddr argument");
	if (wv_cstr(&item[0], "getnameinfo() host", &host, &hostlen) < 0)
		return WS_RAISED;
	if (pt != WV_INT && pt != WV_BOOL && pt != WV_UINT64 && pt != WV_HUGE)
		return ws_type_error("getnameinfo(): illegal sockaddr argument");
	if (wv_cint(&item[1], "port", &port) < 0 ||
	    (n > 2 && wv_cuint_mask(&item[2], "flowinfo", &flow) < 0) ||
	    (n > 3 && wv_cuint_mask(&item[3], "scope_id", &scope) < 0))
		return WS_RAISED;
	if (flow > 0xfffff)
		return ws_value_error("getnameinfo(): flowinfo must be 0-1048575.");
	char pbuf[16];
	uint32_t pl = (uint32_t)ws_fmt(pbuf, sizeof pbuf, "%d", port);
	uint8_t *res;
	int r = ws_gai((const char *)host, hostlen, pbuf, pl, WS_AF_UNSPEC, WS_SOCK_DGRAM, 0,
	               WS_AI_NUMERICHOST, &res);
	if (r < 0)
		return ws_os_error(r, "getaddrinfo");
	struct ws_ai ai;
	if (r == 0)
		return ws_raise(WS_ERR_GAI, WS_EAI_NONAME, NULL);
	const uint8_t *next = ws_ai_next(res, res + r, &ai);
	if (!next)
		return ws_gai_bad();
	if (next != res + r)
		return ws_raise(WS_ERR_OS, 0, "sockaddr resolved to multiple addresses");
	uint8_t addr[WS_SOCKADDR_MAX];
	uint32_t alen = ai.addrlen < sizeof addr ? ai.addrlen : sizeof addr;
	memcpy(addr, ai.addr, alen);
	if (ai.family == WS_AF_INET) {
		if (n != 2)
			return ws_raise(WS_ERR_OS, 0, "IPv4 sockaddr must be 2 tuple");
	} else if (ai.family == WS_AF_INET6 && alen >= 28) {
		ws_put32be(addr + 4, flow);
		ws_put32le(addr + 24, scope);
	}
	char *hbuf = ws_scratch(1025), *sbuf = ws_scratch(32);
	if (!hbuf || !sbuf)
		return ws_os_error(-WS_ENOMEM, "getnameinfo");
	r = HOST(getnameinfo)(addr, alen, flags, hbuf, 1025, sbuf, 32);
	if (r < 0)
		return ws_os_error(r, "getnameinfo");
	if (ws_out_list(2) < 0 || ws_out_cstr(hbuf) < 0)
		return WS_RAISED;
	return ws_out_cstr(sbuf);
}

int ws_fn_gethostbyname(ws_args *a)
{
	const uint8_t *name;
	uint32_t n, salen = 16;
	uint8_t sa[28];
	char buf[64];
	if (ws_host_arg(ws_arg(a, 0), "gethostbyname() argument 1", 1, &name, &n) < 0 ||
	    ws_setipaddr(name, n, WS_AF_INET, sa, &salen) < 0)
		return WS_RAISED;
	return ws_out_str(buf, ws_inet_ntop(WS_AF_INET, sa + 4, buf, sizeof buf));
}

/* A reader over the host's record bytes: every read is checked against the end. */
struct ws_rec {
	const uint8_t *p, *end;
};

static int ws_rec_u32(struct ws_rec *r, uint32_t *v)
{
	if (r->end - r->p < 4)
		return -1;
	*v = ws_get32le(r->p);
	r->p += 4;
	return 0;
}

static int ws_rec_bytes(struct ws_rec *r, uint64_t n, const uint8_t **p)
{
	if ((uint64_t)(r->end - r->p) < n)
		return -1;
	*p = r->p;
	r->p += n;
	return 0;
}

/* A (uint32 length, bytes) string of the record. */
static int ws_rec_str(struct ws_rec *r, const uint8_t **p, uint32_t *n)
{
	return ws_rec_u32(r, n) < 0 ? -1 : ws_rec_bytes(r, *n, p);
}

/* Writes [name, aliases, addresses] from the host's hostent record of len bytes. */
static int ws_out_hostent(const uint8_t *rec, uint32_t len, int family, const char *fname)
{
	struct ws_rec r = { rec, rec + len }, walk;
	const uint8_t *s, *addrs;
	uint32_t n, naliases, type, alen, naddrs;
	/* Checked whole before anything is written. */
	if (ws_rec_str(&r, &s, &n) < 0 || ws_rec_u32(&r, &naliases) < 0)
		return ws_os_error(-WS_EIO, fname);
	walk = r;
	for (uint32_t i = 0; i < naliases; i++)
		if (ws_rec_str(&walk, &s, &n) < 0)
			return ws_os_error(-WS_EIO, fname);
	if (ws_rec_u32(&walk, &type) < 0 || ws_rec_u32(&walk, &alen) < 0 ||
	    ws_rec_u32(&walk, &naddrs) < 0)
		return ws_os_error(-WS_EIO, fname);
	if ((int32_t)type != family || (alen != 4 && alen != 16))
		return ws_os_error(-WS_EAFNOSUPPORT, "gethostbyname");
	if (ws_rec_bytes(&walk, (uint64_t)alen * naddrs, &addrs) < 0)
		return ws_os_error(-WS_EIO, fname);
	r.p = rec;
	ws_rec_str(&r, &s, &n);
	if (ws_out_list(3) < 0 || ws_out_str((const char *)s, n) < 0)
		return WS_RAISED;
	r.p += 4;
	if (ws_out_list(naliases) < 0)
		return WS_RAISED;
	for (uint32_t i = 0; i < naliases; i++) {
		ws_rec_str(&r, &s, &n);
		if (ws_out_str((const char *)s, n) < 0)
			return WS_RAISED;
	}
	if (ws_out_list(naddrs) < 0)
		return WS_RAISED;
	for (uint32_t i = 0; i < naddrs; i++, addrs += alen) {
		char buf[64];
		ws_inet_ntop(alen == 4 ? WS_AF_INET : WS_AF_INET6, addrs, buf, sizeof buf);
		if (ws_out_cstr(buf) < 0)
			return WS_RAISED;
	}
	return 0;
}

int ws_fn_gethostbyname_ex(ws_args *a)
{
	const uint8_t *name;
	uint32_t n, salen = 16;
	uint8_t sa[28], *out;
	if (ws_host_arg(ws_arg(a, 0), "gethostbyname_ex() argument 1", 1, &name, &n) < 0 ||
	    ws_setipaddr(name, n, WS_AF_INET, sa, &salen) < 0)
		return WS_RAISED;
	int32_t r = WS_GROWING(out, cap, HOST(gethostbyname)((const char *)name, n, WS_AF_INET,
	                                                     out, cap));
	if (r < 0)
		return ws_os_error(r, "gethostbyname");
	return ws_out_hostent(out, (uint32_t)r, WS_AF_INET, "gethostbyname");
}

static int ws_hostbyaddr(const uint8_t *name, uint32_t n)
{
	uint8_t sa[28], *out;
	uint32_t salen = sizeof sa;
	if (ws_setipaddr(name, n, WS_AF_UNSPEC, sa, &salen) < 0)
		return WS_RAISED;
	int family = ws_get16le(sa);
	const uint8_t *addr = family == WS_AF_INET ? sa + 4 : sa + 8;
	uint32_t alen = family == WS_AF_INET ? 4 : 16;
	int32_t r = WS_GROWING(out, cap, HOST(gethostbyaddr)(addr, alen, family, out, cap));
	if (r < 0)
		return ws_os_error(r, "gethostbyaddr");
	return ws_out_hostent(out, (uint32_t)r, family, "gethostbyaddr");
}

int ws_fn_gethostbyaddr(ws_args *a)
{
	const uint8_t *name;
	uint32_t n;
	if (ws_host_arg(ws_arg(a, 0), "gethostbyaddr() argument 1", 1, &name, &n) < 0)
		return WS_RAISED;
	return ws_hostbyaddr(name, n);
}

/* str.strip() also strips \x1c-\x1f; bytes.strip() only ASCII blanks. */
static int ws_isspace(uint8_t c, int is_str)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || (is_str && c >= 0x1c && c <= 0x1f);
}

/* Python's socket.getfqdn: the first dotted name among gethostbyaddr's answers. */
int ws_fn_getfqdn(ws_args *a)
{
	const uint8_t *name = (const uint8_t *)"";
	uint32_t n = 0;
	int is_str = 1;
	char hn[256];
	/* str or bytes, as Python's name.strip() and gethostbyaddr() take both. */
	if (ws_arg(a, 0) && wv_strbytes(ws_arg(a, 0), "getfqdn() argument 1", &name, &n, &is_str) < 0)
		return WS_RAISED;
	while (n && ws_isspace(name[0], is_str))
		name++, n--;
	while (n && ws_isspace(name[n - 1], is_str))
		n--;
	if (n == 0 || (is_str && ((n == 7 && !memcmp(name, "0.0.0.0", 7)) ||
	                          (n == 2 && !memcmp(name, "::", 2))))) {
		int32_t l = HOST(gethostname)(hn, sizeof hn);
		if (l < 0)
			return ws_os_error(l, "gethostname");
		name = (const uint8_t *)hn;
		n = (uint32_t)l < sizeof hn ? (uint32_t)l : sizeof hn;
		is_str = 1;
	}
	if (memchr(name, 0, n))
		return ws_type_error("gethostbyaddr() argument 1 must be encoded string without null bytes");
	if (is_str && ws_idna_check(name, n) < 0)
		return WS_RAISED;
	uint32_t mark = ws_out_len();
	if (ws_hostbyaddr(name, n) < 0) {
		if (ws_err.kind == WS_ERR_TYPE || ws_err.kind == WS_ERR_VALUE)
			return WS_RAISED;
		ws_err.kind = WS_ERR_NONE;
		ws_out_reset();
		/* Python returns the (stripped) argument itself, bytes staying bytes. */
		return is_str ? ws_out_str((const char *)name, n) : ws_out_bytes(name, n);
	}
	/* Pick from the hostent just written, then replace it with the answer. */
	const uint8_t *p = ws_out_ptr() + mark;
	wv all = { p, p + (ws_out_len() - mark) }, hostname, aliases, alias;
	uint32_t cnt, na;
	const uint8_t *s, *best;
	uint32_t sl, bestl;
	wv_list(&all, &cnt);
	wv_next(&all, &hostname);
	wv_next(&all, &aliases);
	wv_strbytes(&hostname, "name", &best, &bestl, NULL);
	wv_list(&aliases, &na);
	int found = memchr(best, '.', bestl) != NULL;
	for (uint32_t i = 0; i < na && !found; i++) {
		wv_next(&aliases, &alias);
		wv_strbytes(&alias, "alias", &s, &sl, NULL);
		if (memchr(s, '.', sl)) {
			best = s;
			bestl = sl;
			found = 1;
		}
	}
	char *copy = ws_scratch(bestl + 1);
	if (!copy)
		return ws_os_error(-WS_ENOMEM, "getfqdn");
	memcpy(copy, best, bestl);
	ws_out_reset();
	return ws_out_str(copy, bestl);
}
