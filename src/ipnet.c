// SPDX-License-Identifier: MIT
/*
 * ip_address / ip_network / ip_network_contains with the parsing rules of Python's
 * ipaddress module (3.11): dotted-quad IPv4 only (no leading zeros, no short or
 * octal forms), IPv6 with an optional "%scope", "/prefix" in decimal, and for IPv4
 * also a dotted netmask or hostmask. inet_pton's rules are Python's once NUL bytes
 * are refused, so the text itself is parsed by ws_inet_pton.
 */
#include <string.h>

#include "core.h"
#include "inet.h"
#include "ipnet.h"

static int ws__text(int af, const uint8_t *s, uint32_t n, uint8_t *out)
{
	return n && !memchr(s, 0, n) && ws_inet_pton(af, (const char *)s, n, out) == 1;
}

int ws_ipaddr_parse(const uint8_t *s, uint32_t n, int is_str, struct ws_ipaddr *ip)
{
	const uint8_t *pct;
	memset(ip, 0, sizeof *ip);
	if (!is_str) {
		if (n != 4 && n != 16)
			return -1;
		ip->version = n == 4 ? 4 : 6;
		memcpy(ip->packed, s, n);
		return 0;
	}
	if (memchr(s, '/', n))
		return -1;
	if (ws__text(WS_AF_INET, s, n, ip->packed)) {
		ip->version = 4;
		return 0;
	}
	pct = memchr(s, '%', n);
	if (pct) {
		ip->scope = pct + 1;
		ip->scopelen = (uint32_t)(s + n - ip->scope);
		if (!ip->scopelen || memchr(ip->scope, '%', ip->scopelen))
			return -1;
		n = (uint32_t)(pct - s);
	}
	if (!ws__text(WS_AF_INET6, s, n, ip->packed))
		return -1;
	ip->version = 6;
	return 0;
}

/* Python's _prefix_from_prefix_string: ASCII digits only, leading zeros allowed. */
static int ws__prefix_digits(const uint8_t *s, uint32_t n, unsigned max)
{
	unsigned v = 0;
	if (!n)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
		if (v > max)
			return -1;
	}
	return (int)v;
}

/* Length of a run of ones from the top of a 32-bit mask, or -1 if it is not 1*0*. */
static int ws__mask_len(uint32_t m)
{
	int len = 0;
	while (len < 32 && m >> (31 - len) & 1)
		len++;
	return len < 32 && m << len ? -1 : len;
}

/* A dotted IPv4 netmask (1*0*) or hostmask (0*1*); all-zeros and all-ones are netmasks. */
static int ws__prefix_mask(const uint8_t *s, uint32_t n)
{
	uint8_t b[4];
	int len;
	if (!ws__text(WS_AF_INET, s, n, b))
		return -1;
	len = ws__mask_len(ws_get32be(b));
	return len >= 0 ? len : ws__mask_len(~ws_get32be(b));
}

void ws_ipnet_mask(uint8_t *a, unsigned bytes, unsigned prefixlen)
{
	for (unsigned i = 0; i < bytes; i++, prefixlen = prefixlen > 8 ? prefixlen - 8 : 0)
		if (prefixlen < 8)
			a[i] &= (uint8_t)(0xff00 >> prefixlen);
}

int ws_ipnet_parse(const uint8_t *s, uint32_t n, int is_str, struct ws_ipnet *net)
{
	const uint8_t *slash = is_str ? memchr(s, '/', n) : NULL;
	uint32_t alen = slash ? (uint32_t)(slash - s) : n;
	const uint8_t *m = slash ? slash + 1 : NULL;
	uint32_t mlen = slash ? (uint32_t)(s + n - m) : 0;
	if (m && memchr(m, '/', mlen))
		return -1;
	if (ws_ipaddr_parse(s, alen, is_str, &net->addr) < 0)
		return -1;
	unsigned max = net->addr.version == 4 ? 32 : 128;
	int len = m ? ws__prefix_digits(m, mlen, max) : (int)max;
	if (len < 0 && net->addr.version == 4)
		len = ws__prefix_mask(m, mlen);
	if (len < 0)
		return -1;
	net->prefixlen = (unsigned)len;
	memcpy(net->network, net->addr.packed, 16);
	ws_ipnet_mask(net->network, 16, net->prefixlen);
	return 0;
}

