/* SPDX-License-Identifier: MIT */
/*
 * <sys/socket.h> for wasm32-wasi guests of `wasock run`: Linux's values and
 * layouts (wasi-libc's own header has WASI numbers, 16-aligned sockaddrs and
 * no socket()).  sockaddr bytes are exactly the host's, so the guest library
 * hands them to the host unchanged; only cmsghdr (12 bytes here, 16 on the
 * host) is converted, by sendmsg/recvmsg.
 */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H
/* wasi-libc's pieces of this header must never be seen after it. */
#define __wasilibc___header_sys_socket_h
#define __wasilibc___struct_sockaddr_h
#define __wasilibc___struct_sockaddr_storage_h
#define __wasilibc___struct_msghdr_h

#include <features.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <__typedef_socklen_t.h>
#include <__typedef_sa_family_t.h>

#ifdef __cplusplus
extern "C" {
#endif

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

/* 128 bytes and 8-aligned, as glibc's: room for every family's address. */
struct sockaddr_storage {
	sa_family_t ss_family;
	char __ss_padding[128 - sizeof(sa_family_t) - sizeof(unsigned long long)];
	unsigned long long __ss_align;
};

struct msghdr {
	void *msg_name;
	socklen_t msg_namelen;
	struct iovec *msg_iov;
	size_t msg_iovlen;
	void *msg_control;
	size_t msg_controllen;
	int msg_flags;
};

/* The guest's control-message header: glibc's fields, wasm32's sizes. */
struct cmsghdr {
	size_t cmsg_len;
	int cmsg_level;
	int cmsg_type;
};

struct linger {
	int l_onoff;
	int l_linger;
};

#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
struct ucred {
	pid_t pid;
	uid_t uid;
	gid_t gid;
};

struct mmsghdr {
	struct msghdr msg_hdr;
	unsigned int msg_len;
};
#endif

#define CMSG_ALIGN(len) (((len) + sizeof(size_t) - 1) & (size_t) ~(sizeof(size_t) - 1))
#define CMSG_DATA(cmsg) ((unsigned char *) ((struct cmsghdr *) (cmsg) + 1))
#define CMSG_SPACE(len) (CMSG_ALIGN(len) + CMSG_ALIGN(sizeof(struct cmsghdr)))
#define CMSG_LEN(len) (CMSG_ALIGN(sizeof(struct cmsghdr)) + (len))
#define CMSG_FIRSTHDR(mhdr) \
	((size_t) (mhdr)->msg_controllen >= sizeof(struct cmsghdr) \
	 ? (struct cmsghdr *) (mhdr)->msg_control : (struct cmsghdr *) 0)
#define CMSG_NXTHDR(mhdr, cmsg) __cmsg_nxthdr(mhdr, cmsg)

static __inline struct cmsghdr *__cmsg_nxthdr(struct msghdr *__mhdr, struct cmsghdr *__cmsg)
{
	unsigned char *__end = (unsigned char *) __mhdr->msg_control + __mhdr->msg_controllen;
	if (__cmsg->cmsg_len < sizeof(struct cmsghdr))
		return (struct cmsghdr *) 0;
	__cmsg = (struct cmsghdr *) ((unsigned char *) __cmsg + CMSG_ALIGN(__cmsg->cmsg_len));
	if ((unsigned char *) (__cmsg + 1) > __end ||
	    (unsigned char *) __cmsg + CMSG_ALIGN(__cmsg->cmsg_len) > __end)
		return (struct cmsghdr *) 0;
	return __cmsg;
}

int socket(int, int, int);
int socketpair(int, int, int, int[2]);
int bind(int, const struct sockaddr *, socklen_t);
int connect(int, const struct sockaddr *, socklen_t);
int listen(int, int);
int accept(int, struct sockaddr *__restrict, socklen_t *__restrict);
int accept4(int, struct sockaddr *__restrict, socklen_t *__restrict, int);
int getsockname(int, struct sockaddr *__restrict, socklen_t *__restrict);
int getpeername(int, struct sockaddr *__restrict, socklen_t *__restrict);
ssize_t send(int, const void *, size_t, int);
ssize_t recv(int, void *, size_t, int);
ssize_t sendto(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
ssize_t recvfrom(int, void *__restrict, size_t, int, struct sockaddr *__restrict,
                 socklen_t *__restrict);
ssize_t sendmsg(int, const struct msghdr *, int);
ssize_t recvmsg(int, struct msghdr *, int);
int getsockopt(int, int, int, void *__restrict, socklen_t *__restrict);
int setsockopt(int, int, int, const void *, socklen_t);
int shutdown(int, int);
int sockatmark(int);
#if defined(_GNU_SOURCE) || defined(_BSD_SOURCE)
int sendmmsg(int, struct mmsghdr *, unsigned int, unsigned int);
struct timespec;
int recvmmsg(int, struct mmsghdr *, unsigned int, unsigned int, struct timespec *);
#endif

#ifdef __cplusplus
}
#endif

#define WASOCK_WANT_SYS_SOCKET
#include <bits/wasock_linux.h>
#endif
