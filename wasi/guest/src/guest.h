/* SPDX-License-Identifier: MIT */
/*
 * Internal header of libwasock-guest: the socket API of a wasm32-wasi program
 * run by `wasock run`, over the wasock_host imports (host/wasock_host.h).  fds
 * are the guest's own (the runner translates them and applies its policy);
 * results are >= 0 or -(Linux errno), which wg_ret() turns into -1 and the
 * guest's errno (WASI numbering).
 */
#ifndef WASOCK_GUEST_H
#define WASOCK_GUEST_H

#include <errno.h>
#include <stdint.h>
#include <stddef.h>
#include "wasock_host.h"

/* The host caches a pointer to linear memory: tell it of growth before a call. */
extern uint32_t wg__mem_pages;
static inline void wg_mem_sync(void)
{
	uint32_t pages = (uint32_t)__builtin_wasm_memory_size(0);
	if (pages != wg__mem_pages) {
		wg__mem_pages = pages;
		wasock_host_memory_grown();
	}
}
#define HOST(name) (wg_mem_sync(), wasock_host_##name)

/* Linux errno number -> the guest's errno value (EIO for the few WASI lacks). */
int wg_errno(int linux_errno);

/* A host result: >= 0 returned as is; -errno sets errno and returns -1. */
static inline int wg_ret(int32_t r)
{
	if (r >= 0)
		return r;
	errno = wg_errno(-r);
	return -1;
}

/* Control data: guest (12-byte cmsghdr, 4-aligned) <-> host (16-byte, 8-aligned). */
size_t wg_cmsg_native_size(const void *control, size_t len);
int wg_cmsg_to_native(const void *control, size_t len, void *out, size_t cap);
/* Returns the guest bytes written; sets *trunc when they did not all fit. */
size_t wg_cmsg_from_native(const void *native, size_t len, void *control, size_t cap,
                           int *trunc);

#endif
