// SPDX-License-Identifier: MIT
#include <string.h>

#include "internal.h"

int ws__cstr(char *dst, size_t cap, const char *src, uint32_t len)
{
	if (len >= cap)
		return -EINVAL;
	if (len)
		memcpy(dst, src, len);
	dst[len] = '\0';
	return 0;
}
