/* SPDX-License-Identifier: MIT */
/* A line relay written as for Linux: getaddrinfo + connect to argv[1]:argv[2],
   then poll() on stdin and the socket together; stdin lines go to the peer and
   the peer's bytes to stdout, until the peer closes. */
#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: relay HOST PORT\n");
		return 2;
	}
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res;
	int r = getaddrinfo(argv[1], argv[2], &hints, &res);
	if (r) {
		fprintf(stderr, "relay: %s\n", gai_strerror(r));
		return 1;
	}
	int s = -1;
	for (struct addrinfo *a = res; a && s < 0; a = a->ai_next) {
		s = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
		if (s < 0)
			perror("relay: socket");
		else if (connect(s, a->ai_addr, a->ai_addrlen) < 0) {
			perror("relay: connect");
			close(s);
			s = -1;
		}
	}
	freeaddrinfo(res);
	if (s < 0)
		return 1;
	struct pollfd p[2] = { { 0, POLLIN, 0 }, { s, POLLIN, 0 } };
	char buf[4096];
	for (;;) {
		if (poll(p, 2, -1) < 0) {
			perror("relay: poll");
			return 1;
		}
		if (p[0].revents & (POLLIN | POLLHUP)) {
			ssize_t n = read(0, buf, sizeof buf);
			if (n <= 0) {
				shutdown(s, SHUT_WR);
				p[0].fd = -1;
			} else if (send(s, buf, (size_t)n, 0) != n) {
				perror("relay: send");
				return 1;
			}
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			ssize_t n = recv(s, buf, sizeof buf, 0);
			if (n <= 0)
				break;
			fwrite(buf, 1, (size_t)n, stdout);
			fflush(stdout);
		}
	}
	close(s);
	return 0;
}
