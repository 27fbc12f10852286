// SPDX-License-Identifier: MIT
#ifndef WASOCK_NODE_BINDING_H
#define WASOCK_NODE_BINDING_H

#include <node_api.h>

#define WS_NAPI(env, call)                              \
	do {                                            \
		if ((call) != napi_ok) {                \
			ws_napi_throw_last(env);        \
			return NULL;                    \
		}                                       \
	} while (0)

void ws_napi_throw_last(napi_env env);
/* Adds a function property to exports; returns napi_ok or the failing status. */
napi_status ws_napi_export(napi_env env, napi_value exports, const char *name, napi_callback fn);

/* poll.c: fd readiness from libuv for the promise face. */
napi_status ws_poll_init(napi_env env, napi_value exports);
/* nameservice.c: the resolver calls of host/sys on libuv's thread pool. */
napi_status ws_nameservice_init(napi_env env, napi_value exports);
/* fdguard.c: host fds of a WASI guest, closed when the environment goes away. */
napi_status ws_fdguard_init(napi_env env, napi_value exports);
/* policy.c: host/sys's address policy (wasock_policy.h) for the runner. */
napi_status ws_policy_init(napi_env env, napi_value exports);
/* direct.c: the sync face's direct send and recv on a buffer of its own. */
napi_status ws_direct_init(napi_env env, napi_value exports);

#endif
