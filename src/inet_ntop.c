// SPDX-License-Identifier: MIT
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "inet.h"

static char *ws__dec(char *p, unsigned v)
{
	if (v >= 100) *p++ = '0' + v / 100;
	if (v >= 10) *p++ = '0' + v / 10 % 10;
	*p++ = '0' + v % 10;
	return p;
}

static char *ws__fmt4(char *p, const uint8_t *a)
{
	int i;

	for (i = 0; i < 4; i++) {
		if (i) *p++ = '.';
		p = ws__dec(p, a[i]);
	}
	return p;
}

static char *ws__hex(char *p, unsigned v)
{
	int sh = 12;

	while (sh && !(v >> sh)) sh -= 4;
	for (; sh >= 0; sh -= 4) *p++ = "0123456789abcdef"[v >> sh & 15];
	return p;
}

static char *ws__fmt6(char *p, const uint8_t *a)
{
	unsigned w[8];
	int i, j, best = -1, blen = 0;

	for (i = 0; i < 8; i++) w[i] = a[2 * i] << 8 | a[2 * i + 1];
	for (i = 0; i < 8; i = j + 1) {
		for (j = i; j < 8 && !w[j]; j++);
		if (j - i > blen) best = i, blen = j - i;
	}
	if (blen < 2) best = -1, blen = 0;
	for (i = 0; i < 8; i++) {
		if (i >= best && i < best + blen) {
			if (i == best) *p++ = ':';
			continue;
		}
		if (i) *p++ = ':';
		/* glibc: ::a.b.c.d and ::ffff:a.b.c.d */
		if (i == 6 && best == 0 && (blen == 6 || (blen == 5 && w[5] == 0xffff)))
			return ws__fmt4(p, a + 12);
		p = ws__hex(p, w[i]);
	}
	if (best + blen == 8) *p++ = ':';
	return p;
}

size_t ws_inet_ntop(int af, const uint8_t *src, char *dst, size_t cap)
{
	char buf[48];
	size_t n;

	if (af == WS_AF_INET) n = ws__fmt4(buf, src) - buf;
	else if (af == WS_AF_INET6) n = ws__fmt6(buf, src) - buf;
	else return 0;
	if (n >= cap) return 0;
	memcpy(dst, buf, n);
	dst[n] = 0;
	return n;
}
