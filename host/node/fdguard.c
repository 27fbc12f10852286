// SPDX-License-Identifier: MIT
/*
 * fdGuard(): a set of host fds that belong to a WASI guest, closed when the Node
 * environment that made it is torn down. A runner in a worker_thread that is terminated
 * runs no more JavaScript (no finally, no 'exit' event), so only an environment cleanup
 * hook can close what the guest still held. The runner adds each fd it hands the guest
 * and removes it when the guest closes it; closeAll() ends a run. An object collected
 * with fds still in it closes them too: nobody else can name them.
 */
#include <stdlib.h>
#include <unistd.h>

#include "binding.h"

struct ws_guard {
	int *fds;
	size_t n, cap;
};

static void ws_guard_close_all(struct ws_guard *g)
{
	for (size_t i = 0; i < g->n; i++)
		close(g->fds[i]);
	g->n = 0;
}

static void ws_guard_hook(void *arg)
{
	ws_guard_close_all(arg);
}

static void ws_guard_free(napi_env env, void *data, void *hint)
{
	struct ws_guard *g = data;
	(void)hint;
	ws_guard_close_all(g);
	napi_remove_env_cleanup_hook(env, ws_guard_hook, g);
	free(g->fds);
	free(g);
}

static struct ws_guard *ws_guard_arg(napi_env env, napi_callback_info info, int32_t *fd)
{
	size_t argc = 1;
	napi_value argv[1];
	void *data = NULL;
	if (napi_get_cb_info(env, info, &argc, argv, NULL, &data) != napi_ok)
		return NULL;
	if (fd && (argc < 1 || napi_get_value_int32(env, argv[0], fd) != napi_ok)) {
		napi_throw_type_error(env, NULL, "fdGuard: fd must be an integer");
		return NULL;
	}
	return data;
}

static napi_value ws_guard_add(napi_env env, napi_callback_info info)
{
	int32_t fd;
	struct ws_guard *g = ws_guard_arg(env, info, &fd);
	if (!g)
		return NULL;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 16;
		int *p = realloc(g->fds, cap * sizeof *p);
		if (!p) {
			napi_throw_error(env, NULL, "out of memory");
			return NULL;
		}
		g->fds = p;
		g->cap = cap;
	}
	g->fds[g->n++] = fd;
	return NULL;
}

static napi_value ws_guard_remove(napi_env env, napi_callback_info info)
{
	int32_t fd;
	struct ws_guard *g = ws_guard_arg(env, info, &fd);
	if (!g)
		return NULL;
	for (size_t i = g->n; i-- > 0;) {
		if (g->fds[i] == fd) {
			g->fds[i] = g->fds[--g->n];
			break;
		}
	}
	return NULL;
}

static napi_value ws_guard_closeall(napi_env env, napi_callback_info info)
{
	struct ws_guard *g = ws_guard_arg(env, info, NULL);
	if (!g)
		return NULL;
	napi_value n;
	WS_NAPI(env, napi_create_uint32(env, (uint32_t)g->n, &n));
	ws_guard_close_all(g);
	return n;
}

static napi_value ws_guard_new(napi_env env, napi_callback_info info)
{
	(void)info;
	struct ws_guard *g = calloc(1, sizeof *g);
	napi_value obj;
	if (!g) {
		napi_throw_error(env, NULL, "out of memory");
		return NULL;
	}
	napi_property_descriptor fns[] = {
		{ "add", NULL, ws_guard_add, NULL, NULL, NULL, napi_enumerable, g },
		{ "remove", NULL, ws_guard_remove, NULL, NULL, NULL, napi_enumerable, g },
		{ "closeAll", NULL, ws_guard_closeall, NULL, NULL, NULL, napi_enumerable, g },
	};
	if (napi_create_object(env, &obj) != napi_ok ||
	    napi_define_properties(env, obj, 3, fns) != napi_ok ||
	    napi_add_env_cleanup_hook(env, ws_guard_hook, g) != napi_ok) {
		free(g);
		ws_napi_throw_last(env);
		return NULL;
	}
	if (napi_wrap(env, obj, g, ws_guard_free, NULL, NULL) != napi_ok) {
		napi_remove_env_cleanup_hook(env, ws_guard_hook, g);
		free(g);
		ws_napi_throw_last(env);
		return NULL;
	}
	return obj;
}

napi_status ws_fdguard_init(napi_env env, napi_value exports)
{
	return ws_napi_export(env, exports, "fdGuard", ws_guard_new);
}
