// SPDX-License-Identifier: MIT
/* The fuzzers' hostile host (fakehost.c): its answers come from fakehost_feed()'s bytes. */
#ifndef WASOCK_FAKEHOST_H
#define WASOCK_FAKEHOST_H

#include <stddef.h>
#include <stdint.h>

#include "../../src/core.h"

void fakehost_feed(const uint8_t *p, size_t n);
size_t fakehost_left(void);
/* The timeout of the last poll() the core made. */
int32_t fakehost_last_poll_ms(void);

#endif
