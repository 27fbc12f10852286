// SPDX-License-Identifier: MIT
/*
 * AF_TIPC: (addr_type, v1, v2, v3[, scope]) <-> struct sockaddr_tipc (16 bytes: family,
 * u8 addrtype, s8 scope, then u32 type/lower/upper (NAMESEQ), type/instance/domain (NAME)
 * or ref/node (ID)).
 */
#include "core.h"

#define WS_SA_TIPC_LEN 16

int ws_sa_tipc_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[5];
	uint32_t n, v[5];
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_TIPC address must be tuple, not %s", fname,
		                     wv_typename(addr));
	v[4] = WS_TIPC_CLUSTER_SCOPE;
	if (ws_sa_items(addr, 4, 5, it, &n) < 0)
		return ws_type_error("AF_TIPC address must be a tuple (addr_type, v1, v2, v3[, scope])");
	for (uint32_t i = 0; i < n; i++)
		if (wv_cuint_mask(&it[i], "AF_TIPC address", &v[i]) < 0)
			return ws_type_error("AF_TIPC address must be a tuple "
			                     "(addr_type, v1, v2, v3[, scope])");
	ws_put16le(buf, WS_AF_TIPC);
	buf[2] = (uint8_t)v[0];
	buf[3] = (uint8_t)v[4];
	switch (v[0]) {
	case WS_TIPC_ADDR_NAMESEQ:
		ws_put32le(buf + 4, v[1]);
		ws_put32le(buf + 8, v[2]);
		ws_put32le(buf + 12, v[3]);
		break;
	case WS_TIPC_ADDR_NAME:
		ws_put32le(buf + 4, v[1]);
		ws_put32le(buf + 8, v[2]);
		break;
	case WS_TIPC_ADDR_ID:
		ws_put32le(buf + 8, v[1]);
		ws_put32le(buf + 4, v[2]);
		break;
	default:
		return ws_type_error("Invalid address type");
	}
	*len = WS_SA_TIPC_LEN;
	return 0;
}

int ws_sa_tipc_decode(const uint8_t *buf, uint32_t len)
{
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_TIPC_LEN);
	if (!a)
		return WS_RAISED;
	uint32_t v1, v2, v3;
	switch (a[2]) {
	case WS_TIPC_ADDR_NAMESEQ:
		v1 = ws_get32le(a + 4), v2 = ws_get32le(a + 8), v3 = ws_get32le(a + 12);
		break;
	case WS_TIPC_ADDR_NAME:
		v1 = ws_get32le(a + 4), v2 = v3 = ws_get32le(a + 8);
		break;
	case WS_TIPC_ADDR_ID:
		v1 = ws_get32le(a + 8), v2 = ws_get32le(a + 4), v3 = 0;
		break;
	default:
		return ws_value_error("Invalid address type");
	}
	/* The scope is a signed char that CPython shows as an unsigned int. */
	if (ws_out_list(5) < 0 || ws_out_int(a[2]) < 0 || ws_out_int(v1) < 0 ||
	    ws_out_int(v2) < 0 || ws_out_int(v3) < 0)
		return WS_RAISED;
	return ws_out_int((uint32_t)(int32_t)(int8_t)a[3]);
}
