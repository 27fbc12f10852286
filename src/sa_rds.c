// SPDX-License-Identifier: MIT
/*
 * AF_RDS: RDS sockets take a struct sockaddr_in (host, port), family AF_INET, exactly as
 * CPython's getsockaddrarg falls through to AF_INET. The kernel names RDS sockets with
 * AF_INET sockaddrs too, so decoding needs no case of its own.
 */
#include "core.h"

int ws_sa_rds_encode(const wv *addr, const char *fname, uint8_t *buf, uint32_t *len)
{
	return ws_sa_inet_encode(addr, fname, buf, len);
}
