/* SPDX-License-Identifier: MIT */
/* <netinet/tcp.h> for wasm32-wasi guests: wasi-libc's header, then Linux's values
   from wasock's constants table (bits/wasock_linux.h, generated). */
#ifndef _WASOCK_NETINET_TCP_H
#define _WASOCK_NETINET_TCP_H
#include_next <netinet/tcp.h>
#define WASOCK_WANT_NETINET_TCP
#include <bits/wasock_linux.h>
#endif
