/* SPDX-License-Identifier: MIT */
/* <sys/un.h> for wasm32-wasi guests: Linux's sockaddr_un, with sun_path
   (wasi-libc's has none). Abstract names start with a NUL byte, as on Linux. */
#ifndef _SYS_UN_H
#define _SYS_UN_H
#define __wasilibc___struct_sockaddr_un_h
#include <sys/socket.h>
#include <string.h>

struct sockaddr_un {
	sa_family_t sun_family;
	char sun_path[108];
};

#define SUN_LEN(s) (offsetof(struct sockaddr_un, sun_path) + strlen((s)->sun_path))
#include <stddef.h>
#endif
