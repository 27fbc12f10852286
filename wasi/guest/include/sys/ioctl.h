/* SPDX-License-Identifier: MIT */
/* <sys/ioctl.h> for wasm32-wasi guests: wasi-libc's header, then Linux's values
   from wasock's constants table (bits/wasock_linux.h, generated). */
#ifndef _WASOCK_SYS_IOCTL_H
#define _WASOCK_SYS_IOCTL_H
#include_next <sys/ioctl.h>
#define WASOCK_WANT_SYS_IOCTL
#include <bits/wasock_linux.h>
#endif
