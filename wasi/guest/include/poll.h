/* SPDX-License-Identifier: MIT */
/* <poll.h> for wasm32-wasi guests: wasi-libc's struct pollfd (the same 8 bytes
   as Linux's) with Linux's POLL* bits, because libwasock-guest's poll() is the
   host's poll(2) over the guest's fds: sockets, stdio and files alike, with
   Linux's exact revents (POLLERR, POLLHUP, POLLPRI, POLLRDHUP). */
#ifndef _WASOCK_POLL_H
#define _WASOCK_POLL_H
#include_next <poll.h>
#define WASOCK_WANT_POLL
#include <bits/wasock_linux.h>
#endif
