// SPDX-License-Identifier: MIT
#ifndef WASOCK_HOST_SYS_INTERNAL_H
#define WASOCK_HOST_SYS_INTERNAL_H

#include <errno.h>

#include "../wasock_host.h"

/* Retry a system call on EINTR; evaluate to its result or -errno. */
#define WS__SYSCALL(expr)                      \
	({                                     \
		long ws__r;                    \
		do                             \
			ws__r = (long)(expr);  \
		while (ws__r < 0 && errno == EINTR); \
		ws__r < 0 ? -errno : (int32_t)ws__r; \
	})

/* Copy a (pointer, length) string into a NUL-terminated buffer; -EINVAL if too long. */
int ws__cstr(char *dst, size_t cap, const char *src, uint32_t len);

#endif
