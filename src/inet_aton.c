// SPDX-License-Identifier: MIT
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "inet.h"

static int ws__digit(char c, int base)
{
	int d;
	if (c >= '0' && c <= '9') d = c - '0';
	else if ((c | 32) >= 'a' && (c | 32) <= 'f') d = (c | 32) - 'a' + 10;
	else return -1;
	return d < base ? d : -1;
}

static int ws__isspace(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* strtoul(s, &end, 0) from a leading digit; 0 if the value exceeds 32 bits */
static int ws__strtou32(const char **sp, const char *end, uint32_t *v)
{
	const char *s = *sp;
	int base = 10, d;

	if (*s == '0') {
		base = 8;
		if (end - s > 2 && (s[1] | 32) == 'x' && ws__digit(s[2], 16) >= 0) {
			base = 16;
			s += 2;
		}
	}
	for (*v = 0; s < end && (d = ws__digit(*s, base)) >= 0; s++) {
		if (*v > (UINT32_MAX - d) / base) return 0;
		*v = *v * base + d;
	}
	*sp = s;
	return 1;
}

int ws_inet_aton(const char *s, size_t len, uint8_t out[4])
{
	static const uint32_t max[4] = { 0xffffffff, 0xffffff, 0xffff, 0xff };
	const char *end = memchr(s, 0, len);
	uint8_t a[4] = { 0 };
	uint32_t v;
	int n = 0, i;

	if (!end) end = s + len;
	for (;;) {
		if (s == end || *s < '0' || *s > '9') return 0;
		if (!ws__strtou32(&s, end, &v)) return 0;
		if (s == end || *s != '.') break;
		if (n == 3 || v > 0xff) return 0;
		a[n++] = v;
		s++;
	}
	if (s != end && !ws__isspace(*s)) return 0;
	if (v > max[n]) return 0;
	for (i = 3; i >= n; i--, v >>= 8) a[i] = v;
	memcpy(out, a, 4);
	return 1;
}
