/* SPDX-License-Identifier: MIT */
/* AF_UNIX: socketpairs of every type, path and abstract names, autobind,
   SCM_RIGHTS (the received fd works), SCM_CREDENTIALS, errors.
   argv[1]: a directory for the path sockets (the same for both builds). */
#include "conf.h"
#include <sys/stat.h>

static socklen_t mkaddr(struct sockaddr_un *a, const char *path, int abstract)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	if (abstract) {
		memcpy(a->sun_path + 1, path, strlen(path));
		return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + strlen(path));
	}
	strcpy(a->sun_path, path);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1);
}

static void pair(int type, const char *tag)
{
	int sv[2];
	char n[64], buf[64];
#define NM(x) (snprintf(n, sizeof n, "%s %s", tag, x), n)
	CASE(NM("socketpair"), socketpair(AF_UNIX, type, 0, sv));
	CASE(NM("send"), send(sv[0], "ping", 4, 0));
	CASE(NM("send 2"), send(sv[0], "pong!", 5, 0));
	CASE(NM("recv 3"), recv(sv[1], buf, 3, 0));
	CASE(NM("recv rest"), recv(sv[1], buf, sizeof buf, 0));
	struct sockaddr_storage ss;
	socklen_t sl = sizeof ss;
	CASE(NM("getsockname"), getsockname(sv[0], (struct sockaddr *)&ss, &sl));
	SAY("%s: %s\n", NM("name"), addrstr(&ss, sl, 0));
	sl = sizeof ss;
	CASE(NM("getpeername"), getpeername(sv[0], (struct sockaddr *)&ss, &sl));
	SAY("%s: %s\n", NM("peer"), addrstr(&ss, sl, 0));
	int t = 0;
	socklen_t tl = sizeof t;
	getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &t, &tl);
	SAY("%s: %d\n", NM("SO_TYPE"), t);
	close(sv[1]);
	CASE(NM("recv after close"), recv(sv[0], buf, sizeof buf, MSG_DONTWAIT));
	CASE(NM("send after close"), send(sv[0], "x", 1, MSG_NOSIGNAL));
	close(sv[0]);
#undef NM
}

