// SPDX-License-Identifier: MIT
/* AF_INET6: (host, port, flowinfo, scope_id) <-> struct sockaddr_in6 (28 bytes). */
#include <string.h>

#include "core.h"
#include "inet.h"

int ws_sa_inet6_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv list = addr ? *addr : (wv){ 0 };
	wv item[4];
	uint32_t n;
	const uint8_t *name;
	uint32_t namelen;
	int32_t port;
	uint32_t flow = 0, scope = 0;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_INET6 address must be tuple, not %s", fname,
		                     wv_typename(addr));
	if (wv_list(&list, &n) < 0 || n < 2 || n > 4)
		return ws_type_error("%s(): AF_INET6 address must be a tuple "
		                     "(host, port[, flowinfo[, scopeid]])", fname);
	for (uint32_t i = 0; i < n; i++)
		if (wv_next(&list, &item[i]) < 0)
			return WS_RAISED;
	if (wv_strbytes(&item[0], "host", &name, &namelen, NULL) < 0)
		return WS_RAISED;
	if (memchr(name, 0, namelen))
		return ws_type_error("host name must not contain null character");
	if (wv_cint(&item[1], "port", &port) < 0)
		return WS_RAISED;
	if (n > 2 && wv_cuint_mask(&item[2], "flowinfo", &flow) < 0)
		return WS_RAISED;
	if (n > 3 && wv_cuint_mask(&item[3], "scope_id", &scope) < 0)
		return WS_RAISED;
	/* Like CPython: the host is resolved before the ranges are checked. */
	uint32_t salen = 28;
	if (ws_setipaddr(name, namelen, WS_AF_INET6, buf, &salen) < 0)
		return WS_RAISED;
	if (port < 0 || port > 0xffff)
		return ws_value_error("%s(): port must be 0-65535.", fname);
	if (flow > 0xfffff)
		return ws_value_error("%s(): flowinfo must be 0-1048575.", fname);
	ws_put16le(buf, WS_AF_INET6);
	ws_put16be(buf + 2, (uint16_t)port);
	ws_put32be(buf + 4, flow);
	ws_put32le(buf + 24, scope);
	*len = 28;
	return 0;
}

/* Like CPython's makesockaddr: the plain address text; the scope is the tuple's last item. */
int ws_sa_inet6_decode(const uint8_t *buf, uint32_t len)
{
	char host[64];
	if (len < 24)
		return ws_value_error("AF_INET6 sockaddr of %u bytes is too short", len);
	if (!ws_inet_ntop(WS_AF_INET6, buf + 8, host, sizeof host))
		return ws_value_error("bad AF_INET6 sockaddr");
	if (ws_out_list(4) < 0 || ws_out_cstr(host) < 0 || ws_out_int(ws_get16be(buf + 2)) < 0 ||
	    ws_out_int(ws_get32be(buf + 4)) < 0)
		return WS_RAISED;
	return ws_out_int(len >= 28 ? ws_get32le(buf + 24) : 0);
}
