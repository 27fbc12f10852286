// SPDX-License-Identifier: MIT
/*
 * A guest for the runner's tests, built with `wasock cc`: each mode exercises one
 * behaviour through wasi-libc's own calls (read, write, close, fcntl, poll, select,
 * stdio) and the guest library (socket API), and prints what it saw.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netpacket/packet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <wasi/libc.h>

#define E(x) ((x) < 0 ? strerror(errno) : "ok")

static int tcp_connect(const char *host, int port)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };
	inet_pton(AF_INET, host, &a.sin_addr);
	if (s < 0 || connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
		printf("connect: %s\n", strerror(errno));
		exit(1);
	}
	return s;
}

/* Numbering: sockets, files, lowest free, renumber (dup2's move), socketpair. */
static int mode_fds(const char *dir)
{
	char path[256];
	int s1 = socket(AF_INET, SOCK_STREAM, 0);
	snprintf(path, sizeof path, "%s/file.txt", dir);
	int f = open(path, O_RDONLY);
	int s2 = socket(AF_INET, SOCK_DGRAM, 0);
	printf("socket=%d file=%d socket=%d\n", s1, f, s2);
	close(s1);
	int f2 = open(path, O_RDONLY);
	printf("after close(%d): open -> %d\n", s1, f2);
	char buf[32] = { 0 };
	printf("read(file %d) -> %zd '%s'\n", f2, read(f2, buf, sizeof buf - 1), buf);
	int sv[2];
	printf("socketpair -> %s %d %d\n", E(socketpair(AF_UNIX, SOCK_STREAM, 0, sv)), sv[0], sv[1]);
	printf("renumber(%d, 40) -> %s\n", sv[0], E(__wasilibc_fd_renumber(sv[0], 40)));
	printf("write(40) -> %zd\n", write(40, "moved", 5));
	memset(buf, 0, sizeof buf);
	printf("read(%d) -> %zd '%s'\n", sv[1], read(sv[1], buf, sizeof buf - 1), buf);
	printf("write(%d) after the move -> %zd (%s)\n", sv[0], write(sv[0], "x", 1), strerror(errno));
	printf("renumber(%d, %d) onto the file -> %s\n", sv[1], f2, E(__wasilibc_fd_renumber(sv[1], f2)));
	printf("write(40) -> %zd; read(%d) -> ", write(40, "again", 5), f2);
	memset(buf, 0, sizeof buf);
	printf("%zd '%s'\n", read(f2, buf, sizeof buf - 1), buf);
	struct stat st;
	fstat(40, &st);
	printf("fstat(40) S_ISSOCK=%d isatty=%d\n", S_ISSOCK(st.st_mode), isatty(40));
	int s3 = socket(AF_INET, SOCK_STREAM, 0);
	printf("next socket -> %d\n", s3);
	return 0;
}

/* libc write/read on a connected TCP socket, through stdio too. */
static int mode_echo(int port)
{
	int s = tcp_connect("127.0.0.1", port);
	FILE *f = fdopen(s, "r+");
	fprintf(f, "hello via stdio\n");
	fflush(f);
	char line[128];
	if (fgets(line, sizeof line, f))
		printf("got: %s", line);
	fclose(f);
	return 0;
}

/* stdin and a socket in one poll(): forward stdin lines, print replies. */
static int mode_poll(int port, int use_select)
{
	int s = tcp_connect("127.0.0.1", port);
	int stdin_open = 1, pending = 0;
	char buf[512];
	while (stdin_open || pending > 0) {
		int rin = 0, rsock = 0;
		if (use_select) {
			fd_set rd;
			FD_ZERO(&rd);
			if (stdin_open)
				FD_SET(0, &rd);
			FD_SET(s, &rd);
			struct timeval tv = { 5, 0 };
			int n = select(s + 1, &rd, NULL, NULL, &tv);
			if (n <= 0) {
				printf("select -> %d (%s)\n", n, strerror(errno));
				return 1;
			}
			rin = stdin_open && FD_ISSET(0, &rd);
			rsock = FD_ISSET(s, &rd);
		} else {
			struct pollfd p[2] = { { .fd = stdin_open ? 0 : -1, .events = POLLIN },
			                       { .fd = s, .events = POLLIN } };
			int n = poll(p, 2, 5000);
			if (n <= 0) {
				printf("poll -> %d (%s)\n", n, strerror(errno));
				return 1;
			}
			rin = (p[0].revents & (POLLIN | POLLHUP)) != 0;
			rsock = (p[1].revents & (POLLIN | POLLHUP)) != 0;
		}
		if (rin) {
			ssize_t n = read(0, buf, sizeof buf);
			if (n <= 0)
				stdin_open = 0;
			else {
				write(s, buf, n);
				pending += n;
			}
		}
		if (rsock) {
			ssize_t n = read(s, buf, sizeof buf);
			if (n <= 0)
				break;
			fwrite(buf, 1, n, stdout);
			pending -= n;
		}
	}
	printf("done\n");
	return 0;
}

