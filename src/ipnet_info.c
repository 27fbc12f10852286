// SPDX-License-Identifier: MIT
/*
 * ip_address_info: the special-range properties of Python's ipaddress.ip_address.
 * The tables are CPython's with the CVE-2024-4032 fix (3.11.10, 3.12.4, 3.13; Debian
 * 12's python3 3.11.2-6+deb12u2): IANA's "not globally reachable" blocks.
 */
#include <string.h>

#include "core.h"
#include "inet.h"
#include "ipnet.h"

/* A range: its first bytes (the rest zero) and prefix length; tables end at len 0. */
struct ws__range {
	uint8_t net[16];
	uint8_t len;
};

static const struct ws__range v4_private[] = {
	{ { 0, 0, 0, 0 }, 8 }, { { 10, 0, 0, 0 }, 8 }, { { 127, 0, 0, 0 }, 8 },
	{ { 169, 254, 0, 0 }, 16 }, { { 172, 16, 0, 0 }, 12 }, { { 192, 0, 0, 0 }, 24 },
	{ { 192, 0, 0, 170 }, 31 }, { { 192, 0, 2, 0 }, 24 }, { { 192, 168, 0, 0 }, 16 },
	{ { 198, 18, 0, 0 }, 15 }, { { 198, 51, 100, 0 }, 24 }, { { 203, 0, 113, 0 }, 24 },
	{ { 240, 0, 0, 0 }, 4 }, { { 255, 255, 255, 255 }, 32 }, { { 0 }, 0 },
};
static const struct ws__range v4_private_except[] = {
	{ { 192, 0, 0, 9 }, 32 }, { { 192, 0, 0, 10 }, 32 }, { { 0 }, 0 },
};
static const struct ws__range v4_shared[] = { { { 100, 64, 0, 0 }, 10 }, { { 0 }, 0 } };
static const struct ws__range v4_loopback[] = { { { 127, 0, 0, 0 }, 8 }, { { 0 }, 0 } };
static const struct ws__range v4_link_local[] = { { { 169, 254, 0, 0 }, 16 }, { { 0 }, 0 } };
static const struct ws__range v4_multicast[] = { { { 224, 0, 0, 0 }, 4 }, { { 0 }, 0 } };
static const struct ws__range v4_reserved[] = { { { 240, 0, 0, 0 }, 4 }, { { 0 }, 0 } };

/* IPv6 as bytes: 2001:db8:: is { 0x20, 0x01, 0x0d, 0xb8 }. */
static const struct ws__range v6_private[] = {
	{ { [15] = 1 }, 128 },                          /* ::1/128 */
	{ { 0 }, 128 },                                 /* ::/128 */
	{ { [10] = 0xff, 0xff }, 96 },                  /* ::ffff:0:0/96 */
	{ { 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01 }, 48 }, /* 64:ff9b:1::/48 */
	{ { 0x01, 0x00 }, 64 },                         /* 100::/64 */
	{ { 0x20, 0x01 }, 23 },                         /* 2001::/23 */
	{ { 0x20, 0x01, 0x0d, 0xb8 }, 32 },             /* 2001:db8::/32 */
	{ { 0x20, 0x02 }, 16 },                         /* 2002::/16 */
	{ { 0xfc }, 7 },                                /* fc00::/7 */
	{ { 0xfe, 0x80 }, 10 },                         /* fe80::/10 */
	{ { 0 }, 0 },
};
static const struct ws__range v6_private_except[] = {
	{ { 0x20, 0x01, 0x00, 0x01, [15] = 1 }, 128 },  /* 2001:1::1/128 */
	{ { 0x20, 0x01, 0x00, 0x01, [15] = 2 }, 128 },  /* 2001:1::2/128 */
	{ { 0x20, 0x01, 0x00, 0x03 }, 32 },             /* 2001:3::/32 */
	{ { 0x20, 0x01, 0x00, 0x04, 0x01, 0x12 }, 48 }, /* 2001:4:112::/48 */
	{ { 0x20, 0x01, 0x00, 0x20 }, 28 },             /* 2001:20::/28 */
	{ { 0x20, 0x01, 0x00, 0x30 }, 28 },             /* 2001:30::/28 */
	{ { 0 }, 0 },
};
static const struct ws__range v6_link_local[] = { { { 0xfe, 0x80 }, 10 }, { { 0 }, 0 } };
static const struct ws__range v6_multicast[] = { { { 0xff }, 8 }, { { 0 }, 0 } };
/* ::/8 100::/8 200::/7 400::/6 800::/5 1000::/4 4000::/3 6000::/3 8000::/3 a000::/3
   c000::/3 e000::/4 f000::/5 f800::/6 fe00::/9 */
