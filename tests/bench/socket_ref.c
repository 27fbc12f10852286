// SPDX-License-Identifier: MIT
// The C reference for tests/bench/socket.bench.js: the same system calls wasock makes.
//   socket_ref pairs N      1-byte send+recv pairs on an AF_UNIX socketpair, one thread
//   socket_ref bulk BYTES   BYTES in 64 KiB chunks over TCP loopback (sender thread)
//   socket_ref udp N        1-byte sendto+recvfrom pairs between two loopback UDP sockets
// The clock starts once the connection is accepted, as in the other two.
// Prints one line: <operations or bytes> <seconds>.
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long long total;
static int port;

static void *sender(void *arg)
{
	(void)arg;
	static char buf[CHUNK];
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port),
		                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	if (connect(s, (struct sockaddr *)&sa, sizeof sa) < 0) {
		perror("connect");
		exit(1);
	}
	for (long long left = total; left > 0;) {
		ssize_t n = send(s, buf, left < CHUNK ? (size_t)left : CHUNK, 0);
		if (n < 0) {
			perror("send");
			exit(1);
		}
		left -= n;
	}
	close(s);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	long long n = atoll(argv[2]);
	if (!strcmp(argv[1], "pairs")) {
		int sv[2];
		char c = 1;
		socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv);
		double t = now();
		for (long long i = 0; i < n; i++) {
			if (send(sv[0], &c, 1, 0) != 1 || recv(sv[1], &c, 1, 0) != 1)
				return 1;
		}
		printf("%lld %.6f\n", n, now() - t);
		return 0;
	}
	if (!strcmp(argv[1], "udp")) {
		int a = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		int b = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
		struct sockaddr_in sb = { .sin_family = AF_INET,
			                  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
		struct sockaddr_in from;
		socklen_t blen = sizeof sb;
		char c = 1, in[2048];
		bind(a, (struct sockaddr *)&sb, sizeof sb);
		bind(b, (struct sockaddr *)&sb, sizeof sb);
		getsockname(b, (struct sockaddr *)&sb, &blen);
		double t = now();
		for (long long i = 0; i < n; i++) {
			socklen_t fl = sizeof from;
			if (sendto(a, &c, 1, 0, (struct sockaddr *)&sb, sizeof sb) != 1 ||
			    recvfrom(b, in, sizeof in, 0, (struct sockaddr *)&from, &fl) != 1)
				return 1;
		}
		printf("%lld %.6f\n", n, now() - t);
		return 0;
	}
	total = n;
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof sa;
	bind(l, (struct sockaddr *)&sa, sizeof sa);
	listen(l, 1);
	getsockname(l, (struct sockaddr *)&sa, &len);
	port = ntohs(sa.sin_port);
	pthread_t th;
	pthread_create(&th, NULL, sender, NULL);
	int c = accept(l, NULL, NULL);
	double t = now();
	static char buf[CHUNK];
	long long got = 0;
	for (;;) {
		ssize_t r = recv(c, buf, CHUNK, 0);
		if (r <= 0)
			break;
		got += r;
	}
	pthread_join(th, NULL);
	printf("%lld %.6f\n", got, now() - t);
	return got == total ? 0 : 1;
}
