// SPDX-License-Identifier: MIT
/*
 * wasock host ABI: the one import module ("wasock_host") through which the wasock
 * core performs every effect. This header is the contract for third-party hosts.
 *
 * Every function here exists three times with the same name and C signature:
 *   - as a wasm import of the core (pointers are offsets into the guest's linear memory),
 *   - as a plain C function in host/sys (pointers are native pointers), which a native
 *     build of the core links against directly,
 *   - as an N-API function of host/node that bounds-checks each (offset, length) pair,
 *     turns it into a native pointer into the wasm memory and calls host/sys.
 *
 * Conventions:
 *   - results are int32: >= 0 success, -errno failure (Linux errno values);
 *   - name-service functions may also fail with WASOCK_HOST_EAI(eai) (eai is glibc's
 *     negative EAI_* value) or WASOCK_HOST_HERR(h_errno); an EAI_SYSTEM failure is
 *     reported as -errno;
 *   - strings are (pointer, length) pairs, never NUL-terminated;
 *   - "cap" arguments give the size of an output area; functions that produce a
 *     variable amount of data return the size they needed, which the caller compares
 *     with cap and retries with a larger area;
 *   - sockaddr and cmsghdr bytes are the native Linux 64-bit layout;
 *   - on wasm, offsets from WASOCK_HOST_EXTERNAL up name the host's pinned external
 *     view (a caller-owned buffer outside linear memory, pinned for one call), so
 *     data moves between the kernel and the caller's buffer without a copy; linear
 *     memory is therefore limited to 2 GiB;
 *   - blocking calls retry EINTR themselves, except poll(), poll_many() and
 *     epoll_wait(), whose caller owns the deadline.
 *
 * Hostile callers. Any guest may call these functions (a WebAssembly program run by
 * wasock), so every host checks its arguments as if the caller were hostile:
 *   - each (offset, length) pair lies inside the caller's memory, computed in 64 bits
 *     (offset + length never wraps); offsets carry no alignment, so typed values
 *     (lengths, fds, clocks, offsets, pollfd records, iovecs) are copied, never
 *     dereferenced in place; a shared memory is refused (EFAULT);
 *   - counts and capacities are bounded (iovecs: 1024, EMSGSIZE beyond; poll_many:
 *     WASOCK_HOST_POLL_MAX; record outputs report sizes above INT32_MAX as -EOVERFLOW);
 *     byte counts above INT32_MAX are clamped, since results are int32;
 *   - requests that make the kernel follow a pointer in the host's address space are
 *     refused: ioctl takes only requests whose argument is a flat structure of known size
 *     (FIONREAD, SIOCGIF*, ...; others ENOTTY, a shorter area EFAULT), and socket options
 *     carrying pointers (SO_ATTACH_FILTER, netfilter control, TCP_ZEROCOPY_RECEIVE, ...)
 *     are EPERM;
 *   - the host keeps its own promise: it writes only inside the areas and capacities it
 *     was given. The core in turn checks every answer (record lengths, lengths written
 *     back, errno ranges, byte counts) against what it asked for, so a host that answers
 *     out of the kernel's range cannot corrupt it either.
 *
 * Memory growth. memory_grown() tells the host that the memory grew. A guest that grows
 * without calling it cannot make the host use a stale pointer: under V8 a 32-bit memory
 * is reserved whole on 64-bit hosts and grows in place, so a cached base would stay
 * valid, but where V8 cannot reserve (a limited address space) growth copies the memory
 * and frees the old one. Growth detaches the memory's previous ArrayBuffer, and the Node
 * host checks that on every call and re-reads the memory when it happened; offsets past
 * the memory's current size are refused with EFAULT.
 */
#ifndef WASOCK_HOST_H
#define WASOCK_HOST_H

#include <stddef.h>
#include <stdint.h>

#define WASOCK_HOST_EAI_BASE (-0x1000)
#define WASOCK_HOST_HERR_BASE (-0x2000)
#define WASOCK_HOST_EAI(eai) (WASOCK_HOST_EAI_BASE + (eai))
#define WASOCK_HOST_HERR(h) (WASOCK_HOST_HERR_BASE - (h))
#define WASOCK_HOST_IS_EAI(r) ((r) <= WASOCK_HOST_EAI_BASE && (r) > WASOCK_HOST_HERR_BASE)
#define WASOCK_HOST_IS_HERR(r) ((r) <= WASOCK_HOST_HERR_BASE)

