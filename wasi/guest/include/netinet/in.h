/* SPDX-License-Identifier: MIT */
/*
 * <netinet/in.h> for wasm32-wasi guests: Linux's sockaddr_in/sockaddr_in6
 * layouts (sin_zero, 2-byte alignment) in place of wasi-libc's 16-aligned
 * ones, then wasi-libc's (musl's) header for the rest, then Linux's values.
 */
#ifndef _WASOCK_NETINET_IN_H
#define _WASOCK_NETINET_IN_H
#define __wasilibc___header_netinet_in_h
#define __wasilibc___struct_in6_addr_h
#define __wasilibc___struct_sockaddr_in_h
#define __wasilibc___struct_sockaddr_in6_h

#include <stdint.h>
#include <sys/socket.h>
#include <__struct_in_addr.h>
#include <__typedef_in_port_t.h>

struct in6_addr {
	union {
		uint8_t __u6_addr8[16];
		uint16_t __u6_addr16[8];
		uint32_t __u6_addr32[4];
	} __in6_u;
};
#define s6_addr __in6_u.__u6_addr8
#define s6_addr16 __in6_u.__u6_addr16
#define s6_addr32 __in6_u.__u6_addr32

struct sockaddr_in {
	sa_family_t sin_family;
	in_port_t sin_port;
	struct in_addr sin_addr;
	unsigned char sin_zero[8];
};

struct sockaddr_in6 {
	sa_family_t sin6_family;
	in_port_t sin6_port;
	uint32_t sin6_flowinfo;
	struct in6_addr sin6_addr;
	uint32_t sin6_scope_id;
};

#include_next <netinet/in.h>

#undef IN6ADDR_ANY_INIT
#undef IN6ADDR_LOOPBACK_INIT
#define IN6ADDR_ANY_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 } } }
#define IN6ADDR_LOOPBACK_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 } } }

#define WASOCK_WANT_NETINET_IN
#include <bits/wasock_linux.h>
#endif
