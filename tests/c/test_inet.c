// SPDX-License-Identifier: MIT
/* Standalone tests for src/inet_*.c. Expected values were produced by
   CPython 3.11's socket module on glibc 2.36 (see tests/diff/). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "../../src/inet.h"

struct vec {
	const char *in;
	const char *want; /* hex of the packed bytes / ntop text; NULL = invalid */
};

static const struct vec aton_vec[] = {
	{ "", NULL },
	{ ".", NULL },
	{ "1", "00000001" },
	{ "0", "00000000" },
	{ "00", "00000000" },
	{ "08", NULL },
	{ "09", NULL },
	{ "010", "00000008" },
	{ "0x", NULL },
	{ "0X", NULL },
	{ "0x0", "00000000" },
	{ "0X1f", "0000001f" },
	{ "0xg", NULL },
	{ "0x1g", NULL },
	{ "0xffffffff", "ffffffff" },
	{ "0x100000000", NULL },
	{ "0x0000000000000000000001", "00000001" },
	{ "000000000000000000000000000001", "00000001" },
	{ "4294967295", "ffffffff" },
	{ "4294967296", NULL },
	{ "18446744073709551615", NULL },
	{ "18446744073709551616", NULL },
	{ "99999999999999999999999999999999", NULL },
	{ "037777777777", "ffffffff" },
	{ "040000000000", NULL },
	{ "017700000001", "7f000001" },
	{ "2130706433", "7f000001" },
	{ "127.1", "7f000001" },
	{ "127.0.1", "7f000001" },
	{ "127.65535", "7f00ffff" },
	{ "127.65536", "7f010000" },
	{ "127.16777215", "7fffffff" },
	{ "127.16777216", NULL },
	{ "1.2.65535", "0102ffff" },
	{ "1.2.65536", NULL },
	{ "1.2.3.255", "010203ff" },
	{ "1.2.3.256", NULL },
	{ "0x7f.1", "7f000001" },
	{ "0x7f000001", "7f000001" },
	{ "0x7f.0x0.0x0.0x1", "7f000001" },
	{ "0177.0.0.01", "7f000001" },
	{ "012.1.2.3", "0a010203" },
	{ "1.2.3.04", "01020304" },
	{ "1.2.3.08", NULL },
	{ "1.2.3.0x", NULL },
	{ "1.2.3.0x4", "01020304" },
	{ "0x.1.2.3", NULL },
	{ "255.255.255.255", "ffffffff" },
	{ "256.0.0.1", NULL },
	{ "1.2.3.4.5", NULL },
	{ "1.2.3.", NULL },
	{ "1..2.3", NULL },
	{ ".1.2.3", NULL },
	{ "1.2.3.4.", NULL },
	{ "+1.2.3.4", NULL },
	{ "-1.2.3.4", NULL },
	{ "1.-2.3.4", NULL },
	{ "1. 2.3.4", NULL },
	{ "1.2.3.4 junk", "01020304" },
	{ "1.2.3.4\011", "01020304" },
	{ "1.2.3.4\012", "01020304" },
	{ "1.2.3.4\015\012x", "01020304" },
	{ "1.2.3.4\013", "01020304" },
	{ "1.2.3.4\014", "01020304" },
	{ " 1.2.3.4", NULL },
	{ "1.2.3.4x", NULL },
	{ "1.2.3 .4", "01020003" },
	{ "1.2.3.4\302\240", NULL },
	{ "0x7f 1", "0000007f" },
	{ "127.1 junk", "7f000001" },
	{ "4294967296 ", NULL },
	{ "1e1", NULL },
	{ "0.0.0.0", "00000000" },
	{ "1.0x2.0x3.0x4", "01020304" },
	{ "1.2.0xffff", "0102ffff" },
	{ "1.2.0x10000", NULL },
	{ "1.0xffffff", "01ffffff" },
	{ "1.0x1000000", NULL },
	{ "12345678901234567890.1.2.3", NULL },
	{ "0xffffffffffffffffffffffffffffffffffffffff", NULL },
	{ "0000000000000000000000000000000000000000000000000000000000001", "00000001" },
	{ "10000000000", NULL },
	{ "0x.", NULL },
	{ "00x1", NULL },
	{ "0xx1", NULL },
	{ "0x1.0x", NULL },
	{ "1.2.3.4\001", NULL },
};
static const struct vec pton4_vec[] = {
	{ "1.2.3.4", "01020304" },
	{ "0.0.0.0", "00000000" },
	{ "255.255.255.255", "ffffffff" },
	{ "256.0.0.1", NULL },
	{ "01.2.3.4", NULL },
	{ "1.2.3.04", NULL },
	{ "1.2.3.00", NULL },
	{ "00.0.0.0", NULL },
	{ "1.2.3", NULL },
	{ "1.2.3.4.", NULL },
	{ "1.2.3.4.5", NULL },
	{ "127.1", NULL },
	{ "0x7f.0.0.1", NULL },
	{ "1.2.3.4 ", NULL },
	{ " 1.2.3.4", NULL },
	{ "", NULL },
	{ "1..2.3", NULL },
	{ "1.2.3.4\011", NULL },
	{ "1.2.3.1000", NULL },
	{ "1.2.3.0255", NULL },
	{ "10.0.0.255", "0a0000ff" },
};
static const struct vec pton6_vec[] = {
	{ "::", "00000000000000000000000000000000" },
	{ ":::", NULL },
	{ "::::", NULL },
	{ ":", NULL },
	{ "1:", NULL },
	{ ":1", NULL },
	{ "1::", "00010000000000000000000000000000" },
	{ "::1", "00000000000000000000000000000001" },
	{ "1::2", "00010000000000000000000000000002" },
	{ "1::2::3", NULL },
	{ "1:::2", NULL },
	{ "1:2:3:4:5:6:7:8", "00010002000300040005000600070008" },
	{ "1:2:3:4:5:6:7:8:9", NULL },
	{ "1:2:3:4:5:6:7", NULL },
	{ "1:2:3:4:5:6:7:", NULL },
	{ ":1:2:3:4:5:6:7", NULL },
	{ "1:2:3:4:5:6:7::", "00010002000300040005000600070000" },
	{ "::2:3:4:5:6:7:8", "00000002000300040005000600070008" },
	{ "1:2:3:4:5:6:7::8", NULL },
	{ "1::2:3:4:5:6:7:8", NULL },
	{ "::1:2:3:4:5:6:7:8", NULL },
	{ "fe80::1%lo", NULL },
	{ "FE80::ABCD", "fe80000000000000000000000000abcd" },
	{ "::fFFf:127.0.0.1", "00000000000000000000ffff7f000001" },
	{ "::ffff:1.2.3.4", "00000000000000000000ffff01020304" },
	{ "::1.2.3.4", "00000000000000000000000001020304" },
	{ "::1.2.3", NULL },
	{ "::1.2.3.04", NULL },
	{ "::256.1.2.3", NULL },
	{ "::1.2.3.4:5", NULL },
	{ "1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304" },
	{ "1:2:3:4:5:6:7:1.2.3.4", NULL },
	{ "1:2:3:4:5:1.2.3.4", NULL },
	{ "1:2:3:4:5::1.2.3.4", "00010002000300040005000001020304" },
	{ "1:2:3:4:5:6::1.2.3.4", NULL },
	{ "1.2.3.4", NULL },
	{ "::ffff:1a.2.3.4", NULL },
	{ "::12345", NULL },
	{ "::01234", NULL },
	{ "::0001", "00000000000000000000000000000001" },
	{ "::1 ", NULL },
	{ " ::1", NULL },
	{ "0:0:0:0:0:0:0:1", "00000000000000000000000000000001" },
	{ "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", "ffffffffffffffffffffffffffffffff" },
	{ "2001:db8::1:0:0:1", "20010db8000000000001000000000001" },
	{ "[::1]", NULL },
	{ "::1/128", NULL },
	{ "", NULL },
	{ "1::2:", NULL },
	{ "::1:", NULL },
	{ "::ffff:", NULL },
	{ "1:2:3:4:5:6::7:", NULL },
	{ "a:b:c:d:e:f::", "000a000b000c000d000e000f00000000" },
	{ "::a:b:c:d:e:f:0", "0000000a000b000c000d000e000f0000" },
	{ "1:2:3:4:5:6:7:8:", NULL },
};
static const struct vec ntop4_vec[] = {
	{ "00000000", "0.0.0.0" },
	{ "ffffffff", "255.255.255.255" },
	{ "7f000001", "127.0.0.1" },
	{ "0a00640a", "10.0.100.10" },
	{ "01020304", "1.2.3.4" },
	{ "c0a80001", "192.168.0.1" },
};
static const struct vec ntop6_vec[] = {
	{ "00000000000000000000000000000000", "::" },
	{ "00000000000000000000000000000001", "::1" },
	{ "00000000000000000000000000000002", "::2" },
	{ "00000000000000000000000000000100", "::100" },
	{ "00000000000000000000000000010000", "::0.1.0.0" },
	{ "00000000000000000000000001020304", "::1.2.3.4" },
	{ "00000000000000000000ffff01020304", "::ffff:1.2.3.4" },
	{ "00000000000000000000ffff00000000", "::ffff:0.0.0.0" },
	{ "0000000000000000ffff000001020304", "::ffff:0:102:304" },
	{ "00000000000000000000fffe01020304", "::fffe:102:304" },
	{ "00010000000000000000000000000000", "1::" },
	{ "00010000000000010000000000000001", "1:0:0:1::1" },
	{ "00010000000000000001000000000001", "1::1:0:0:1" },
	{ "00010000000100000000000100000001", "1:0:1::1:0:1" },
	{ "00010000000000010000000000010000", "1::1:0:0:1:0" },
	{ "00000001000000000000000100000000", "0:1::1:0:0" },
	{ "20010db8000000000001000000000001", "2001:db8::1:0:0:1" },
	{ "fe800000000000000000000000000001", "fe80::1" },
	{ "ffffffffffffffffffffffffffffffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
	{ "00010002000300040005000600070008", "1:2:3:4:5:6:7:8" },
	{ "0000000100000000000000000000000a", "0:1::a" },
	{ "00000000000000000000ffff00000001", "::ffff:0.0.0.1" },
	{ "00000000000000000000000100000000", "::1:0:0" },
	{ "abcd0000000000000000000000000001", "abcd::1" },
	{ "00000000000000010000000000000000", "0:0:0:1::" },
};

static int passed, failed;

static void check(int ok, const char *what, const char *in, const char *got, const char *want)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	printf("FAIL %s [", what);
	for (; *in; in++)
		printf((unsigned char)*in < 32 || (unsigned char)*in > 126 ? "\\x%02x" : "%c", (unsigned char)*in);
	printf("]: got %s, want %s\n", got ? got : "(invalid)", want ? want : "(invalid)");
}

