/* SPDX-License-Identifier: MIT */
/* A one-shot HTTP server written as for Linux: binds 127.0.0.1 on an ephemeral
   port, prints the port, serves argv[1] requests with accept4/recv/send and
   answers with the peer's address as getnameinfo() writes it. */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 1;
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in a = { .sin_family = AF_INET };
	inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
	socklen_t al = sizeof a;
	if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 8) < 0 ||
	    getsockname(ls, (struct sockaddr *)&a, &al) < 0) {
		perror("httpd");
		return 1;
	}
	printf("port %u\n", ntohs(a.sin_port));
	fflush(stdout);
	for (int i = 0; i < count; i++) {
		struct sockaddr_storage peer;
		socklen_t pl = sizeof peer;
		int c = accept4(ls, (struct sockaddr *)&peer, &pl, SOCK_CLOEXEC);
		if (c < 0) {
			perror("httpd: accept4");
			return 1;
		}
		char req[4096];
		size_t got = 0;
		while (got < sizeof req - 1 && !memmem(req, got, "\r\n\r\n", 4)) {
			ssize_t n = recv(c, req + got, sizeof req - 1 - got, 0);
			if (n <= 0)
				break;
			got += (size_t)n;
		}
		req[got] = 0;
		char host[NI_MAXHOST], body[512], resp[1024];
		getnameinfo((struct sockaddr *)&peer, pl, host, sizeof host, NULL, 0, NI_NUMERICHOST);
		char *eol = strstr(req, "\r\n");
		if (eol)
			*eol = 0;
		int bl = snprintf(body, sizeof body, "hello %s, you asked: %s\n", host, req);
		int rl = snprintf(resp, sizeof resp,
		                  "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s", bl, body);
		send(c, resp, (size_t)rl, MSG_NOSIGNAL);
		shutdown(c, SHUT_WR);
		close(c);
	}
	close(ls);
	return 0;
}
