/* SPDX-License-Identifier: MIT */
/* <errno.h> for wasm32-wasi guests: wasi-libc's header, then Linux's values
   from wasock's constants table (bits/wasock_linux.h, generated). */
#ifndef _WASOCK_ERRNO_H
#define _WASOCK_ERRNO_H
#include_next <errno.h>
#define WASOCK_WANT_ERRNO
#include <bits/wasock_linux.h>
#endif
