/* SPDX-License-Identifier: MIT */
/*
 * Helpers of the differential conformance programs. Each program is compiled
 * twice, natively against glibc and with `wasock cc`, and both builds must print
 * the same lines: one line per case, with results, errno NAMES (the numbers
 * differ: the guest's errno is numbered as WASI's), addresses and readiness.
 * Nothing nondeterministic is printed (ephemeral ports, pids, fd numbers).
 */
#ifndef CONF_H
#define CONF_H
#define _GNU_SOURCE 1
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <sys/un.h>

static const char *errname(int e)
{
#define N(x) if (e == x) return #x;
	N(EAGAIN) N(EBADF) N(EINVAL) N(EACCES) N(EPERM) N(ENOENT) N(EINTR) N(EFAULT)
	N(EADDRINUSE) N(EADDRNOTAVAIL) N(EAFNOSUPPORT) N(EALREADY) N(ECONNABORTED)
	N(ECONNREFUSED) N(ECONNRESET) N(EDESTADDRREQ) N(EHOSTUNREACH) N(EINPROGRESS)
	N(EISCONN) N(EMSGSIZE) N(ENETUNREACH) N(ENOBUFS) N(ENOPROTOOPT) N(ENOTCONN)
	N(ENOTSOCK) N(ENOTSUP) N(EPIPE) N(EPROTONOSUPPORT) N(EPROTOTYPE) N(ETIMEDOUT)
	N(ENAMETOOLONG) N(ENOSPC) N(ENOTDIR) N(EEXIST) N(ENODEV) N(ENXIO) N(ENOMEM)
	N(EIO) N(ENOSYS) N(ENOTTY) N(EMFILE) N(ESHUTDOWN) N(EHOSTDOWN)
	N(ESOCKTNOSUPPORT) N(EPFNOSUPPORT) N(ETOOMANYREFS) N(ERANGE) N(ESRCH)
#undef N
	static char buf[32];
	snprintf(buf, sizeof buf, "errno-%d", e);
	return buf;
}

static int conf_cases;

/* One case: the name and the value of an int-returning call (errno name on -1). */
#define CASE(name, expr) do { \
	errno = 0; \
	long conf_r = (long)(expr); \
	int conf_e = errno; \
	conf_cases++; \
	if (conf_r < 0) \
		printf("%s: %ld %s\n", name, conf_r, errname(conf_e)); \
	else \
		printf("%s: %ld\n", name, conf_r); \
} while (0)

/* A case whose result is only success or failure (fds, ports, sizes that vary). */
#define CASE_OK(name, expr) do { \
	errno = 0; \
	long conf_r = (long)(expr); \
	int conf_e = errno; \
	conf_cases++; \
	if (conf_r < 0) \
		printf("%s: fail %s\n", name, errname(conf_e)); \
	else \
		printf("%s: ok\n", name); \
} while (0)

#define SAY(...) do { conf_cases++; printf(__VA_ARGS__); } while (0)

/* An address as text; the port is printed only when asked (ephemeral ones vary). */
__attribute__((unused)) static const char *addrstr(const void *sa, socklen_t len, int with_port)
{
	static char buf[256];
	const struct sockaddr *s = sa;
	char h[INET6_ADDRSTRLEN];
	if (len < sizeof(sa_family_t))
		return "(none)";
	switch (s->sa_family) {
	case AF_INET: {
		const struct sockaddr_in *in = sa;
		inet_ntop(AF_INET, &in->sin_addr, h, sizeof h);
		if (with_port)
			snprintf(buf, sizeof buf, "inet %s:%u len %u", h, ntohs(in->sin_port), (unsigned)len);
		else
			snprintf(buf, sizeof buf, "inet %s port%s len %u", h, in->sin_port ? ">0" : "=0", (unsigned)len);
		break;
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in = sa;
		inet_ntop(AF_INET6, &in->sin6_addr, h, sizeof h);
		if (with_port)
			snprintf(buf, sizeof buf, "inet6 [%s]:%u scope %u len %u", h, ntohs(in->sin6_port),
			         (unsigned)in->sin6_scope_id, (unsigned)len);
		else
			snprintf(buf, sizeof buf, "inet6 [%s] port%s scope %u len %u", h,
			         in->sin6_port ? ">0" : "=0", (unsigned)in->sin6_scope_id, (unsigned)len);
		break;
	}
	case AF_UNIX: {
		const struct sockaddr_un *un = sa;
		size_t n = len - offsetof(struct sockaddr_un, sun_path);
		if (len <= offsetof(struct sockaddr_un, sun_path))
			snprintf(buf, sizeof buf, "unix unnamed len %u", (unsigned)len);
		else if (un->sun_path[0] == 0)
			snprintf(buf, sizeof buf, "unix abstract '%.*s' len %u", (int)n - 1, un->sun_path + 1,
			         (unsigned)len);
		else
			snprintf(buf, sizeof buf, "unix '%s' len %u", un->sun_path, (unsigned)len);
		break;
	}
	default:
		snprintf(buf, sizeof buf, "family %d len %u", s->sa_family, (unsigned)len);
	}
	return buf;
}

/* poll() readiness of one fd as names, after timeout_ms. */
__attribute__((unused)) static const char *readiness(int fd, short events, int timeout_ms)
{
	static char buf[96];
	struct pollfd p = { .fd = fd, .events = events };
	int r = poll(&p, 1, timeout_ms);
	if (r < 0) {
		snprintf(buf, sizeof buf, "poll -1 %s", errname(errno));
		return buf;
	}
	snprintf(buf, sizeof buf, "%d%s%s%s%s%s", r, p.revents & POLLIN ? " IN" : "",
	         p.revents & POLLOUT ? " OUT" : "", p.revents & POLLERR ? " ERR" : "",
	         p.revents & POLLHUP ? " HUP" : "", p.revents & POLLNVAL ? " NVAL" : "");
	return buf;
}

static int conf_done(void)
{
	printf("cases: %d\n", conf_cases);
	return 0;
}
#endif
