// SPDX-License-Identifier: MIT
/* IP addresses and networks with the rules of Python's ipaddress module (ipnet*.c). */
#ifndef WS_IPNET_H
#define WS_IPNET_H

#include <stdint.h>

#include "core.h"

struct ws_ipaddr {
	int version;            /* 4 or 6 */
	uint8_t packed[16];     /* 4 or 16 bytes used, the rest zero */
	const uint8_t *scope;   /* IPv6 "%scope" text, or NULL */
	uint32_t scopelen;
};

struct ws_ipnet {
	struct ws_ipaddr addr;  /* as written, host bits included */
	uint8_t network[16];    /* addr with the host bits cleared */
	unsigned prefixlen;
};

/* 0, or -1 when s is not an address (text, or packed bytes when !is_str). */
int ws_ipaddr_parse(const uint8_t *s, uint32_t n, int is_str, struct ws_ipaddr *ip);
/* 0, or -1 when s is not "address[/prefix]" (IPv4 also "/netmask" or "/hostmask"). */
int ws_ipnet_parse(const uint8_t *s, uint32_t n, int is_str, struct ws_ipnet *net);
/* Clears all but the first prefixlen bits of a[0..bytes). */
void ws_ipnet_mask(uint8_t *a, unsigned bytes, unsigned prefixlen);
/* Python's `address in network`: false across versions. */
int ws_ipnet_contains(const struct ws_ipnet *net, const struct ws_ipaddr *ip);
/* Argument i as an address; raises ValueError (RangeError) as ip_address() does. */
int ws_ipaddr_arg(ws_args *a, uint32_t i, struct ws_ipaddr *ip);

#endif
