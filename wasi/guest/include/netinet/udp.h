/* SPDX-License-Identifier: MIT */
/* <netinet/udp.h> for wasm32-wasi guests: wasi-libc's header, then Linux's values
   from wasock's constants table (bits/wasock_linux.h, generated). */
#ifndef _WASOCK_NETINET_UDP_H
#define _WASOCK_NETINET_UDP_H
#include_next <netinet/udp.h>
#define WASOCK_WANT_NETINET_UDP
#include <bits/wasock_linux.h>
#endif