/* O_NONBLOCK through fcntl, FIONBIO and FIONREAD through ioctl, on a socketpair. */
static int mode_nonblock(void)
{
	int sv[2];
	char buf[65536];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	printf("F_GETFL nonblock=%d\n", !!(fcntl(sv[0], F_GETFL) & O_NONBLOCK));
	fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
	printf("F_SETFL -> nonblock=%d\n", !!(fcntl(sv[0], F_GETFL) & O_NONBLOCK));
	ssize_t n = read(sv[0], buf, 16);
	printf("read on idle -> %zd %s\n", n, n < 0 && errno == EAGAIN ? "EAGAIN" : strerror(errno));
	int avail = -1;
	ioctl(sv[0], FIONREAD, &avail);
	printf("FIONREAD idle -> %d\n", avail);
	write(sv[1], "abcdefg", 7);
	ioctl(sv[0], FIONREAD, &avail);
	printf("FIONREAD after 7 -> %d\n", avail);
	printf("read -> %zd\n", read(sv[0], buf, sizeof buf));
	long total = 0;
	memset(buf, 'x', sizeof buf);
	for (;;) {
		n = write(sv[0], buf, sizeof buf);
		if (n < 0)
			break;
		total += n;
	}
	printf("write until full -> %s after %s bytes\n", errno == EAGAIN ? "EAGAIN" : strerror(errno),
	       total > 0 ? "some" : "no");
	struct pollfd p = { .fd = sv[0], .events = POLLOUT };
	printf("poll(POLLOUT) when full -> %d\n", poll(&p, 1, 0));
	int off = 0;
	printf("FIONBIO 0 -> %s\n", E(ioctl(sv[0], FIONBIO, &off)));
	printf("F_GETFL nonblock=%d\n", !!(fcntl(sv[0], F_GETFL) & O_NONBLOCK));
	int on = 1;
	ioctl(sv[1], FIONBIO, &on);
	long drained = 0;
	while ((n = read(sv[1], buf, sizeof buf)) > 0)
		drained += n;
	printf("drained all: %d\n", drained == total);
	p.events = POLLOUT;
	printf("poll(POLLOUT) after drain -> %d revents=%s\n", poll(&p, 1, 0),
	       p.revents & POLLOUT ? "POLLOUT" : "-");
	close(sv[1]);
	p.events = POLLIN;
	poll(&p, 1, 1000);
	printf("peer closed: revents POLLIN=%d POLLHUP=%d, read -> %zd\n", !!(p.revents & POLLIN),
	       !!(p.revents & POLLHUP), read(sv[0], buf, 16));
	return 0;
}

