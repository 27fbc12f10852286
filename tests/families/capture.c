// SPDX-License-Identifier: MIT
/*
 * LD_PRELOAD shim that lets CPython's own sockaddr codecs be the test oracle for address
 * families this machine's kernel lacks (tests/families/oracle.py):
 *   bind()        with WASOCK_CAPTURE set: writes the sockaddr CPython built, in hex, to
 *                 that file and fails with EAFNOSUPPORT instead of reaching the kernel;
 *   getsockname() with WASOCK_FAKE_NAME set: answers that hex sockaddr, so CPython's
 *                 makesockaddr decodes bytes of the test's choosing.
 * Without the variables both are the real calls.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	const char *path = getenv("WASOCK_CAPTURE");
	if (!path) {
		int (*real)(int, const struct sockaddr *, socklen_t) =
			(int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "bind");
		return real(fd, sa, len);
	}
	FILE *f = fopen(path, "w");
	if (f) {
		for (socklen_t i = 0; i < len; i++)
			fprintf(f, "%02x", ((const unsigned char *)sa)[i]);
		fclose(f);
	}
	errno = EAFNOSUPPORT;
	return -1;
}

int getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	const char *hex = getenv("WASOCK_FAKE_NAME");
	if (!hex) {
		int (*real)(int, struct sockaddr *, socklen_t *) =
			(int (*)(int, struct sockaddr *, socklen_t *))dlsym(RTLD_NEXT, "getsockname");
		return real(fd, sa, len);
	}
	socklen_t n = 0;
	for (; hex[2 * n] && hex[2 * n + 1] && n < *len; n++) {
		unsigned v;
		sscanf(hex + 2 * n, "%2x", &v);
		((unsigned char *)sa)[n] = (unsigned char)v;
	}
	*len = n;
	return 0;
}
