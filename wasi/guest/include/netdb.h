/* SPDX-License-Identifier: MIT */
/*
 * <netdb.h> for wasm32-wasi guests (wasi-libc has none): glibc's structures
 * and functions, answered by the host's resolver through `wasock run`.
 * EAI_* and h_errno values are glibc's.
 */
#ifndef _NETDB_H
#define _NETDB_H
#include <netinet/in.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct addrinfo {
	int ai_flags;
	int ai_family;
	int ai_socktype;
	int ai_protocol;
	socklen_t ai_addrlen;
	struct sockaddr *ai_addr;
	char *ai_canonname;
	struct addrinfo *ai_next;
};

struct hostent {
	char *h_name;
	char **h_aliases;
	int h_addrtype;
	int h_length;
	char **h_addr_list;
};
#define h_addr h_addr_list[0]

struct servent {
	char *s_name;
	char **s_aliases;
	int s_port;
	char *s_proto;
};

struct protoent {
	char *p_name;
	char **p_aliases;
	int p_proto;
};

int getaddrinfo(const char *__restrict, const char *__restrict,
                const struct addrinfo *__restrict, struct addrinfo **__restrict);
void freeaddrinfo(struct addrinfo *);
const char *gai_strerror(int);
int getnameinfo(const struct sockaddr *__restrict, socklen_t, char *__restrict, socklen_t,
                char *__restrict, socklen_t, int);

int *__h_errno_location(void);
#define h_errno (*__h_errno_location())
void herror(const char *);
const char *hstrerror(int);

struct hostent *gethostbyname(const char *);
struct hostent *gethostbyname2(const char *, int);
struct hostent *gethostbyaddr(const void *, socklen_t, int);
int gethostbyname_r(const char *, struct hostent *, char *, size_t, struct hostent **, int *);
int gethostbyname2_r(const char *, int, struct hostent *, char *, size_t, struct hostent **,
                     int *);
struct servent *getservbyname(const char *, const char *);
struct servent *getservbyport(int, const char *);
struct protoent *getprotobyname(const char *);
void sethostent(int), endhostent(void), setservent(int), endservent(void);
void setprotoent(int), endprotoent(void);

#ifdef __cplusplus
}
#endif

#define WASOCK_WANT_NETDB
#include <bits/wasock_linux.h>
#endif
