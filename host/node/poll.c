// SPDX-License-Identifier: MIT
/*
 * fd readiness for the promise face: one uv_poll_t per socket (libuv allows only one
 * per fd), whose event mask follows the operations waiting on it. The JS callback
 * gets (status, events); the bridge then retries its operations. The callback is held
 * strongly only while something waits, so an idle socket the program dropped can be
 * collected (its handle is then closed by the finalizer).
 *
 * Interest changes made while a poll callback runs (and the microtasks it drains) are
 * applied once it returns, and only where the final interest differs from what the
 * handle watches: an operation that completes and is followed at once by the next
 * (ping-pong, echo) leaves the registration alone, instead of one epoll_ctl to stop
 * watching and another to start again.
 *
 * A handle opened one-shot (poll_open's third argument) watches nothing after each
 * callback unless the callback, or the microtasks it runs, asks again: the promise
 * face, whose operations are answered in the callback, then makes one call to ask for
 * the next instead of one to give up the interest and another to ask again.
 */
#include <stdlib.h>

#include <uv.h>

#include "binding.h"

struct ws_poll {
	uv_poll_t handle;
	napi_env env;
	napi_ref callback;
	napi_async_context context;
	int strong;   /* the callback reference counts (operations are waiting) */
	int closing;  /* uv_close() was called */
	int uv_done;  /* ...and its callback ran */
	int js_done;  /* the JS handle was collected */
	int active;   /* the uv events the handle watches (0: stopped) */
	int want;     /* the events asked for, applied by ws_poll_apply */
	struct ws_poll *next_dirty; /* on the dirty list (want not yet applied) */
	int dirty;
	int oneshot;  /* each callback gives up the interest unless asked again */
};

/* Per thread: each Node worker has its own loop and its own callbacks. */
static _Thread_local int in_callback;
static _Thread_local struct ws_poll *dirty_list;

static void ws_poll_cb(uv_poll_t *h, int status, int events);

/* Makes the handle watch p->want; returns 0 or a libuv error. */
static int ws_poll_apply(struct ws_poll *p)
{
	int r = 0;
	if (p->closing || p->want == p->active)
		return 0;
	if (!!p->want != p->strong) {
		uint32_t count;
		if ((p->want ? napi_reference_ref(p->env, p->callback, &count)
		             : napi_reference_unref(p->env, p->callback, &count)) == napi_ok)
			p->strong = !!p->want;
	}
	r = p->want ? uv_poll_start(&p->handle, p->want, ws_poll_cb) : uv_poll_stop(&p->handle);
	p->active = r < 0 ? 0 : p->want;
	return r;
}

static void ws_poll_unlist(struct ws_poll *p)
{
	if (!p->dirty)
		return;
	for (struct ws_poll **q = &dirty_list; *q; q = &(*q)->next_dirty) {
		if (*q == p) {
			*q = p->next_dirty;
			break;
		}
	}
	p->dirty = 0;
	p->next_dirty = NULL;
}

/*
 * Applies what the callbacks asked for. A start that fails here has no caller to throw
 * to: the handle is reported to JS as an error event, as libuv reports POLLERR.
 */
static void ws_poll_flush(void)
{
	while (dirty_list) {
		struct ws_poll *p = dirty_list;
		dirty_list = p->next_dirty;
		p->next_dirty = NULL;
		p->dirty = 0;
		if (ws_poll_apply(p) < 0 && p->want)
			ws_poll_cb(&p->handle, UV_EBADF, 0);
	}
}

