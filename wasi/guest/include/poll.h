/* SPDX-License-Identifier: MIT */
/* <poll.h> for wasm32-wasi guests: wasi-libc's (its poll() runs over the
   runner's poll_oneoff, so its POLL* numbers stay), plus POLLPRI and
   POLLRDHUP so that Linux programs compile: bits wasi-libc's poll() ignores,
   never reported. */
#ifndef _WASOCK_POLL_H
#define _WASOCK_POLL_H
#include_next <poll.h>
#ifndef POLLPRI
#define POLLPRI 0x0100
#endif
#ifndef POLLRDHUP
#define POLLRDHUP 0x0200
#endif
#ifndef POLLRDBAND
#define POLLRDBAND 0x0400
#endif
#ifndef POLLWRBAND
#define POLLWRBAND 0x0800
#endif
#endif
