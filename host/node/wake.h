// SPDX-License-Identifier: MIT
#ifndef WASOCK_NODE_WAKE_H
#define WASOCK_NODE_WAKE_H

#include <stdint.h>

#include <node_api.h>

/* The host's poll() and poll_many(), ended early (-EINTR) when the thread's event loop
 * is woken, once the thread called interruptible(); the plain host calls otherwise. */
int32_t ws_wake_poll(int32_t fd, int32_t events, int32_t timeout_ms);
int32_t ws_wake_poll_many(void *fds, uint32_t nfds, int32_t timeout_ms);
napi_status ws_wake_init(napi_env env, napi_value exports);

#endif
