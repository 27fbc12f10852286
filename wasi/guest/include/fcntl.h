/* SPDX-License-Identifier: MIT */
/*
 * <fcntl.h> for wasm32-wasi guests: wasi-libc's, with its open/fd flags that are
 * spelled as casts of __WASI_* constants given as plain integers of the same value
 * (the C preprocessor cannot evaluate a cast, and Linux programs write
 * `#if O_NDELAY != O_NONBLOCK`). libwasock-guest checks at build time that each
 * equals wasi-libc's (src/checks.c).
 */
#ifndef _WASOCK_FCNTL_H
#define _WASOCK_FCNTL_H
#include_next <fcntl.h>
#undef O_APPEND
#define O_APPEND 0x1
#undef O_DSYNC
#define O_DSYNC 0x2
#undef O_NONBLOCK
#define O_NONBLOCK 0x4
#undef O_RSYNC
#define O_RSYNC 0x8
#undef O_SYNC
#define O_SYNC 0x10
#undef O_CREAT
#define O_CREAT 0x1000
#undef O_DIRECTORY
#define O_DIRECTORY 0x2000
#undef O_EXCL
#define O_EXCL 0x4000
#undef O_TRUNC
#define O_TRUNC 0x8000
#endif