int ws_ipnet_contains(const struct ws_ipnet *net, const struct ws_ipaddr *ip)
{
	uint8_t a[16];
	if (net->addr.version != ip->version)
		return 0;
	memcpy(a, ip->packed, 16);
	ws_ipnet_mask(a, 16, net->prefixlen);
	return !memcmp(a, net->network, 16);
}

/* 'text' for an error message, shortened to fit. */
static const char *ws__quote(const uint8_t *s, uint32_t n, int is_str, char *buf, size_t cap)
{
	if (!is_str) {
		ws_fmt(buf, cap, "packed address of %u bytes", n);
		return buf;
	}
	size_t k = n < cap - 6 ? n : cap - 6;
	buf[0] = '\'';
	memcpy(buf + 1, s, k);
	strcpy(buf + 1 + k, k < n ? "...'" : "'");
	return buf;
}

/* Reads argument i as an address (str or packed bytes); raises Python's ValueError. */
int ws_ipaddr_arg(ws_args *a, uint32_t i, struct ws_ipaddr *ip)
{
	const uint8_t *s;
	uint32_t n;
	int is_str;
	char q[80];
	ws_fmt(q, sizeof q, "%s() argument %u", a->fname, i + 1);
	if (wv_strbytes(ws_arg(a, i), q, &s, &n, &is_str) < 0)
		return WS_RAISED;
	if (ws_ipaddr_parse(s, n, is_str, ip) < 0)
		return ws_value_error("%s does not appear to be an IPv4 or IPv6 address",
		                      ws__quote(s, n, is_str, q, sizeof q));
	return 0;
}

/* Python's truth value of an optional flag (default: true). */
static int ws__flag(const wv *v, const char *what, int *out)
{
	int64_t x;
	*out = 1;
	if (!v)
		return 0;
	if (wv_is_none(v)) {
		*out = 0;
		return 0;
	}
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	*out = x != 0;
	return 0;
}

static int ws__ipnet_arg(ws_args *a, uint32_t i, int strict, struct ws_ipnet *net)
{
	const uint8_t *s;
	uint32_t n;
	int is_str;
	char q[80], text[64];
	ws_fmt(q, sizeof q, "%s() argument %u", a->fname, i + 1);
	if (wv_strbytes(ws_arg(a, i), q, &s, &n, &is_str) < 0)
		return WS_RAISED;
	if (ws_ipnet_parse(s, n, is_str, net) < 0)
		return ws_value_error("%s does not appear to be an IPv4 or IPv6 network",
		                      ws__quote(s, n, is_str, q, sizeof q));
	if (strict && memcmp(net->network, net->addr.packed, 16)) {
		ws_inet_ntop(net->addr.version == 4 ? WS_AF_INET : WS_AF_INET6, net->addr.packed,
		             text, sizeof text);
		return ws_value_error("%s/%u has host bits set", text, net->prefixlen);
	}
	return 0;
}

int ws_fn_ip_address(ws_args *a)
{
	struct ws_ipaddr ip;
	if (ws_ipaddr_arg(a, 0, &ip) < 0)
		return WS_RAISED;
	if (ws_out_list(3) < 0 || ws_out_int(ip.version) < 0 ||
	    ws_out_bytes(ip.packed, ip.version == 4 ? 4 : 16) < 0)
		return WS_RAISED;
	return ip.scope ? ws_out_str((const char *)ip.scope, ip.scopelen) : ws_out_none();
}

int ws_fn_ip_network(ws_args *a)
{
	struct ws_ipnet net;
	int strict;
	if (ws__flag(ws_arg(a, 1), "ip_network() strict", &strict) < 0 ||
	    ws__ipnet_arg(a, 0, strict, &net) < 0)
		return WS_RAISED;
	if (ws_out_list(3) < 0 || ws_out_int(net.addr.version) < 0 ||
	    ws_out_bytes(net.network, net.addr.version == 4 ? 4 : 16) < 0)
		return WS_RAISED;
	return ws_out_int(net.prefixlen);
}

int ws_fn_ip_network_contains(ws_args *a)
{
	struct ws_ipnet net;
	struct ws_ipaddr ip;
	int strict;
	if (ws__flag(ws_arg(a, 2), "ip_network_contains() strict", &strict) < 0 ||
	    ws__ipnet_arg(a, 0, strict, &net) < 0 || ws_ipaddr_arg(a, 1, &ip) < 0)
		return WS_RAISED;
	return ws_out_bool(ws_ipnet_contains(&net, &ip));
}