static void ws_poll_cb(uv_poll_t *h, int status, int events)
{
	struct ws_poll *p = h->data;
	napi_env env = p->env;
	napi_handle_scope scope;
	napi_value cb, recv, argv[2];
	/* On an error condition (POLLERR) libuv has stopped the handle. */
	if (status < 0)
		p->active = 0;
	if (p->closing || napi_open_handle_scope(env, &scope) != napi_ok)
		return;
	in_callback++;
	if (p->oneshot) {
		p->want = 0;
		if (!p->dirty) {
			p->dirty = 1;
			p->next_dirty = dirty_list;
			dirty_list = p;
		}
	}
	if (napi_get_reference_value(env, p->callback, &cb) == napi_ok && cb &&
	    napi_get_global(env, &recv) == napi_ok &&
	    napi_create_int32(env, status, &argv[0]) == napi_ok &&
	    napi_create_int32(env, events, &argv[1]) == napi_ok) {
		napi_value result;
		if (napi_make_callback(env, p->context, recv, cb, 2, argv, &result) ==
		    napi_pending_exception) {
			napi_value err;
			napi_get_and_clear_last_exception(env, &err);
			napi_fatal_exception(env, err);
		}
	}
	napi_close_handle_scope(env, scope);
	if (--in_callback == 0)
		ws_poll_flush();
}

/* The memory is shared by the uv handle and the JS handle: freed when both are done. */
static void ws_poll_closed(uv_handle_t *h)
{
	struct ws_poll *p = h->data;
	p->uv_done = 1;
	if (p->js_done)
		free(p);
}

static void ws_poll_finalize(napi_env env, void *data, void *hint)
{
	struct ws_poll *p = data;
	(void)hint;
	napi_delete_reference(env, p->callback);
	napi_async_destroy(env, p->context);
	p->js_done = 1;
	ws_poll_unlist(p);
	if (!p->closing) {
		p->closing = 1;
		uv_close((uv_handle_t *)&p->handle, ws_poll_closed);
	} else if (p->uv_done) {
		free(p);
	}
}

/* Tags the externals poll_open makes, so that no other external (another addon's, or
 * a name-service request) is ever taken for a poll handle. */
static const napi_type_tag ws_poll_tag = { 0x7761736f636b706fULL, 0x6c6c68616e646c65ULL };

static struct ws_poll *ws_poll_arg(napi_env env, napi_value v)
{
	void *data = NULL;
	bool tagged = false;
	napi_valuetype t;
	if (napi_typeof(env, v, &t) != napi_ok || t != napi_external ||
	    napi_check_object_type_tag(env, v, &ws_poll_tag, &tagged) != napi_ok || !tagged ||
	    napi_get_value_external(env, v, &data) != napi_ok || !data) {
		napi_throw_type_error(env, NULL, "expected a poll handle");
		return NULL;
	}
	return data;
}

/* poll_open(fd, callback[, oneshot]) -> handle */
static napi_value ws_poll_open(napi_env env, napi_callback_info info)
{
	size_t argc = 3;
	napi_value argv[3], name, ext;
	bool oneshot = false;
	int32_t fd;
	uv_loop_t *loop;
	napi_valuetype t;
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	WS_NAPI(env, napi_get_value_int32(env, argv[0], &fd));
	/* libuv asserts on a negative fd; the callback must be callable when it fires. */
	if (fd < 0) {
		napi_throw_range_error(env, NULL, "poll_open: fd must be >= 0");
		return NULL;
	}
	if (argc < 2 || napi_typeof(env, argv[1], &t) != napi_ok || t != napi_function) {
		napi_throw_type_error(env, NULL, "poll_open: callback must be a function");
		return NULL;
	}
	if (argc >= 3 && napi_typeof(env, argv[2], &t) == napi_ok && t != napi_undefined &&
	    napi_get_value_bool(env, argv[2], &oneshot) != napi_ok) {
		napi_throw_type_error(env, NULL, "poll_open: oneshot must be a boolean");
		return NULL;
	}
	WS_NAPI(env, napi_get_uv_event_loop(env, &loop));
	struct ws_poll *p = calloc(1, sizeof *p);
	if (!p) {
		napi_throw_error(env, "ENOMEM", "out of memory");
		return NULL;
	}
	int r = uv_poll_init(loop, &p->handle, fd);
	if (r < 0) {
		free(p);
		napi_throw_error(env, uv_err_name(r), uv_strerror(r));
		return NULL;
	}
	p->env = env;
	p->oneshot = oneshot;
	p->handle.data = p;
	/* From here on the handle is live: a failure closes it (p->js_done lets its close
	 * callback free p) instead of leaking it in the loop. */
	if (napi_create_reference(env, argv[1], 0, &p->callback) != napi_ok ||
	    napi_create_string_utf8(env, "wasock:poll", NAPI_AUTO_LENGTH, &name) != napi_ok ||
	    napi_async_init(env, NULL, name, &p->context) != napi_ok) {
		if (p->callback)
			napi_delete_reference(env, p->callback);
		p->js_done = 1;
		p->closing = 1;
		uv_close((uv_handle_t *)&p->handle, ws_poll_closed);
		ws_napi_throw_last(env);
		return NULL;
	}
	if (napi_create_external(env, p, ws_poll_finalize, NULL, &ext) != napi_ok) {
		napi_delete_reference(env, p->callback);
		napi_async_destroy(env, p->context);
		p->js_done = 1;
		p->closing = 1;
		uv_close((uv_handle_t *)&p->handle, ws_poll_closed);
		ws_napi_throw_last(env);
		return NULL;
	}
	WS_NAPI(env, napi_type_tag_object(env, ext, &ws_poll_tag));
	return ext;
}

