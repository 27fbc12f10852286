// SPDX-License-Identifier: MIT
/*
 * The address check of a WASI runner's capability policy, in plain C so that every host
 * of wasock guests (the Node runner, a native wasm2c embedder) decides the same way.
 *
 * One function, wasock_policy_check(), is consulted at every use of an address by a
 * guest: connect, bind, sendto (the shape of wasmtime-wasi's socket_addr_check). It reads
 * the sockaddr bytes exactly as Linux will (native layout, AF_UNSPEC read as AF_INET for
 * bind and sendto, IPv4-mapped IPv6 as IPv4) and answers 0 (allowed) or -EACCES. Deny by
 * default: an empty policy allows nothing. Families other than INET, INET6, UNIX, CAN and
 * PACKET carry no address rule here: creating their sockets is the capability, and the
 * runner checks that before.
 *
 * Rules are added per use:
 *   - an IP prefix (4 or 16 address bytes and a prefix length) with a port range;
 *   - any IP address, with a port range;
 *   - an AF_UNIX name: a path, a directory prefix, or an abstract name (first byte 0);
 *   - an interface name for CAN and packet addresses ("*" for any, including ifindex 0).
 */
#ifndef WASOCK_POLICY_H
#define WASOCK_POLICY_H

#include <stdint.h>

enum wasock_use { WASOCK_USE_CONNECT = 0, WASOCK_USE_BIND = 1, WASOCK_USE_SENDTO = 2 };

struct wasock_policy;

struct wasock_policy *wasock_policy_new(void);
void wasock_policy_free(struct wasock_policy *p);

/* Each returns 0, -EINVAL for a bad argument or -ENOMEM. */
int wasock_policy_allow_all(struct wasock_policy *p);
int wasock_policy_allow_ip(struct wasock_policy *p, int use, const uint8_t *addr, uint32_t len,
                           uint32_t prefix, uint16_t port_lo, uint16_t port_hi);
int wasock_policy_allow_any_ip(struct wasock_policy *p, int use, uint16_t port_lo,
                               uint16_t port_hi);
/* is_prefix: name matches every name it begins (a directory ending in '/'). */
int wasock_policy_allow_unix(struct wasock_policy *p, int use, const char *name, uint32_t len,
                             int is_prefix);
int wasock_policy_allow_ifname(struct wasock_policy *p, int use, const char *name);

/* 0 when the guest may use the address sa (salen bytes, native layout), else -EACCES. */
int32_t wasock_policy_check(const struct wasock_policy *p, int use, const void *sa,
                            uint32_t salen);

#endif
