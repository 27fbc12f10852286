// SPDX-License-Identifier: MIT
/* Host names, services, protocols and interfaces: thin shapes over the host's answers. */
#include <string.h>

#include "core.h"

/* str (UTF-8) or bytes, no embedded NUL: Python's filesystem-path converter. */
static int ws_fsname(const wv *v, const char *what, const uint8_t **p, uint32_t *n)
{
	if (wv_strbytes(v, what, p, n, NULL) < 0)
		return WS_RAISED;
	if (memchr(*p, 0, *n))
		return ws_value_error("%s: embedded null byte", what);
	return 0;
}

int ws_fn_gethostname(ws_args *a)
{
	char buf[256];
	(void)a;
	int32_t r = HOST(gethostname)(buf, sizeof buf);
	if (r < 0)
		return ws_os_error(r, "gethostname");
	return ws_out_str(buf, (size_t)r < sizeof buf ? (size_t)r : sizeof buf);
}

int ws_fn_sethostname(ws_args *a)
{
	const uint8_t *p;
	uint32_t n;
	int is_str;
	/* CPython takes bytes as they are ("S"), and only a str through the path converter. */
	if (wv_strbytes(ws_arg(a, 0), "sethostname() argument 1", &p, &n, &is_str) < 0)
		return WS_RAISED;
	if (is_str && memchr(p, 0, n))
		return ws_value_error("sethostname() argument 1: embedded null byte");
	int32_t r = HOST(sethostname)((const char *)p, n);
	if (r < 0)
		return ws_os_error(r, "sethostname");
	return ws_out_none();
}

static int ws_proto_arg(ws_args *a, uint32_t i, const char *what, const uint8_t **p, uint32_t *n)
{
	*p = NULL;
	*n = WASOCK_HOST_NULLSTR;
	if (!ws_arg(a, i))
		return 0;
	return wv_cstr(ws_arg(a, i), what, p, n);
}

int ws_fn_getservbyname(ws_args *a)
{
	const uint8_t *name, *proto;
	uint32_t n, pn;
	if (wv_cstr(ws_arg(a, 0), "getservbyname() argument 1", &name, &n) < 0 ||
	    ws_proto_arg(a, 1, "getservbyname() argument 2", &proto, &pn) < 0)
		return WS_RAISED;
	int32_t r = HOST(getservbyname)((const char *)name, n, (const char *)proto, pn);
	if (r == -WS_ENOENT)
		return ws_raise(WS_ERR_OS, 0, "service/proto not found");
	if (r < 0)
		return ws_os_error(r, "getservbyname");
	return ws_out_int(r);
}

int ws_fn_getservbyport(ws_args *a)
{
	int32_t port;
	const uint8_t *proto;
	uint32_t pn;
	char buf[256];
	if (wv_cint(ws_arg(a, 0), "getservbyport() argument 1", &port) < 0 ||
	    ws_proto_arg(a, 1, "getservbyport() argument 2", &proto, &pn) < 0)
		return WS_RAISED;
	if (port < 0 || port > 0xffff)
		return ws_value_error("getservbyport: port must be 0-65535.");
	int32_t r = HOST(getservbyport)(port, (const char *)proto, pn, buf, sizeof buf);
	if (r == -WS_ENOENT)
		return ws_raise(WS_ERR_OS, 0, "port/proto not found");
	if (r < 0)
		return ws_os_error(r, "getservbyport");
	return ws_out_str(buf, (size_t)r < sizeof buf ? (size_t)r : sizeof buf);
}

int ws_fn_getprotobyname(ws_args *a)
{
	const uint8_t *name;
	uint32_t n;
	if (wv_cstr(ws_arg(a, 0), "getprotobyname() argument 1", &name, &n) < 0)
		return WS_RAISED;
	int32_t r = HOST(getprotobyname)((const char *)name, n);
	if (r == -WS_ENOENT)
		return ws_raise(WS_ERR_OS, 0, "protocol not found");
	if (r < 0)
		return ws_os_error(r, "getprotobyname");
	return ws_out_int(r);
}

int ws_fn_if_nameindex(ws_args *a)
{
	(void)a;
	uint32_t cap = 4096;
	uint8_t *buf;
	int32_t r;
	/* Interfaces may come and go between rounds; a host that keeps asking for more is out
	 * of its contract. */
	for (int round = 0;; round++) {
		if (round == 4)
			return ws_os_error(-WS_EIO, "if_nameindex");
		if (!(buf = ws_scratch(cap)))
			return ws_os_error(-WS_ENOMEM, "if_nameindex");
		r = HOST(if_nameindex)(buf, cap);
		if (r < 0)
			return ws_os_error(r, "if_nameindex");
		if ((uint32_t)r <= cap)
			break;
		cap = (uint32_t)r;
	}
	/* The host's records are checked whole before anything is written. */
	uint32_t count = 0;
	for (uint32_t off = 0; off < (uint32_t)r; count++) {
		if ((uint32_t)r - off < 8 || ws_get32le(buf + off + 4) > (uint32_t)r - off - 8)
			return ws_os_error(-WS_EIO, "if_nameindex");
		off += 8 + ws_get32le(buf + off + 4);
	}
	if (ws_out_list(count) < 0)
		return WS_RAISED;
	for (uint32_t off = 0; off < (uint32_t)r;) {
		uint32_t n = ws_get32le(buf + off + 4);
		if (ws_out_list(2) < 0 || ws_out_int(ws_get32le(buf + off)) < 0 ||
		    ws_out_str((const char *)buf + off + 8, n) < 0)
			return WS_RAISED;
		off += 8 + n;
	}
	return 0;
}

int ws_fn_if_nametoindex(ws_args *a)
{
	const uint8_t *p;
	uint32_t n;
	if (ws_fsname(ws_arg(a, 0), "if_nametoindex() argument 1", &p, &n) < 0)
		return WS_RAISED;
	int32_t r = n < 16 ? HOST(if_nametoindex)((const char *)p, n) : -WS_ENODEV;
	if (r <= 0)
		return ws_raise(WS_ERR_OS, 0, "no interface with this name");
	return ws_out_int(r);
}

int ws_fn_if_indextoname(ws_args *a)
{
	uint64_t idx;
	char buf[16];
	const wv *v = ws_arg(a, 0);
	if (wv_tag(v) == WV_HUGE && (int8_t)v->p[1] > 0)
		return ws_value_error("if_indextoname(): int too large to convert to C unsigned long");
	if (wv_uint64(v, "if_indextoname() argument 1", &idx) < 0)
		return WS_RAISED;
	/* Like CPython: an unsigned long, truncated to the C function's unsigned int. */
	int32_t r = HOST(if_indextoname)((uint32_t)idx, buf, sizeof buf);
	if (r < 0)
		return ws_os_error(r, "if_indextoname");
	return ws_out_str(buf, (size_t)r < sizeof buf ? (size_t)r : sizeof buf);
}
