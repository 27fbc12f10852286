// SPDX-License-Identifier: MIT
/*
 * AF_ALG: (type, name[, feat[, mask]]) <-> struct sockaddr_alg (88 bytes: family,
 * u8 type[14], u32 feat, u32 mask, u8 name[64]). Like CPython, feat and mask pass
 * through a C unsigned short.
 */
#include <string.h>

#include "core.h"

#define WS_SA_ALG_LEN 88

int ws_sa_alg_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[4];
	uint32_t n, tlen, nlen, feat = 0, mask = 0;
	const uint8_t *type, *name;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_ALG address must be tuple, not %s", fname,
		                     wv_typename(addr));
	if (ws_sa_items(addr, 2, 4, it, &n) < 0 || wv_tag(&it[0]) != WV_STR ||
	    wv_tag(&it[1]) != WV_STR)
		return ws_type_error("AF_ALG address must be a tuple (type, name[, feat[, mask]])");
	if (wv_cstr(&it[0], "AF_ALG type", &type, &tlen) < 0 ||
	    wv_cstr(&it[1], "AF_ALG name", &name, &nlen) < 0)
		return WS_RAISED;
	if ((n > 2 && wv_cuint_mask(&it[2], "feat", &feat) < 0) ||
	    (n > 3 && wv_cuint_mask(&it[3], "mask", &mask) < 0))
		return ws_type_error("AF_ALG address must be a tuple (type, name[, feat[, mask]])");
	if (tlen >= 14)
		return ws_value_error("AF_ALG type too long.");
	if (nlen >= 64)
		return ws_value_error("AF_ALG name too long.");
	ws_put16le(buf, WS_AF_ALG);
	memcpy(buf + 2, type, tlen);
	ws_put32le(buf + 16, feat & 0xffff);
	ws_put32le(buf + 20, mask & 0xffff);
	memcpy(buf + 24, name, nlen);
	*len = WS_SA_ALG_LEN;
	return 0;
}

int ws_sa_alg_decode(const uint8_t *buf, uint32_t len)
{
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_ALG_LEN);
	if (!a)
		return WS_RAISED;
	const uint8_t *te = memchr(a + 2, 0, 14), *ne = memchr(a + 24, 0, 64);
	if (ws_out_list(4) < 0 || ws_out_str((const char *)a + 2, te ? (size_t)(te - a - 2) : 14) < 0 ||
	    ws_out_str((const char *)a + 24, ne ? (size_t)(ne - a - 24) : 64) < 0 ||
	    ws_out_int(ws_get32le(a + 16) & 0xffff) < 0)
		return WS_RAISED;
	return ws_out_int(ws_get32le(a + 20) & 0xffff);
}
