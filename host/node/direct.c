// SPDX-License-Identifier: MIT
/*
 * The sync face's direct plain send and recv (bridge/socket.js): a blocking socket's
 * send(data) or recv(n) is one system call, which the bridge makes without the core.
 *
 *   send(block) -> sendto(fd, bytes, len, flags), no address
 *   recv(block) -> recvfrom(fd, bytes, len, flags), no address
 *
 * block is an ArrayBuffer of the caller's holding the call's arguments, in the machine's
 * byte order, and its bytes:
 *
 *   [0, 4) int32 fd   [4, 8) uint32 len   [8, 12) int32 flags   [16, 16 + len) bytes
 *
 * The caller's argument keeps it alive and in place for the call, so there is no memory
 * to re-check for growth (the core's is not involved), and one argument to convert
 * instead of six: for a 1-byte call that is a measurable part of its cost. Results as
 * the host ABI's: >= 0, or -errno (-EFAULT for a block that is not an ArrayBuffer or
 * does not hold len bytes).
 */
#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include "../wasock_host.h"
#include "binding.h"

#define WS_DIRECT_HEAD 16

static napi_value ws_direct_ret(napi_env env, int32_t r)
{
	napi_value v;
	napi_create_int32(env, r, &v);
	return v;
}

static napi_value ws_direct(napi_env env, napi_callback_info info, bool sending)
{
	size_t argc = 1, size = 0;
	napi_value arg;
	void *data = NULL;
	int32_t fd, flags;
	uint32_t len;
	if (napi_get_cb_info(env, info, &argc, &arg, NULL, NULL) != napi_ok)
		return NULL;
	/* A detached buffer has no data and length 0. */
	if (argc < 1 || napi_get_arraybuffer_info(env, arg, &data, &size) != napi_ok || !data ||
	    size < WS_DIRECT_HEAD)
		return ws_direct_ret(env, -EFAULT);
	const uint8_t *head = data;
	memcpy(&fd, head, 4);
	memcpy(&len, head + 4, 4);
	memcpy(&flags, head + 8, 4);
	if (len > size - WS_DIRECT_HEAD)
		return ws_direct_ret(env, -EFAULT);
	uint8_t *bytes = (uint8_t *)data + WS_DIRECT_HEAD;
	return ws_direct_ret(env, sending ? wasock_host_sendto(fd, bytes, len, flags, NULL, 0)
	                                  : wasock_host_recvfrom(fd, bytes, len, flags, NULL, NULL));
}

static napi_value ws_direct_send(napi_env env, napi_callback_info info)
{
	return ws_direct(env, info, true);
}

static napi_value ws_direct_recv(napi_env env, napi_callback_info info)
{
	return ws_direct(env, info, false);
}

napi_status ws_direct_init(napi_env env, napi_value exports)
{
	napi_status s = ws_napi_export(env, exports, "send", ws_direct_send);
	return s == napi_ok ? ws_napi_export(env, exports, "recv", ws_direct_recv) : s;
}
