// SPDX-License-Identifier: MIT
#include "core.h"

static int ws__u16(ws_args *a, int swap)
{
	const wv *v = ws_arg(a, 0);
	int32_t x;
	if (!v)
		return ws_type_error("%s() takes exactly one argument (0 given)", a->fname);
	if (wv_cint(v, a->fname, &x) < 0)
		return WS_RAISED;
	if (x < 0)
		return ws_value_error("%s: can't convert negative int to C 16-bit unsigned integer",
		                      a->fname);
	if (x > 0xffff)
		return ws_value_error("%s: int too large to convert to C 16-bit unsigned integer",
		                      a->fname);
	return ws_out_int(swap ? ws_get16be((const uint8_t[2]){ (uint8_t)x, (uint8_t)(x >> 8) }) : x);
}

static int ws__u32(ws_args *a)
{
	const wv *v = ws_arg(a, 0);
	uint64_t x;
	if (!v)
		return ws_type_error("%s() takes exactly one argument (0 given)", a->fname);
	if (wv_uint64(v, a->fname, &x) < 0)
		return WS_RAISED;
	if (x > 0xffffffffu)
		return ws_value_error("%s: int larger than 32 bits", a->fname);
	uint8_t b[4];
	ws_put32le(b, (uint32_t)x);
	return ws_out_int(ws_get32be(b));
}

/* Linux hosts of wasock are little-endian, so network order is always a swap. */
int ws_fn_htons(ws_args *a) { return ws__u16(a, 1); }
int ws_fn_ntohs(ws_args *a) { return ws__u16(a, 1); }
int ws_fn_htonl(ws_args *a) { return ws__u32(a); }
int ws_fn_ntohl(ws_args *a) { return ws__u32(a); }
