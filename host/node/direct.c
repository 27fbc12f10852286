// SPDX-License-Identifier: MIT
/*
 * The sync face's direct plain send and recv (bridge/socket.js): a blocking socket's
 * send(data) or recv(n) is one system call, which the bridge makes without the core.
 *
 *   send(buffer, fd, len, flags) -> sendto(fd, buffer[0..len), flags), no address
 *   recv(buffer, fd, len, flags) -> recvfrom(fd, buffer[0..len), flags), no address
 *
 * buffer is an ArrayBuffer of the caller's, not an offset into the core's memory: the
 * caller's argument keeps it alive and in place for the call, so there is no memory to
 * re-check for growth, and a 1-byte call converts fewer arguments than sendto/recvfrom
 * on the core's memory do. Results as the host ABI's: >= 0, or -errno (-EFAULT for a
 * buffer that is not an ArrayBuffer or is shorter than len).
 */
#include <errno.h>
#include <stdbool.h>

#include "../wasock_host.h"
#include "binding.h"

static napi_value ws_direct_ret(napi_env env, int32_t r)
{
	napi_value v;
	napi_create_int32(env, r, &v);
	return v;
}

static napi_value ws_direct(napi_env env, napi_callback_info info, bool sending)
{
	size_t argc = 4, size = 0;
	napi_value argv[4];
	void *data = NULL;
	int32_t v[3] = { 0, 0, 0 };
	if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok)
		return NULL;
	if (argc < 4 || napi_get_arraybuffer_info(env, argv[0], &data, &size) != napi_ok)
		return ws_direct_ret(env, -EFAULT);
	for (int i = 0; i < 3; i++)
		if (napi_get_value_int32(env, argv[i + 1], &v[i]) != napi_ok)
			v[i] = 0;
	uint32_t len = (uint32_t)v[1];
	/* A detached buffer has no data and length 0. */
	if (len > size || (len && !data))
		return ws_direct_ret(env, -EFAULT);
	return ws_direct_ret(env, sending ? wasock_host_sendto(v[0], data, len, v[2], NULL, 0)
	                                  : wasock_host_recvfrom(v[0], data, len, v[2], NULL, NULL));
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
