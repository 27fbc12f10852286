// SPDX-License-Identifier: MIT
/*
 * policy(): a host/sys address policy (host/wasock_policy.h) as a JS object, so the Node
 * runner consults the same C check a native embedder links. Methods take the use
 * (0 connect, 1 bind, 2 sendto) first; byte arguments are Buffers. The methods serve the
 * object's policy, freed with the object: callers keep the object, not its methods.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../wasock_policy.h"
#include "binding.h"

#define WS_PMAX 6

struct ws_pargs {
	struct wasock_policy *p;
	size_t argc;
	napi_value argv[WS_PMAX];
	int32_t i[WS_PMAX];
};

static int ws_pargs(napi_env env, napi_callback_info info, struct ws_pargs *a)
{
	void *data = NULL;
	a->argc = WS_PMAX;
	if (napi_get_cb_info(env, info, &a->argc, a->argv, NULL, &data) != napi_ok || !data)
		return -1;
	a->p = data;
	for (size_t k = 0; k < WS_PMAX; k++)
		if (k >= a->argc || napi_get_value_int32(env, a->argv[k], &a->i[k]) != napi_ok)
			a->i[k] = 0;
	return 0;
}

static int ws_pbytes(napi_env env, struct ws_pargs *a, size_t k, void **data, size_t *len)
{
	bool ok = false;
	if (k >= a->argc || napi_is_buffer(env, a->argv[k], &ok) != napi_ok || !ok ||
	    napi_get_buffer_info(env, a->argv[k], data, len) != napi_ok) {
		napi_throw_type_error(env, NULL, "policy: expected a Buffer");
		return -1;
	}
	return 0;
}

static napi_value ws_pret(napi_env env, int32_t r)
{
	napi_value v;
	napi_create_int32(env, r, &v);
	return v;
}

static napi_value ws_p_all(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	if (ws_pargs(env, info, &a) < 0)
		return NULL;
	return ws_pret(env, wasock_policy_allow_all(a.p));
}

/* allowIp(use, addr, prefix, lo, hi) */
static napi_value ws_p_ip(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	void *addr;
	size_t len;
	if (ws_pargs(env, info, &a) < 0 || ws_pbytes(env, &a, 1, &addr, &len) < 0)
		return NULL;
	return ws_pret(env, wasock_policy_allow_ip(a.p, a.i[0], addr, (uint32_t)len, (uint32_t)a.i[2],
	                                           (uint16_t)a.i[3], (uint16_t)a.i[4]));
}

/* allowAnyIp(use, lo, hi) */
static napi_value ws_p_anyip(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	if (ws_pargs(env, info, &a) < 0)
		return NULL;
	return ws_pret(env, wasock_policy_allow_any_ip(a.p, a.i[0], (uint16_t)a.i[1], (uint16_t)a.i[2]));
}

/* allowUnix(use, name, isPrefix) */
static napi_value ws_p_unix(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	void *name;
	size_t len;
	if (ws_pargs(env, info, &a) < 0 || ws_pbytes(env, &a, 1, &name, &len) < 0)
		return NULL;
	return ws_pret(env, wasock_policy_allow_unix(a.p, a.i[0], name, (uint32_t)len, a.i[2]));
}

/* allowIfname(use, name): name is a Buffer without a NUL. */
static napi_value ws_p_if(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	void *name;
	size_t len;
	char buf[64];
	if (ws_pargs(env, info, &a) < 0 || ws_pbytes(env, &a, 1, &name, &len) < 0)
		return NULL;
	if (len >= sizeof buf)
		return ws_pret(env, -EINVAL);
	memcpy(buf, name, len);
	buf[len] = '\0';
	return ws_pret(env, wasock_policy_allow_ifname(a.p, a.i[0], buf));
}

/* check(use, sockaddr) -> 0 or -EACCES */
static napi_value ws_p_check(napi_env env, napi_callback_info info)
{
	struct ws_pargs a;
	void *sa;
	size_t len;
	if (ws_pargs(env, info, &a) < 0 || ws_pbytes(env, &a, 1, &sa, &len) < 0)
		return NULL;
	return ws_pret(env, wasock_policy_check(a.p, a.i[0], sa, (uint32_t)len));
}

static void ws_p_free(napi_env env, void *data, void *hint)
{
	(void)env, (void)hint;
	wasock_policy_free(data);
}

static napi_value ws_policy_new(napi_env env, napi_callback_info info)
{
	(void)info;
	struct wasock_policy *p = wasock_policy_new();
	napi_value obj;
	if (!p) {
		napi_throw_error(env, NULL, "out of memory");
		return NULL;
	}
	napi_property_descriptor fns[] = {
		{ "allowAll", NULL, ws_p_all, NULL, NULL, NULL, napi_enumerable, p },
		{ "allowIp", NULL, ws_p_ip, NULL, NULL, NULL, napi_enumerable, p },
		{ "allowAnyIp", NULL, ws_p_anyip, NULL, NULL, NULL, napi_enumerable, p },
		{ "allowUnix", NULL, ws_p_unix, NULL, NULL, NULL, napi_enumerable, p },
		{ "allowIfname", NULL, ws_p_if, NULL, NULL, NULL, napi_enumerable, p },
		{ "check", NULL, ws_p_check, NULL, NULL, NULL, napi_enumerable, p },
	};
	if (napi_create_object(env, &obj) != napi_ok ||
	    napi_define_properties(env, obj, sizeof fns / sizeof fns[0], fns) != napi_ok ||
	    napi_wrap(env, obj, p, ws_p_free, NULL, NULL) != napi_ok) {
		wasock_policy_free(p);
		ws_napi_throw_last(env);
		return NULL;
	}
	return obj;
}

napi_status ws_policy_init(napi_env env, napi_value exports)
{
	return ws_napi_export(env, exports, "policy", ws_policy_new);
}
