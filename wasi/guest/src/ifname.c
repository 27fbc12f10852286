/* SPDX-License-Identifier: MIT */
/* Interface names and indexes, from the host; and gethostname(). */
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "guest.h"

unsigned int if_nametoindex(const char *name)
{
	int32_t r = HOST(if_nametoindex)(name, (uint32_t)strlen(name));
	if (r < 0) {
		errno = wg_errno(-r);
		return 0;
	}
	return (unsigned)r;
}

char *if_indextoname(unsigned int index, char *out)
{
	int32_t r = HOST(if_indextoname)(index, out, IF_NAMESIZE - 1);
	if (r < 0 || r >= IF_NAMESIZE) {
		errno = r < 0 ? wg_errno(-r) : ENXIO;
		return NULL;
	}
	out[r] = 0;
	return out;
}

struct if_nameindex *if_nameindex(void)
{
	uint32_t cap = 256;
	unsigned char *buf = NULL;
	int32_t n;
	for (;;) {
		unsigned char *nb = realloc(buf, cap);
		if (!nb) {
			free(buf);
			errno = ENOBUFS;
			return NULL;
		}
		buf = nb;
		n = HOST(if_nameindex)(buf, cap);
		if (n < 0 || (uint32_t)n <= cap)
			break;
		cap = (uint32_t)n;
	}
	if (n < 0) {
		free(buf);
		errno = wg_errno(-n);
		return NULL;
	}
	size_t count = 0, names = 0;
	for (int32_t p = 0; p + 8 <= n;) {
		uint32_t l;
		memcpy(&l, buf + p + 4, 4);
		count++;
		names += l + 1;
		p += 8 + (int32_t)l;
	}
	/* One block, as glibc's: the array, then the names. */
	struct if_nameindex *ni = malloc((count + 1) * sizeof *ni + names);
	if (!ni) {
		free(buf);
		errno = ENOBUFS;
		return NULL;
	}
	char *s = (char *)(ni + count + 1);
	size_t i = 0;
	for (int32_t p = 0; p + 8 <= n; i++) {
		uint32_t idx, l;
		memcpy(&idx, buf + p, 4);
		memcpy(&l, buf + p + 4, 4);
		ni[i].if_index = idx;
		ni[i].if_name = s;
		memcpy(s, buf + p + 8, l);
		s[l] = 0;
		s += l + 1;
		p += 8 + (int32_t)l;
	}
	ni[count].if_index = 0;
	ni[count].if_name = NULL;
	free(buf);
	return ni;
}

void if_freenameindex(struct if_nameindex *ni)
{
	free(ni);
}

int gethostname(char *name, size_t len)
{
	int32_t r = HOST(gethostname)(name, (uint32_t)len);
	if (r < 0)
		return wg_ret(r);
	if ((size_t)r >= len) {
		/* glibc copies what fits and fails with ENAMETOOLONG. */
		errno = ENAMETOOLONG;
		return -1;
	}
	name[r] = 0;
	return 0;
}
