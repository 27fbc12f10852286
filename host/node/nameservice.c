// SPDX-License-Identifier: MIT
/*
 * The name-service calls of host/sys on libuv's thread pool, for the promise face:
 * ns_call(kind, args, callback) runs one of getaddrinfo / getnameinfo /
 * gethostbyname / gethostbyaddr with copies of its inputs and calls back with the
 * same int32 result and output bytes the synchronous import would have produced.
 */
#include <stdlib.h>
#include <string.h>

#include "../wasock_host.h"
#include "binding.h"

enum { WS_NS_GAI, WS_NS_GNI, WS_NS_HOSTBYNAME, WS_NS_HOSTBYADDR };

struct ws_ns {
	napi_async_work work;
	napi_ref callback;
	int kind;
	int32_t iargs[4];
	char *in[2];
	uint32_t inlen[2];
	int32_t result;
	uint8_t *out;
	uint32_t outlen;
	char *host, *serv;
};

/* The largest answer the pool thread accepts: no name service needs more. */
#define WS_NS_OUT_MAX (16u << 20)
/* getnameinfo's host and service capacities: NI_MAXHOST (1025) and NI_MAXSERV (32), with
 * room to spare; larger requests are clamped (glibc never writes more). */
#define WS_NS_GNI_MAX 4096u

/*
 * Runs call with a buffer grown to the size the host reports it needs: a few rounds (the
 * answer may change between calls), within WS_NS_OUT_MAX, else EIO / ENOMEM.
 */
#define WS_NS_GROW(ns, call)                                               \
	do {                                                               \
		uint32_t cap = 4096;                                       \
		for (int round = 0;; round++) {                            \
			uint8_t *out = malloc(cap);                        \
			if (!out) {                                        \
				(ns)->result = -12;                        \
				return;                                    \
			}                                                  \
			int32_t r = (call);                                \
			if (r >= 0 && (uint32_t)r > cap) {                 \
				free(out);                                 \
				if ((uint32_t)r > WS_NS_OUT_MAX || round == 3) { \
					(ns)->result = (uint32_t)r > WS_NS_OUT_MAX ? -12 : -5; \
					return;                            \
				}                                          \
				cap = (uint32_t)r;                         \
				continue;                                  \
			}                                                  \
			(ns)->result = r;                                  \
			(ns)->out = out;                                   \
			(ns)->outlen = r > 0 ? (uint32_t)r : 0;            \
			return;                                            \
		}                                                          \
	} while (0)

static void ws_ns_execute(napi_env env, void *data)
{
	struct ws_ns *ns = data;
	(void)env;
	switch (ns->kind) {
	case WS_NS_GAI:
		WS_NS_GROW(ns, wasock_host_getaddrinfo(ns->in[0], ns->inlen[0], ns->in[1], ns->inlen[1],
		                                       ns->iargs[0], ns->iargs[1], ns->iargs[2],
		                                       ns->iargs[3], out, cap));
	case WS_NS_HOSTBYNAME:
		WS_NS_GROW(ns, wasock_host_gethostbyname(ns->in[0], ns->inlen[0], ns->iargs[0], out,
		                                         cap));
	case WS_NS_HOSTBYADDR:
		WS_NS_GROW(ns, wasock_host_gethostbyaddr(ns->in[0], ns->inlen[0], ns->iargs[0], out,
		                                         cap));
	case WS_NS_GNI: {
		/* Capacities from JS are any int32: clamped, so hc + 1 cannot wrap (a cap near
		 * 2^32 made calloc(1, 0) and getnameinfo write past it). */
		uint32_t hc = (uint32_t)ns->iargs[1], sc = (uint32_t)ns->iargs[2];
		hc = hc > WS_NS_GNI_MAX ? WS_NS_GNI_MAX : hc;
		sc = sc > WS_NS_GNI_MAX ? WS_NS_GNI_MAX : sc;
		ns->host = calloc(1, hc + 1);
		ns->serv = calloc(1, sc + 1);
		if (!ns->host || !ns->serv) {
			ns->result = -12;
			return;
		}
		ns->result = wasock_host_getnameinfo(ns->in[0], ns->inlen[0], ns->iargs[0], ns->host,
		                                     hc, ns->serv, sc);
		return;
	}
	}
}

