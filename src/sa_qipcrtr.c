// SPDX-License-Identifier: MIT
/* AF_QIPCRTR: (node, port) <-> struct sockaddr_qrtr (12 bytes: family, pad, u32 node, port). */
#include "core.h"

#define WS_SA_QRTR_LEN 12

int ws_sa_qipcrtr_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[2];
	uint32_t n, node, port;
	(void)fname;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("getsockaddrarg: AF_QIPCRTR address must be tuple, not %s",
		                     wv_typename(addr));
	if (ws_sa_items(addr, 2, 2, it, &n) < 0)
		return ws_type_error("getsockaddrarg: AF_QIPCRTR address must be a pair (node, port)");
	if (wv_cuint_mask(&it[0], "node", &node) < 0 || wv_cuint_mask(&it[1], "port", &port) < 0)
		return WS_RAISED;
	ws_put16le(buf, WS_AF_QIPCRTR);
	ws_put32le(buf + 4, node);
	ws_put32le(buf + 8, port);
	*len = WS_SA_QRTR_LEN;
	return 0;
}

int ws_sa_qipcrtr_decode(const uint8_t *buf, uint32_t len)
{
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_QRTR_LEN);
	if (!a || ws_out_list(2) < 0 || ws_out_int(ws_get32le(a + 4)) < 0)
		return WS_RAISED;
	return ws_out_int(ws_get32le(a + 8));
}
