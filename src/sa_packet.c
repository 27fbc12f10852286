// SPDX-License-Identifier: MIT
/*
 * AF_PACKET: (ifname, proto[, pkttype[, hatype[, addr]]]) <-> struct sockaddr_ll
 * (20 bytes: family, be16 protocol, int ifindex, u16 hatype, u8 pkttype, u8 halen,
 * u8 addr[8]).
 */
#include <string.h>

#include "core.h"

#define WS_SA_LL_LEN 20

static int ll_int(const wv *v, const char *fname, int32_t *out)
{
	int t = wv_tag(v);
	if (t == WV_INT || t == WV_BOOL || t == WV_UINT64 || t == WV_HUGE) {
		if (wv_cint(v, "AF_PACKET address", out) < 0) {
			ws_err.kind = WS_ERR_NONE;
			return ws_value_error("%s(): address argument out of range", fname);
		}
		return 0;
	}
	return ws_type_error("AF_PACKET address must be a tuple of two to five elements");
}

int ws_sa_packet_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	wv it[5];
	uint32_t n, namelen, halen = 0;
	const uint8_t *name, *ha = NULL;
	int32_t proto, pkttype = WS_PACKET_HOST, hatype = 0, index;
	if (!addr || wv_tag(addr) != WV_LIST)
		return ws_type_error("%s(): AF_PACKET address must be tuple, not %s", fname,
		                     wv_typename(addr));
	if (ws_sa_items(addr, 2, 5, it, &n) < 0 || wv_tag(&it[0]) != WV_STR)
		return ws_type_error("AF_PACKET address must be a tuple of two to five elements");
	if (wv_cstr(&it[0], "AF_PACKET interface", &name, &namelen) < 0 ||
	    ll_int(&it[1], fname, &proto) < 0 || (n > 2 && ll_int(&it[2], fname, &pkttype) < 0) ||
	    (n > 3 && ll_int(&it[3], fname, &hatype) < 0))
		return WS_RAISED;
	if (n > 4 && wv_tag(&it[4]) != WV_BYTES)
		return ws_type_error("AF_PACKET address must be a tuple of two to five elements");
	if (n > 4)
		wv_bytes(&it[4], "addr", &ha, &halen);
	if (ws_sa_ifindex(name, namelen, &index) < 0)
		return WS_RAISED;
	if (halen > 8)
		return ws_value_error("Hardware address must be 8 bytes or less");
	if (proto < 0 || proto > 0xffff)
		return ws_value_error("%s(): proto must be 0-65535.", fname);
	ws_put16le(buf, WS_AF_PACKET);
	ws_put16be(buf + 2, (uint16_t)proto);
	ws_put32le(buf + 4, (uint32_t)index);
	ws_put16le(buf + 8, (uint16_t)hatype);
	buf[10] = (uint8_t)pkttype;
	buf[11] = (uint8_t)halen;
	if (halen)
		memcpy(buf + 12, ha, halen);
	*len = WS_SA_LL_LEN;
	return 0;
}

int ws_sa_packet_decode(const uint8_t *buf, uint32_t len)
{
	char ifname[16];
	const uint8_t *a = ws_sa_padded(buf, len, WS_SA_LL_LEN);
	if (!a)
		return WS_RAISED;
	uint32_t avail = len > WS_SA_LL_LEN ? len : WS_SA_LL_LEN;
	uint32_t halen = a[11] < avail - 12 ? a[11] : avail - 12;
	ws_sa_ifname((int32_t)ws_get32le(a + 4), ifname);
	if (ws_out_list(5) < 0 || ws_out_cstr(ifname) < 0 || ws_out_int(ws_get16be(a + 2)) < 0 ||
	    ws_out_int(a[10]) < 0 || ws_out_int(ws_get16le(a + 8)) < 0)
		return WS_RAISED;
	return ws_out_bytes(a + 12, halen);
}
