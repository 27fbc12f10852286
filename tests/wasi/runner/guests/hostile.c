// SPDX-License-Identifier: MIT
/*
 * A hostile guest: it calls the runner's imports directly (wasock_host with raw
 * numbers and native control bytes, wasi_snapshot_preview1 through wasi-libc) to reach
 * descriptors and host state it was not given. Each mode prints what the runner
 * answered; the tests check every answer is a refusal and nothing leaked.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wasi/api.h>

#define HOST(name) __attribute__((import_module("wasock_host"), import_name(#name)))
HOST(socket) int32_t h_socket(int32_t, int32_t, int32_t);
HOST(socketpair) int32_t h_socketpair(int32_t, int32_t, int32_t, int32_t *);
HOST(close) int32_t h_close(int32_t);
HOST(dup) int32_t h_dup(int32_t);
HOST(getsockopt) int32_t h_getsockopt(int32_t, int32_t, int32_t, void *, uint32_t *);
HOST(setsockopt) int32_t h_setsockopt(int32_t, int32_t, int32_t, const void *, uint32_t);
HOST(ioctl) int32_t h_ioctl(int32_t, uint32_t, void *, uint32_t);
HOST(sendto) int32_t h_sendto(int32_t, const void *, uint32_t, int32_t, const void *, uint32_t);
HOST(recvfrom) int32_t h_recvfrom(int32_t, void *, uint32_t, int32_t, void *, uint32_t *);
HOST(sendmsg) int32_t h_sendmsg(int32_t, const void *, uint32_t, const void *, uint32_t,
                                const void *, uint32_t, int32_t);
HOST(recvmsg) int32_t h_recvmsg(int32_t, const void *, uint32_t, void *, uint32_t *, void *,
                                uint32_t *, int32_t *, int32_t);
HOST(poll) int32_t h_poll(int32_t, int32_t, int32_t);
HOST(poll_many) int32_t h_poll_many(void *, uint32_t, int32_t);
HOST(sendfile) int32_t h_sendfile(int32_t, int32_t, int64_t *, uint32_t);
HOST(sethostname) int32_t h_sethostname(const char *, uint32_t);
HOST(getaddrinfo) int32_t h_getaddrinfo(const char *, uint32_t, const char *, uint32_t, int32_t,
                                        int32_t, int32_t, int32_t, void *, uint32_t);

/* preview1 imports under names of this file's own, raw integers in and out. */
#define P1(name) __attribute__((import_module("wasi_snapshot_preview1"), import_name(#name)))
P1(fd_write) int32_t p1_fd_write(int32_t, int32_t, int32_t, int32_t);
P1(fd_read) int32_t p1_fd_read(int32_t, int32_t, int32_t, int32_t);
P1(fd_fdstat_get) int32_t p1_fd_fdstat_get(int32_t, int32_t);
P1(fd_filestat_get) int32_t p1_fd_filestat_get(int32_t, int32_t);
P1(poll_oneoff) int32_t p1_poll_oneoff(int32_t, int32_t, int32_t, int32_t);
P1(sock_accept) int32_t p1_sock_accept(int32_t, int32_t, int32_t);

enum { L_AF_UNIX = 1, L_AF_INET = 2, L_SOCK_STREAM = 1, L_SOCK_DGRAM = 2, L_SOL_SOCKET = 1 };

struct iov { uint32_t base, len; };

/* A native (x86_64) cmsghdr with room for up to 4 fds. */
struct ncmsg {
	uint64_t len;
	int32_t level, type;
	int32_t fds[4];
};

static int pair(int32_t sv[2])
{
	return h_socketpair(L_AF_UNIX, L_SOCK_STREAM, 0, sv);
}