#define WASOCK_HOST_EXTERNAL 0x80000000u

/* One element of a scatter/gather list: native struct iovec on 64-bit hosts. */
typedef struct wasock_iovec {
	void *base;
	size_t len;
} wasock_iovec;

#if defined(__wasm__) && !defined(WASOCK_HOST_NATIVE)
#define WASOCK_HOST_FN(name) \
	__attribute__((import_module("wasock_host"), import_name(#name))) wasock_host_##name
#else
#define WASOCK_HOST_FN(name) wasock_host_##name
#endif

/* The guest's linear memory has grown: the host must refresh its view of it. */
int32_t WASOCK_HOST_FN(memory_grown)(void);
/* Monotonic clock in nanoseconds. */
int32_t WASOCK_HOST_FN(clock_ns)(uint64_t *out);

/* Socket system calls. */
int32_t WASOCK_HOST_FN(socket)(int32_t domain, int32_t type, int32_t proto);
int32_t WASOCK_HOST_FN(socketpair)(int32_t domain, int32_t type, int32_t proto, int32_t *fds);
int32_t WASOCK_HOST_FN(close)(int32_t fd);
int32_t WASOCK_HOST_FN(dup)(int32_t fd);
int32_t WASOCK_HOST_FN(bind)(int32_t fd, const void *addr, uint32_t addrlen);
int32_t WASOCK_HOST_FN(connect)(int32_t fd, const void *addr, uint32_t addrlen);
int32_t WASOCK_HOST_FN(listen)(int32_t fd, int32_t backlog);
int32_t WASOCK_HOST_FN(accept)(int32_t fd, void *addr, uint32_t *addrlen, int32_t flags);
int32_t WASOCK_HOST_FN(getsockname)(int32_t fd, void *addr, uint32_t *addrlen);
int32_t WASOCK_HOST_FN(getpeername)(int32_t fd, void *addr, uint32_t *addrlen);
int32_t WASOCK_HOST_FN(getsockopt)(int32_t fd, int32_t level, int32_t name, void *val,
                                   uint32_t *len);
int32_t WASOCK_HOST_FN(setsockopt)(int32_t fd, int32_t level, int32_t name, const void *val,
                                   uint32_t len);
int32_t WASOCK_HOST_FN(shutdown)(int32_t fd, int32_t how);
int32_t WASOCK_HOST_FN(sendto)(int32_t fd, const void *buf, uint32_t len, int32_t flags,
                               const void *addr, uint32_t addrlen);
int32_t WASOCK_HOST_FN(recvfrom)(int32_t fd, void *buf, uint32_t len, int32_t flags,
                                 void *addr, uint32_t *addrlen);
/* *controllen and *namelen are in/out; *msg_flags receives msghdr.msg_flags. */
int32_t WASOCK_HOST_FN(sendmsg)(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt,
                                const void *name, uint32_t namelen, const void *control,
                                uint32_t controllen, int32_t flags);
int32_t WASOCK_HOST_FN(recvmsg)(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt,
                                void *name, uint32_t *namelen, void *control,
                                uint32_t *controllen, int32_t *msg_flags, int32_t flags);
/* readv(2)/writev(2) on any fd, for descriptors that are not sockets (a pipe or file
 * passed over SCM_RIGHTS, a dup of stdio); iov as for sendmsg. */
int32_t WASOCK_HOST_FN(readv)(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt);
int32_t WASOCK_HOST_FN(writev)(int32_t fd, const wasock_iovec *iov, uint32_t iovcnt);
/* Linux sendfile(2); *offset is in/out. */
int32_t WASOCK_HOST_FN(sendfile)(int32_t out_fd, int32_t in_fd, int64_t *offset, uint32_t count);
/* lseek(fd, *offset, SEEK_SET): where sendfile() leaves a file, as Python's does. */
int32_t WASOCK_HOST_FN(lseek)(int32_t fd, const int64_t *offset);
/* poll(2) on one fd; returns revents (0 on timeout). timeout_ms < 0 waits forever. */
int32_t WASOCK_HOST_FN(poll)(int32_t fd, int32_t events, int32_t timeout_ms);
/*
 * poll(2) on nfds records of 8 bytes, struct pollfd's layout on every Linux:
 *   int32 fd, int16 events, int16 revents (written)
 * Returns the number of records with revents set (0 on timeout). timeout_ms < 0 waits
 * forever. nfds above WASOCK_HOST_POLL_MAX is -EINVAL. Like poll(), EINTR is returned.
 */
#define WASOCK_HOST_POLL_MAX 65536u
int32_t WASOCK_HOST_FN(poll_many)(void *fds, uint32_t nfds, int32_t timeout_ms);
/*
 * epoll(7), keyed by fd as Python's select.epoll is. epoll_ctl's op is EPOLL_CTL_ADD (1),
 * _DEL (2) or _MOD (3); events are EPOLL* bits. epoll_wait writes up to maxevents
 * records of 8 bytes:
 *   int32 fd, uint32 events
 * and returns their number (0 on timeout). maxevents must be 1..WASOCK_HOST_EPOLL_MAX,
 * else -EINVAL. timeout_ms < 0 waits forever. Like poll(), EINTR is returned.
 */
#define WASOCK_HOST_EPOLL_MAX 65536u
int32_t WASOCK_HOST_FN(epoll_create1)(int32_t flags);
int32_t WASOCK_HOST_FN(epoll_ctl)(int32_t epfd, int32_t op, int32_t fd, uint32_t events);
int32_t WASOCK_HOST_FN(epoll_wait)(int32_t epfd, void *out, uint32_t maxevents, int32_t timeout_ms);
/* O_NONBLOCK and FD_CLOEXEC. get_* return 0 or 1. */
int32_t WASOCK_HOST_FN(set_nonblocking)(int32_t fd, int32_t on);
int32_t WASOCK_HOST_FN(get_nonblocking)(int32_t fd);
int32_t WASOCK_HOST_FN(set_cloexec)(int32_t fd, int32_t on);
int32_t WASOCK_HOST_FN(get_cloexec)(int32_t fd);
/* ioctl(2) whose argument is a buffer of len bytes (in/out). */
int32_t WASOCK_HOST_FN(ioctl)(int32_t fd, uint32_t request, void *arg, uint32_t len);

/*
 * Name service. getaddrinfo writes records:
 *   int32 family, int32 socktype, int32 protocol, uint32 canonlen, canon bytes,
 *   uint32 addrlen, sockaddr bytes
 * and returns the number of bytes needed. node/service with len 0xffffffff mean NULL.
 */
#define WASOCK_HOST_NULLSTR 0xffffffffu
int32_t WASOCK_HOST_FN(getaddrinfo)(const char *node, uint32_t nodelen, const char *service,
                                    uint32_t servicelen, int32_t family, int32_t socktype,
                                    int32_t protocol, int32_t flags, void *out, uint32_t cap);
/* Writes host NUL-terminated at host[0..], serv at serv[0..]. */
int32_t WASOCK_HOST_FN(getnameinfo)(const void *addr, uint32_t addrlen, int32_t flags, char *host,
                                    uint32_t hostcap, char *serv, uint32_t servcap);
/*
 * gethostbyname_ex/gethostbyaddr write a hostent as:
 *   uint32 namelen, name, uint32 naliases, (uint32 len, alias)*, int32 addrtype,
 *   uint32 addrlen, uint32 naddrs, addr bytes*
 */
int32_t WASOCK_HOST_FN(gethostbyname)(const char *name, uint32_t namelen, int32_t family,
                                      void *out, uint32_t cap);
int32_t WASOCK_HOST_FN(gethostbyaddr)(const void *addr, uint32_t addrlen, int32_t family,
                                      void *out, uint32_t cap);
/* Return the length of the name written (not NUL-terminated) or needed. */
int32_t WASOCK_HOST_FN(gethostname)(char *buf, uint32_t cap);
int32_t WASOCK_HOST_FN(sethostname)(const char *name, uint32_t len);
/* Port in host byte order, or -ENOENT. proto len 0xffffffff means NULL. */
int32_t WASOCK_HOST_FN(getservbyname)(const char *name, uint32_t namelen, const char *proto,
                                      uint32_t protolen);
int32_t WASOCK_HOST_FN(getservbyport)(int32_t port, const char *proto, uint32_t protolen,
                                      char *out, uint32_t cap);
int32_t WASOCK_HOST_FN(getprotobyname)(const char *name, uint32_t namelen);
/* Records: uint32 index, uint32 namelen, name. Returns bytes needed. */
int32_t WASOCK_HOST_FN(if_nameindex)(void *out, uint32_t cap);
int32_t WASOCK_HOST_FN(if_nametoindex)(const char *name, uint32_t len);
int32_t WASOCK_HOST_FN(if_indextoname)(uint32_t index, char *out, uint32_t cap);

#endif
