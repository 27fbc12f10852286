/* SPDX-License-Identifier: MIT */
/* <unistd.h> for wasm32-wasi guests: wasi-libc's, plus dup() and dup2(), which
   libwasock-guest provides for the guest's sockets. */
#ifndef _WASOCK_UNISTD_H
#define _WASOCK_UNISTD_H
#include_next <unistd.h>
#ifdef __cplusplus
extern "C" {
#endif
int dup(int);
int dup2(int, int);
#ifdef __cplusplus
}
#endif
#endif
