// SPDX-License-Identifier: MIT
#define _GNU_SOURCE
#include <net/if.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

int32_t wasock_host_gethostname(char *buf, uint32_t cap)
{
	char name[256 + 1];
	if (gethostname(name, sizeof name) < 0)
		return -errno;
	name[sizeof name - 1] = '\0';
	size_t n = strlen(name);
	if (n && cap)
		memcpy(buf, name, n < cap ? n : cap);
	return (int32_t)n;
}

int32_t wasock_host_sethostname(const char *name, uint32_t len)
{
	return sethostname(name, len) < 0 ? -errno : 0;
}

int32_t wasock_host_if_nameindex(void *out, uint32_t cap)
{
	struct if_nameindex *ni = if_nameindex();
	if (!ni)
		return -errno;
	uint8_t *p = out;
	uint32_t len = 0;
	for (struct if_nameindex *i = ni; i->if_index; i++) {
		uint32_t n = (uint32_t)strlen(i->if_name), idx = i->if_index;
		if ((uint64_t)len + 8 + n <= cap) {
			memcpy(p + len, &idx, 4);
			memcpy(p + len + 4, &n, 4);
			memcpy(p + len + 8, i->if_name, n);
		}
		len = len > INT32_MAX || 8 + n > INT32_MAX - len ? (uint32_t)INT32_MAX + 1 : len + 8 + n;
	}
	if_freenameindex(ni);
	return len > INT32_MAX ? -EOVERFLOW : (int32_t)len;
}

int32_t wasock_host_if_nametoindex(const char *name, uint32_t len)
{
	char n[IF_NAMESIZE + 1];
	if (ws__cstr(n, sizeof n, name, len) < 0 || (len && memchr(name, '\0', len)))
		return -ENODEV;
	unsigned idx = if_nametoindex(n);
	return idx ? (int32_t)idx : -errno;
}

int32_t wasock_host_if_indextoname(uint32_t index, char *out, uint32_t cap)
{
	char n[IF_NAMESIZE];
	if (!if_indextoname(index, n))
		return -errno;
	size_t l = strlen(n);
	if (l && cap)
		memcpy(out, n, l < cap ? l : cap);
	return (int32_t)l;
}
