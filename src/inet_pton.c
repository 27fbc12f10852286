// SPDX-License-Identifier: MIT
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "inet.h"

static int ws__isdigit(char c)
{
	return c >= '0' && c <= '9';
}

static int ws__hexval(char c)
{
	if (ws__isdigit(c)) return c - '0';
	if ((c | 32) >= 'a' && (c | 32) <= 'f') return (c | 32) - 'a' + 10;
	return -1;
}

static int ws__pton4(const char *s, const char *end, uint8_t *out)
{
	uint8_t a[4];
	int i, v;

	for (i = 0; i < 4; i++) {
		if (s == end || !ws__isdigit(*s)) return 0;
		if (*s == '0' && end - s > 1 && ws__isdigit(s[1])) return 0;
		for (v = 0; s < end && ws__isdigit(*s); s++)
			if ((v = v * 10 + *s - '0') > 255) return 0;
		a[i] = v;
		if (i < 3 && (s == end || *s++ != '.')) return 0;
	}
	if (s != end) return 0;
	memcpy(out, a, 4);
	return 1;
}

static int ws__pton6(const char *s, const char *end, uint8_t *out)
{
	uint8_t a[16] = { 0 };
	const char *tok;
	int n = 0, gap = -1, nd = 0, d;
	unsigned v = 0;
	char c;

	if (s == end) return 0;
	if (*s == ':' && (++s == end || *s != ':')) return 0;
	for (tok = s; s < end; ) {
		c = *s++;
		if ((d = ws__hexval(c)) >= 0) {
			if (nd++ == 4) return 0;
			v = v << 4 | d;
		} else if (c == ':') {
			tok = s;
			if (!nd) {
				if (gap >= 0) return 0;
				gap = n;
				continue;
			}
			if (s == end || n == 16) return 0;
			a[n++] = v >> 8;
			a[n++] = v;
			nd = 0;
			v = 0;
		} else if (c == '.' && n <= 12 && ws__pton4(tok, end, a + n)) {
			n += 4;
			nd = 0;
			break;
		} else {
			return 0;
		}
	}
	if (nd) {
		if (n == 16) return 0;
		a[n++] = v >> 8;
		a[n++] = v;
	}
	if (gap >= 0) {
		/* "::" must stand for at least one group */
		if (n == 16) return 0;
		memmove(a + 16 - (n - gap), a + gap, n - gap);
		memset(a + gap, 0, 16 - n);
		n = 16;
	}
	if (n != 16) return 0;
	memcpy(out, a, 16);
	return 1;
}

int ws_inet_pton(int af, const char *s, size_t len, uint8_t *out)
{
	const char *end = memchr(s, 0, len);

	if (!end) end = s + len;
	if (af == WS_AF_INET) return ws__pton4(s, end, out);
	if (af == WS_AF_INET6) return ws__pton6(s, end, out);
	return -1;
}
