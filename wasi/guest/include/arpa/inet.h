/* SPDX-License-Identifier: MIT */
/* <arpa/inet.h> for wasm32-wasi guests: wasi-libc's declarations plus the
   functions it leaves out (inet_addr, inet_ntoa, ...), which libwasock-guest
   defines with glibc's parsing rules. */
#ifndef _WASOCK_ARPA_INET_H
#define _WASOCK_ARPA_INET_H
#include <netinet/in.h>
#include_next <arpa/inet.h>
#ifdef __cplusplus
extern "C" {
#endif
in_addr_t inet_addr(const char *);
in_addr_t inet_network(const char *);
char *inet_ntoa(struct in_addr);
struct in_addr inet_makeaddr(in_addr_t, in_addr_t);
in_addr_t inet_lnaof(struct in_addr);
in_addr_t inet_netof(struct in_addr);
#ifdef __cplusplus
}
#endif
#endif
