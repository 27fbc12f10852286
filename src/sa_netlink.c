// SPDX-License-Identifier: MIT
/* AF_NETLINK: (pid, groups) <-> struct sockaddr_nl (12 bytes: family, pad, u32 pid, groups). */
#include "core.h"

#define WS_SA_NL_LEN 12

int ws_sa_netlink_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[2];
	uint32_t n, pid, groups;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_NETLINK address must be tuple, not %s", fname,
		                     wv_typename(addr));
	if (ws_sa_items(addr, 2, 2, it, &n) < 0 || wv_cuint_mask(&it[0], "pid", &pid) < 0 ||
	    wv_cuint_mask(&it[1], "groups", &groups) < 0) {
		if (ws_err.kind == WS_ERR_VALUE)
			return WS_RAISED;
		return ws_type_error("AF_NETLINK address must be a pair (pid, groups)");
	}
	ws_put16le(buf, WS_AF_NETLINK);
	ws_put32le(buf + 4, pid);
	ws_put32le(buf + 8, groups);
	*len = WS_SA_NL_LEN;
	return 0;
}

int ws_sa_netlink_decode(const uint8_t *buf, uint32_t len)
{
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_NL_LEN);
	if (!a || ws_out_list(2) < 0 || ws_out_int(ws_get32le(a + 4)) < 0)
		return WS_RAISED;
	return ws_out_int(ws_get32le(a + 8));
}
