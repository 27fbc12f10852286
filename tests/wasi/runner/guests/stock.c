// SPDX-License-Identifier: MIT
/*
 * A guest built with plain clang and the stock wasi-libc (no `wasock cc`): sockets come
 * from raw wasock_host imports, everything else is wasi-libc's own code over preview1 —
 * poll() and select() (poll_oneoff), ioctl(FIONREAD) (poll_oneoff's nbytes),
 * fcntl(O_NONBLOCK) (fdstat), accept/recv/send/shutdown (sock_*), read/write, usleep.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HOST(name) __attribute__((import_module("wasock_host"), import_name(#name)))
HOST(socket) int32_t h_socket(int32_t, int32_t, int32_t);
HOST(socketpair) int32_t h_socketpair(int32_t, int32_t, int32_t, int32_t *);
HOST(bind) int32_t h_bind(int32_t, const void *, uint32_t);
HOST(listen) int32_t h_listen(int32_t, int32_t);
HOST(connect) int32_t h_connect(int32_t, const void *, uint32_t);
HOST(getsockname) int32_t h_getsockname(int32_t, void *, uint32_t *);

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	int32_t sv[2];
	h_socketpair(1, 1, 0, sv);
	int a = sv[0], b = sv[1];

	/* stdin and a socket in one poll(): the socket is readable, stdin (a pipe the test
	 * keeps open and empty) is not. */
	write(b, "ping", 4);
	struct pollfd p[2] = { { .fd = 0, .events = POLLRDNORM }, { .fd = a, .events = POLLRDNORM } };
	int n = poll(p, 2, 1000);
	printf("poll -> %d stdin=%d sock=%d\n", n, p[0].revents != 0, (p[1].revents & POLLRDNORM) != 0);
	int avail = -1;
	ioctl(a, FIONREAD, &avail);
	printf("FIONREAD -> %d\n", avail);
	char buf[64];
	printf("read -> %zd\n", read(a, buf, sizeof buf));

	fd_set rd;
	FD_ZERO(&rd);
	FD_SET(0, &rd);
	FD_SET(a, &rd);
	struct timeval tv = { 0, 50000 };
	printf("select idle -> %d\n", select(a + 1, &rd, NULL, NULL, &tv));
	fd_set wr;
	FD_ZERO(&wr);
	FD_SET(a, &wr);
	printf("select writable -> %d\n", select(a + 1, NULL, &wr, NULL, NULL));

	fcntl(a, F_SETFL, O_NONBLOCK);
	ssize_t r = read(a, buf, sizeof buf);
	printf("nonblocking read -> %zd %s\n", r, errno == EAGAIN ? "EAGAIN" : strerror(errno));

	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	usleep(20000);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	printf("usleep(20ms) slept >= 20ms: %d\n", ms >= 20);

	/* A TCP listener from the host imports, then wasi-libc's accept/recv/send/shutdown. */
	uint8_t sa[16] = { 2, 0, 0, 0, 127, 0, 0, 1 };
	uint32_t sl = sizeof sa;
	int l = h_socket(2, 1, 0);
	h_bind(l, sa, sizeof sa);
	h_listen(l, 1);
	h_getsockname(l, sa, &sl);
	int c = h_socket(2, 1, 0);
	printf("connect -> %d\n", h_connect(c, sa, sizeof sa));
	struct sockaddr_storage peer;
	socklen_t pl = sizeof peer;
	int s = accept(l, (struct sockaddr *)&peer, &pl);
	printf("accept -> %d (lowest free: %d)\n", s, s == c + 1);
	printf("send -> %zd\n", send(c, "hello", 5, 0));
	printf("recv MSG_PEEK -> %zd\n", recv(s, buf, sizeof buf, MSG_PEEK));
	printf("recv -> %zd '%.5s'\n", recv(s, buf, sizeof buf, 0), buf);
	printf("shutdown(SHUT_WR) -> %d\n", shutdown(c, SHUT_WR));
	printf("recv after shutdown -> %zd\n", recv(s, buf, sizeof buf, 0));
	return 0;
}
