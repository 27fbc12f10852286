// SPDX-License-Identifier: MIT
/*
 * The program of the WASI benchmark, compiled twice from this one source: natively
 * (cc) and as a guest (`wasock cc`), then run side by side.
 *   pair N          N 1-byte send+recv pairs over a socketpair; prints ns per pair
 *   sink            listens on 127.0.0.1:0, prints the port, reads one connection to EOF
 *   send PORT MB    sends MB MiB in 64 KiB writes, waits for the sink to close; prints MB/s
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static char buf[65536];

int main(int argc, char **argv)
{
	if (argc >= 3 && !strcmp(argv[1], "pair")) {
		long n = atol(argv[2]);
		int sv[2];
		char c = 'x';
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
			return 1;
		double t0 = now();
		for (long i = 0; i < n; i++) {
			if (send(sv[0], &c, 1, 0) != 1 || recv(sv[1], &c, 1, 0) != 1)
				return 1;
		}
		printf("%.1f\n", (now() - t0) * 1e9 / n);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "sink")) {
		int s = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in a = { .sin_family = AF_INET };
		socklen_t l = sizeof a;
		inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
		if (bind(s, (struct sockaddr *)&a, sizeof a) < 0 || listen(s, 1) < 0 ||
		    getsockname(s, (struct sockaddr *)&a, &l) < 0)
			return 1;
		printf("%d\n", ntohs(a.sin_port));
		fflush(stdout);
		int c = accept(s, NULL, NULL);
		long total = 0;
		ssize_t r;
		while ((r = read(c, buf, sizeof buf)) > 0)
			total += r;
		close(c);
		fprintf(stderr, "sink: %ld bytes\n", total);
		return 0;
	}
	if (argc >= 4 && !strcmp(argv[1], "send")) {
		long mb = atol(argv[3]);
		int s = socket(AF_INET, SOCK_STREAM, 0);
		struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(atoi(argv[2])) };
		inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
		memset(buf, 'b', sizeof buf);
		double t0 = now();
		if (connect(s, (struct sockaddr *)&a, sizeof a) < 0)
			return 1;
		for (long i = 0; i < mb * 16; i++) {
			for (size_t off = 0; off < sizeof buf;) {
				ssize_t w = write(s, buf + off, sizeof buf - off);
				if (w <= 0)
					return 1;
				off += (size_t)w;
			}
		}
		shutdown(s, SHUT_WR);
		while (read(s, buf, sizeof buf) > 0)
			;
		printf("%.1f\n", mb / (now() - t0));
		close(s);
		return 0;
	}
	return 2;
}
