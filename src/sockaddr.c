// SPDX-License-Identifier: MIT
/* Dispatch of the per-family sockaddr codecs, and encode_sockaddr / decode_sockaddr. */
#include <string.h>

#include "core.h"

int ws_sockaddr_encode(int family, int proto, const wv *addr, const char *fname, uint8_t *buf,
                       uint32_t *len)
{
	(void)proto;
	memset(buf, 0, WS_SOCKADDR_MAX);
	switch (family) {
	case WS_AF_INET:
		return ws_sa_inet_encode(addr, fname, buf, len);
	case WS_AF_INET6:
		return ws_sa_inet6_encode(addr, fname, buf, len);
	case WS_AF_UNIX:
		return ws_sa_unix_encode(addr, fname, buf, len);
	case WS_AF_CAN:
		return ws_sa_can_encode(proto, addr, fname, buf, len);
	case WS_AF_PACKET:
		return ws_sa_packet_encode(addr, fname, buf, len);
	case WS_AF_NETLINK:
		return ws_sa_netlink_encode(addr, fname, buf, len);
	case WS_AF_TIPC:
		return ws_sa_tipc_encode(addr, fname, buf, len);
	case WS_AF_ALG:
		return ws_sa_alg_encode(addr, fname, buf, len);
	case WS_AF_VSOCK:
		return ws_sa_vsock_encode(addr, fname, buf, len);
	case WS_AF_QIPCRTR:
		return ws_sa_qipcrtr_encode(addr, fname, buf, len);
	case WS_AF_RDS:
		return ws_sa_rds_encode(addr, fname, buf, len);
	case WS_AF_BLUETOOTH:
		return ws_sa_bluetooth_encode(proto, addr, fname, buf, len);
	}
	return ws_raise(WS_ERR_OS, 0, "%s(): bad family", fname);
}

int ws_sockaddr_decode(const uint8_t *buf, uint32_t len, int proto)
{
	(void)proto;
	if (len == 0)
		return ws_out_none();
	if (len < 2)
		return ws_value_error("sockaddr of %u bytes is too short", len);
	int family = ws_get16le(buf);
	switch (family) {
	case WS_AF_INET:
		return ws_sa_inet_decode(buf, len);
	case WS_AF_INET6:
		return ws_sa_inet6_decode(buf, len);
	case WS_AF_UNIX:
		return ws_sa_unix_decode(buf, len);
	case WS_AF_CAN:
		return ws_sa_can_decode(buf, len, proto);
	case WS_AF_PACKET:
		return ws_sa_packet_decode(buf, len);
	case WS_AF_NETLINK:
		return ws_sa_netlink_decode(buf, len);
	case WS_AF_TIPC:
		return ws_sa_tipc_decode(buf, len);
	case WS_AF_ALG:
		return ws_sa_alg_decode(buf, len);
	case WS_AF_VSOCK:
		return ws_sa_vsock_decode(buf, len);
	case WS_AF_QIPCRTR:
		return ws_sa_qipcrtr_decode(buf, len);
	case WS_AF_BLUETOOTH:
		return ws_sa_bluetooth_decode(buf, len, proto);
	}
	if (ws_out_list(2) < 0 || ws_out_int(family) < 0)
		return WS_RAISED;
	return ws_out_bytes(buf + 2, len - 2);
}

int ws_fn_encode_sockaddr(ws_args *a)
{
	int32_t family, proto = 0;
	uint8_t buf[WS_SOCKADDR_MAX];
	uint32_t len = 0;
	if (wv_cint(ws_arg(a, 0), "encode_sockaddr() family", &family) < 0)
		return WS_RAISED;
	if (ws_arg(a, 2) && wv_cint(ws_arg(a, 2), "encode_sockaddr() proto", &proto) < 0)
		return WS_RAISED;
	if (ws_sockaddr_encode(family, proto, ws_arg(a, 1), "encode_sockaddr", buf, &len) < 0)
		return WS_RAISED;
	return ws_out_bytes(buf, len);
}

int ws_fn_decode_sockaddr(ws_args *a)
{
	const uint8_t *p;
	uint32_t n;
	int32_t proto = 0;
	if (wv_bytes(ws_arg(a, 0), "decode_sockaddr() argument 1", &p, &n) < 0)
		return WS_RAISED;
	if (ws_arg(a, 1) && wv_cint(ws_arg(a, 1), "decode_sockaddr() proto", &proto) < 0)
		return WS_RAISED;
	if (n > WS_SOCKADDR_MAX)
		return ws_value_error("decode_sockaddr(): sockaddr longer than %u bytes",
		                      WS_SOCKADDR_MAX);
	if (n == 0)
		return ws_value_error("decode_sockaddr(): empty sockaddr");
	if (n < 2)
		return ws_value_error("sockaddr of %u bytes is too short", n);
	if (ws_out_list(2) < 0 || ws_out_int(ws_get16le(p)) < 0)
		return WS_RAISED;
	return ws_sockaddr_decode(p, n, proto);
}