static void rights(void)
{
	int sv[2], p[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, p);
	union {
		char buf[CMSG_SPACE(2 * sizeof(int))];
		struct cmsghdr align;
	} u;
	memset(&u, 0, sizeof u);
	struct iovec iov = { "F", 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.buf,
	                    .msg_controllen = CMSG_SPACE(2 * sizeof(int)) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(c), p, 2 * sizeof(int));
	CASE("SCM_RIGHTS sendmsg two fds", sendmsg(sv[0], &m, 0));
	char data[8];
	struct iovec riov = { data, sizeof data };
	union {
		char buf[CMSG_SPACE(4 * sizeof(int))];
		struct cmsghdr align;
	} r;
	struct msghdr rm = { .msg_iov = &riov, .msg_iovlen = 1, .msg_control = r.buf,
	                     .msg_controllen = sizeof r.buf };
	CASE("SCM_RIGHTS recvmsg", recvmsg(sv[1], &rm, 0));
	struct cmsghdr *rc = CMSG_FIRSTHDR(&rm);
	SAY("SCM_RIGHTS cmsg: level %d type %d fds %zu flags %d\n", rc ? rc->cmsg_level : -1,
	    rc ? rc->cmsg_type : -1, rc ? (rc->cmsg_len - CMSG_LEN(0)) / sizeof(int) : 0, rm.msg_flags);
	int got[2] = { -1, -1 };
	if (rc)
		memcpy(got, CMSG_DATA(rc), sizeof got);
	/* The received fds are the pair's ends: data sent on one arrives on the other. */
	CASE("send on received fd", send(got[0], "via-passed", 10, 0));
	char b[32];
	CASE("recv on original peer", recv(p[1], b, sizeof b, 0));
	CASE("send on original", send(p[0], "back", 4, 0));
	CASE("recv on received peer fd", recv(got[1], b, sizeof b, 0));
	int t = 0;
	socklen_t tl = sizeof t;
	getsockopt(got[0], SOL_SOCKET, SO_TYPE, &t, &tl);
	SAY("received fd SO_TYPE: %d\n", t);
	close(got[0]);
	close(got[1]);

	/* Room for one fd only (CMSG_LEN, not CMSG_SPACE, whose padding differs between
	   the 16-byte native and the 12-byte wasm32 header): MSG_CTRUNC, one fd. */
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(c), p, 2 * sizeof(int));
	CASE("SCM_RIGHTS sendmsg again", sendmsg(sv[0], &m, 0));
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} one;
	rm.msg_control = one.buf;
	rm.msg_controllen = CMSG_LEN(sizeof(int));
	CASE("SCM_RIGHTS recvmsg one slot", recvmsg(sv[1], &rm, 0));
	rc = CMSG_FIRSTHDR(&rm);
	SAY("one slot: fds %zu ctrunc %d\n", rc ? (rc->cmsg_len - CMSG_LEN(0)) / sizeof(int) : 0,
	    !!(rm.msg_flags & MSG_CTRUNC));
	if (rc) {
		memcpy(got, CMSG_DATA(rc), sizeof(int));
		CASE("close received fd", close(got[0]));
	}
	/* No control buffer at all: MSG_CTRUNC, fds dropped. */
	sendmsg(sv[0], &m, 0);
	rm.msg_control = NULL;
	rm.msg_controllen = 0;
	CASE("SCM_RIGHTS recvmsg no buffer", recvmsg(sv[1], &rm, 0));
	SAY("no buffer: ctrunc %d\n", !!(rm.msg_flags & MSG_CTRUNC));
	/* A bad fd in SCM_RIGHTS. */
	int bad = 999;
	memcpy(CMSG_DATA(c), &bad, sizeof bad);
	c->cmsg_len = CMSG_LEN(sizeof(int));
	m.msg_controllen = CMSG_SPACE(sizeof(int));
	CASE("SCM_RIGHTS bad fd", sendmsg(sv[0], &m, 0));

	/* SCM_CREDENTIALS: our own credentials pass (pid printed only as "same"). */
	int on = 1;
	CASE("SO_PASSCRED", setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
	CASE("send plain", send(sv[0], "c", 1, 0));
	union {
		char buf[CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} cr;
	rm.msg_control = cr.buf;
	rm.msg_controllen = sizeof cr.buf;
	CASE("recvmsg creds", recvmsg(sv[1], &rm, 0));
	rc = CMSG_FIRSTHDR(&rm);
	struct ucred uc = { 0 };
	if (rc)
		memcpy(&uc, CMSG_DATA(rc), sizeof uc);
	SAY("SCM_CREDENTIALS: type %d len %zu uid %u gid %u pid>0 %d\n", rc ? rc->cmsg_type : -1,
	    rc ? rc->cmsg_len - CMSG_LEN(0) : 0, uc.uid, uc.gid, uc.pid > 0);
	close(sv[0]);
	close(sv[1]);
	close(p[0]);
	close(p[1]);
}

static void named(const char *dir, int abstract)
{
	const char *tag = abstract ? "abstract" : "path";
	char n[96], path[200];
	struct sockaddr_un a, got;
	socklen_t gl;
#define NM(x) (snprintf(n, sizeof n, "%s %s", tag, x), n)
	snprintf(path, sizeof path, abstract ? "wasock-conf-%s" : "%s/stream.sock", abstract ? "x" : dir);
	socklen_t al = mkaddr(&a, path, abstract);
	int ls = socket(AF_UNIX, SOCK_STREAM, 0);
	CASE(NM("bind"), bind(ls, (struct sockaddr *)&a, al));
	int ls2 = socket(AF_UNIX, SOCK_STREAM, 0);
	CASE(NM("bind in use"), bind(ls2, (struct sockaddr *)&a, al));
	close(ls2);
	CASE(NM("listen"), listen(ls, 4));
	gl = sizeof got;
	CASE(NM("getsockname"), getsockname(ls, (struct sockaddr *)&got, &gl));
	SAY("%s: %s\n", NM("name"), abstract ? addrstr(&got, gl, 0) : (gl == al ? "same" : "differs"));
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CASE(NM("connect"), connect(c, (struct sockaddr *)&a, al));
	gl = sizeof got;
	int s = accept(ls, (struct sockaddr *)&got, &gl);
	CASE_OK(NM("accept"), s);
	SAY("%s: %s\n", NM("accepted peer"), addrstr(&got, gl, 0));
	CASE(NM("send"), send(c, "hi", 2, 0));
	char b[8];
	CASE(NM("recv"), recv(s, b, sizeof b, 0));
	close(s);
	close(c);
	close(ls);
	if (!abstract) {
		struct stat st;
		CASE(NM("socket file exists"), stat(path, &st) == 0 && S_ISSOCK(st.st_mode));
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		CASE(NM("connect after close"), connect(c, (struct sockaddr *)&a, al));
		close(c);
		CASE(NM("unlink"), unlink(path));
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		CASE(NM("connect missing"), connect(c, (struct sockaddr *)&a, al));
		close(c);
	} else {
		c = socket(AF_UNIX, SOCK_STREAM, 0);
		CASE(NM("connect after close"), connect(c, (struct sockaddr *)&a, al));
		close(c);
	}
	/* Datagrams between two named sockets. */
	char p1[200], p2[200];
	snprintf(p1, sizeof p1, abstract ? "wasock-conf-d1" : "%s/d1.sock", dir);
	snprintf(p2, sizeof p2, abstract ? "wasock-conf-d2" : "%s/d2.sock", dir);
	struct sockaddr_un a1, a2;
	socklen_t l1 = mkaddr(&a1, p1, abstract), l2 = mkaddr(&a2, p2, abstract);
	int d1 = socket(AF_UNIX, SOCK_DGRAM, 0), d2 = socket(AF_UNIX, SOCK_DGRAM, 0);
	CASE(NM("dgram bind 1"), bind(d1, (struct sockaddr *)&a1, l1));
	CASE(NM("dgram bind 2"), bind(d2, (struct sockaddr *)&a2, l2));
	CASE(NM("dgram sendto"), sendto(d1, "dg", 2, 0, (struct sockaddr *)&a2, l2));
	gl = sizeof got;
	CASE(NM("dgram recvfrom"), recvfrom(d2, b, sizeof b, 0, (struct sockaddr *)&got, &gl));
	SAY("%s: %s\n", NM("dgram source"), abstract ? addrstr(&got, gl, 0) : (gl == l1 && !strcmp(got.sun_path, p1) ? "same" : "differs"));
	close(d1);
	close(d2);
	if (!abstract) {
		unlink(p1);
		unlink(p2);
	}
#undef NM
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	pair(SOCK_STREAM, "stream");
	pair(SOCK_DGRAM, "dgram");
	pair(SOCK_SEQPACKET, "seqpacket");
	rights();
	named(dir, 0);
	named(dir, 1);
	/* Autobind: an unbound datagram socket that sends gets an abstract 5-hex name. */
	int d = socket(AF_UNIX, SOCK_DGRAM, 0);
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	CASE("autobind", bind(d, (struct sockaddr *)&a, sizeof(sa_family_t)));
	struct sockaddr_un got;
	socklen_t gl = sizeof got;
	getsockname(d, (struct sockaddr *)&got, &gl);
	SAY("autobind name: len %u abstract %d\n", (unsigned)gl, got.sun_path[0] == 0);
	close(d);
	struct sockaddr_un longa = { .sun_family = AF_UNIX };
	memset(longa.sun_path, 'a', sizeof longa.sun_path);
	d = socket(AF_UNIX, SOCK_STREAM, 0);
	CASE("bind path too long", bind(d, (struct sockaddr *)&longa, sizeof longa + 1));
	CASE("connect no such abstract", connect(d, (struct sockaddr *)&longa, 20));
	close(d);
	return conf_done();
}
