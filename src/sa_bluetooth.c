// SPDX-License-Identifier: MIT
/*
 * AF_BLUETOOTH, by the socket's protocol (Linux/BlueZ layouts, bdaddr_t is 6 bytes
 * little-endian):
 *   L2CAP  (bdaddr, psm[, cid[, bdaddr_type]]) <-> sockaddr_l2 (14: family, u16 psm,
 *          bdaddr, u16 cid, u8 bdaddr_type)
 *   RFCOMM (bdaddr, channel) <-> sockaddr_rc (10: family, bdaddr, u8 channel)
 *   HCI    dev or (dev[, channel]) <-> sockaddr_hci (6: family, u16 dev, u16 channel)
 *   SCO    bdaddr <-> sockaddr_sco (8: family, bdaddr)
 * Text addresses are 'XX:XX:XX:XX:XX:XX', most significant byte first. CPython 3.11's
 * shapes are accepted and produced; the optional L2CAP cid/bdaddr_type, HCI channel and
 * str SCO addresses follow later CPython releases, which fixed 3.11's Bluetooth parsing.
 */
#include <string.h>

#include "core.h"

#define WS_BDADDR_BREDR 0
#define WS_HCI_CHANNEL_RAW 0

static int bt_wrong(const char *fname)
{
	return ws_raise(WS_ERR_OS, 0, "%s(): wrong format", fname);
}

