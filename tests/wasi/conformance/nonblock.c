/* SPDX-License-Identifier: MIT */
/* Non-blocking sockets and readiness: O_NONBLOCK through fcntl, FIONBIO and
   SOCK_NONBLOCK; EAGAIN/EINPROGRESS; poll() and select() on sockets. */
#include "conf.h"
#include <sys/ioctl.h>
#include <sys/select.h>

static const char *sel(int fd, int rd, int wr, int ms)
{
	static char buf[64];
	fd_set r, w;
	FD_ZERO(&r);
	FD_ZERO(&w);
	if (rd)
		FD_SET(fd, &r);
	if (wr)
		FD_SET(fd, &w);
	struct timeval tv = { 0, ms * 1000 };
	int n = select(fd + 1, &r, &w, NULL, &tv);
	if (n < 0)
		snprintf(buf, sizeof buf, "select -1 %s", errname(errno));
	else
		snprintf(buf, sizeof buf, "%d%s%s", n, FD_ISSET(fd, &r) ? " R" : "", FD_ISSET(fd, &w) ? " W" : "");
	return buf;
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	int sv[2];
	char buf[256];
	CASE("socketpair stream", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	CASE("fcntl F_GETFL nonblock bit", fcntl(sv[0], F_GETFL) & O_NONBLOCK);
	CASE("fcntl set O_NONBLOCK", fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK));
	CASE("fcntl F_GETFL nonblock bit after", !!(fcntl(sv[0], F_GETFL) & O_NONBLOCK));
	CASE("recv nonblocking empty", recv(sv[0], buf, sizeof buf, 0));
	CASE("read nonblocking empty", read(sv[0], buf, sizeof buf));
	int on = 1;
	CASE("ioctl FIONBIO on", ioctl(sv[1], FIONBIO, &on));
	CASE("fcntl F_GETFL after FIONBIO", !!(fcntl(sv[1], F_GETFL) & O_NONBLOCK));
	CASE("recv FIONBIO empty", recv(sv[1], buf, sizeof buf, 0));
	on = 0;
	CASE("ioctl FIONBIO off", ioctl(sv[1], FIONBIO, &on));
	CASE("fcntl F_GETFL after FIONBIO off", !!(fcntl(sv[1], F_GETFL) & O_NONBLOCK));
	SAY("poll empty: %s\n", readiness(sv[0], POLLIN | POLLOUT, 0));
	SAY("select empty: %s\n", sel(sv[0], 1, 1, 0));
	SAY("select read only empty: %s\n", sel(sv[0], 1, 0, 10));
	CASE("send 3", send(sv[1], "abc", 3, 0));
	int n = -1;
	CASE("ioctl FIONREAD", ioctl(sv[0], FIONREAD, &n));
	SAY("FIONREAD value: %d\n", n);
	SAY("poll readable: %s\n", readiness(sv[0], POLLIN, 0));
	SAY("select readable: %s\n", sel(sv[0], 1, 0, 0));
	CASE("recv 3", recv(sv[0], buf, sizeof buf, 0));
	/* Fill the send buffer until EAGAIN. */
	CASE("fcntl set O_NONBLOCK writer", fcntl(sv[1], F_SETFL, O_NONBLOCK));
	long total = 0, r;
	memset(buf, 'x', sizeof buf);
	while ((r = send(sv[1], buf, sizeof buf, 0)) > 0)
		total += r;
	SAY("fill until: %s (some sent: %d)\n", errname(errno), total > 0);
	SAY("poll full writer: %s\n", readiness(sv[1], POLLOUT, 0));
	SAY("select full writer: %s\n", sel(sv[1], 0, 1, 0));
	CASE("send MSG_DONTWAIT full", send(sv[1], buf, 1, MSG_DONTWAIT));
	close(sv[0]);
	SAY("poll writer after peer close: %s\n", readiness(sv[1], POLLOUT | POLLIN, 0));
	CASE("send after peer close", send(sv[1], buf, 1, MSG_NOSIGNAL));
	close(sv[1]);
	SAY("poll closed fd: %s\n", readiness(sv[1], POLLIN, 0));

	/* Non-blocking connect and accept over TCP. */
	int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	CASE("SOCK_NONBLOCK flag", !!(fcntl(ls, F_GETFL) & O_NONBLOCK));
	struct sockaddr_in a = { .sin_family = AF_INET };
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	bind(ls, (struct sockaddr *)&a, sizeof a);
	listen(ls, 4);
	socklen_t al = sizeof a;
	getsockname(ls, (struct sockaddr *)&a, &al);
	CASE("accept nonblocking none", accept(ls, NULL, NULL));
	SAY("poll listener idle: %s\n", readiness(ls, POLLIN, 0));
	int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	int cr = connect(c, (struct sockaddr *)&a, sizeof a);
	SAY("connect nonblocking: %s\n", cr == 0 ? "0" : errname(errno));
	SAY("poll connecting: %s\n", readiness(c, POLLOUT, 2000));
	int err = -1;
	socklen_t el = sizeof err;
	CASE("SO_ERROR after connect", getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &el));
	SAY("SO_ERROR value: %d\n", err);
	SAY("poll listener pending: %s\n", readiness(ls, POLLIN, 2000));
	SAY("select listener pending: %s\n", sel(ls, 1, 0, 0));
	int s = accept4(ls, NULL, NULL, SOCK_NONBLOCK);
	CASE_OK("accept4 SOCK_NONBLOCK", s);
	CASE("accepted nonblocking", !!(fcntl(s, F_GETFL) & O_NONBLOCK));
	CASE("recv accepted empty", recv(s, buf, 10, 0));
	close(s);
	close(c);

	/* Refused non-blocking connect: EINPROGRESS or ECONNREFUSED, then POLLERR/HUP. */
	c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	close(ls);
	cr = connect(c, (struct sockaddr *)&a, sizeof a);
	SAY("connect refused nonblocking: %s\n", cr == 0 ? "0" : errname(errno));
	SAY("poll refused: %s\n", readiness(c, POLLOUT | POLLIN, 2000));
	err = -1;
	el = sizeof err;
	getsockopt(c, SOL_SOCKET, SO_ERROR, &err, &el);
	SAY("SO_ERROR refused: %s\n", err ? errname(err) : "0");
	close(c);

	/* poll() on several fds at once, one ready. */
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	int sv2[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv2);
	send(sv2[1], "z", 1, 0);
	struct pollfd p[3] = { { sv[0], POLLIN, 0 }, { sv2[0], POLLIN, 0 }, { sv[1], POLLOUT, 0 } };
	int pn = poll(p, 3, 100);
	SAY("poll three: %d revents %s %s %s\n", pn, p[0].revents & POLLIN ? "IN" : "-",
	    p[1].revents & POLLIN ? "IN" : "-", p[2].revents & POLLOUT ? "OUT" : "-");
	struct pollfd neg = { -1, POLLIN, 0 };
	SAY("poll negative fd: %d %d\n", poll(&neg, 1, 0), neg.revents);
	return conf_done();
}
