// SPDX-License-Identifier: MIT
/* AF_UNIX: path (str), or bytes for Linux's abstract namespace <-> struct sockaddr_un. */
#include <string.h>

#include "core.h"

#define WS_SUN_PATH 108

int ws_sa_unix_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	const uint8_t *p;
	uint32_t n;
	int t = wv_tag(addr);
	if (t != WV_STR && t != WV_BYTES)
		return ws_type_error("%s(): AF_UNIX address must be str or bytes-like, not %s",
		                     fname, wv_typename(addr));
	wv_strbytes(addr, "address", &p, &n, NULL);
	ws_put16le(buf, WS_AF_UNIX);
	if (n == 0 || p[0] == 0) {
		/* Linux abstract namespace, or autobind when empty: no terminating NUL. */
		if (n > WS_SUN_PATH)
			return ws_raise(WS_ERR_OS, 0, "AF_UNIX path too long");
		memcpy(buf + 2, p, n);
		*len = 2 + n;
		return 0;
	}
	if (n >= WS_SUN_PATH)
		return ws_raise(WS_ERR_OS, 0, "AF_UNIX path too long");
	memcpy(buf + 2, p, n);
	buf[2 + n] = 0;
	*len = 2 + n + 1;
	return 0;
}

int ws_sa_unix_decode(const uint8_t *buf, uint32_t len)
{
	size_t n = len - 2;
	const uint8_t *path = buf + 2;
	if (n > 0 && path[0] == 0)
		return ws_out_bytes(path, n);
	const uint8_t *nul = memchr(path, 0, n);
	return ws_out_str((const char *)path, nul ? (size_t)(nul - path) : n);
}