/* poll_update(handle, events): waits for UV_READABLE/UV_WRITABLE; 0 stops waiting. */
static napi_value ws_poll_update(napi_env env, napi_callback_info info)
{
	size_t argc = 2;
	napi_value argv[2];
	int32_t events;
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	struct ws_poll *p = ws_poll_arg(env, argv[0]);
	if (!p)
		return NULL;
	WS_NAPI(env, napi_get_value_int32(env, argv[1], &events));
	/* uv_poll_start aborts the process on any other bit. */
	if (events & ~(UV_READABLE | UV_WRITABLE | UV_DISCONNECT | UV_PRIORITIZED)) {
		napi_throw_range_error(env, NULL, "poll_update: events must be a mask of "
		                                  "UV_READABLE, UV_WRITABLE, UV_DISCONNECT, UV_PRIORITIZED");
		return NULL;
	}
	if (p->closing)
		return NULL;
	p->want = events & (UV_READABLE | UV_WRITABLE);
	if (in_callback) {
		if (!p->dirty) {
			p->dirty = 1;
			p->next_dirty = dirty_list;
			dirty_list = p;
		}
		return NULL;
	}
	int r = ws_poll_apply(p);
	if (r < 0) {
		napi_throw_error(env, uv_err_name(r), uv_strerror(r));
		return NULL;
	}
	return NULL;
}

/* poll_close(handle): stops and releases the handle; the fd stays open. */
static napi_value ws_poll_close(napi_env env, napi_callback_info info)
{
	size_t argc = 1;
	napi_value argv[1];
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	struct ws_poll *p = ws_poll_arg(env, argv[0]);
	if (!p || p->closing)
		return NULL;
	ws_poll_unlist(p);
	p->closing = 1;
	uv_close((uv_handle_t *)&p->handle, ws_poll_closed);
	return NULL;
}

/* poll_ref(handle, on): whether a waiting handle keeps the event loop alive. */
static napi_value ws_poll_ref(napi_env env, napi_callback_info info)
{
	size_t argc = 2;
	napi_value argv[2];
	bool on;
	WS_NAPI(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
	struct ws_poll *p = ws_poll_arg(env, argv[0]);
	if (!p)
		return NULL;
	WS_NAPI(env, napi_get_value_bool(env, argv[1], &on));
	if (!p->closing) {
		if (on)
			uv_ref((uv_handle_t *)&p->handle);
		else
			uv_unref((uv_handle_t *)&p->handle);
	}
	return NULL;
}

napi_status ws_poll_init(napi_env env, napi_value exports)
{
	napi_status s;
	if ((s = ws_napi_export(env, exports, "poll_open", ws_poll_open)) != napi_ok ||
	    (s = ws_napi_export(env, exports, "poll_update", ws_poll_update)) != napi_ok ||
	    (s = ws_napi_export(env, exports, "poll_close", ws_poll_close)) != napi_ok)
		return s;
	return ws_napi_export(env, exports, "poll_ref", ws_poll_ref);
}