static void ws_ns_complete(napi_env env, napi_status status, void *data)
{
	struct ws_ns *ns = data;
	napi_value cb, recv, argv[3];
	size_t argc = 2;
	napi_handle_scope scope;
	if (napi_open_handle_scope(env, &scope) == napi_ok) {
		if (status == napi_cancelled)
			ns->result = -125; /* ECANCELED */
		napi_create_int32(env, ns->result, &argv[0]);
		if (ns->kind == WS_NS_GNI) {
			napi_create_buffer_copy(env, ns->host ? strlen(ns->host) : 0, ns->host, NULL,
			                        &argv[1]);
			napi_create_buffer_copy(env, ns->serv ? strlen(ns->serv) : 0, ns->serv, NULL,
			                        &argv[2]);
			argc = 3;
		} else {
			napi_create_buffer_copy(env, ns->outlen, ns->out, NULL, &argv[1]);
		}
		napi_get_undefined(env, &recv);
		if (napi_get_reference_value(env, ns->callback, &cb) == napi_ok) {
			napi_value result;
			if (napi_call_function(env, recv, cb, argc, argv, &result) ==
			    napi_pending_exception) {
				napi_value err;
				napi_get_and_clear_last_exception(env, &err);
				napi_fatal_exception(env, err);
			}
		}
		napi_close_handle_scope(env, scope);
	}
	napi_delete_reference(env, ns->callback);
	napi_delete_async_work(env, ns->work);
	free(ns->in[0]);
	free(ns->in[1]);
	free(ns->out);
	free(ns->host);
	free(ns->serv);
	free(ns);
}

/* A Buffer argument copied out (for the pool thread), or null as WASOCK_HOST_NULLSTR. */
static int ws_ns_bytes(napi_env env, napi_value v, char **out, uint32_t *len)
{
	napi_valuetype t;
	void *data;
	size_t n;
	*out = NULL;
	*len = WASOCK_HOST_NULLSTR;
	if (napi_typeof(env, v, &t) != napi_ok)
		return -1;
	if (t == napi_null || t == napi_undefined)
		return 0;
	if (napi_get_buffer_info(env, v, &data, &n) != napi_ok || n >= WASOCK_HOST_NULLSTR)
		return -1;
	*out = malloc(n + 1);
	if (!*out)
		return -1;
	memcpy(*out, data, n);
	*len = (uint32_t)n;
	return 0;
}

static void ws_ns_free(napi_env env, struct ws_ns *ns)
{
	if (ns->callback)
		napi_delete_reference(env, ns->callback);
	if (ns->work)
		napi_delete_async_work(env, ns->work);
	free(ns->in[0]);
	free(ns->in[1]);
	free(ns);
}

/* Throws a TypeError (unless one is pending) and frees the request being built. */
static napi_value ws_ns_fail(napi_env env, struct ws_ns *ns, const char *msg)
{
	bool pending = false;
	napi_is_exception_pending(env, &pending);
	if (!pending)
		napi_throw_type_error(env, NULL, msg);
	ws_ns_free(env, ns);
	return NULL;
}

/* ns_call(kind, [inputs...], callback); inputs per kind are listed at the top. */
static napi_value ws_ns_call(napi_env env, napi_callback_info info)
{
	size_t argc = 3;
	napi_value argv[3], name, item;
	uint32_t n = 0;
	bool is_array = false;
	napi_valuetype t;
	struct ws_ns *ns = calloc(1, sizeof *ns);
	if (!ns) {
		napi_throw_error(env, "ENOMEM", "out of memory");
		return NULL;
	}
	if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok || argc < 3 ||
	    napi_get_value_int32(env, argv[0], &ns->kind) != napi_ok ||
	    ns->kind < 0 || ns->kind > WS_NS_HOSTBYADDR ||
	    napi_is_array(env, argv[1], &is_array) != napi_ok || !is_array ||
	    napi_get_array_length(env, argv[1], &n) != napi_ok ||
	    napi_typeof(env, argv[2], &t) != napi_ok || t != napi_function)
		return ws_ns_fail(env, ns, "ns_call(kind, [inputs], callback): bad request");
	int nbytes = ns->kind == WS_NS_GAI ? 2 : 1;
	/* nbytes byte inputs, then at most four int32s (iargs). */
	for (uint32_t i = 0; i < n && i < (uint32_t)nbytes + 4; i++) {
		if (napi_get_element(env, argv[1], i, &item) != napi_ok)
			return ws_ns_fail(env, ns, "ns_call: bad input");
		if ((int)i < nbytes) {
			if (ws_ns_bytes(env, item, &ns->in[i], &ns->inlen[i]) < 0)
				return ws_ns_fail(env, ns, "ns_call: bad input");
		} else if (napi_get_value_int32(env, item, &ns->iargs[i - nbytes]) != napi_ok) {
			return ws_ns_fail(env, ns, "ns_call: bad input");
		}
	}
	if (ns->kind != WS_NS_GAI && !ns->in[0])
		return ws_ns_fail(env, ns, "ns_call: bad request");
	if (napi_create_reference(env, argv[2], 1, &ns->callback) != napi_ok ||
	    napi_create_string_utf8(env, "wasock:nameservice", NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_create_async_work(env, NULL, name, ws_ns_execute, ws_ns_complete, ns,
	                           &ns->work) != napi_ok ||
	    napi_queue_async_work(env, ns->work) != napi_ok)
		return ws_ns_fail(env, ns, "ns_call: cannot queue the request");
	return NULL;
}

napi_status ws_nameservice_init(napi_env env, napi_value exports)
{
	return ws_napi_export(env, exports, "ns_call", ws_ns_call);
}
