// SPDX-License-Identifier: MIT
/* CMSG_LEN / CMSG_SPACE of the native 64-bit Linux layout: a 16-byte cmsghdr, 8-byte alignment. */
#include "core.h"

#define WS_CMSG_ALIGN(n) (((n) + 7) & ~(uint64_t)7)
#define WS_CMSG_HDR 16u
#define WS_SOCKLEN_LIMIT 0x7fffffffu

static int ws__cmsg(ws_args *a, int space)
{
	const wv *v = ws_arg(a, 0);
	int64_t n;
	if (wv_int64(v, a->fname, &n) < 0) {
		if (ws_err.kind == WS_ERR_VALUE)
			return ws_value_error("%s() argument out of range", a->fname);
		return WS_RAISED;
	}
	uint64_t len = (uint64_t)n;
	uint64_t r = space ? WS_CMSG_HDR + WS_CMSG_ALIGN(len) : WS_CMSG_HDR + len;
	/* CPython's bounds: the argument leaves room for CMSG_LEN(0) or CMSG_SPACE(1). */
	uint64_t max = WS_SOCKLEN_LIMIT - (space ? WS_CMSG_HDR + 8 : WS_CMSG_HDR);
	if (n < 0 || len > max || r > WS_SOCKLEN_LIMIT)
		return ws_value_error("%s() argument out of range", a->fname);
	return ws_out_int((int64_t)r);
}

int ws_fn_CMSG_LEN(ws_args *a) { return ws__cmsg(a, 0); }
int ws_fn_CMSG_SPACE(ws_args *a) { return ws__cmsg(a, 1); }
