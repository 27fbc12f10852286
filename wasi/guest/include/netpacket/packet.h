/* SPDX-License-Identifier: MIT */
/* <netpacket/packet.h> for wasm32-wasi guests: wasi-libc's header, then Linux's values
   from wasock's constants table (bits/wasock_linux.h, generated). */
#ifndef _WASOCK_NETPACKET_PACKET_H
#define _WASOCK_NETPACKET_PACKET_H
#include_next <netpacket/packet.h>
#define WASOCK_WANT_NETPACKET
#include <bits/wasock_linux.h>
#endif