static const struct ws__range v6_reserved[] = {
	{ { 0x00 }, 8 }, { { 0x01 }, 8 }, { { 0x02 }, 7 }, { { 0x04 }, 6 }, { { 0x08 }, 5 },
	{ { 0x10 }, 4 }, { { 0x40 }, 3 }, { { 0x60 }, 3 }, { { 0x80 }, 3 }, { { 0xa0 }, 3 },
	{ { 0xc0 }, 3 }, { { 0xe0 }, 4 }, { { 0xf0 }, 5 }, { { 0xf8 }, 6 }, { { 0xfe }, 9 },
	{ { 0 }, 0 },
};

/* Whether a lies in any range of the table ("::/128" has len 128: tables end at len 0). */
static int ws__in(const uint8_t *a, int version, const struct ws__range *t)
{
	unsigned bytes = version == 4 ? 4 : 16;
	uint8_t x[16];
	for (; t->len; t++) {
		memcpy(x, a, bytes);
		ws_ipnet_mask(x, bytes, t->len);
		if (!memcmp(x, t->net, bytes))
			return 1;
	}
	return 0;
}

static int ws__is_private(const uint8_t *a, int version)
{
	if (version == 4)
		return ws__in(a, 4, v4_private) && !ws__in(a, 4, v4_private_except);
	return ws__in(a, 6, v6_private) && !ws__in(a, 6, v6_private_except);
}

static const uint8_t ws__mapped_prefix[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

/* [[name, value], ...]: version, the is_* properties and ipv4_mapped (text or null). */
int ws_fn_ip_address_info(ws_args *a)
{
	struct ws_ipaddr ip;
	static const uint8_t zero[16], one[16] = { [15] = 1 };
	int mapped, private, global, loopback, link_local, multicast, reserved, unspecified;
	if (ws_ipaddr_arg(a, 0, &ip) < 0)
		return WS_RAISED;
	const uint8_t *p = ip.packed;
	if (ip.version == 4) {
		mapped = 0;
		private = ws__is_private(p, 4);
		global = !ws__in(p, 4, v4_shared) && !private;
		loopback = ws__in(p, 4, v4_loopback);
		link_local = ws__in(p, 4, v4_link_local);
		multicast = ws__in(p, 4, v4_multicast);
		reserved = ws__in(p, 4, v4_reserved);
		unspecified = !memcmp(p, zero, 4);
	} else {
		/* An IPv4-mapped address is private or global as its IPv4 address is. */
		mapped = !memcmp(p, ws__mapped_prefix, 12);
		private = mapped ? ws__is_private(p + 12, 4) : ws__is_private(p, 6);
		global = !private;
		loopback = !memcmp(p, one, 16);
		link_local = ws__in(p, 6, v6_link_local);
		multicast = ws__in(p, 6, v6_multicast);
		reserved = ws__in(p, 6, v6_reserved);
		unspecified = !memcmp(p, zero, 16);
	}
	static const char *const names[] = {
		"is_private", "is_global", "is_loopback", "is_link_local", "is_multicast",
		"is_reserved", "is_unspecified",
	};
	const int flags[] = { private, global, loopback, link_local, multicast, reserved,
	                      unspecified };
	if (ws_out_list(9) < 0 || ws_out_list(2) < 0 || ws_out_cstr("version") < 0 ||
	    ws_out_int(ip.version) < 0)
		return WS_RAISED;
	for (int i = 0; i < 7; i++)
		if (ws_out_list(2) < 0 || ws_out_cstr(names[i]) < 0 || ws_out_bool(flags[i]) < 0)
			return WS_RAISED;
	if (ws_out_list(2) < 0 || ws_out_cstr("ipv4_mapped") < 0)
		return WS_RAISED;
	if (!mapped)
		return ws_out_none();
	char text[16];
	return ws_out_str(text, ws_inet_ntop(WS_AF_INET, p + 12, text, sizeof text));
}