/* One policy question per argument: op:arg... ; prints op -> ok | error text. */
static int mode_try(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		char op[32], a[200] = "", b[32] = "";
		sscanf(argv[i], "%31[^,],%199[^,],%31s", op, a, b);
		int r = 0;
		if (!strcmp(op, "socket")) {
			int fam = !strcmp(a, "inet") ? AF_INET : !strcmp(a, "inet6") ? AF_INET6 :
			          !strcmp(a, "unix") ? AF_UNIX : !strcmp(a, "netlink") ? AF_NETLINK :
			          !strcmp(a, "packet") ? AF_PACKET : atoi(a);
			int type = !strcmp(b, "raw") ? SOCK_RAW : !strcmp(b, "dgram") ? SOCK_DGRAM : SOCK_STREAM;
			int proto = fam == AF_PACKET ? htons(3) : (type == SOCK_RAW && fam != AF_NETLINK) ? IPPROTO_ICMP : 0;
			r = socket(fam, type, proto);
			if (r >= 0)
				close(r);
		} else if (!strcmp(op, "connect") || !strcmp(op, "bind") || !strcmp(op, "sendto") ||
		           !strcmp(op, "uconnect") || !strcmp(op, "tfo")) {
			struct sockaddr_storage ss = { 0 };
			socklen_t len;
			int fam, type = !strcmp(op, "sendto") || !strcmp(op, "uconnect") ? SOCK_DGRAM : SOCK_STREAM;
			if (a[0] == '/' || a[0] == '@') {
				struct sockaddr_un *u = (struct sockaddr_un *)&ss;
				u->sun_family = fam = AF_UNIX;
				strcpy(u->sun_path, a);
				if (a[0] == '@')
					u->sun_path[0] = 0;
				len = offsetof(struct sockaddr_un, sun_path) + strlen(a) + (a[0] == '/');
			} else if (strchr(a, ':')) {
				struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
				s6->sin6_family = fam = AF_INET6;
				s6->sin6_port = htons(atoi(b));
				inet_pton(AF_INET6, a, &s6->sin6_addr);
				len = sizeof *s6;
			} else {
				struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
				s4->sin_family = fam = AF_INET;
				s4->sin_port = htons(atoi(b));
				inet_pton(AF_INET, a, &s4->sin_addr);
				len = sizeof *s4;
			}
			if (!strcmp(op, "tfo"))
				type = SOCK_STREAM;
			int s = socket(fam, type, 0);
			if (s < 0)
				r = s;
			else if (!strcmp(op, "tfo")) {
				/* TCP Fast Open: an address in sendto() connects. */
				r = sendto(s, "x", 1, MSG_FASTOPEN, (struct sockaddr *)&ss, len);
				if (r < 0 && errno == ECONNREFUSED)
					r = 0, errno = 0;
			}
			else if (!strcmp(op, "bind"))
				r = bind(s, (struct sockaddr *)&ss, len);
			else if (!strcmp(op, "sendto"))
				r = sendto(s, "x", 1, 0, (struct sockaddr *)&ss, len);
			else {
				r = connect(s, (struct sockaddr *)&ss, len);
				if (r < 0 && errno == ECONNREFUSED)
					r = 0, errno = 0;   /* reached the kernel: allowed */
			}
			if (s >= 0) {
				int e = errno;
				close(s);
				errno = e;
			}
		} else if (!strcmp(op, "pbind")) {
			/* A packet socket bound to an interface (or to all, for "any"). */
			r = socket(AF_PACKET, SOCK_DGRAM, htons(3));
			if (r >= 0) {
				struct sockaddr_ll ll = { .sll_family = AF_PACKET, .sll_protocol = htons(3),
				                          .sll_ifindex = strcmp(a, "any") ? (int)if_nametoindex(a) : 0 };
				int s = r;
				r = bind(s, (struct sockaddr *)&ll, sizeof ll);
				int e = errno;
				close(s);
				errno = e;
			}
		} else if (!strcmp(op, "resolve")) {
			struct addrinfo *res = NULL;
			struct addrinfo hints = { .ai_socktype = SOCK_STREAM };
			int g = getaddrinfo(a, "80", &hints, &res);
			printf("%s -> %s\n", argv[i], g == 0 ? "ok" : g == EAI_SYSTEM ? strerror(errno) : gai_strerror(g));
			if (res)
				freeaddrinfo(res);
			continue;
		} else if (!strcmp(op, "open")) {
			r = open(a, O_RDONLY);
			if (r >= 0)
				close(r);
		} else if (!strcmp(op, "env")) {
			printf("%s -> %s\n", argv[i], getenv(a) ? getenv(a) : "(unset)");
			continue;
		}
		printf("%s -> %s\n", argv[i], r < 0 ? strerror(errno) : "ok");
	}
	return 0;
}

/* Receives a descriptor over AF_UNIX (SCM_RIGHTS) and reads it with read(). */
static int mode_recvfd(const char *path)
{
	int s = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	strncpy(a.sun_path, path, sizeof a.sun_path - 1);
	if (connect(s, (struct sockaddr *)&a, sizeof a) < 0) {
		printf("connect: %s\n", strerror(errno));
		return 1;
	}
	char byte, ctl[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &byte, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
	                    .msg_controllen = sizeof ctl };
	ssize_t n = recvmsg(s, &m, 0);
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	if (n != 1 || !c || c->cmsg_type != SCM_RIGHTS) {
		printf("recvmsg -> %zd, no SCM_RIGHTS\n", n);
		return 1;
	}
	int fd;
	memcpy(&fd, CMSG_DATA(c), sizeof fd);
	char buf[64] = { 0 };
	n = read(fd, buf, sizeof buf - 1);
	printf("got fd %d (lowest free: %d): read -> %zd '%s'\n", fd, fd == s + 1, n, buf);
	struct stat st;
	fstat(fd, &st);
	printf("S_ISSOCK=%d, close -> %d\n", S_ISSOCK(st.st_mode), close(fd));
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		return 2;
	const char *m = argv[1];
	if (!strcmp(m, "fds"))
		return mode_fds(argv[2]);
	if (!strcmp(m, "echo"))
		return mode_echo(atoi(argv[2]));
	if (!strcmp(m, "poll"))
		return mode_poll(atoi(argv[2]), 0);
	if (!strcmp(m, "select"))
		return mode_poll(atoi(argv[2]), 1);
	if (!strcmp(m, "nonblock"))
		return mode_nonblock();
	if (!strcmp(m, "recvfd"))
		return mode_recvfd(argv[2]);
	if (!strcmp(m, "try"))
		return mode_try(argc - 2, argv + 2);
	return 2;
}
