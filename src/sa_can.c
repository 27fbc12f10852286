// SPDX-License-Identifier: MIT
/*
 * AF_CAN <-> struct sockaddr_can (24 bytes: family, int ifindex at 4, then at 8 either
 * u32 rx_id, tx_id (ISO-TP) or u64 name, u32 pgn at 16, u8 addr at 20 (J1939)).
 * The socket's protocol picks the shape: CAN_RAW, CAN_BCM (interface,);
 * CAN_ISOTP (interface, rx_id, tx_id); CAN_J1939 (interface, name, pgn, addr).
 */
#include <string.h>

#include "core.h"

#define WS_SA_CAN_LEN 24

/* PyUnicode_FSConverter: str or bytes, no NUL. */
static int can_name(const wv *v, const uint8_t **p, uint32_t *n)
{
	if (wv_strbytes(v, "AF_CAN interface", p, n, NULL) < 0)
		return WS_RAISED;
	if (memchr(*p, 0, *n))
		return ws_value_error("AF_CAN interface: embedded null byte");
	return 0;
}

/* CPython's ifreq rules: '' is any interface, 16 bytes or more is too long. */
static int can_ifindex(const uint8_t *p, uint32_t n, int32_t *index)
{
	if (n == 0) {
		*index = 0;
		return 0;
	}
	if (n >= 16)
		return ws_raise(WS_ERR_OS, 0, "AF_CAN interface name too long");
	return ws_sa_ifindex(p, n, index);
}

/* Python's "K": any integer, masked to 64 bits. */
static int can_u64(const wv *v, const char *what, uint64_t *out)
{
	int64_t x;
	if (wv_tag(v) == WV_UINT64) {
		*out = ws_get64le(v->p + 1);
		return 0;
	}
	if (wv_tag(v) == WV_HUGE)
		return ws_value_error("%s must fit in 64 bits", what);
	if (wv_int64(v, what, &x) < 0)
		return WS_RAISED;
	*out = (uint64_t)x;
	return 0;
}

int ws_sa_can_encode(int proto, const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[4];
	uint32_t n, namelen;
	const uint8_t *name;
	int32_t index;
	switch (proto) {
	case WS_CAN_RAW:
	case WS_CAN_BCM:
		if (!addr || wv_tag(addr) != WV_LIST)
			return ws_type_error("%s(): AF_CAN address must be tuple, not %s", fname,
			                     wv_typename(addr));
		if (ws_sa_items(addr, 1, 1, it, &n) < 0)
			return ws_type_error("AF_CAN address must be a tuple (interface, )");
		if (can_name(&it[0], &name, &namelen) < 0 || can_ifindex(name, namelen, &index) < 0)
			return WS_RAISED;
		break;
	case WS_CAN_ISOTP: {
		uint32_t rx, tx;
		if (ws_sa_items(addr, 3, 3, it, &n) < 0)
			return ws_type_error("%s(): AF_CAN ISO-TP address must be a tuple "
			                     "(interface, rx_id, tx_id)", fname);
		if (can_name(&it[0], &name, &namelen) < 0 || wv_cuint_mask(&it[1], "rx_id", &rx) < 0 ||
		    wv_cuint_mask(&it[2], "tx_id", &tx) < 0 || can_ifindex(name, namelen, &index) < 0)
			return WS_RAISED;
		ws_put32le(buf + 8, rx);
		ws_put32le(buf + 12, tx);
		break;
	}
	case WS_CAN_J1939: {
		uint64_t j1939_name = 0;
		uint32_t pgn, a;
		if (ws_sa_items(addr, 4, 4, it, &n) < 0)
			return ws_type_error("%s(): AF_CAN J1939 address must be a tuple "
			                     "(interface, name, pgn, addr)", fname);
		if (can_name(&it[0], &name, &namelen) < 0 || can_u64(&it[1], "name", &j1939_name) < 0 ||
		    wv_cuint_mask(&it[2], "pgn", &pgn) < 0 || wv_cuint_mask(&it[3], "addr", &a) < 0 ||
		    can_ifindex(name, namelen, &index) < 0)
			return WS_RAISED;
		ws_put64le(buf + 8, j1939_name);
		ws_put32le(buf + 16, pgn);
		buf[20] = (uint8_t)a;
		break;
	}
	default:
		return ws_raise(WS_ERR_OS, 0, "%s(): unsupported CAN protocol", fname);
	}
	ws_put16le(buf, WS_AF_CAN);
	ws_put32le(buf + 4, (uint32_t)index);
	*len = WS_SA_CAN_LEN;
	return 0;
}

int ws_sa_can_decode(const uint8_t *buf, uint32_t len, int proto)
{
	char ifname[16];
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_CAN_LEN);
	if (!a)
		return WS_RAISED;
	ws_sa_ifname((int32_t)ws_get32le(a + 4), ifname);
	switch (proto) {
	case WS_CAN_ISOTP:
		if (ws_out_list(3) < 0 || ws_out_cstr(ifname) < 0 || ws_out_int(ws_get32le(a + 8)) < 0)
			return WS_RAISED;
		return ws_out_int(ws_get32le(a + 12));
	case WS_CAN_J1939:
		if (ws_out_list(4) < 0 || ws_out_cstr(ifname) < 0 ||
		    ws_out_bigint(ws_get64le(a + 8)) < 0 || ws_out_int(ws_get32le(a + 16)) < 0)
			return WS_RAISED;
		return ws_out_int(a[20]);
	}
	if (ws_out_list(1) < 0)
		return WS_RAISED;
	return ws_out_cstr(ifname);
}