/* Every number a guest could guess, through every kind of import. */
static int mode_guess(void)
{
	int32_t sv[2];
	pair(sv);
	int ok_close = 0, ok_host = 0, ok_stat = 0, nval = 0, ok_dup = 0;
	for (int fd = 0; fd < 1024; fd++) {
		if (fd == sv[0] || fd == sv[1] || fd <= 2)
			continue;
		__wasi_fdstat_t st;
		if (__wasi_fd_fdstat_get(fd, &st) == 0)
			ok_stat++;
		int v = 0;
		uint32_t l = 4;
		if (h_getsockopt(fd, L_SOL_SOCKET, 3, &v, &l) != -9)
			ok_host++;
		if (h_poll(fd, 1, 0) == 0x20)
			nval++;
		int d = h_dup(fd);
		if (d >= 0)
			ok_dup++;
		if (h_close(fd) != -9)
			ok_close++;
		if (__wasi_fd_close(fd) != __WASI_ERRNO_BADF)
			ok_close++;
	}
	for (int fd = -5; fd < 0; fd++)
		if (h_close(fd) != -9 || h_dup(fd) != -9)
			ok_close++;
	if (h_close(0x7fffffff) != -9)
		ok_close++;
	/* Renumbering far away would grow the runner's table without bound. */
	printf("renumber to 2^31-1 -> %d, to 65536 -> %d\n", __wasi_fd_renumber(sv[0], 0x7fffffff),
	       __wasi_fd_renumber(sv[0], 65536));
	printf("guess: fdstat ok=%d host ok=%d dup ok=%d close ok=%d poll nval=%d\n", ok_stat, ok_host,
	       ok_dup, ok_close, nval);
	/* The runner's own fds stayed: stdio still works, and the guest's pair too. */
	printf("pair still works: %d\n", h_sendto(sv[0], "z", 1, 0, 0, 0) == 1);
	return 0;
}

/* SCM_RIGHTS carrying numbers the guest does not hold; then a fair pass. */
static int mode_scm(void)
{
	int32_t sv[2], other[2];
	pair(sv);
	pair(other);
	char byte = 'm';
	struct iov io = { (uint32_t)(uintptr_t)&byte, 1 };
	struct ncmsg c = { .len = 16 + 4, .level = L_SOL_SOCKET, .type = 1 };
	const int32_t foreign[] = { 100, 999, -1, 0x7fffffff };
	for (unsigned i = 0; i < 4; i++) {
		c.fds[0] = foreign[i];
		printf("SCM_RIGHTS fd %d -> %d\n", foreign[i], h_sendmsg(sv[0], &io, 1, 0, 0, &c, 24, 0));
	}
	/* An owned fd hidden after a foreign one in the same message. */
	c.len = 16 + 8;
	c.fds[0] = other[0];
	c.fds[1] = 555;
	printf("SCM_RIGHTS owned+foreign -> %d (owned fd kept: %d)\n", h_sendmsg(sv[0], &io, 1, 0, 0, &c, 24, 0),
	       c.fds[0] == other[0]);
	/* A malformed header the kernel would also refuse, and one that hides a second. */
	c.len = 1000;
	printf("cmsg_len past the end -> %d\n", h_sendmsg(sv[0], &io, 1, 0, 0, &c, 24, 0));
	/* Two messages, packed as CMSG_NXTHDR finds them (24 bytes apart): the second
	 * one's fd is foreign. */
	uint8_t two[48] = { 0 };
	struct ncmsg h1 = { .len = 20, .level = L_SOL_SOCKET, .type = 1, .fds = { other[0] } };
	struct ncmsg h2 = { .len = 20, .level = L_SOL_SOCKET, .type = 1, .fds = { 777 } };
	memcpy(two, &h1, 20);
	memcpy(two + 24, &h2, 20);
	printf("second cmsg foreign -> %d\n", h_sendmsg(sv[0], &io, 1, 0, 0, two, 48, 0));
	/* A fair pass: the receiver gets a new guest fd that works. */
	c.len = 20;
	c.fds[0] = other[0];
	printf("SCM_RIGHTS owned -> %d (sender's fd unchanged: %d)\n", h_sendmsg(sv[0], &io, 1, 0, 0, &c, 24, 0),
	       c.fds[0] == other[0]);
	struct ncmsg rc = { 0 };
	uint32_t nl = 0, cl = sizeof rc;
	int32_t mf = 0;
	char got = 0;
	struct iov rio = { (uint32_t)(uintptr_t)&got, 1 };
	int r = h_recvmsg(sv[1], &rio, 1, 0, &nl, &rc, &cl, &mf, 0);
	int nfd = rc.fds[0];
	printf("recvmsg -> %d '%c' level=%d type=%d fd=%d (lowest free: %d)\n", r, got, rc.level, rc.type,
	       nfd, nfd == other[1] + 1);
	printf("passed fd works: %d\n", h_sendto(nfd, "p", 1, 0, 0, 0) == 1 && h_recvfrom(other[1], &got, 1, 0, 0, 0) == 1 && got == 'p');
	/* SCM_CREDENTIALS naming another process. */
	struct { uint64_t len; int32_t level, type; int32_t pid, uid, gid; int32_t pad; } cred = {
		28, L_SOL_SOCKET, 2, 1, 0, 0, 0 };
	printf("SCM_CREDENTIALS pid 1 -> %d\n", h_sendmsg(sv[0], &io, 1, 0, 0, &cred, 32, 0));
	return 0;
}