static int hexval(uint8_t c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	     : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* CPython's setbdaddr: sscanf("%X:%X:%X:%X:%X:%X%c") gives 6 fields, each below 256. */
static int bt_parse(const uint8_t *s, uint32_t n, uint8_t out[6])
{
	uint32_t i = 0;
	for (int field = 5; field >= 0; field--) {
		uint32_t v = 0;
		int neg = 0, digits = 0;
		if (field != 5 && (i >= n || s[i++] != ':'))
			goto bad;
		while (i < n && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')))
			i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			neg = s[i++] == '-';
		if (i + 1 < n && s[i] == '0' && (s[i + 1] | 0x20) == 'x' && i + 2 < n &&
		    hexval(s[i + 2]) >= 0)
			i += 2;
		for (; i < n && hexval(s[i]) >= 0; i++, digits++)
			v = v > 0xffff ? v : v * 16 + (uint32_t)hexval(s[i]);
		if (!digits || (neg && v) || v > 255)
			goto bad;
		out[field] = (uint8_t)v;
	}
	if (i == n)
		return 0;
bad:
	return ws_raise(WS_ERR_OS, 0, "bad bluetooth address");
}

static int bt_addr(const wv *v, uint8_t out[6])
{
	const uint8_t *p;
	uint32_t n;
	if (wv_cstr(v, "bluetooth address", &p, &n) < 0)
		return WS_RAISED;
	return bt_parse(p, n, out);
}

static int out_bdaddr(const uint8_t *b)
{
	static const char hex[] = "0123456789ABCDEF";
	char s[17];
	for (int i = 0; i < 6; i++) {
		s[i * 3] = hex[b[5 - i] >> 4];
		s[i * 3 + 1] = hex[b[5 - i] & 15];
		if (i < 5)
			s[i * 3 + 2] = ':';
	}
	return ws_out_str(s, 17);
}

static int bt_mask(const wv *v, uint32_t m, uint32_t *out)
{
	if (wv_cuint_mask(v, "bluetooth address", out) < 0)
		return WS_RAISED;
	*out &= m;
	return 0;
}

int ws_sa_bluetooth_encode(int proto, const wv *addr, const char *fname, uint8_t *buf,
                           uint32_t *len)
{
	wv it[4];
	uint32_t n, x[3] = { 0, 0, WS_BDADDR_BREDR };
	ws_put16le(buf, WS_AF_BLUETOOTH);
	switch (proto) {
	case WS_BTPROTO_L2CAP:
		if (ws_sa_items(addr, 2, 4, it, &n) < 0 || wv_tag(&it[0]) != WV_STR ||
		    memchr(it[0].p + 5, 0, ws_get32le(it[0].p + 1)) || bt_mask(&it[1], 0xffff, &x[0]) < 0 ||
		    (n > 2 && bt_mask(&it[2], 0xffff, &x[1]) < 0) ||
		    (n > 3 && bt_mask(&it[3], 0xff, &x[2]) < 0))
			return bt_wrong(fname);
		ws_put16le(buf + 2, (uint16_t)x[0]);
		ws_put16le(buf + 10, (uint16_t)x[1]);
		buf[12] = (uint8_t)x[2];
		*len = 14;
		return bt_addr(&it[0], buf + 4);
	case WS_BTPROTO_RFCOMM:
		if (ws_sa_items(addr, 2, 2, it, &n) < 0 || wv_tag(&it[0]) != WV_STR ||
		    memchr(it[0].p + 5, 0, ws_get32le(it[0].p + 1)) || bt_mask(&it[1], 0xff, &x[0]) < 0)
			return bt_wrong(fname);
		buf[8] = (uint8_t)x[0];
		*len = 10;
		return bt_addr(&it[0], buf + 2);
	case WS_BTPROTO_HCI: {
		/* dev, or (dev[, channel]); both pass through C unsigned shorts. */
		uint32_t dev, channel = WS_HCI_CHANNEL_RAW;
		int t = wv_tag(addr);
		if (addr && (t == WV_INT || t == WV_BOOL || t == WV_UINT64 || t == WV_HUGE)) {
			if (bt_mask(addr, 0xffff, &dev) < 0)
				return WS_RAISED;
		} else if (ws_sa_items(addr, 1, 2, it, &n) < 0 || bt_mask(&it[0], 0xffff, &dev) < 0 ||
		           (n > 1 && bt_mask(&it[1], 0xffff, &channel) < 0)) {
			return bt_wrong(fname);
		}
		ws_put16le(buf + 2, (uint16_t)dev);
		ws_put16le(buf + 4, (uint16_t)channel);
		*len = 6;
		return 0;
	}
	case WS_BTPROTO_SCO: {
		const uint8_t *p;
		uint32_t l;
		int t = wv_tag(addr);
		if (!addr || (t != WV_STR && t != WV_BYTES))
			return bt_wrong(fname);
		wv_strbytes(addr, "bluetooth address", &p, &l, NULL);
		if (memchr(p, 0, l))
			return ws_value_error("bluetooth address: embedded null %s",
			                      t == WV_STR ? "character" : "byte");
		*len = 8;
		return bt_parse(p, l, buf + 2);
	}
	}
	return ws_raise(WS_ERR_OS, 0, "%s(): unknown Bluetooth protocol", fname);
}

int ws_sa_bluetooth_decode(const uint8_t *buf, uint32_t len, int proto)
{
	const uint8_t *a = ws_sa_padded(buf, len, 14);
	if (!a)
		return WS_RAISED;
	switch (proto) {
	case WS_BTPROTO_L2CAP: {
		uint16_t cid = ws_get16le(a + 10);
		uint32_t n = a[12] != WS_BDADDR_BREDR ? 4 : cid ? 3 : 2;
		if (ws_out_list(n) < 0 || out_bdaddr(a + 4) < 0 || ws_out_int(ws_get16le(a + 2)) < 0 ||
		    (n > 2 && ws_out_int(cid) < 0) || (n > 3 && ws_out_int(a[12]) < 0))
			return WS_RAISED;
		return 0;
	}
	case WS_BTPROTO_RFCOMM:
		if (ws_out_list(2) < 0 || out_bdaddr(a + 2) < 0)
			return WS_RAISED;
		return ws_out_int(a[8]);
	case WS_BTPROTO_HCI:
		if (ws_get16le(a + 4) == WS_HCI_CHANNEL_RAW)
			return ws_out_int(ws_get16le(a + 2));
		if (ws_out_list(2) < 0 || ws_out_int(ws_get16le(a + 2)) < 0)
			return WS_RAISED;
		return ws_out_int(ws_get16le(a + 4));
	case WS_BTPROTO_SCO:
		return out_bdaddr(a + 2);
	}
	return ws_value_error("Unknown Bluetooth protocol");
}
