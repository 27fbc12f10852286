// SPDX-License-Identifier: MIT
/* inet_aton / inet_ntoa / inet_pton / inet_ntop with CPython's argument rules. */
#include "core.h"
#include "inet.h"

int ws_fn_inet_aton(ws_args *a)
{
	const uint8_t *s;
	uint32_t n;
	uint8_t out[4];
	if (wv_cstr(ws_arg(a, 0), "inet_aton() argument 1", &s, &n) < 0)
		return WS_RAISED;
	if (!ws_inet_aton((const char *)s, n, out))
		return ws_raise(WS_ERR_OS, 0, "illegal IP address string passed to inet_aton");
	return ws_out_bytes(out, 4);
}

int ws_fn_inet_ntoa(ws_args *a)
{
	const uint8_t *p;
	uint32_t n;
	char buf[16];
	if (wv_bytes(ws_arg(a, 0), "inet_ntoa() argument 1", &p, &n) < 0)
		return WS_RAISED;
	if (n != 4)
		return ws_raise(WS_ERR_OS, 0, "packed IP wrong length for inet_ntoa");
	return ws_out_str(buf, ws_inet_ntop(WS_AF_INET, p, buf, sizeof buf));
}

int ws_fn_inet_pton(ws_args *a)
{
	int32_t af;
	const uint8_t *s;
	uint32_t n;
	uint8_t out[16];
	if (wv_cint(ws_arg(a, 0), "inet_pton() argument 1", &af) < 0 ||
	    wv_cstr(ws_arg(a, 1), "inet_pton() argument 2", &s, &n) < 0)
		return WS_RAISED;
	int r = ws_inet_pton(af, (const char *)s, n, out);
	if (r < 0)
		return ws_os_error(-WS_EAFNOSUPPORT, "inet_pton");
	if (r == 0)
		return ws_raise(WS_ERR_OS, 0, "illegal IP address string passed to inet_pton");
	return ws_out_bytes(out, af == WS_AF_INET ? 4 : 16);
}

int ws_fn_inet_ntop(ws_args *a)
{
	int32_t af;
	const uint8_t *p;
	uint32_t n;
	char buf[64];
	if (wv_cint(ws_arg(a, 0), "inet_ntop() argument 1", &af) < 0 ||
	    wv_bytes(ws_arg(a, 1), "inet_ntop() argument 2", &p, &n) < 0)
		return WS_RAISED;
	if (af != WS_AF_INET && af != WS_AF_INET6)
		return ws_value_error("unknown address family %d", af);
	if (n != (af == WS_AF_INET ? 4u : 16u))
		return ws_value_error("invalid length of packed IP address string");
	return ws_out_str(buf, ws_inet_ntop(af, p, buf, sizeof buf));
}
