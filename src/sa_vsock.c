// SPDX-License-Identifier: MIT
/*
 * AF_VSOCK: (cid, port) <-> struct sockaddr_vm (16 bytes: family, reserved, u32 port,
 * u32 cid, u8 flags, zero[3]).
 */
#include "core.h"

#define WS_SA_VM_LEN 16

int ws_sa_vsock_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[2];
	uint32_t n, cid, port;
	(void)fname;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("getsockaddrarg: AF_VSOCK address must be tuple, not %s",
		                     wv_typename(addr));
	if (ws_sa_items(addr, 2, 2, it, &n) < 0)
		return ws_type_error("getsockaddrarg: AF_VSOCK address must be a pair (cid, port)");
	if (wv_cuint_mask(&it[0], "cid", &cid) < 0 || wv_cuint_mask(&it[1], "port", &port) < 0)
		return WS_RAISED;
	ws_put16le(buf, WS_AF_VSOCK);
	ws_put32le(buf + 4, port);
	ws_put32le(buf + 8, cid);
	*len = WS_SA_VM_LEN;
	return 0;
}

int ws_sa_vsock_decode(const uint8_t *buf, uint32_t len)
{
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_VM_LEN);
	if (!a || ws_out_list(2) < 0 || ws_out_int(ws_get32le(a + 8)) < 0)
		return WS_RAISED;
	return ws_out_int(ws_get32le(a + 4));
}