/* ioctl and socket options that reach outside the socket. */
static int mode_opts(void)
{
	int32_t s = h_socket(L_AF_INET, L_SOCK_DGRAM, 0);
	char ifr[40] = "lo";
	int v = 1;
	printf("socket -> %d\n", s);
	printf("SIOCSIFFLAGS -> %d\n", h_ioctl(s, 0x8914, ifr, 40));
	printf("SIOCSIFADDR -> %d\n", h_ioctl(s, 0x8916, ifr, 40));
	printf("SIOCADDRT -> %d\n", h_ioctl(s, 0x890B, ifr, 40));
	printf("SIOCGIFCONF -> %d\n", h_ioctl(s, 0x8912, ifr, 40));
	printf("SIOCETHTOOL -> %d\n", h_ioctl(s, 0x8946, ifr, 40));
	printf("TIOCSTI -> %d\n", h_ioctl(0, 0x5412, ifr, 40));
	printf("FIONREAD short area -> %d\n", h_ioctl(s, 0x541B, &v, 1));
	printf("SIOCGIFINDEX short area -> %d\n", h_ioctl(s, 0x8933, ifr, 16));
	printf("SIOCGIFINDEX lo -> %d index=%d\n", h_ioctl(s, 0x8933, ifr, 40), *(int *)(ifr + 16));
	printf("FIONREAD -> %d\n", h_ioctl(s, 0x541B, &v, 4));
	struct { uint16_t len; uint16_t pad; uint32_t filter; } fprog = { 1, 0, 0x12345678 };
	printf("SO_ATTACH_FILTER -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 26, &fprog, 16));
	printf("SO_ATTACH_REUSEPORT_CBPF -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 51, &fprog, 16));
	printf("SO_ATTACH_BPF -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 50, &v, 4));
	printf("SO_MARK -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 36, &v, 4));
	printf("SO_BINDTODEVICE -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 25, "lo", 3));
	printf("IP_TRANSPARENT -> %d\n", h_setsockopt(s, 0, 19, &v, 4));
	char big[64] = { 0 };
	printf("IPT_SO_SET_REPLACE -> %d\n", h_setsockopt(s, 0, 64, big, sizeof big));
	uint32_t bl = sizeof big;
	printf("IPT_SO_GET_INFO -> %d\n", h_getsockopt(s, 0, 64, big, &bl));
	uint8_t lsrr[8] = { 1, 0x83, 7, 4, 10, 0, 0, 1 };
	printf("IP_OPTIONS -> %d\n", h_setsockopt(s, 0, 4, lsrr, sizeof lsrr));
	struct { uint64_t len; int32_t level, type; uint8_t opt[8]; } retopts = { 24, 0, 7, { 0 } };
	memcpy(retopts.opt, lsrr, sizeof lsrr);
	char byte = 'r';
	struct iov io = { (uint32_t)(uintptr_t)&byte, 1 };
	uint8_t to[16] = { 2, 0, 0, 9, 127, 0, 0, 1 };
	printf("sendmsg IP_RETOPTS -> %d\n", h_sendmsg(s, &io, 1, to, 16, &retopts, 24, 0));
	printf("SO_REUSEADDR -> %d\n", h_setsockopt(s, L_SOL_SOCKET, 2, &v, 4));
	printf("sethostname -> %d\n", h_sethostname("owned", 5));
	int64_t off = 0;
	printf("sendfile from unowned fd 9 -> %d\n", h_sendfile(s, 9, &off, 1));
	printf("getaddrinfo name -> %d\n", h_getaddrinfo("example.com", 11, "80", 2, 0, 1, 0, 0, big, sizeof big));
	return 0;
}

static void *volatile sink;

/* Unbounded recursion with large frames: the shadow stack runs off linear memory. */
static int deep(int n)
{
	volatile char buf[1 << 16];
	buf[n & 0xffff] = (char)n;
	return deep(n + 1) + buf[0];
}

/* Holds sockets, then ends badly. */
static int mode_end(const char *how)
{
	int32_t sv[2];
	pair(sv);
	h_socket(L_AF_INET, L_SOCK_STREAM, 0);
	if (!strcmp(how, "trap"))
		__builtin_trap();
	if (!strcmp(how, "exit"))
		exit(7);
	if (!strcmp(how, "abort"))
		abort();
	if (!strcmp(how, "oom")) {
		size_t total = 0;
		for (;;) {
			/* Kept in a volatile sink, so the compiler cannot drop the allocation. */
			sink = malloc(1 << 20);
			if (!sink)
				break;
			memset((void *)sink, 1, 1 << 20);
			total += 1 << 20;
		}
		printf("malloc failed after %zu MiB\n", total >> 20);
		/* An allocation the program does not check: a NULL store traps the guest. */
		volatile char *q = malloc(1 << 30);
		q[1 << 29] = 1;
		return 0;
	}
	if (!strcmp(how, "stack"))
		return deep(1);
	if (!strcmp(how, "stdio")) {
		/* Closing stdio only makes the guest forget it: the numbers are free again, the
		 * host's own fds 0-2 stay open. */
		close(0);
		close(1);
		close(2);
		int32_t p2[2];
		pair(p2);
		return p2[0] == 0 && p2[1] == 1 ? 5 : 6;
	}
	if (!strcmp(how, "midcall")) {
		/* proc_exit while a blocking recv's peer is still open: the runner ends the
		 * guest and closes both ends. */
		__wasi_proc_exit(9);
	}
	return 0;
}

/* Pointers past the end of linear memory, into every preview1 path the runner serves. */
static int mode_ptrs(void)
{
	int32_t sv[2];
	pair(sv);
	const uint32_t bad = 0xfffffff0u;
	__wasi_ciovec_t iov = { (const uint8_t *)"x", 1 };
	__wasi_size_t n;
	__wasi_iovec_t riov = { (uint8_t *)&n, 1 };
	printf("fd_write result past the end -> %d\n",
	       p1_fd_write(sv[0], (int32_t)(uintptr_t)&iov, 1, bad));
	printf("fd_read result past the end -> %d\n",
	       p1_fd_read(sv[1], (int32_t)(uintptr_t)&riov, 1, bad));
	printf("fd_write iovec past the end -> %d\n", p1_fd_write(sv[0], bad, 1, (int32_t)(uintptr_t)&n));
	printf("fd_fdstat_get past the end -> %d\n", p1_fd_fdstat_get(sv[0], bad));
	printf("fd_filestat_get past the end -> %d\n", p1_fd_filestat_get(sv[0], bad));
	printf("poll_oneoff 2^28 subscriptions -> %d\n",
	       p1_poll_oneoff(0x1000, 0x1000, 1 << 28, (int32_t)(uintptr_t)&n));
	printf("sock_accept result past the end -> %d\n", p1_sock_accept(sv[0], 0, bad));
	printf("socketpair result past the end -> %d\n", h_socketpair(L_AF_UNIX, L_SOCK_STREAM, 0, (int32_t *)(uintptr_t)bad));
	printf("still alive\n");
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		return 2;
	if (!strcmp(argv[1], "guess"))
		return mode_guess();
	if (!strcmp(argv[1], "ptrs"))
		return mode_ptrs();
	if (!strcmp(argv[1], "scm"))
		return mode_scm();
	if (!strcmp(argv[1], "opts"))
		return mode_opts();
	if (!strcmp(argv[1], "block")) {
		/* Holds a pair and a TCP connection, then blocks in recv until the peer writes. */
		int port = atoi(argv[2]);
		int32_t sv[2];
		pair(sv);
		uint8_t sa[16] = { L_AF_INET, 0, port >> 8, port & 255, 127, 0, 0, 1 };
		int s = h_socket(L_AF_INET, L_SOCK_STREAM, 0);
		HOST(connect) int32_t h_connect(int32_t, const void *, uint32_t);
		printf("connect -> %d\n", h_connect(s, sa, sizeof sa));
		char b[8];
		while (h_recvfrom(s, b, sizeof b, 0, 0, 0) > 0)
			;
		return 0;
	}
	if (!strcmp(argv[1], "end"))
		return mode_end(argv[2]);
	return 2;
}
