/* SPDX-License-Identifier: MIT */
/*
 * inet_pton, inet_ntop and inet_aton with glibc's exact rules, from wasock's
 * own codecs (src/inet_*.c, compiled unchanged into this library), replacing
 * wasi-libc's musl versions (which differ, e.g. on "1.2.3.4 junk"); and the
 * inet_* functions wasi-libc leaves out.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include "guest.h"
#include "inet.h"

int inet_aton(const char *s, struct in_addr *out)
{
	uint8_t b[4];
	if (!ws_inet_aton(s, strlen(s), b))
		return 0;
	if (out)
		memcpy(&out->s_addr, b, 4);
	return 1;
}

int inet_pton(int af, const char *restrict s, void *restrict out)
{
	if (af != AF_INET && af != AF_INET6) {
		errno = EAFNOSUPPORT;
		return -1;
	}
	return ws_inet_pton(af == AF_INET ? WS_AF_INET : WS_AF_INET6, s, strlen(s), out) ? 1 : 0;
}

const char *inet_ntop(int af, const void *restrict src, char *restrict dst, socklen_t cap)
{
	if (af != AF_INET && af != AF_INET6) {
		errno = EAFNOSUPPORT;
		return NULL;
	}
	if (!ws_inet_ntop(af == AF_INET ? WS_AF_INET : WS_AF_INET6, src, dst, cap)) {
		errno = ENOSPC;
		return NULL;
	}
	return dst;
}

in_addr_t inet_addr(const char *s)
{
	struct in_addr a;
	return inet_aton(s, &a) ? a.s_addr : INADDR_NONE;
}

char *inet_ntoa(struct in_addr in)
{
	static char buf[INET_ADDRSTRLEN];
	const unsigned char *b = (const unsigned char *)&in.s_addr;
	snprintf(buf, sizeof buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}

struct in_addr inet_makeaddr(in_addr_t net, in_addr_t host)
{
	struct in_addr a;
	if (net < 256)
		a.s_addr = htonl((net << 24) | (host & 0xffffff));
	else if (net < 65536)
		a.s_addr = htonl((net << 16) | (host & 0xffff));
	else if (net < 16777216)
		a.s_addr = htonl((net << 8) | (host & 0xff));
	else
		a.s_addr = htonl(net | host);
	return a;
}

in_addr_t inet_lnaof(struct in_addr in)
{
	uint32_t h = ntohl(in.s_addr);
	if (IN_CLASSA(h))
		return h & IN_CLASSA_HOST;
	if (IN_CLASSB(h))
		return h & IN_CLASSB_HOST;
	return h & IN_CLASSC_HOST;
}

in_addr_t inet_netof(struct in_addr in)
{
	uint32_t h = ntohl(in.s_addr);
	if (IN_CLASSA(h))
		return (h & IN_CLASSA_NET) >> IN_CLASSA_NSHIFT;
	if (IN_CLASSB(h))
		return (h & IN_CLASSB_NET) >> IN_CLASSB_NSHIFT;
	return (h & IN_CLASSC_NET) >> IN_CLASSC_NSHIFT;
}

/* glibc's inet_network rules: up to four dot-separated parts, each decimal,
   0-octal or 0x-hex (an "x" prefix alone also means hex) and at most 0xff;
   trailing white space is allowed; the parts fill the low bytes, in host order. */
in_addr_t inet_network(const char *cp)
{
	uint32_t parts[4];
	int n = 0;
	for (;;) {
		uint32_t val = 0, base = 10;
		int digit = 0;
		if (*cp == '0') {
			digit = 1;
			base = 8;
			cp++;
		}
		if (*cp == 'x' || *cp == 'X') {
			digit = 0;
			base = 16;
			cp++;
		}
		for (;; cp++) {
			char c = *cp;
			if (c >= '0' && c <= '9') {
				if (base == 8 && c >= '8')
					return INADDR_NONE;
				val = val * base + (uint32_t)(c - '0');
			} else if (base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
				val = (val << 4) + (uint32_t)((c | 0x20) - 'a' + 10);
			} else {
				break;
			}
			digit = 1;
		}
		if (!digit || n >= 4 || val > 0xff)
			return INADDR_NONE;
		parts[n++] = val;
		if (*cp != '.')
			break;
		cp++;
	}
	while (*cp == ' ' || (*cp >= '\t' && *cp <= '\r'))
		cp++;
	if (*cp)
		return INADDR_NONE;
	uint32_t v = 0;
	for (int i = 0; i < n; i++)
		v = (v << 8) | parts[i];
	return v;
}