static void tohex(char *dst, const uint8_t *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) sprintf(dst + 2 * i, "%02x", b[i]);
}

static size_t unhex(uint8_t *dst, const char *h)
{
	size_t n = 0;
	unsigned x;

	for (; h[0] && h[1]; h += 2) {
		sscanf(h, "%2x", &x);
		dst[n++] = x;
	}
	return n;
}

static void parse_table(const char *what, const struct vec *v, size_t nv, int af)
{
	size_t i, n = af == WS_AF_INET6 ? 16 : 4;
	uint8_t out[16];
	char hex[33];
	int r;

	for (i = 0; i < nv; i++) {
		memset(out, 0xa5, sizeof out);
		r = af ? ws_inet_pton(af, v[i].in, strlen(v[i].in), out)
		       : ws_inet_aton(v[i].in, strlen(v[i].in), out);
		tohex(hex, out, n);
		check(v[i].want ? r == 1 && !strcmp(hex, v[i].want) : r == 0,
		      what, v[i].in, r == 1 ? hex : NULL, v[i].want);
		if (!v[i].want)
			check(out[0] == 0xa5 && out[n - 1] == 0xa5, "untouched on failure", v[i].in, NULL, NULL);
	}
}

static void ntop_table(const char *what, const struct vec *v, size_t nv, int af)
{
	uint8_t in[16], back[16];
	char buf[64];
	size_t i, n, len;

	for (i = 0; i < nv; i++) {
		n = unhex(in, v[i].in);
		len = ws_inet_ntop(af, in, buf, sizeof buf);
		check(len == strlen(v[i].want) && !strcmp(buf, v[i].want), what, v[i].in, len ? buf : NULL, v[i].want);
		check(ws_inet_pton(af, buf, len, back) == 1 && !memcmp(back, in, n), "ntop/pton round trip", v[i].in, buf, v[i].want);
		memset(buf, 'Z', sizeof buf);
		len = ws_inet_ntop(af, in, buf, strlen(v[i].want) + 1);
		check(len == strlen(v[i].want) && !strcmp(buf, v[i].want), "ntop exact cap", v[i].in, buf, v[i].want);
		memset(buf, 'Z', sizeof buf);
		len = ws_inet_ntop(af, in, buf, strlen(v[i].want));
		check(len == 0 && buf[0] == 'Z', "ntop cap too small", v[i].in, len ? buf : NULL, NULL);
	}
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void expect(int got, int want, const char *what)
{
	char g[16], w[16];

	sprintf(g, "%d", got);
	sprintf(w, "%d", want);
	check(got == want, what, "", g, w);
}

static void bytes_eq(const uint8_t *got, const char *want, size_t n, const char *what)
{
	char hex[33];

	tohex(hex, got, n);
	check(!strcmp(hex, want), what, "", hex, want);
}

static void special(void)
{
	static const char unterminated[7] = { '1', '.', '2', '.', '3', '.', '4' };
	static const char six[3] = { ':', ':', '1' };
	uint8_t out[16];
	char buf[64];

	/* len bounds the string */
	expect(ws_inet_aton("1.2.3.45", 7, out), 1, "aton len 7");
	bytes_eq(out, "01020304", 4, "aton len 7 value");
	expect(ws_inet_aton("1.2.3.4", 5, out), 1, "aton len 5 is 1.2.3");
	bytes_eq(out, "01020003", 4, "aton len 5 value");
	expect(ws_inet_aton("0x1", 2, out), 0, "aton len cuts 0x");
	expect(ws_inet_aton(unterminated, sizeof unterminated, out), 1, "aton unterminated");
	expect(ws_inet_pton(WS_AF_INET, unterminated, sizeof unterminated, out), 1, "pton4 unterminated");
	bytes_eq(out, "01020304", 4, "pton4 unterminated value");
	expect(ws_inet_pton(WS_AF_INET, "1.2.3.45", 7, out), 1, "pton4 len 7");
	expect(ws_inet_pton(WS_AF_INET, "1.2.3.4", 6, out), 0, "pton4 len 6");
	expect(ws_inet_pton(WS_AF_INET6, six, sizeof six, out), 1, "pton6 unterminated");
	bytes_eq(out, "00000000000000000000000000000001", 16, "pton6 unterminated value");
	expect(ws_inet_pton(WS_AF_INET6, "::1:2", 3, out), 1, "pton6 len 3");
	expect(ws_inet_pton(WS_AF_INET6, "1::2", 2, out), 0, "pton6 len 2 is '1:'");
	expect(ws_inet_pton(WS_AF_INET6, "::1.2.3.45", 9, out), 1, "pton6 len cuts v4 tail");
	bytes_eq(out, "00000000000000000000000001020304", 16, "pton6 v4 tail value");
	/* zero length */
	expect(ws_inet_aton("1", 0, out), 0, "aton len 0");
	expect(ws_inet_pton(WS_AF_INET, "1.2.3.4", 0, out), 0, "pton4 len 0");
	expect(ws_inet_pton(WS_AF_INET6, "::", 0, out), 0, "pton6 len 0");
	/* an embedded NUL ends the string */
	expect(ws_inet_aton("1.2.3.4\0junk", 12, out), 1, "aton NUL then junk");
	expect(ws_inet_aton("1.2\0.3.4", 8, out), 1, "aton NUL cuts to 1.2");
	bytes_eq(out, "01000002", 4, "aton NUL value");
	expect(ws_inet_aton("\0" "1", 2, out), 0, "aton leading NUL");
	expect(ws_inet_pton(WS_AF_INET, "1.2.3.4\0" "5", 9, out), 1, "pton4 NUL");
	expect(ws_inet_pton(WS_AF_INET, "1.2\0.3.4", 8, out), 0, "pton4 NUL cuts");
	expect(ws_inet_pton(WS_AF_INET6, "::1\0:2", 6, out), 1, "pton6 NUL");
	bytes_eq(out, "00000000000000000000000000000001", 16, "pton6 NUL value");
	expect(ws_inet_pton(WS_AF_INET6, "1:\0:2", 5, out), 0, "pton6 NUL cuts to '1:'");
	/* families */
	expect(ws_inet_pton(0, "1.2.3.4", 7, out), -1, "pton af 0");
	expect(ws_inet_pton(1, "1.2.3.4", 7, out), -1, "pton af 1");
	expect(ws_inet_pton(23, "::1", 3, out), -1, "pton af 23");
	expect(ws_inet_pton(-1, "", 0, out), -1, "pton af -1 empty");
	expect((int)ws_inet_ntop(0, out, buf, sizeof buf), 0, "ntop af 0");
	expect((int)ws_inet_ntop(28, out, buf, sizeof buf), 0, "ntop af 28");
	expect((int)ws_inet_ntop(WS_AF_INET, out, buf, 0), 0, "ntop4 cap 0");
	expect((int)ws_inet_ntop(WS_AF_INET6, out, buf, 0), 0, "ntop6 cap 0");
	/* longest possible outputs */
	memset(out, 0xff, 16);
	expect((int)ws_inet_ntop(WS_AF_INET, out, buf, 16), 15, "ntop4 255.255.255.255 in 16");
	expect((int)ws_inet_ntop(WS_AF_INET6, out, buf, 40), 39, "ntop6 all-f in 40");
	memset(out, 0, 10);
	expect((int)ws_inet_ntop(WS_AF_INET6, out, buf, 23), 22, "ntop6 ::ffff:255.255.255.255 in 23");
	check(!strcmp(buf, "::ffff:255.255.255.255"), "ntop6 mapped text", "", buf, "::ffff:255.255.255.255");
}

int main(void)
{
	parse_table("inet_aton", aton_vec, N(aton_vec), 0);
	parse_table("inet_pton AF_INET", pton4_vec, N(pton4_vec), WS_AF_INET);
	parse_table("inet_pton AF_INET6", pton6_vec, N(pton6_vec), WS_AF_INET6);
	ntop_table("inet_ntop AF_INET", ntop4_vec, N(ntop4_vec), WS_AF_INET);
	ntop_table("inet_ntop AF_INET6", ntop6_vec, N(ntop6_vec), WS_AF_INET6);
	special();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
