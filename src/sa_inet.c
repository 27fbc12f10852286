// SPDX-License-Identifier: MIT
/* AF_INET: (host, port) <-> struct sockaddr_in (16 bytes). */
#include <string.h>

#include "core.h"
#include "inet.h"

int ws_sa_inet_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv list = addr ? *addr : (wv){ 0 };
	wv host, port;
	uint32_t n;
	const uint8_t *name;
	uint32_t namelen;
	int64_t p;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_INET address must be tuple, not %s", fname,
		                     wv_typename(addr));
	if (wv_list(&list, &n) < 0 || n != 2)
		return ws_type_error("%s(): AF_INET address must be a pair (host, port)", fname);
	if (wv_next(&list, &host) < 0 || wv_next(&list, &port) < 0)
		return WS_RAISED;
	if (wv_strbytes(&host, "host", &name, &namelen, NULL) < 0)
		return ws_type_error("%s(): AF_INET address must be a pair (host, port)", fname);
	if (memchr(name, 0, namelen))
		return ws_type_error("host name must not contain null character");
	int32_t ip;
	if (wv_cint(&port, "port", &ip) < 0)
		return WS_RAISED;
	p = ip;
	/* Like CPython: the host is resolved before the port's range is checked. */
	uint32_t salen = 16;
	if (ws_setipaddr(name, namelen, WS_AF_INET, buf, &salen) < 0)
		return WS_RAISED;
	if (p < 0 || p > 0xffff)
		return ws_value_error("%s(): port must be 0-65535.", fname);
	ws_put16le(buf, WS_AF_INET);
	ws_put16be(buf + 2, (uint16_t)p);
	memset(buf + 8, 0, 8);
	*len = 16;
	return 0;
}

int ws_sa_inet_decode(const uint8_t *buf, uint32_t len)
{
	char host[16];
	if (len < 8)
		return ws_value_error("AF_INET sockaddr of %u bytes is too short", len);
	size_t n = ws_inet_ntop(WS_AF_INET, buf + 4, host, sizeof host);
	if (ws_out_list(2) < 0 || ws_out_str(host, n) < 0)
		return WS_RAISED;
	return ws_out_int(ws_get16be(buf + 2));
}
