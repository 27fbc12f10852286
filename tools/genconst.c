// SPDX-License-Identifier: MIT
/*
 * genconst.c - print wasock's constant and error-text tables from this
 * machine's Linux and glibc headers.
 *
 * This program is compiled natively (never to wasm) and run by
 * tools/genconst.js, which writes its output to the committed files:
 *
 *     genconst js     > bridge/constants.js   name -> value, for the bridge
 *     genconst errno  > bridge/errno.js       errno / EAI_* / h_errno texts
 *     genconst h      > src/wasock_const.h    WS_<name> values for the C core
 *     genconst select > bridge/select_constants.js  POLL*, EPOLL* for wasock/select
 *
 * Regenerate with: node tools/genconst.js   (check: node tools/genconst.js --check)
 *
 * Every value comes from a system header, not from Python: each name below
 * is guarded with #ifdef (or, for enum constants, which #ifdef cannot see,
 * by the presence of the header that declares them), so a name missing
 * from this machine's headers is simply absent from the output.  The few
 * names CPython's socket module exposes that no installed header defines
 * are listed explicitly near the end of the table, each with its reason.
 *
 * The values are those of Linux on x86_64; aarch64 uses the same
 * (asm-generic) socket, errno and ioctl numbers.
 */

#define _GNU_SOURCE 1 /* as CPython is built: NI_IDN, AI_IDN, EAI_INPROGRESS, ... */

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <net/if.h>
#include <net/ethernet.h>
#include <poll.h>
#include <sys/epoll.h>
#include <limits.h>
#include <errno.h>

/* Linux UAPI headers (Debian: linux-libc-dev).  Each is optional. */
#if __has_include(<linux/can.h>)
#include <linux/can.h>
#define HAVE_LINUX_CAN_H 1
#endif
#if __has_include(<linux/can/raw.h>)
#include <linux/can/raw.h>
#define HAVE_LINUX_CAN_RAW_H 1
#endif
#if __has_include(<linux/can/bcm.h>)
#include <linux/can/bcm.h>
#define HAVE_LINUX_CAN_BCM_H 1
#endif
#if __has_include(<linux/can/isotp.h>)
#include <linux/can/isotp.h>
#endif
#if __has_include(<linux/can/j1939.h>)
#include <linux/can/j1939.h>
#define HAVE_LINUX_CAN_J1939_H 1
#endif
#if __has_include(<linux/can/error.h>)
#include <linux/can/error.h>
#endif
/* <linux/if_packet.h> rather than <netpacket/packet.h>: same values, more names */
#if __has_include(<linux/if_packet.h>)
#include <linux/if_packet.h>
#endif
#if __has_include(<linux/if_ether.h>)
#include <linux/if_ether.h>
#endif
#if __has_include(<linux/netlink.h>)
#include <linux/netlink.h>
#endif
#if __has_include(<linux/rtnetlink.h>)
#include <linux/rtnetlink.h>
#endif
#if __has_include(<linux/tipc.h>)
#include <linux/tipc.h>
#define HAVE_LINUX_TIPC_H 1
#endif
#if __has_include(<linux/if_alg.h>)
#include <linux/if_alg.h>
#endif
#if __has_include(<linux/vm_sockets.h>)
#include <linux/vm_sockets.h>
#endif
#if __has_include(<linux/qrtr.h>)
#include <linux/qrtr.h>
#endif
#if __has_include(<linux/rds.h>)
#include <linux/rds.h>
#endif
#if __has_include(<linux/errqueue.h>)
#include <linux/errqueue.h>
#define HAVE_LINUX_ERRQUEUE_H 1
#endif
#if __has_include(<linux/net_tstamp.h>)
#include <linux/net_tstamp.h>
#endif
#if __has_include(<linux/sockios.h>)
#include <linux/sockios.h>
#endif
#if __has_include(<linux/tls.h>)
#include <linux/tls.h>
#endif
#if __has_include(<linux/netfilter_ipv4.h>) /* SO_ORIGINAL_DST */
#include <linux/netfilter_ipv4.h>
#endif
/* BlueZ's headers (libbluetooth-dev) are not part of glibc or the kernel's
   UAPI set; when they are missing the Bluetooth names are emitted from
   literals further down. */
#if __has_include(<bluetooth/bluetooth.h>) && __has_include(<bluetooth/hci.h>)
#include <bluetooth/bluetooth.h>
#include <bluetooth/hci.h>
#define HAVE_BLUETOOTH_BLUETOOTH_H 1
#endif

struct konst {
    const char *name;
    long long value;
    int is_unsigned;   /* the C expression has an unsigned type */
    const char *str;   /* non-NULL: a string constant (JS table only) */
};

/* True when the expression's (promoted) type is unsigned. */
#define IS_UNSIGNED(x) ((x) * 0 - 1 > 0)
/* A header constant, under its own name. */
#define K(n) { #n, (long long)(n), IS_UNSIGNED(n), NULL },
/* A header constant, under the name CPython gives it. */
#define KA(name, n) { name, (long long)(n), IS_UNSIGNED(n), NULL },
/* A value no installed header provides; every use says why. */
#define KL(name, v) { name, (v), 0, NULL },
/* A string constant. */
#define KS(name, s) { name, 0, 0, s },

static const struct konst consts[] = {

/*
 * Macro constants, by family: every object-like macro of these families
 * that is an integer constant in glibc 2.36 and the Linux 6.1 UAPI headers
 * (Debian 12), found with `cc -dM -E`.  To add a name, add its block.
 */

/* Address families (<sys/socket.h>) */
#ifdef AF_ALG
K(AF_ALG)
#endif
#ifdef AF_APPLETALK
K(AF_APPLETALK)
#endif
#ifdef AF_ASH
K(AF_ASH)
#endif
#ifdef AF_ATMPVC
K(AF_ATMPVC)
#endif
#ifdef AF_ATMSVC
K(AF_ATMSVC)
#endif
#ifdef AF_AX25
K(AF_AX25)
#endif
#ifdef AF_BLUETOOTH
K(AF_BLUETOOTH)
#endif
#ifdef AF_BRIDGE
K(AF_BRIDGE)
#endif
#ifdef AF_CAIF
K(AF_CAIF)
#endif
#ifdef AF_CAN
K(AF_CAN)
#endif
#ifdef AF_DECnet
K(AF_DECnet)
#endif
#ifdef AF_ECONET
K(AF_ECONET)
#endif
#ifdef AF_FILE
K(AF_FILE)
#endif
#ifdef AF_IB
K(AF_IB)
#endif
#ifdef AF_IEEE802154
K(AF_IEEE802154)
#endif
#ifdef AF_INET
K(AF_INET)
#endif
#ifdef AF_INET6
K(AF_INET6)
#endif
#ifdef AF_IPX
K(AF_IPX)
#endif
#ifdef AF_IRDA
K(AF_IRDA)
#endif
#ifdef AF_ISDN
K(AF_ISDN)
#endif
#ifdef AF_IUCV
K(AF_IUCV)
#endif
#ifdef AF_KCM
K(AF_KCM)
#endif
#ifdef AF_KEY
K(AF_KEY)
#endif
#ifdef AF_LLC
K(AF_LLC)
#endif
#ifdef AF_LOCAL
K(AF_LOCAL)
#endif
#ifdef AF_MAX
K(AF_MAX)
#endif
#ifdef AF_MCTP
K(AF_MCTP)
#endif
#ifdef AF_MPLS
K(AF_MPLS)
#endif
#ifdef AF_NETBEUI
K(AF_NETBEUI)
#endif
#ifdef AF_NETLINK
K(AF_NETLINK)
#endif
#ifdef AF_NETROM
K(AF_NETROM)
#endif
#ifdef AF_NFC
K(AF_NFC)
#endif
#ifdef AF_PACKET
K(AF_PACKET)
#endif
#ifdef AF_PHONET
K(AF_PHONET)
#endif
#ifdef AF_PPPOX
K(AF_PPPOX)
#endif
#ifdef AF_QIPCRTR
K(AF_QIPCRTR)
#endif
#ifdef AF_RDS
K(AF_RDS)
#endif
#ifdef AF_ROSE
K(AF_ROSE)
#endif
#ifdef AF_ROUTE
K(AF_ROUTE)
#endif
#ifdef AF_RXRPC
K(AF_RXRPC)
#endif
#ifdef AF_SECURITY
K(AF_SECURITY)
#endif
#ifdef AF_SMC
K(AF_SMC)
#endif
#ifdef AF_SNA
K(AF_SNA)
#endif
#ifdef AF_TIPC
K(AF_TIPC)
#endif
#ifdef AF_UNIX
K(AF_UNIX)
#endif
#ifdef AF_UNSPEC
K(AF_UNSPEC)
#endif
#ifdef AF_VSOCK
K(AF_VSOCK)
#endif
#ifdef AF_WANPIPE
K(AF_WANPIPE)
#endif
#ifdef AF_X25
K(AF_X25)
#endif
#ifdef AF_XDP
K(AF_XDP)
#endif

/* Protocol-family aliases CPython exposes */
#ifdef PF_CAN
K(PF_CAN)
#endif
#ifdef PF_PACKET
K(PF_PACKET)
#endif
#ifdef PF_RDS
K(PF_RDS)
#endif

/* Socket types and socket() type flags */
#ifdef SOCK_BUF_LOCK_MASK
K(SOCK_BUF_LOCK_MASK)
#endif
#ifdef SOCK_CLOEXEC
K(SOCK_CLOEXEC)
#endif
#ifdef SOCK_DCCP
K(SOCK_DCCP)
#endif
#ifdef SOCK_DGRAM
K(SOCK_DGRAM)
#endif
#ifdef SOCK_IOC_TYPE
K(SOCK_IOC_TYPE)
#endif
#ifdef SOCK_NONBLOCK
K(SOCK_NONBLOCK)
#endif
#ifdef SOCK_PACKET
K(SOCK_PACKET)
#endif
#ifdef SOCK_RAW
K(SOCK_RAW)
#endif
#ifdef SOCK_RCVBUF_LOCK
K(SOCK_RCVBUF_LOCK)
#endif
#ifdef SOCK_RDM
K(SOCK_RDM)
#endif
#ifdef SOCK_SEQPACKET
K(SOCK_SEQPACKET)
#endif
#ifdef SOCK_SNDBUF_LOCK
K(SOCK_SNDBUF_LOCK)
#endif
#ifdef SOCK_STREAM
K(SOCK_STREAM)
#endif
#ifdef SOCK_TXREHASH_DEFAULT
K(SOCK_TXREHASH_DEFAULT)
#endif
#ifdef SOCK_TXREHASH_DISABLED
K(SOCK_TXREHASH_DISABLED)
#endif
#ifdef SOCK_TXREHASH_ENABLED
K(SOCK_TXREHASH_ENABLED)
#endif

/* Option levels */
#ifdef SOL_AAL
K(SOL_AAL)
#endif
#ifdef SOL_ALG
K(SOL_ALG)
#endif
#ifdef SOL_ATM
K(SOL_ATM)
#endif
#ifdef SOL_BLUETOOTH
K(SOL_BLUETOOTH)
#endif
#ifdef SOL_CAIF
K(SOL_CAIF)
#endif
#ifdef SOL_CAN_BASE
K(SOL_CAN_BASE)
#endif
#ifdef SOL_CAN_ISOTP
K(SOL_CAN_ISOTP)
#endif
#ifdef SOL_CAN_J1939
K(SOL_CAN_J1939)
#endif
#ifdef SOL_CAN_RAW
K(SOL_CAN_RAW)
#endif
#ifdef SOL_DCCP
K(SOL_DCCP)
#endif
#ifdef SOL_DECNET
K(SOL_DECNET)
#endif
#ifdef SOL_ICMPV6
K(SOL_ICMPV6)
#endif
#ifdef SOL_IP
K(SOL_IP)
#endif
#ifdef SOL_IPV6
K(SOL_IPV6)
#endif
#ifdef SOL_IRDA
K(SOL_IRDA)
#endif
#ifdef SOL_IUCV
K(SOL_IUCV)
#endif
#ifdef SOL_KCM
K(SOL_KCM)
#endif
#ifdef SOL_LLC
K(SOL_LLC)
#endif
#ifdef SOL_MCTP
K(SOL_MCTP)
#endif
#ifdef SOL_MPTCP
K(SOL_MPTCP)
#endif
#ifdef SOL_NETBEUI
K(SOL_NETBEUI)
#endif
#ifdef SOL_NETLINK
K(SOL_NETLINK)
#endif
#ifdef SOL_NFC
K(SOL_NFC)
#endif
#ifdef SOL_PACKET
K(SOL_PACKET)
#endif
#ifdef SOL_PNPIPE
K(SOL_PNPIPE)
#endif
#ifdef SOL_PPPOL2TP
K(SOL_PPPOL2TP)
#endif
#ifdef SOL_RAW
K(SOL_RAW)
#endif
#ifdef SOL_RDS
K(SOL_RDS)
#endif
#ifdef SOL_RXRPC
K(SOL_RXRPC)
#endif
#ifdef SOL_SMC
K(SOL_SMC)
#endif
#ifdef SOL_SOCKET
K(SOL_SOCKET)
#endif
#ifdef SOL_TCP
K(SOL_TCP)
#endif
#ifdef SOL_TIPC
K(SOL_TIPC)
#endif
#ifdef SOL_TLS
K(SOL_TLS)
#endif
#ifdef SOL_UDP
K(SOL_UDP)
#endif
#ifdef SOL_VSOCK
K(SOL_VSOCK)
#endif
#ifdef SOL_X25
K(SOL_X25)
#endif
#ifdef SOL_XDP
K(SOL_XDP)
#endif

/* listen() backlog limit */
#ifdef SOMAXCONN
K(SOMAXCONN)
#endif

/* SOL_SOCKET options; also error-queue origins (<linux/errqueue.h>), VSOCK
   options and SO_ORIGINAL_DST (<linux/netfilter_ipv4.h>) */
#ifdef SO_ACCEPTCONN
K(SO_ACCEPTCONN)
#endif
#ifdef SO_ATTACH_BPF
K(SO_ATTACH_BPF)
#endif
#ifdef SO_ATTACH_FILTER
K(SO_ATTACH_FILTER)
#endif
#ifdef SO_ATTACH_REUSEPORT_CBPF
K(SO_ATTACH_REUSEPORT_CBPF)
#endif
#ifdef SO_ATTACH_REUSEPORT_EBPF
K(SO_ATTACH_REUSEPORT_EBPF)
#endif
#ifdef SO_BINDTODEVICE
K(SO_BINDTODEVICE)
#endif
#ifdef SO_BINDTOIFINDEX
K(SO_BINDTOIFINDEX)
#endif
#ifdef SO_BPF_EXTENSIONS
K(SO_BPF_EXTENSIONS)
#endif
#ifdef SO_BROADCAST
K(SO_BROADCAST)
#endif
#ifdef SO_BSDCOMPAT
K(SO_BSDCOMPAT)
#endif
#ifdef SO_BUF_LOCK
K(SO_BUF_LOCK)
#endif
#ifdef SO_BUSY_POLL
K(SO_BUSY_POLL)
#endif
#ifdef SO_BUSY_POLL_BUDGET
K(SO_BUSY_POLL_BUDGET)
#endif
#ifdef SO_CNX_ADVICE
K(SO_CNX_ADVICE)
#endif
#ifdef SO_COOKIE
K(SO_COOKIE)
#endif
#ifdef SO_DEBUG
K(SO_DEBUG)
#endif
#ifdef SO_DETACH_BPF
K(SO_DETACH_BPF)
#endif
#ifdef SO_DETACH_FILTER
K(SO_DETACH_FILTER)
#endif
#ifdef SO_DETACH_REUSEPORT_BPF
K(SO_DETACH_REUSEPORT_BPF)
#endif
#ifdef SO_DOMAIN
K(SO_DOMAIN)
#endif
#ifdef SO_DONTROUTE
K(SO_DONTROUTE)
#endif
#ifdef SO_EE_CODE_TXTIME_INVALID_PARAM
K(SO_EE_CODE_TXTIME_INVALID_PARAM)
#endif
#ifdef SO_EE_CODE_TXTIME_MISSED
K(SO_EE_CODE_TXTIME_MISSED)
#endif
#ifdef SO_EE_CODE_ZEROCOPY_COPIED
K(SO_EE_CODE_ZEROCOPY_COPIED)
#endif
#ifdef SO_EE_ORIGIN_ICMP
K(SO_EE_ORIGIN_ICMP)
#endif
#ifdef SO_EE_ORIGIN_ICMP6
K(SO_EE_ORIGIN_ICMP6)
#endif
#ifdef SO_EE_ORIGIN_LOCAL
K(SO_EE_ORIGIN_LOCAL)
#endif
#ifdef SO_EE_ORIGIN_NONE
K(SO_EE_ORIGIN_NONE)
#endif
#ifdef SO_EE_ORIGIN_TIMESTAMPING
K(SO_EE_ORIGIN_TIMESTAMPING)
#endif
#ifdef SO_EE_ORIGIN_TXSTATUS
K(SO_EE_ORIGIN_TXSTATUS)
#endif
#ifdef SO_EE_ORIGIN_TXTIME
K(SO_EE_ORIGIN_TXTIME)
#endif
#ifdef SO_EE_ORIGIN_ZEROCOPY
K(SO_EE_ORIGIN_ZEROCOPY)
#endif
#ifdef SO_EE_RFC4884_FLAG_INVALID
K(SO_EE_RFC4884_FLAG_INVALID)
#endif
#ifdef SO_ERROR
K(SO_ERROR)
#endif
#ifdef SO_GET_FILTER
K(SO_GET_FILTER)
#endif
#ifdef SO_INCOMING_CPU
K(SO_INCOMING_CPU)
#endif
#ifdef SO_INCOMING_NAPI_ID
K(SO_INCOMING_NAPI_ID)
#endif
#ifdef SO_KEEPALIVE
K(SO_KEEPALIVE)
#endif
#ifdef SO_LINGER
K(SO_LINGER)
#endif
#ifdef SO_LOCK_FILTER
K(SO_LOCK_FILTER)
#endif
#ifdef SO_MARK
K(SO_MARK)
#endif
#ifdef SO_MAX_PACING_RATE
K(SO_MAX_PACING_RATE)
#endif
#ifdef SO_MEMINFO
K(SO_MEMINFO)
#endif
#ifdef SO_NETNS_COOKIE
K(SO_NETNS_COOKIE)
#endif
#ifdef SO_NOFCS
K(SO_NOFCS)
#endif
#ifdef SO_NO_CHECK
K(SO_NO_CHECK)
#endif
#ifdef SO_OOBINLINE
K(SO_OOBINLINE)
#endif
#ifdef SO_ORIGINAL_DST
K(SO_ORIGINAL_DST)
#endif
#ifdef SO_PASSCRED
K(SO_PASSCRED)
#endif
#ifdef SO_PASSSEC
K(SO_PASSSEC)
#endif
#ifdef SO_PEEK_OFF
K(SO_PEEK_OFF)
#endif
#ifdef SO_PEERCRED
K(SO_PEERCRED)
#endif
#ifdef SO_PEERGROUPS
K(SO_PEERGROUPS)
#endif
#ifdef SO_PEERNAME
K(SO_PEERNAME)
#endif
#ifdef SO_PEERSEC
K(SO_PEERSEC)
#endif
#ifdef SO_PREFER_BUSY_POLL
K(SO_PREFER_BUSY_POLL)
#endif
#ifdef SO_PRIORITY
K(SO_PRIORITY)
#endif
#ifdef SO_PROTOCOL
K(SO_PROTOCOL)
#endif
#ifdef SO_RCVBUF
K(SO_RCVBUF)
#endif
#ifdef SO_RCVBUFFORCE
K(SO_RCVBUFFORCE)
#endif
#ifdef SO_RCVLOWAT
K(SO_RCVLOWAT)
#endif
#ifdef SO_RCVMARK
K(SO_RCVMARK)
#endif
#ifdef SO_RCVTIMEO
K(SO_RCVTIMEO)
#endif
#ifdef SO_RCVTIMEO_NEW
K(SO_RCVTIMEO_NEW)
#endif
#ifdef SO_RCVTIMEO_OLD
K(SO_RCVTIMEO_OLD)
#endif
#ifdef SO_RDS_MSG_RXPATH_LATENCY
K(SO_RDS_MSG_RXPATH_LATENCY)
#endif
#ifdef SO_RDS_TRANSPORT
K(SO_RDS_TRANSPORT)
#endif
#ifdef SO_RESERVE_MEM
K(SO_RESERVE_MEM)
#endif
#ifdef SO_REUSEADDR
K(SO_REUSEADDR)
#endif
#ifdef SO_REUSEPORT
K(SO_REUSEPORT)
#endif
#ifdef SO_RXQ_OVFL
K(SO_RXQ_OVFL)
#endif
#ifdef SO_SECURITY_AUTHENTICATION
K(SO_SECURITY_AUTHENTICATION)
#endif
#ifdef SO_SECURITY_ENCRYPTION_NETWORK
K(SO_SECURITY_ENCRYPTION_NETWORK)
#endif
#ifdef SO_SECURITY_ENCRYPTION_TRANSPORT
K(SO_SECURITY_ENCRYPTION_TRANSPORT)
#endif
#ifdef SO_SELECT_ERR_QUEUE
K(SO_SELECT_ERR_QUEUE)
#endif
#ifdef SO_SNDBUF
K(SO_SNDBUF)
#endif
#ifdef SO_SNDBUFFORCE
K(SO_SNDBUFFORCE)
#endif
#ifdef SO_SNDLOWAT
K(SO_SNDLOWAT)
#endif
#ifdef SO_SNDTIMEO
K(SO_SNDTIMEO)
#endif
#ifdef SO_SNDTIMEO_NEW
K(SO_SNDTIMEO_NEW)
#endif
#ifdef SO_SNDTIMEO_OLD
K(SO_SNDTIMEO_OLD)
#endif
#ifdef SO_TIMESTAMP
K(SO_TIMESTAMP)
#endif
#ifdef SO_TIMESTAMPING
K(SO_TIMESTAMPING)
#endif
#ifdef SO_TIMESTAMPING_NEW
K(SO_TIMESTAMPING_NEW)
#endif
#ifdef SO_TIMESTAMPING_OLD
K(SO_TIMESTAMPING_OLD)
#endif
#ifdef SO_TIMESTAMPNS
K(SO_TIMESTAMPNS)
#endif
#ifdef SO_TIMESTAMPNS_NEW
K(SO_TIMESTAMPNS_NEW)
#endif
#ifdef SO_TIMESTAMPNS_OLD
K(SO_TIMESTAMPNS_OLD)
#endif
#ifdef SO_TIMESTAMP_NEW
K(SO_TIMESTAMP_NEW)
#endif
#ifdef SO_TIMESTAMP_OLD
K(SO_TIMESTAMP_OLD)
#endif
#ifdef SO_TXREHASH
K(SO_TXREHASH)
#endif
#ifdef SO_TXTIME
K(SO_TXTIME)
#endif
#ifdef SO_TYPE
K(SO_TYPE)
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MAX_SIZE
K(SO_VM_SOCKETS_BUFFER_MAX_SIZE)
#endif
#ifdef SO_VM_SOCKETS_BUFFER_MIN_SIZE
K(SO_VM_SOCKETS_BUFFER_MIN_SIZE)
#endif
#ifdef SO_VM_SOCKETS_BUFFER_SIZE
K(SO_VM_SOCKETS_BUFFER_SIZE)
#endif
#ifdef SO_VM_SOCKETS_CONNECT_TIMEOUT
K(SO_VM_SOCKETS_CONNECT_TIMEOUT)
#endif
#ifdef SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW
K(SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW)
#endif
#ifdef SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD
K(SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD)
#endif
#ifdef SO_VM_SOCKETS_NONBLOCK_TXRX
K(SO_VM_SOCKETS_NONBLOCK_TXRX)
#endif
#ifdef SO_VM_SOCKETS_PEER_HOST_VM_ID
K(SO_VM_SOCKETS_PEER_HOST_VM_ID)
#endif
#ifdef SO_VM_SOCKETS_TRUSTED
K(SO_VM_SOCKETS_TRUSTED)
#endif
#ifdef SO_WIFI_STATUS
K(SO_WIFI_STATUS)
#endif
#ifdef SO_ZEROCOPY
K(SO_ZEROCOPY)
#endif

/* send/recv flags */
#ifdef MSG_BATCH
K(MSG_BATCH)
#endif
#ifdef MSG_CMSG_CLOEXEC
K(MSG_CMSG_CLOEXEC)
#endif
#ifdef MSG_CONFIRM
K(MSG_CONFIRM)
#endif
#ifdef MSG_CTRUNC
K(MSG_CTRUNC)
#endif
#ifdef MSG_DONTROUTE
K(MSG_DONTROUTE)
#endif
#ifdef MSG_DONTWAIT
K(MSG_DONTWAIT)
#endif
#ifdef MSG_EOR
K(MSG_EOR)
#endif
#ifdef MSG_ERRQUEUE
K(MSG_ERRQUEUE)
#endif
#ifdef MSG_FASTOPEN
K(MSG_FASTOPEN)
#endif
#ifdef MSG_FIN
K(MSG_FIN)
#endif
#ifdef MSG_MORE
K(MSG_MORE)
#endif
#ifdef MSG_NOSIGNAL
K(MSG_NOSIGNAL)
#endif
#ifdef MSG_OOB
K(MSG_OOB)
#endif
#ifdef MSG_PEEK
K(MSG_PEEK)
#endif
#ifdef MSG_PROXY
K(MSG_PROXY)
#endif
#ifdef MSG_RST
K(MSG_RST)
#endif
#ifdef MSG_SYN
K(MSG_SYN)
#endif
#ifdef MSG_TRUNC
K(MSG_TRUNC)
#endif
#ifdef MSG_TRYHARD
K(MSG_TRYHARD)
#endif
#ifdef MSG_WAITALL
K(MSG_WAITALL)
#endif
#ifdef MSG_WAITFORONE
K(MSG_WAITFORONE)
#endif
#ifdef MSG_ZEROCOPY
K(MSG_ZEROCOPY)
#endif

/* Control-message types */
#ifdef SCM_CREDENTIALS
K(SCM_CREDENTIALS)
#endif
#ifdef SCM_RIGHTS
K(SCM_RIGHTS)
#endif
#ifdef SCM_TIMESTAMP
K(SCM_TIMESTAMP)
#endif
#ifdef SCM_TIMESTAMPING
K(SCM_TIMESTAMPING)
#endif
#ifdef SCM_TIMESTAMPING_OPT_STATS
K(SCM_TIMESTAMPING_OPT_STATS)
#endif
#ifdef SCM_TIMESTAMPING_PKTINFO
K(SCM_TIMESTAMPING_PKTINFO)
#endif
#ifdef SCM_TIMESTAMPNS
K(SCM_TIMESTAMPNS)
#endif
#ifdef SCM_TXTIME
K(SCM_TXTIME)
#endif
#ifdef SCM_WIFI_STATUS
K(SCM_WIFI_STATUS)
#endif

/* shutdown() how */
#ifdef SHUT_RD
K(SHUT_RD)
#endif
#ifdef SHUT_RDWR
K(SHUT_RDWR)
#endif
#ifdef SHUT_WR
K(SHUT_WR)
#endif

/* IP protocol numbers */
#ifdef IPPROTO_AH
K(IPPROTO_AH)
#endif
#ifdef IPPROTO_BEETPH
K(IPPROTO_BEETPH)
#endif
#ifdef IPPROTO_COMP
K(IPPROTO_COMP)
#endif
#ifdef IPPROTO_DCCP
K(IPPROTO_DCCP)
#endif
#ifdef IPPROTO_DSTOPTS
K(IPPROTO_DSTOPTS)
#endif
#ifdef IPPROTO_EGP
K(IPPROTO_EGP)
#endif
#ifdef IPPROTO_ENCAP
K(IPPROTO_ENCAP)
#endif
#ifdef IPPROTO_ESP
K(IPPROTO_ESP)
#endif
#ifdef IPPROTO_ETHERNET
K(IPPROTO_ETHERNET)
#endif
#ifdef IPPROTO_FRAGMENT
K(IPPROTO_FRAGMENT)
#endif
#ifdef IPPROTO_GRE
K(IPPROTO_GRE)
#endif
#ifdef IPPROTO_HOPOPTS
K(IPPROTO_HOPOPTS)
#endif
#ifdef IPPROTO_ICMP
K(IPPROTO_ICMP)
#endif
#ifdef IPPROTO_ICMPV6
K(IPPROTO_ICMPV6)
#endif
#ifdef IPPROTO_IDP
K(IPPROTO_IDP)
#endif
#ifdef IPPROTO_IGMP
K(IPPROTO_IGMP)
#endif
#ifdef IPPROTO_IP
K(IPPROTO_IP)
#endif
#ifdef IPPROTO_IPIP
K(IPPROTO_IPIP)
#endif
#ifdef IPPROTO_IPV6
K(IPPROTO_IPV6)
#endif
#ifdef IPPROTO_MH
K(IPPROTO_MH)
#endif
#ifdef IPPROTO_MPLS
K(IPPROTO_MPLS)
#endif
#ifdef IPPROTO_MPTCP
K(IPPROTO_MPTCP)
#endif
#ifdef IPPROTO_MTP
K(IPPROTO_MTP)
#endif
#ifdef IPPROTO_NONE
K(IPPROTO_NONE)
#endif
#ifdef IPPROTO_PIM
K(IPPROTO_PIM)
#endif
#ifdef IPPROTO_PUP
K(IPPROTO_PUP)
#endif
#ifdef IPPROTO_RAW
K(IPPROTO_RAW)
#endif
#ifdef IPPROTO_ROUTING
K(IPPROTO_ROUTING)
#endif
#ifdef IPPROTO_RSVP
K(IPPROTO_RSVP)
#endif
#ifdef IPPROTO_SCTP
K(IPPROTO_SCTP)
#endif
#ifdef IPPROTO_TCP
K(IPPROTO_TCP)
#endif
#ifdef IPPROTO_TP
K(IPPROTO_TP)
#endif
#ifdef IPPROTO_UDP
K(IPPROTO_UDP)
#endif
#ifdef IPPROTO_UDPLITE
K(IPPROTO_UDPLITE)
#endif

/* Reserved ports */
#ifdef IPPORT_RESERVED
K(IPPORT_RESERVED)
#endif

/* Special IPv4 addresses (host byte order, as CPython exposes them) */
#ifdef INADDR_ALLHOSTS_GROUP
K(INADDR_ALLHOSTS_GROUP)
#endif
#ifdef INADDR_ALLRTRS_GROUP
K(INADDR_ALLRTRS_GROUP)
#endif
#ifdef INADDR_ALLSNOOPERS_GROUP
K(INADDR_ALLSNOOPERS_GROUP)
#endif
#ifdef INADDR_ANY
K(INADDR_ANY)
#endif
#ifdef INADDR_BROADCAST
K(INADDR_BROADCAST)
#endif
#ifdef INADDR_DUMMY
K(INADDR_DUMMY)
#endif
#ifdef INADDR_LOOPBACK
K(INADDR_LOOPBACK)
#endif
#ifdef INADDR_MAX_LOCAL_GROUP
K(INADDR_MAX_LOCAL_GROUP)
#endif
#ifdef INADDR_NONE
K(INADDR_NONE)
#endif
#ifdef INADDR_UNSPEC_GROUP
K(INADDR_UNSPEC_GROUP)
#endif

/* IPPROTO_IP options */
#ifdef IP_ADD_MEMBERSHIP
K(IP_ADD_MEMBERSHIP)
#endif
#ifdef IP_ADD_SOURCE_MEMBERSHIP
K(IP_ADD_SOURCE_MEMBERSHIP)
#endif
#ifdef IP_BIND_ADDRESS_NO_PORT
K(IP_BIND_ADDRESS_NO_PORT)
#endif
#ifdef IP_BLOCK_SOURCE
K(IP_BLOCK_SOURCE)
#endif
#ifdef IP_CHECKSUM
K(IP_CHECKSUM)
#endif
#ifdef IP_DEFAULT_MULTICAST_LOOP
K(IP_DEFAULT_MULTICAST_LOOP)
#endif
#ifdef IP_DEFAULT_MULTICAST_TTL
K(IP_DEFAULT_MULTICAST_TTL)
#endif
#ifdef IP_DROP_MEMBERSHIP
K(IP_DROP_MEMBERSHIP)
#endif
#ifdef IP_DROP_SOURCE_MEMBERSHIP
K(IP_DROP_SOURCE_MEMBERSHIP)
#endif
#ifdef IP_FREEBIND
K(IP_FREEBIND)
#endif
#ifdef IP_HDRINCL
K(IP_HDRINCL)
#endif
#ifdef IP_IPSEC_POLICY
K(IP_IPSEC_POLICY)
#endif
#ifdef IP_LOCAL_PORT_RANGE
K(IP_LOCAL_PORT_RANGE)
#endif
#ifdef IP_MAX_MEMBERSHIPS
K(IP_MAX_MEMBERSHIPS)
#endif
#ifdef IP_MINTTL
K(IP_MINTTL)
#endif
#ifdef IP_MSFILTER
K(IP_MSFILTER)
#endif
#ifdef IP_MTU
K(IP_MTU)
#endif
#ifdef IP_MTU_DISCOVER
K(IP_MTU_DISCOVER)
#endif
#ifdef IP_MULTICAST_ALL
K(IP_MULTICAST_ALL)
#endif
#ifdef IP_MULTICAST_IF
K(IP_MULTICAST_IF)
#endif
#ifdef IP_MULTICAST_LOOP
K(IP_MULTICAST_LOOP)
#endif
#ifdef IP_MULTICAST_TTL
K(IP_MULTICAST_TTL)
#endif
#ifdef IP_NODEFRAG
K(IP_NODEFRAG)
#endif
#ifdef IP_OPTIONS
K(IP_OPTIONS)
#endif
#ifdef IP_ORIGDSTADDR
K(IP_ORIGDSTADDR)
#endif
#ifdef IP_PASSSEC
K(IP_PASSSEC)
#endif
#ifdef IP_PKTINFO
K(IP_PKTINFO)
#endif
#ifdef IP_PKTOPTIONS
K(IP_PKTOPTIONS)
#endif
#ifdef IP_PMTUDISC
K(IP_PMTUDISC)
#endif
#ifdef IP_PMTUDISC_DO
K(IP_PMTUDISC_DO)
#endif
#ifdef IP_PMTUDISC_DONT
K(IP_PMTUDISC_DONT)
#endif
#ifdef IP_PMTUDISC_INTERFACE
K(IP_PMTUDISC_INTERFACE)
#endif
#ifdef IP_PMTUDISC_OMIT
K(IP_PMTUDISC_OMIT)
#endif
#ifdef IP_PMTUDISC_PROBE
K(IP_PMTUDISC_PROBE)
#endif
#ifdef IP_PMTUDISC_WANT
K(IP_PMTUDISC_WANT)
#endif
#ifdef IP_PROTOCOL
K(IP_PROTOCOL)
#endif
#ifdef IP_RECVERR
K(IP_RECVERR)
#endif
#ifdef IP_RECVERR_RFC4884
K(IP_RECVERR_RFC4884)
#endif
#ifdef IP_RECVFRAGSIZE
K(IP_RECVFRAGSIZE)
#endif
#ifdef IP_RECVOPTS
K(IP_RECVOPTS)
#endif
#ifdef IP_RECVORIGDSTADDR
K(IP_RECVORIGDSTADDR)
#endif
#ifdef IP_RECVRETOPTS
K(IP_RECVRETOPTS)
#endif
#ifdef IP_RECVTOS
K(IP_RECVTOS)
#endif
#ifdef IP_RECVTTL
K(IP_RECVTTL)
#endif
#ifdef IP_RETOPTS
K(IP_RETOPTS)
#endif
#ifdef IP_ROUTER_ALERT
K(IP_ROUTER_ALERT)
#endif
#ifdef IP_TOS
K(IP_TOS)
#endif
#ifdef IP_TRANSPARENT
K(IP_TRANSPARENT)
#endif
#ifdef IP_TTL
K(IP_TTL)
#endif
#ifdef IP_UNBLOCK_SOURCE
K(IP_UNBLOCK_SOURCE)
#endif
#ifdef IP_UNICAST_IF
K(IP_UNICAST_IF)
#endif
#ifdef IP_XFRM_POLICY
K(IP_XFRM_POLICY)
#endif

/* IPPROTO_IPV6 options */
#ifdef IPV6_2292DSTOPTS
K(IPV6_2292DSTOPTS)
#endif
#ifdef IPV6_2292HOPLIMIT
K(IPV6_2292HOPLIMIT)
#endif
#ifdef IPV6_2292HOPOPTS
K(IPV6_2292HOPOPTS)
#endif
#ifdef IPV6_2292PKTINFO
K(IPV6_2292PKTINFO)
#endif
#ifdef IPV6_2292PKTOPTIONS
K(IPV6_2292PKTOPTIONS)
#endif
#ifdef IPV6_2292RTHDR
K(IPV6_2292RTHDR)
#endif
#ifdef IPV6_ADDRFORM
K(IPV6_ADDRFORM)
#endif
#ifdef IPV6_ADDR_PREFERENCES
K(IPV6_ADDR_PREFERENCES)
#endif
#ifdef IPV6_ADD_MEMBERSHIP
K(IPV6_ADD_MEMBERSHIP)
#endif
#ifdef IPV6_AUTHHDR
K(IPV6_AUTHHDR)
#endif
#ifdef IPV6_AUTOFLOWLABEL
K(IPV6_AUTOFLOWLABEL)
#endif
#ifdef IPV6_CHECKSUM
K(IPV6_CHECKSUM)
#endif
#ifdef IPV6_DONTFRAG
K(IPV6_DONTFRAG)
#endif
#ifdef IPV6_DROP_MEMBERSHIP
K(IPV6_DROP_MEMBERSHIP)
#endif
#ifdef IPV6_DSTOPTS
K(IPV6_DSTOPTS)
#endif
#ifdef IPV6_FLOWINFO
K(IPV6_FLOWINFO)
#endif
#ifdef IPV6_FLOWINFO_FLOWLABEL
K(IPV6_FLOWINFO_FLOWLABEL)
#endif
#ifdef IPV6_FLOWINFO_PRIORITY
K(IPV6_FLOWINFO_PRIORITY)
#endif
#ifdef IPV6_FLOWINFO_SEND
K(IPV6_FLOWINFO_SEND)
#endif
#ifdef IPV6_FLOWLABEL_MGR
K(IPV6_FLOWLABEL_MGR)
#endif
#ifdef IPV6_FL_A_GET
K(IPV6_FL_A_GET)
#endif
#ifdef IPV6_FL_A_PUT
K(IPV6_FL_A_PUT)
#endif
#ifdef IPV6_FL_A_RENEW
K(IPV6_FL_A_RENEW)
#endif
#ifdef IPV6_FL_F_CREATE
K(IPV6_FL_F_CREATE)
#endif
#ifdef IPV6_FL_F_EXCL
K(IPV6_FL_F_EXCL)
#endif
#ifdef IPV6_FL_F_REFLECT
K(IPV6_FL_F_REFLECT)
#endif
#ifdef IPV6_FL_F_REMOTE
K(IPV6_FL_F_REMOTE)
#endif
#ifdef IPV6_FL_S_ANY
K(IPV6_FL_S_ANY)
#endif
#ifdef IPV6_FL_S_EXCL
K(IPV6_FL_S_EXCL)
#endif
#ifdef IPV6_FL_S_NONE
K(IPV6_FL_S_NONE)
#endif
#ifdef IPV6_FL_S_PROCESS
K(IPV6_FL_S_PROCESS)
#endif
#ifdef IPV6_FL_S_USER
K(IPV6_FL_S_USER)
#endif
#ifdef IPV6_FREEBIND
K(IPV6_FREEBIND)
#endif
#ifdef IPV6_HDRINCL
K(IPV6_HDRINCL)
#endif
#ifdef IPV6_HOPLIMIT
K(IPV6_HOPLIMIT)
#endif
#ifdef IPV6_HOPOPTS
K(IPV6_HOPOPTS)
#endif
#ifdef IPV6_IPSEC_POLICY
K(IPV6_IPSEC_POLICY)
#endif
#ifdef IPV6_JOIN_ANYCAST
K(IPV6_JOIN_ANYCAST)
#endif
#ifdef IPV6_JOIN_GROUP
K(IPV6_JOIN_GROUP)
#endif
#ifdef IPV6_LEAVE_ANYCAST
K(IPV6_LEAVE_ANYCAST)
#endif
#ifdef IPV6_LEAVE_GROUP
K(IPV6_LEAVE_GROUP)
#endif
#ifdef IPV6_MINHOPCOUNT
K(IPV6_MINHOPCOUNT)
#endif
#ifdef IPV6_MTU
K(IPV6_MTU)
#endif
#ifdef IPV6_MTU_DISCOVER
K(IPV6_MTU_DISCOVER)
#endif
#ifdef IPV6_MULTICAST_ALL
K(IPV6_MULTICAST_ALL)
#endif
#ifdef IPV6_MULTICAST_HOPS
K(IPV6_MULTICAST_HOPS)
#endif
#ifdef IPV6_MULTICAST_IF
K(IPV6_MULTICAST_IF)
#endif
#ifdef IPV6_MULTICAST_LOOP
K(IPV6_MULTICAST_LOOP)
#endif
#ifdef IPV6_NEXTHOP
K(IPV6_NEXTHOP)
#endif
#ifdef IPV6_ORIGDSTADDR
K(IPV6_ORIGDSTADDR)
#endif
#ifdef IPV6_PATHMTU
K(IPV6_PATHMTU)
#endif
#ifdef IPV6_PKTINFO
K(IPV6_PKTINFO)
#endif
#ifdef IPV6_PMTUDISC_DO
K(IPV6_PMTUDISC_DO)
#endif
#ifdef IPV6_PMTUDISC_DONT
K(IPV6_PMTUDISC_DONT)
#endif
#ifdef IPV6_PMTUDISC_INTERFACE
K(IPV6_PMTUDISC_INTERFACE)
#endif
#ifdef IPV6_PMTUDISC_OMIT
K(IPV6_PMTUDISC_OMIT)
#endif
#ifdef IPV6_PMTUDISC_PROBE
K(IPV6_PMTUDISC_PROBE)
#endif
#ifdef IPV6_PMTUDISC_WANT
K(IPV6_PMTUDISC_WANT)
#endif
#ifdef IPV6_PREFER_SRC_CGA
K(IPV6_PREFER_SRC_CGA)
#endif
#ifdef IPV6_PREFER_SRC_COA
K(IPV6_PREFER_SRC_COA)
#endif
#ifdef IPV6_PREFER_SRC_HOME
K(IPV6_PREFER_SRC_HOME)
#endif
#ifdef IPV6_PREFER_SRC_NONCGA
K(IPV6_PREFER_SRC_NONCGA)
#endif
#ifdef IPV6_PREFER_SRC_PUBLIC
K(IPV6_PREFER_SRC_PUBLIC)
#endif
#ifdef IPV6_PREFER_SRC_PUBTMP_DEFAULT
K(IPV6_PREFER_SRC_PUBTMP_DEFAULT)
#endif
#ifdef IPV6_PREFER_SRC_TMP
K(IPV6_PREFER_SRC_TMP)
#endif
#ifdef IPV6_PRIORITY_10
K(IPV6_PRIORITY_10)
#endif
#ifdef IPV6_PRIORITY_11
K(IPV6_PRIORITY_11)
#endif
#ifdef IPV6_PRIORITY_12
K(IPV6_PRIORITY_12)
#endif
#ifdef IPV6_PRIORITY_13
K(IPV6_PRIORITY_13)
#endif
#ifdef IPV6_PRIORITY_14
K(IPV6_PRIORITY_14)
#endif
#ifdef IPV6_PRIORITY_15
K(IPV6_PRIORITY_15)
#endif
#ifdef IPV6_PRIORITY_8
K(IPV6_PRIORITY_8)
#endif
#ifdef IPV6_PRIORITY_9
K(IPV6_PRIORITY_9)
#endif
#ifdef IPV6_PRIORITY_BULK
K(IPV6_PRIORITY_BULK)
#endif
#ifdef IPV6_PRIORITY_CONTROL
K(IPV6_PRIORITY_CONTROL)
#endif
#ifdef IPV6_PRIORITY_FILLER
K(IPV6_PRIORITY_FILLER)
#endif
#ifdef IPV6_PRIORITY_INTERACTIVE
K(IPV6_PRIORITY_INTERACTIVE)
#endif
#ifdef IPV6_PRIORITY_RESERVED1
K(IPV6_PRIORITY_RESERVED1)
#endif
#ifdef IPV6_PRIORITY_RESERVED2
K(IPV6_PRIORITY_RESERVED2)
#endif
#ifdef IPV6_PRIORITY_UNATTENDED
K(IPV6_PRIORITY_UNATTENDED)
#endif
#ifdef IPV6_PRIORITY_UNCHARACTERIZED
K(IPV6_PRIORITY_UNCHARACTERIZED)
#endif
#ifdef IPV6_RECVDSTOPTS
K(IPV6_RECVDSTOPTS)
#endif
#ifdef IPV6_RECVERR
K(IPV6_RECVERR)
#endif
#ifdef IPV6_RECVERR_RFC4884
K(IPV6_RECVERR_RFC4884)
#endif
#ifdef IPV6_RECVFRAGSIZE
K(IPV6_RECVFRAGSIZE)
#endif
#ifdef IPV6_RECVHOPLIMIT
K(IPV6_RECVHOPLIMIT)
#endif
#ifdef IPV6_RECVHOPOPTS
K(IPV6_RECVHOPOPTS)
#endif
#ifdef IPV6_RECVORIGDSTADDR
K(IPV6_RECVORIGDSTADDR)
#endif
#ifdef IPV6_RECVPATHMTU
K(IPV6_RECVPATHMTU)
#endif
#ifdef IPV6_RECVPKTINFO
K(IPV6_RECVPKTINFO)
#endif
#ifdef IPV6_RECVRTHDR
K(IPV6_RECVRTHDR)
#endif
#ifdef IPV6_RECVTCLASS
K(IPV6_RECVTCLASS)
#endif
#ifdef IPV6_ROUTER_ALERT
K(IPV6_ROUTER_ALERT)
#endif
#ifdef IPV6_ROUTER_ALERT_ISOLATE
K(IPV6_ROUTER_ALERT_ISOLATE)
#endif
#ifdef IPV6_RTHDR
K(IPV6_RTHDR)
#endif
#ifdef IPV6_RTHDRDSTOPTS
K(IPV6_RTHDRDSTOPTS)
#endif
#ifdef IPV6_RTHDR_LOOSE
K(IPV6_RTHDR_LOOSE)
#endif
#ifdef IPV6_RTHDR_STRICT
K(IPV6_RTHDR_STRICT)
#endif
#ifdef IPV6_RTHDR_TYPE_0
K(IPV6_RTHDR_TYPE_0)
#endif
#ifdef IPV6_RXDSTOPTS
K(IPV6_RXDSTOPTS)
#endif
#ifdef IPV6_RXHOPOPTS
K(IPV6_RXHOPOPTS)
#endif
#ifdef IPV6_TCLASS
K(IPV6_TCLASS)
#endif
#ifdef IPV6_TLV_CALIPSO
K(IPV6_TLV_CALIPSO)
#endif
#ifdef IPV6_TLV_HAO
K(IPV6_TLV_HAO)
#endif
#ifdef IPV6_TLV_IOAM
K(IPV6_TLV_IOAM)
#endif
#ifdef IPV6_TLV_JUMBO
K(IPV6_TLV_JUMBO)
#endif
#ifdef IPV6_TLV_PAD1
K(IPV6_TLV_PAD1)
#endif
#ifdef IPV6_TLV_PADN
K(IPV6_TLV_PADN)
#endif
#ifdef IPV6_TLV_ROUTERALERT
K(IPV6_TLV_ROUTERALERT)
#endif
#ifdef IPV6_TRANSPARENT
K(IPV6_TRANSPARENT)
#endif
#ifdef IPV6_UNICAST_HOPS
K(IPV6_UNICAST_HOPS)
#endif
#ifdef IPV6_UNICAST_IF
K(IPV6_UNICAST_IF)
#endif
#ifdef IPV6_V6ONLY
K(IPV6_V6ONLY)
#endif
#ifdef IPV6_XFRM_POLICY
K(IPV6_XFRM_POLICY)
#endif

/* IPPROTO_TCP options and limits (<netinet/tcp.h>) */
#ifdef TCP_CC_INFO
K(TCP_CC_INFO)
#endif
#ifdef TCP_CM_INQ
K(TCP_CM_INQ)
#endif
#ifdef TCP_CONGESTION
K(TCP_CONGESTION)
#endif
#ifdef TCP_COOKIE_IN_ALWAYS
K(TCP_COOKIE_IN_ALWAYS)
#endif
#ifdef TCP_COOKIE_MAX
K(TCP_COOKIE_MAX)
#endif
#ifdef TCP_COOKIE_MIN
K(TCP_COOKIE_MIN)
#endif
#ifdef TCP_COOKIE_OUT_NEVER
K(TCP_COOKIE_OUT_NEVER)
#endif
#ifdef TCP_COOKIE_PAIR_SIZE
K(TCP_COOKIE_PAIR_SIZE)
#endif
#ifdef TCP_COOKIE_TRANSACTIONS
K(TCP_COOKIE_TRANSACTIONS)
#endif
#ifdef TCP_CORK
K(TCP_CORK)
#endif
#ifdef TCP_DEFER_ACCEPT
K(TCP_DEFER_ACCEPT)
#endif
#ifdef TCP_FASTOPEN
K(TCP_FASTOPEN)
#endif
#ifdef TCP_FASTOPEN_CONNECT
K(TCP_FASTOPEN_CONNECT)
#endif
#ifdef TCP_FASTOPEN_KEY
K(TCP_FASTOPEN_KEY)
#endif
#ifdef TCP_FASTOPEN_NO_COOKIE
K(TCP_FASTOPEN_NO_COOKIE)
#endif
#ifdef TCP_INFO
K(TCP_INFO)
#endif
#ifdef TCP_INQ
K(TCP_INQ)
#endif
#ifdef TCP_KEEPCNT
K(TCP_KEEPCNT)
#endif
#ifdef TCP_KEEPIDLE
K(TCP_KEEPIDLE)
#endif
#ifdef TCP_KEEPINTVL
K(TCP_KEEPINTVL)
#endif
#ifdef TCP_LINGER2
K(TCP_LINGER2)
#endif
#ifdef TCP_MAXSEG
K(TCP_MAXSEG)
#endif
#ifdef TCP_MAXWIN
K(TCP_MAXWIN)
#endif
#ifdef TCP_MAX_WINSHIFT
K(TCP_MAX_WINSHIFT)
#endif
#ifdef TCP_MD5SIG
K(TCP_MD5SIG)
#endif
#ifdef TCP_MD5SIG_EXT
K(TCP_MD5SIG_EXT)
#endif
#ifdef TCP_MD5SIG_FLAG_PREFIX
K(TCP_MD5SIG_FLAG_PREFIX)
#endif
#ifdef TCP_MD5SIG_MAXKEYLEN
K(TCP_MD5SIG_MAXKEYLEN)
#endif
#ifdef TCP_MSS
K(TCP_MSS)
#endif
#ifdef TCP_MSS_DEFAULT
K(TCP_MSS_DEFAULT)
#endif
#ifdef TCP_MSS_DESIRED
K(TCP_MSS_DESIRED)
#endif
#ifdef TCP_NODELAY
K(TCP_NODELAY)
#endif
#ifdef TCP_NOTSENT_LOWAT
K(TCP_NOTSENT_LOWAT)
#endif
#ifdef TCP_QUEUE_SEQ
K(TCP_QUEUE_SEQ)
#endif
#ifdef TCP_QUICKACK
K(TCP_QUICKACK)
#endif
#ifdef TCP_REPAIR
K(TCP_REPAIR)
#endif
#ifdef TCP_REPAIR_OFF
K(TCP_REPAIR_OFF)
#endif
#ifdef TCP_REPAIR_OFF_NO_WP
K(TCP_REPAIR_OFF_NO_WP)
#endif
#ifdef TCP_REPAIR_ON
K(TCP_REPAIR_ON)
#endif
#ifdef TCP_REPAIR_OPTIONS
K(TCP_REPAIR_OPTIONS)
#endif
#ifdef TCP_REPAIR_QUEUE
K(TCP_REPAIR_QUEUE)
#endif
#ifdef TCP_REPAIR_WINDOW
K(TCP_REPAIR_WINDOW)
#endif
#ifdef TCP_SAVED_SYN
K(TCP_SAVED_SYN)
#endif
#ifdef TCP_SAVE_SYN
K(TCP_SAVE_SYN)
#endif
#ifdef TCP_SYNCNT
K(TCP_SYNCNT)
#endif
#ifdef TCP_S_DATA_IN
K(TCP_S_DATA_IN)
#endif
#ifdef TCP_S_DATA_OUT
K(TCP_S_DATA_OUT)
#endif
#ifdef TCP_THIN_DUPACK
K(TCP_THIN_DUPACK)
#endif
#ifdef TCP_THIN_LINEAR_TIMEOUTS
K(TCP_THIN_LINEAR_TIMEOUTS)
#endif
#ifdef TCP_TIMESTAMP
K(TCP_TIMESTAMP)
#endif
#ifdef TCP_TX_DELAY
K(TCP_TX_DELAY)
#endif
#ifdef TCP_ULP
K(TCP_ULP)
#endif
#ifdef TCP_USER_TIMEOUT
K(TCP_USER_TIMEOUT)
#endif
#ifdef TCP_WINDOW_CLAMP
K(TCP_WINDOW_CLAMP)
#endif
#ifdef TCP_ZEROCOPY_RECEIVE
K(TCP_ZEROCOPY_RECEIVE)
#endif

/* IPPROTO_UDP options */
#ifdef UDP_CORK
K(UDP_CORK)
#endif
#ifdef UDP_ENCAP
K(UDP_ENCAP)
#endif
#ifdef UDP_ENCAP_ESPINUDP
K(UDP_ENCAP_ESPINUDP)
#endif
#ifdef UDP_ENCAP_ESPINUDP_NON_IKE
K(UDP_ENCAP_ESPINUDP_NON_IKE)
#endif
#ifdef UDP_ENCAP_GTP0
K(UDP_ENCAP_GTP0)
#endif
#ifdef UDP_ENCAP_GTP1U
K(UDP_ENCAP_GTP1U)
#endif
#ifdef UDP_ENCAP_L2TPINUDP
K(UDP_ENCAP_L2TPINUDP)
#endif
#ifdef UDP_GRO
K(UDP_GRO)
#endif
#ifdef UDP_NO_CHECK6_RX
K(UDP_NO_CHECK6_RX)
#endif
#ifdef UDP_NO_CHECK6_TX
K(UDP_NO_CHECK6_TX)
#endif
#ifdef UDP_SEGMENT
K(UDP_SEGMENT)
#endif

/* getaddrinfo() flags */
#ifdef AI_ADDRCONFIG
K(AI_ADDRCONFIG)
#endif
#ifdef AI_ALL
K(AI_ALL)
#endif
#ifdef AI_CANONIDN
K(AI_CANONIDN)
#endif
#ifdef AI_CANONNAME
K(AI_CANONNAME)
#endif
#ifdef AI_IDN
K(AI_IDN)
#endif
#ifdef AI_NUMERICHOST
K(AI_NUMERICHOST)
#endif
#ifdef AI_NUMERICSERV
K(AI_NUMERICSERV)
#endif
#ifdef AI_PASSIVE
K(AI_PASSIVE)
#endif
#ifdef AI_V4MAPPED
K(AI_V4MAPPED)
#endif

/* getnameinfo() flags and buffer sizes */
#ifdef NI_DGRAM
K(NI_DGRAM)
#endif
#ifdef NI_IDN
K(NI_IDN)
#endif
#ifdef NI_MAXHOST
K(NI_MAXHOST)
#endif
#ifdef NI_MAXSERV
K(NI_MAXSERV)
#endif
#ifdef NI_NAMEREQD
K(NI_NAMEREQD)
#endif
#ifdef NI_NOFQDN
K(NI_NOFQDN)
#endif
#ifdef NI_NUMERICHOST
K(NI_NUMERICHOST)
#endif
#ifdef NI_NUMERICSERV
K(NI_NUMERICSERV)
#endif

/* getaddrinfo()/getnameinfo() error codes (negative, as in glibc) */
#ifdef EAI_ADDRFAMILY
K(EAI_ADDRFAMILY)
#endif
#ifdef EAI_AGAIN
K(EAI_AGAIN)
#endif
#ifdef EAI_ALLDONE
K(EAI_ALLDONE)
#endif
#ifdef EAI_BADFLAGS
K(EAI_BADFLAGS)
#endif
#ifdef EAI_CANCELED
K(EAI_CANCELED)
#endif
#ifdef EAI_FAIL
K(EAI_FAIL)
#endif
#ifdef EAI_FAMILY
K(EAI_FAMILY)
#endif
#ifdef EAI_IDN_ENCODE
K(EAI_IDN_ENCODE)
#endif
#ifdef EAI_INPROGRESS
K(EAI_INPROGRESS)
#endif
#ifdef EAI_INTR
K(EAI_INTR)
#endif
#ifdef EAI_MEMORY
K(EAI_MEMORY)
#endif
#ifdef EAI_NODATA
K(EAI_NODATA)
#endif
#ifdef EAI_NONAME
K(EAI_NONAME)
#endif
#ifdef EAI_NOTCANCELED
K(EAI_NOTCANCELED)
#endif
#ifdef EAI_OVERFLOW
K(EAI_OVERFLOW)
#endif
#ifdef EAI_SERVICE
K(EAI_SERVICE)
#endif
#ifdef EAI_SOCKTYPE
K(EAI_SOCKTYPE)
#endif
#ifdef EAI_SYSTEM
K(EAI_SYSTEM)
#endif

/* CAN: protocols, identifier flags and masks, raw and ISO-TP options,
   error-frame classes (<linux/can.h>, <linux/can/raw.h>, isotp.h, error.h) */
#ifdef CAN_BCM
K(CAN_BCM)
#endif
#ifdef CAN_BUS_OFF_THRESHOLD
K(CAN_BUS_OFF_THRESHOLD)
#endif
#ifdef CAN_EFF_FLAG
K(CAN_EFF_FLAG)
#endif
#ifdef CAN_EFF_ID_BITS
K(CAN_EFF_ID_BITS)
#endif
#ifdef CAN_EFF_MASK
K(CAN_EFF_MASK)
#endif
#ifdef CAN_ERROR_PASSIVE_THRESHOLD
K(CAN_ERROR_PASSIVE_THRESHOLD)
#endif
#ifdef CAN_ERROR_WARNING_THRESHOLD
K(CAN_ERROR_WARNING_THRESHOLD)
#endif
#ifdef CAN_ERR_ACK
K(CAN_ERR_ACK)
#endif
#ifdef CAN_ERR_BUSERROR
K(CAN_ERR_BUSERROR)
#endif
#ifdef CAN_ERR_BUSOFF
K(CAN_ERR_BUSOFF)
#endif
#ifdef CAN_ERR_CNT
K(CAN_ERR_CNT)
#endif
#ifdef CAN_ERR_CRTL
K(CAN_ERR_CRTL)
#endif
#ifdef CAN_ERR_CRTL_ACTIVE
K(CAN_ERR_CRTL_ACTIVE)
#endif
#ifdef CAN_ERR_CRTL_RX_OVERFLOW
K(CAN_ERR_CRTL_RX_OVERFLOW)
#endif
#ifdef CAN_ERR_CRTL_RX_PASSIVE
K(CAN_ERR_CRTL_RX_PASSIVE)
#endif
#ifdef CAN_ERR_CRTL_RX_WARNING
K(CAN_ERR_CRTL_RX_WARNING)
#endif
#ifdef CAN_ERR_CRTL_TX_OVERFLOW
K(CAN_ERR_CRTL_TX_OVERFLOW)
#endif
#ifdef CAN_ERR_CRTL_TX_PASSIVE
K(CAN_ERR_CRTL_TX_PASSIVE)
#endif
#ifdef CAN_ERR_CRTL_TX_WARNING
K(CAN_ERR_CRTL_TX_WARNING)
#endif
#ifdef CAN_ERR_CRTL_UNSPEC
K(CAN_ERR_CRTL_UNSPEC)
#endif
#ifdef CAN_ERR_DLC
K(CAN_ERR_DLC)
#endif
#ifdef CAN_ERR_FLAG
K(CAN_ERR_FLAG)
#endif
#ifdef CAN_ERR_LOSTARB
K(CAN_ERR_LOSTARB)
#endif
#ifdef CAN_ERR_LOSTARB_UNSPEC
K(CAN_ERR_LOSTARB_UNSPEC)
#endif
#ifdef CAN_ERR_MASK
K(CAN_ERR_MASK)
#endif
#ifdef CAN_ERR_PROT
K(CAN_ERR_PROT)
#endif
#ifdef CAN_ERR_PROT_ACTIVE
K(CAN_ERR_PROT_ACTIVE)
#endif
#ifdef CAN_ERR_PROT_BIT
K(CAN_ERR_PROT_BIT)
#endif
#ifdef CAN_ERR_PROT_BIT0
K(CAN_ERR_PROT_BIT0)
#endif
#ifdef CAN_ERR_PROT_BIT1
K(CAN_ERR_PROT_BIT1)
#endif
#ifdef CAN_ERR_PROT_FORM
K(CAN_ERR_PROT_FORM)
#endif
#ifdef CAN_ERR_PROT_LOC_ACK
K(CAN_ERR_PROT_LOC_ACK)
#endif
#ifdef CAN_ERR_PROT_LOC_ACK_DEL
K(CAN_ERR_PROT_LOC_ACK_DEL)
#endif
#ifdef CAN_ERR_PROT_LOC_CRC_DEL
K(CAN_ERR_PROT_LOC_CRC_DEL)
#endif
#ifdef CAN_ERR_PROT_LOC_CRC_SEQ
K(CAN_ERR_PROT_LOC_CRC_SEQ)
#endif
#ifdef CAN_ERR_PROT_LOC_DATA
K(CAN_ERR_PROT_LOC_DATA)
#endif
#ifdef CAN_ERR_PROT_LOC_DLC
K(CAN_ERR_PROT_LOC_DLC)
#endif
#ifdef CAN_ERR_PROT_LOC_EOF
K(CAN_ERR_PROT_LOC_EOF)
#endif
#ifdef CAN_ERR_PROT_LOC_ID04_00
K(CAN_ERR_PROT_LOC_ID04_00)
#endif
#ifdef CAN_ERR_PROT_LOC_ID12_05
K(CAN_ERR_PROT_LOC_ID12_05)
#endif
#ifdef CAN_ERR_PROT_LOC_ID17_13
K(CAN_ERR_PROT_LOC_ID17_13)
#endif
#ifdef CAN_ERR_PROT_LOC_ID20_18
K(CAN_ERR_PROT_LOC_ID20_18)
#endif
#ifdef CAN_ERR_PROT_LOC_ID28_21
K(CAN_ERR_PROT_LOC_ID28_21)
#endif
#ifdef CAN_ERR_PROT_LOC_IDE
K(CAN_ERR_PROT_LOC_IDE)
#endif
#ifdef CAN_ERR_PROT_LOC_INTERM
K(CAN_ERR_PROT_LOC_INTERM)
#endif
#ifdef CAN_ERR_PROT_LOC_RES0
K(CAN_ERR_PROT_LOC_RES0)
#endif
#ifdef CAN_ERR_PROT_LOC_RES1
K(CAN_ERR_PROT_LOC_RES1)
#endif
#ifdef CAN_ERR_PROT_LOC_RTR
K(CAN_ERR_PROT_LOC_RTR)
#endif
#ifdef CAN_ERR_PROT_LOC_SOF
K(CAN_ERR_PROT_LOC_SOF)
#endif
#ifdef CAN_ERR_PROT_LOC_SRTR
K(CAN_ERR_PROT_LOC_SRTR)
#endif
#ifdef CAN_ERR_PROT_LOC_UNSPEC
K(CAN_ERR_PROT_LOC_UNSPEC)
#endif
#ifdef CAN_ERR_PROT_OVERLOAD
K(CAN_ERR_PROT_OVERLOAD)
#endif
#ifdef CAN_ERR_PROT_STUFF
K(CAN_ERR_PROT_STUFF)
#endif
#ifdef CAN_ERR_PROT_TX
K(CAN_ERR_PROT_TX)
#endif
#ifdef CAN_ERR_PROT_UNSPEC
K(CAN_ERR_PROT_UNSPEC)
#endif
#ifdef CAN_ERR_RESTARTED
K(CAN_ERR_RESTARTED)
#endif
#ifdef CAN_ERR_TRX
K(CAN_ERR_TRX)
#endif
#ifdef CAN_ERR_TRX_CANH_NO_WIRE
K(CAN_ERR_TRX_CANH_NO_WIRE)
#endif
#ifdef CAN_ERR_TRX_CANH_SHORT_TO_BAT
K(CAN_ERR_TRX_CANH_SHORT_TO_BAT)
#endif
#ifdef CAN_ERR_TRX_CANH_SHORT_TO_GND
K(CAN_ERR_TRX_CANH_SHORT_TO_GND)
#endif
#ifdef CAN_ERR_TRX_CANH_SHORT_TO_VCC
K(CAN_ERR_TRX_CANH_SHORT_TO_VCC)
#endif
#ifdef CAN_ERR_TRX_CANL_NO_WIRE
K(CAN_ERR_TRX_CANL_NO_WIRE)
#endif
#ifdef CAN_ERR_TRX_CANL_SHORT_TO_BAT
K(CAN_ERR_TRX_CANL_SHORT_TO_BAT)
#endif
#ifdef CAN_ERR_TRX_CANL_SHORT_TO_CANH
K(CAN_ERR_TRX_CANL_SHORT_TO_CANH)
#endif
#ifdef CAN_ERR_TRX_CANL_SHORT_TO_GND
K(CAN_ERR_TRX_CANL_SHORT_TO_GND)
#endif
#ifdef CAN_ERR_TRX_CANL_SHORT_TO_VCC
K(CAN_ERR_TRX_CANL_SHORT_TO_VCC)
#endif
#ifdef CAN_ERR_TRX_UNSPEC
K(CAN_ERR_TRX_UNSPEC)
#endif
#ifdef CAN_ERR_TX_TIMEOUT
K(CAN_ERR_TX_TIMEOUT)
#endif
#ifdef CAN_FD_FRAME
K(CAN_FD_FRAME)
#endif
#ifdef CAN_INV_FILTER
K(CAN_INV_FILTER)
#endif
#ifdef CAN_ISOTP
K(CAN_ISOTP)
#endif
#ifdef CAN_ISOTP_CF_BROADCAST
K(CAN_ISOTP_CF_BROADCAST)
#endif
#ifdef CAN_ISOTP_CHK_PAD_DATA
K(CAN_ISOTP_CHK_PAD_DATA)
#endif
#ifdef CAN_ISOTP_CHK_PAD_LEN
K(CAN_ISOTP_CHK_PAD_LEN)
#endif
#ifdef CAN_ISOTP_DEFAULT_EXT_ADDRESS
K(CAN_ISOTP_DEFAULT_EXT_ADDRESS)
#endif
#ifdef CAN_ISOTP_DEFAULT_FLAGS
K(CAN_ISOTP_DEFAULT_FLAGS)
#endif
#ifdef CAN_ISOTP_DEFAULT_FRAME_TXTIME
K(CAN_ISOTP_DEFAULT_FRAME_TXTIME)
#endif
#ifdef CAN_ISOTP_DEFAULT_LL_MTU
K(CAN_ISOTP_DEFAULT_LL_MTU)
#endif
#ifdef CAN_ISOTP_DEFAULT_LL_TX_DL
K(CAN_ISOTP_DEFAULT_LL_TX_DL)
#endif
#ifdef CAN_ISOTP_DEFAULT_LL_TX_FLAGS
K(CAN_ISOTP_DEFAULT_LL_TX_FLAGS)
#endif
#ifdef CAN_ISOTP_DEFAULT_PAD_CONTENT
K(CAN_ISOTP_DEFAULT_PAD_CONTENT)
#endif
#ifdef CAN_ISOTP_DEFAULT_RECV_BS
K(CAN_ISOTP_DEFAULT_RECV_BS)
#endif
#ifdef CAN_ISOTP_DEFAULT_RECV_STMIN
K(CAN_ISOTP_DEFAULT_RECV_STMIN)
#endif
#ifdef CAN_ISOTP_DEFAULT_RECV_WFTMAX
K(CAN_ISOTP_DEFAULT_RECV_WFTMAX)
#endif
#ifdef CAN_ISOTP_EXTEND_ADDR
K(CAN_ISOTP_EXTEND_ADDR)
#endif
#ifdef CAN_ISOTP_FORCE_RXSTMIN
K(CAN_ISOTP_FORCE_RXSTMIN)
#endif
#ifdef CAN_ISOTP_FORCE_TXSTMIN
K(CAN_ISOTP_FORCE_TXSTMIN)
#endif
#ifdef CAN_ISOTP_FRAME_TXTIME_ZERO
K(CAN_ISOTP_FRAME_TXTIME_ZERO)
#endif
#ifdef CAN_ISOTP_HALF_DUPLEX
K(CAN_ISOTP_HALF_DUPLEX)
#endif
#ifdef CAN_ISOTP_LISTEN_MODE
K(CAN_ISOTP_LISTEN_MODE)
#endif
#ifdef CAN_ISOTP_LL_OPTS
K(CAN_ISOTP_LL_OPTS)
#endif
#ifdef CAN_ISOTP_OPTS
K(CAN_ISOTP_OPTS)
#endif
#ifdef CAN_ISOTP_RECV_FC
K(CAN_ISOTP_RECV_FC)
#endif
#ifdef CAN_ISOTP_RX_EXT_ADDR
K(CAN_ISOTP_RX_EXT_ADDR)
#endif
#ifdef CAN_ISOTP_RX_PADDING
K(CAN_ISOTP_RX_PADDING)
#endif
#ifdef CAN_ISOTP_RX_STMIN
K(CAN_ISOTP_RX_STMIN)
#endif
#ifdef CAN_ISOTP_SF_BROADCAST
K(CAN_ISOTP_SF_BROADCAST)
#endif
#ifdef CAN_ISOTP_TX_PADDING
K(CAN_ISOTP_TX_PADDING)
#endif
#ifdef CAN_ISOTP_TX_STMIN
K(CAN_ISOTP_TX_STMIN)
#endif
#ifdef CAN_ISOTP_WAIT_TX_DONE
K(CAN_ISOTP_WAIT_TX_DONE)
#endif
#ifdef CAN_J1939
K(CAN_J1939)
#endif
#ifdef CAN_MAX_DLC
K(CAN_MAX_DLC)
#endif
#ifdef CAN_MAX_DLEN
K(CAN_MAX_DLEN)
#endif
#ifdef CAN_MAX_RAW_DLC
K(CAN_MAX_RAW_DLC)
#endif
#ifdef CAN_MCNET
K(CAN_MCNET)
#endif
#ifdef CAN_MTU
K(CAN_MTU)
#endif
#ifdef CAN_NPROTO
K(CAN_NPROTO)
#endif
#ifdef CAN_RAW
K(CAN_RAW)
#endif
#ifdef CAN_RAW_FILTER_MAX
K(CAN_RAW_FILTER_MAX)
#endif
#ifdef CAN_RTR_FLAG
K(CAN_RTR_FLAG)
#endif
#ifdef CAN_SFF_ID_BITS
K(CAN_SFF_ID_BITS)
#endif
#ifdef CAN_SFF_MASK
K(CAN_SFF_MASK)
#endif
#ifdef CAN_TP16
K(CAN_TP16)
#endif
#ifdef CAN_TP20
K(CAN_TP20)
#endif

/* CAN FD */
#ifdef CANFD_BRS
K(CANFD_BRS)
#endif
#ifdef CANFD_ESI
K(CANFD_ESI)
#endif
#ifdef CANFD_FDF
K(CANFD_FDF)
#endif
#ifdef CANFD_MAX_DLC
K(CANFD_MAX_DLC)
#endif
#ifdef CANFD_MAX_DLEN
K(CANFD_MAX_DLEN)
#endif
#ifdef CANFD_MTU
K(CANFD_MTU)
#endif

/* CAN XL */
#ifdef CANXL_HDR_SIZE
K(CANXL_HDR_SIZE)
#endif
#ifdef CANXL_MAX_DLC
K(CANXL_MAX_DLC)
#endif
#ifdef CANXL_MAX_DLC_MASK
K(CANXL_MAX_DLC_MASK)
#endif
#ifdef CANXL_MAX_DLEN
K(CANXL_MAX_DLEN)
#endif
#ifdef CANXL_MAX_MTU
K(CANXL_MAX_MTU)
#endif
#ifdef CANXL_MIN_DLC
K(CANXL_MIN_DLC)
#endif
#ifdef CANXL_MIN_DLEN
K(CANXL_MIN_DLEN)
#endif
#ifdef CANXL_MIN_MTU
K(CANXL_MIN_MTU)
#endif
#ifdef CANXL_MTU
K(CANXL_MTU)
#endif
#ifdef CANXL_PRIO_BITS
K(CANXL_PRIO_BITS)
#endif
#ifdef CANXL_PRIO_MASK
K(CANXL_PRIO_MASK)
#endif
#ifdef CANXL_SEC
K(CANXL_SEC)
#endif
#ifdef CANXL_XLF
K(CANXL_XLF)
#endif

/* SAE J1939 (<linux/can/j1939.h>) */
#ifdef J1939_FILTER_MAX
K(J1939_FILTER_MAX)
#endif
#ifdef J1939_IDLE_ADDR
K(J1939_IDLE_ADDR)
#endif
#ifdef J1939_MAX_UNICAST_ADDR
K(J1939_MAX_UNICAST_ADDR)
#endif
#ifdef J1939_NO_ADDR
K(J1939_NO_ADDR)
#endif
#ifdef J1939_NO_NAME
K(J1939_NO_NAME)
#endif
#ifdef J1939_NO_PGN
K(J1939_NO_PGN)
#endif
#ifdef J1939_PGN_ADDRESS_CLAIMED
K(J1939_PGN_ADDRESS_CLAIMED)
#endif
#ifdef J1939_PGN_ADDRESS_COMMANDED
K(J1939_PGN_ADDRESS_COMMANDED)
#endif
#ifdef J1939_PGN_MAX
K(J1939_PGN_MAX)
#endif
#ifdef J1939_PGN_PDU1_MAX
K(J1939_PGN_PDU1_MAX)
#endif
#ifdef J1939_PGN_REQUEST
K(J1939_PGN_REQUEST)
#endif

/* AF_PACKET: packet types, options, membership types (<linux/if_packet.h>) */
#ifdef PACKET_ADD_MEMBERSHIP
K(PACKET_ADD_MEMBERSHIP)
#endif
#ifdef PACKET_AUXDATA
K(PACKET_AUXDATA)
#endif
#ifdef PACKET_BROADCAST
K(PACKET_BROADCAST)
#endif
#ifdef PACKET_COPY_THRESH
K(PACKET_COPY_THRESH)
#endif
#ifdef PACKET_DROP_MEMBERSHIP
K(PACKET_DROP_MEMBERSHIP)
#endif
#ifdef PACKET_FANOUT
K(PACKET_FANOUT)
#endif
#ifdef PACKET_FANOUT_CBPF
K(PACKET_FANOUT_CBPF)
#endif
#ifdef PACKET_FANOUT_CPU
K(PACKET_FANOUT_CPU)
#endif
#ifdef PACKET_FANOUT_DATA
K(PACKET_FANOUT_DATA)
#endif
#ifdef PACKET_FANOUT_EBPF
K(PACKET_FANOUT_EBPF)
#endif
#ifdef PACKET_FANOUT_FLAG_DEFRAG
K(PACKET_FANOUT_FLAG_DEFRAG)
#endif
#ifdef PACKET_FANOUT_FLAG_ROLLOVER
K(PACKET_FANOUT_FLAG_ROLLOVER)
#endif
#ifdef PACKET_FANOUT_FLAG_UNIQUEID
K(PACKET_FANOUT_FLAG_UNIQUEID)
#endif
#ifdef PACKET_FANOUT_HASH
K(PACKET_FANOUT_HASH)
#endif
#ifdef PACKET_FANOUT_LB
K(PACKET_FANOUT_LB)
#endif
#ifdef PACKET_FANOUT_QM
K(PACKET_FANOUT_QM)
#endif
#ifdef PACKET_FANOUT_RND
K(PACKET_FANOUT_RND)
#endif
#ifdef PACKET_FANOUT_ROLLOVER
K(PACKET_FANOUT_ROLLOVER)
#endif
#ifdef PACKET_FASTROUTE
K(PACKET_FASTROUTE)
#endif
#ifdef PACKET_HDRLEN
K(PACKET_HDRLEN)
#endif
#ifdef PACKET_HOST
K(PACKET_HOST)
#endif
#ifdef PACKET_IGNORE_OUTGOING
K(PACKET_IGNORE_OUTGOING)
#endif
#ifdef PACKET_KERNEL
K(PACKET_KERNEL)
#endif
#ifdef PACKET_LOOPBACK
K(PACKET_LOOPBACK)
#endif
#ifdef PACKET_LOSS
K(PACKET_LOSS)
#endif
#ifdef PACKET_MR_ALLMULTI
K(PACKET_MR_ALLMULTI)
#endif
#ifdef PACKET_MR_MULTICAST
K(PACKET_MR_MULTICAST)
#endif
#ifdef PACKET_MR_PROMISC
K(PACKET_MR_PROMISC)
#endif
#ifdef PACKET_MR_UNICAST
K(PACKET_MR_UNICAST)
#endif
#ifdef PACKET_MULTICAST
K(PACKET_MULTICAST)
#endif
#ifdef PACKET_ORIGDEV
K(PACKET_ORIGDEV)
#endif
#ifdef PACKET_OTHERHOST
K(PACKET_OTHERHOST)
#endif
#ifdef PACKET_OUTGOING
K(PACKET_OUTGOING)
#endif
#ifdef PACKET_QDISC_BYPASS
K(PACKET_QDISC_BYPASS)
#endif
#ifdef PACKET_RECV_OUTPUT
K(PACKET_RECV_OUTPUT)
#endif
#ifdef PACKET_RESERVE
K(PACKET_RESERVE)
#endif
#ifdef PACKET_ROLLOVER_STATS
K(PACKET_ROLLOVER_STATS)
#endif
#ifdef PACKET_RX_RING
K(PACKET_RX_RING)
#endif
#ifdef PACKET_STATISTICS
K(PACKET_STATISTICS)
#endif
#ifdef PACKET_TIMESTAMP
K(PACKET_TIMESTAMP)
#endif
#ifdef PACKET_TX_HAS_OFF
K(PACKET_TX_HAS_OFF)
#endif
#ifdef PACKET_TX_RING
K(PACKET_TX_RING)
#endif
#ifdef PACKET_TX_TIMESTAMP
K(PACKET_TX_TIMESTAMP)
#endif
#ifdef PACKET_USER
K(PACKET_USER)
#endif
#ifdef PACKET_VERSION
K(PACKET_VERSION)
#endif
#ifdef PACKET_VNET_HDR
K(PACKET_VNET_HDR)
#endif

/* Ethernet protocol ids (<linux/if_ether.h>) */
#ifdef ETH_P_ALL
K(ETH_P_ALL)
#endif
#ifdef ETH_P_ARP
K(ETH_P_ARP)
#endif
#ifdef ETH_P_CAN
K(ETH_P_CAN)
#endif
#ifdef ETH_P_CANFD
K(ETH_P_CANFD)
#endif
#ifdef ETH_P_CANXL
K(ETH_P_CANXL)
#endif
#ifdef ETH_P_IP
K(ETH_P_IP)
#endif
#ifdef ETH_P_IPV6
K(ETH_P_IPV6)
#endif

/* Ethernet types (<net/ethernet.h>) */
#ifdef ETHERTYPE_ARP
K(ETHERTYPE_ARP)
#endif
#ifdef ETHERTYPE_IP
K(ETHERTYPE_IP)
#endif
#ifdef ETHERTYPE_IPV6
K(ETHERTYPE_IPV6)
#endif
#ifdef ETHERTYPE_VLAN
K(ETHERTYPE_VLAN)
#endif

/* Netlink protocols and SOL_NETLINK options (<linux/netlink.h>) */
#ifdef NETLINK_ADD_MEMBERSHIP
K(NETLINK_ADD_MEMBERSHIP)
#endif
#ifdef NETLINK_AUDIT
K(NETLINK_AUDIT)
#endif
#ifdef NETLINK_BROADCAST_ERROR
K(NETLINK_BROADCAST_ERROR)
#endif
#ifdef NETLINK_CAP_ACK
K(NETLINK_CAP_ACK)
#endif
#ifdef NETLINK_CONNECTOR
K(NETLINK_CONNECTOR)
#endif
#ifdef NETLINK_CRYPTO
K(NETLINK_CRYPTO)
#endif
#ifdef NETLINK_DNRTMSG
K(NETLINK_DNRTMSG)
#endif
#ifdef NETLINK_DROP_MEMBERSHIP
K(NETLINK_DROP_MEMBERSHIP)
#endif
#ifdef NETLINK_ECRYPTFS
K(NETLINK_ECRYPTFS)
#endif
#ifdef NETLINK_EXT_ACK
K(NETLINK_EXT_ACK)
#endif
#ifdef NETLINK_FIB_LOOKUP
K(NETLINK_FIB_LOOKUP)
#endif
#ifdef NETLINK_FIREWALL
K(NETLINK_FIREWALL)
#endif
#ifdef NETLINK_GENERIC
K(NETLINK_GENERIC)
#endif
#ifdef NETLINK_GET_STRICT_CHK
K(NETLINK_GET_STRICT_CHK)
#endif
#ifdef NETLINK_INET_DIAG
K(NETLINK_INET_DIAG)
#endif
#ifdef NETLINK_IP6_FW
K(NETLINK_IP6_FW)
#endif
#ifdef NETLINK_ISCSI
K(NETLINK_ISCSI)
#endif
#ifdef NETLINK_KOBJECT_UEVENT
K(NETLINK_KOBJECT_UEVENT)
#endif
#ifdef NETLINK_LISTEN_ALL_NSID
K(NETLINK_LISTEN_ALL_NSID)
#endif
#ifdef NETLINK_LIST_MEMBERSHIPS
K(NETLINK_LIST_MEMBERSHIPS)
#endif
#ifdef NETLINK_NETFILTER
K(NETLINK_NETFILTER)
#endif
#ifdef NETLINK_NFLOG
K(NETLINK_NFLOG)
#endif
#ifdef NETLINK_NO_ENOBUFS
K(NETLINK_NO_ENOBUFS)
#endif
#ifdef NETLINK_PKTINFO
K(NETLINK_PKTINFO)
#endif
#ifdef NETLINK_RDMA
K(NETLINK_RDMA)
#endif
#ifdef NETLINK_ROUTE
K(NETLINK_ROUTE)
#endif
#ifdef NETLINK_RX_RING
K(NETLINK_RX_RING)
#endif
#ifdef NETLINK_SCSITRANSPORT
K(NETLINK_SCSITRANSPORT)
#endif
#ifdef NETLINK_SELINUX
K(NETLINK_SELINUX)
#endif
#ifdef NETLINK_SMC
K(NETLINK_SMC)
#endif
#ifdef NETLINK_SOCK_DIAG
K(NETLINK_SOCK_DIAG)
#endif
#ifdef NETLINK_TX_RING
K(NETLINK_TX_RING)
#endif
#ifdef NETLINK_UNUSED
K(NETLINK_UNUSED)
#endif
#ifdef NETLINK_USERSOCK
K(NETLINK_USERSOCK)
#endif
#ifdef NETLINK_XFRM
K(NETLINK_XFRM)
#endif

/* Netlink message flags */
#ifdef NLM_F_ACK
K(NLM_F_ACK)
#endif
#ifdef NLM_F_ACK_TLVS
K(NLM_F_ACK_TLVS)
#endif
#ifdef NLM_F_APPEND
K(NLM_F_APPEND)
#endif
#ifdef NLM_F_ATOMIC
K(NLM_F_ATOMIC)
#endif
#ifdef NLM_F_BULK
K(NLM_F_BULK)
#endif
#ifdef NLM_F_CAPPED
K(NLM_F_CAPPED)
#endif
#ifdef NLM_F_CREATE
K(NLM_F_CREATE)
#endif
#ifdef NLM_F_DUMP
K(NLM_F_DUMP)
#endif
#ifdef NLM_F_DUMP_FILTERED
K(NLM_F_DUMP_FILTERED)
#endif
#ifdef NLM_F_DUMP_INTR
K(NLM_F_DUMP_INTR)
#endif
#ifdef NLM_F_ECHO
K(NLM_F_ECHO)
#endif
#ifdef NLM_F_EXCL
K(NLM_F_EXCL)
#endif
#ifdef NLM_F_MATCH
K(NLM_F_MATCH)
#endif
#ifdef NLM_F_MULTI
K(NLM_F_MULTI)
#endif
#ifdef NLM_F_NONREC
K(NLM_F_NONREC)
#endif
#ifdef NLM_F_REPLACE
K(NLM_F_REPLACE)
#endif
#ifdef NLM_F_REQUEST
K(NLM_F_REQUEST)
#endif
#ifdef NLM_F_ROOT
K(NLM_F_ROOT)
#endif

/* Netlink control message types */
#ifdef NLMSG_DONE
K(NLMSG_DONE)
#endif
#ifdef NLMSG_ERROR
K(NLMSG_ERROR)
#endif
#ifdef NLMSG_NOOP
K(NLMSG_NOOP)
#endif
#ifdef NLMSG_OVERRUN
K(NLMSG_OVERRUN)
#endif

/* rtnetlink message types (<linux/rtnetlink.h>) */
#ifdef RTM_GETLINK
K(RTM_GETLINK)
#endif
#ifdef RTM_NEWLINK
K(RTM_NEWLINK)
#endif

/* TIPC (<linux/tipc.h>) */
#ifdef TIPC_ADDR_ID
K(TIPC_ADDR_ID)
#endif
#ifdef TIPC_ADDR_MCAST
K(TIPC_ADDR_MCAST)
#endif
#ifdef TIPC_ADDR_NAME
K(TIPC_ADDR_NAME)
#endif
#ifdef TIPC_ADDR_NAMESEQ
K(TIPC_ADDR_NAMESEQ)
#endif
#ifdef TIPC_AEAD_ALG_NAME
K(TIPC_AEAD_ALG_NAME)
#endif
#ifdef TIPC_AEAD_KEYLEN_MAX
K(TIPC_AEAD_KEYLEN_MAX)
#endif
#ifdef TIPC_AEAD_KEYLEN_MIN
K(TIPC_AEAD_KEYLEN_MIN)
#endif
#ifdef TIPC_AEAD_KEY_SIZE_MAX
K(TIPC_AEAD_KEY_SIZE_MAX)
#endif
#ifdef TIPC_CFG_SRV
K(TIPC_CFG_SRV)
#endif
#ifdef TIPC_CLUSTER_BITS
K(TIPC_CLUSTER_BITS)
#endif
#ifdef TIPC_CLUSTER_MASK
K(TIPC_CLUSTER_MASK)
#endif
#ifdef TIPC_CLUSTER_OFFSET
K(TIPC_CLUSTER_OFFSET)
#endif
#ifdef TIPC_CLUSTER_SIZE
K(TIPC_CLUSTER_SIZE)
#endif
#ifdef TIPC_CONN_SHUTDOWN
K(TIPC_CONN_SHUTDOWN)
#endif
#ifdef TIPC_CONN_TIMEOUT
K(TIPC_CONN_TIMEOUT)
#endif
#ifdef TIPC_CRITICAL_IMPORTANCE
K(TIPC_CRITICAL_IMPORTANCE)
#endif
#ifdef TIPC_DESTNAME
K(TIPC_DESTNAME)
#endif
#ifdef TIPC_DEST_DROPPABLE
K(TIPC_DEST_DROPPABLE)
#endif
#ifdef TIPC_ERRINFO
K(TIPC_ERRINFO)
#endif
#ifdef TIPC_ERR_NO_NAME
K(TIPC_ERR_NO_NAME)
#endif
#ifdef TIPC_ERR_NO_NODE
K(TIPC_ERR_NO_NODE)
#endif
#ifdef TIPC_ERR_NO_PORT
K(TIPC_ERR_NO_PORT)
#endif
#ifdef TIPC_ERR_OVERLOAD
K(TIPC_ERR_OVERLOAD)
#endif
#ifdef TIPC_GROUP_JOIN
K(TIPC_GROUP_JOIN)
#endif
#ifdef TIPC_GROUP_LEAVE
K(TIPC_GROUP_LEAVE)
#endif
#ifdef TIPC_GROUP_LOOPBACK
K(TIPC_GROUP_LOOPBACK)
#endif
#ifdef TIPC_GROUP_MEMBER_EVTS
K(TIPC_GROUP_MEMBER_EVTS)
#endif
#ifdef TIPC_HIGH_IMPORTANCE
K(TIPC_HIGH_IMPORTANCE)
#endif
#ifdef TIPC_IMPORTANCE
K(TIPC_IMPORTANCE)
#endif
#ifdef TIPC_LINK_STATE
K(TIPC_LINK_STATE)
#endif
#ifdef TIPC_LOW_IMPORTANCE
K(TIPC_LOW_IMPORTANCE)
#endif
#ifdef TIPC_MAX_BEARER_NAME
K(TIPC_MAX_BEARER_NAME)
#endif
#ifdef TIPC_MAX_IF_NAME
K(TIPC_MAX_IF_NAME)
#endif
#ifdef TIPC_MAX_LINK_NAME
K(TIPC_MAX_LINK_NAME)
#endif
#ifdef TIPC_MAX_MEDIA_NAME
K(TIPC_MAX_MEDIA_NAME)
#endif
#ifdef TIPC_MAX_USER_MSG_SIZE
K(TIPC_MAX_USER_MSG_SIZE)
#endif
#ifdef TIPC_MCAST_BROADCAST
K(TIPC_MCAST_BROADCAST)
#endif
#ifdef TIPC_MCAST_REPLICAST
K(TIPC_MCAST_REPLICAST)
#endif
#ifdef TIPC_MEDIUM_IMPORTANCE
K(TIPC_MEDIUM_IMPORTANCE)
#endif
#ifdef TIPC_NODEID_LEN
K(TIPC_NODEID_LEN)
#endif
#ifdef TIPC_NODELAY
K(TIPC_NODELAY)
#endif
#ifdef TIPC_NODE_BITS
K(TIPC_NODE_BITS)
#endif
#ifdef TIPC_NODE_MASK
K(TIPC_NODE_MASK)
#endif
#ifdef TIPC_NODE_OFFSET
K(TIPC_NODE_OFFSET)
#endif
#ifdef TIPC_NODE_RECVQ_DEPTH
K(TIPC_NODE_RECVQ_DEPTH)
#endif
#ifdef TIPC_NODE_SIZE
K(TIPC_NODE_SIZE)
#endif
#ifdef TIPC_NODE_STATE
K(TIPC_NODE_STATE)
#endif
#ifdef TIPC_OK
K(TIPC_OK)
#endif
#ifdef TIPC_PUBLISHED
K(TIPC_PUBLISHED)
#endif
#ifdef TIPC_REKEYING_NOW
K(TIPC_REKEYING_NOW)
#endif
#ifdef TIPC_RESERVED_TYPES
K(TIPC_RESERVED_TYPES)
#endif
#ifdef TIPC_RETDATA
K(TIPC_RETDATA)
#endif
#ifdef TIPC_SERVICE_ADDR
K(TIPC_SERVICE_ADDR)
#endif
#ifdef TIPC_SERVICE_RANGE
K(TIPC_SERVICE_RANGE)
#endif
#ifdef TIPC_SOCKET_ADDR
K(TIPC_SOCKET_ADDR)
#endif
#ifdef TIPC_SOCK_RECVQ_DEPTH
K(TIPC_SOCK_RECVQ_DEPTH)
#endif
#ifdef TIPC_SOCK_RECVQ_USED
K(TIPC_SOCK_RECVQ_USED)
#endif
#ifdef TIPC_SRC_DROPPABLE
K(TIPC_SRC_DROPPABLE)
#endif
#ifdef TIPC_SUBSCR_TIMEOUT
K(TIPC_SUBSCR_TIMEOUT)
#endif
#ifdef TIPC_SUB_CANCEL
K(TIPC_SUB_CANCEL)
#endif
#ifdef TIPC_SUB_PORTS
K(TIPC_SUB_PORTS)
#endif
#ifdef TIPC_SUB_SERVICE
K(TIPC_SUB_SERVICE)
#endif
#ifdef TIPC_TOP_SRV
K(TIPC_TOP_SRV)
#endif
#ifdef TIPC_WAIT_FOREVER
K(TIPC_WAIT_FOREVER)
#endif
#ifdef TIPC_WITHDRAWN
K(TIPC_WITHDRAWN)
#endif
#ifdef TIPC_ZONE_BITS
K(TIPC_ZONE_BITS)
#endif
#ifdef TIPC_ZONE_CLUSTER_MASK
K(TIPC_ZONE_CLUSTER_MASK)
#endif
#ifdef TIPC_ZONE_MASK
K(TIPC_ZONE_MASK)
#endif
#ifdef TIPC_ZONE_OFFSET
K(TIPC_ZONE_OFFSET)
#endif
#ifdef TIPC_ZONE_SCOPE
K(TIPC_ZONE_SCOPE)
#endif
#ifdef TIPC_ZONE_SIZE
K(TIPC_ZONE_SIZE)
#endif

/* AF_ALG (<linux/if_alg.h>) */
#ifdef ALG_OP_DECRYPT
K(ALG_OP_DECRYPT)
#endif
#ifdef ALG_OP_ENCRYPT
K(ALG_OP_ENCRYPT)
#endif
#ifdef ALG_SET_AEAD_ASSOCLEN
K(ALG_SET_AEAD_ASSOCLEN)
#endif
#ifdef ALG_SET_AEAD_AUTHSIZE
K(ALG_SET_AEAD_AUTHSIZE)
#endif
#ifdef ALG_SET_DRBG_ENTROPY
K(ALG_SET_DRBG_ENTROPY)
#endif
#ifdef ALG_SET_IV
K(ALG_SET_IV)
#endif
#ifdef ALG_SET_KEY
K(ALG_SET_KEY)
#endif
#ifdef ALG_SET_OP
K(ALG_SET_OP)
#endif

/* AF_VSOCK (<linux/vm_sockets.h>) */
#ifdef VMADDR_CID_ANY
K(VMADDR_CID_ANY)
#endif
#ifdef VMADDR_CID_HOST
K(VMADDR_CID_HOST)
#endif
#ifdef VMADDR_CID_HYPERVISOR
K(VMADDR_CID_HYPERVISOR)
#endif
#ifdef VMADDR_CID_LOCAL
K(VMADDR_CID_LOCAL)
#endif
#ifdef VMADDR_FLAG_TO_HOST
K(VMADDR_FLAG_TO_HOST)
#endif
#ifdef VMADDR_PORT_ANY
K(VMADDR_PORT_ANY)
#endif
#ifdef VM_SOCKETS_INVALID_VERSION
K(VM_SOCKETS_INVALID_VERSION)
#endif
#ifdef IOCTL_VM_SOCKETS_GET_LOCAL_CID
K(IOCTL_VM_SOCKETS_GET_LOCAL_CID)
#endif

/* AF_QIPCRTR (<linux/qrtr.h>) */
#ifdef QRTR_NODE_BCAST
K(QRTR_NODE_BCAST)
#endif
#ifdef QRTR_PORT_CTRL
K(QRTR_PORT_CTRL)
#endif

/* RDS (<linux/rds.h>) */
#ifdef RDS_CANCEL_SENT_TO
K(RDS_CANCEL_SENT_TO)
#endif
#ifdef RDS_CMSG_ATOMIC_CSWP
K(RDS_CMSG_ATOMIC_CSWP)
#endif
#ifdef RDS_CMSG_ATOMIC_FADD
K(RDS_CMSG_ATOMIC_FADD)
#endif
#ifdef RDS_CMSG_CONG_UPDATE
K(RDS_CMSG_CONG_UPDATE)
#endif
#ifdef RDS_CMSG_MASKED_ATOMIC_CSWP
K(RDS_CMSG_MASKED_ATOMIC_CSWP)
#endif
#ifdef RDS_CMSG_MASKED_ATOMIC_FADD
K(RDS_CMSG_MASKED_ATOMIC_FADD)
#endif
#ifdef RDS_CMSG_RDMA_ARGS
K(RDS_CMSG_RDMA_ARGS)
#endif
#ifdef RDS_CMSG_RDMA_DEST
K(RDS_CMSG_RDMA_DEST)
#endif
#ifdef RDS_CMSG_RDMA_MAP
K(RDS_CMSG_RDMA_MAP)
#endif
#ifdef RDS_CMSG_RDMA_STATUS
K(RDS_CMSG_RDMA_STATUS)
#endif
#ifdef RDS_CMSG_RXPATH_LATENCY
K(RDS_CMSG_RXPATH_LATENCY)
#endif
#ifdef RDS_CMSG_ZCOPY_COMPLETION
K(RDS_CMSG_ZCOPY_COMPLETION)
#endif
#ifdef RDS_CMSG_ZCOPY_COOKIE
K(RDS_CMSG_ZCOPY_COOKIE)
#endif
#ifdef RDS_CONG_MONITOR
K(RDS_CONG_MONITOR)
#endif
#ifdef RDS_CONG_MONITOR_SIZE
K(RDS_CONG_MONITOR_SIZE)
#endif
#ifdef RDS_FREE_MR
K(RDS_FREE_MR)
#endif
#ifdef RDS_GET_MR
K(RDS_GET_MR)
#endif
#ifdef RDS_GET_MR_FOR_DEST
K(RDS_GET_MR_FOR_DEST)
#endif
#ifdef RDS_IB_ABI_VERSION
K(RDS_IB_ABI_VERSION)
#endif
#ifdef RDS_IB_GID_LEN
K(RDS_IB_GID_LEN)
#endif
#ifdef RDS_INFO_CONNECTIONS
K(RDS_INFO_CONNECTIONS)
#endif
#ifdef RDS_INFO_CONNECTION_FLAG_CONNECTED
K(RDS_INFO_CONNECTION_FLAG_CONNECTED)
#endif
#ifdef RDS_INFO_CONNECTION_FLAG_CONNECTING
K(RDS_INFO_CONNECTION_FLAG_CONNECTING)
#endif
#ifdef RDS_INFO_CONNECTION_FLAG_SENDING
K(RDS_INFO_CONNECTION_FLAG_SENDING)
#endif
#ifdef RDS_INFO_CONNECTION_STATS
K(RDS_INFO_CONNECTION_STATS)
#endif
#ifdef RDS_INFO_COUNTERS
K(RDS_INFO_COUNTERS)
#endif
#ifdef RDS_INFO_FIRST
K(RDS_INFO_FIRST)
#endif
#ifdef RDS_INFO_IB_CONNECTIONS
K(RDS_INFO_IB_CONNECTIONS)
#endif
#ifdef RDS_INFO_IWARP_CONNECTIONS
K(RDS_INFO_IWARP_CONNECTIONS)
#endif
#ifdef RDS_INFO_LAST
K(RDS_INFO_LAST)
#endif
#ifdef RDS_INFO_MESSAGE_FLAG_ACK
K(RDS_INFO_MESSAGE_FLAG_ACK)
#endif
#ifdef RDS_INFO_MESSAGE_FLAG_FAST_ACK
K(RDS_INFO_MESSAGE_FLAG_FAST_ACK)
#endif
#ifdef RDS_INFO_RECV_MESSAGES
K(RDS_INFO_RECV_MESSAGES)
#endif
#ifdef RDS_INFO_RETRANS_MESSAGES
K(RDS_INFO_RETRANS_MESSAGES)
#endif
#ifdef RDS_INFO_SEND_MESSAGES
K(RDS_INFO_SEND_MESSAGES)
#endif
#ifdef RDS_INFO_SOCKETS
K(RDS_INFO_SOCKETS)
#endif
#ifdef RDS_INFO_TCP_SOCKETS
K(RDS_INFO_TCP_SOCKETS)
#endif
#ifdef RDS_MAX_ZCOOKIES
K(RDS_MAX_ZCOOKIES)
#endif
#ifdef RDS_RDMA_CANCELED
K(RDS_RDMA_CANCELED)
#endif
#ifdef RDS_RDMA_DONTWAIT
K(RDS_RDMA_DONTWAIT)
#endif
#ifdef RDS_RDMA_DROPPED
K(RDS_RDMA_DROPPED)
#endif
#ifdef RDS_RDMA_FENCE
K(RDS_RDMA_FENCE)
#endif
#ifdef RDS_RDMA_INVALIDATE
K(RDS_RDMA_INVALIDATE)
#endif
#ifdef RDS_RDMA_NOTIFY_ME
K(RDS_RDMA_NOTIFY_ME)
#endif
#ifdef RDS_RDMA_OTHER_ERROR
K(RDS_RDMA_OTHER_ERROR)
#endif
#ifdef RDS_RDMA_READWRITE
K(RDS_RDMA_READWRITE)
#endif
#ifdef RDS_RDMA_REMOTE_ERROR
K(RDS_RDMA_REMOTE_ERROR)
#endif
#ifdef RDS_RDMA_SILENT
K(RDS_RDMA_SILENT)
#endif
#ifdef RDS_RDMA_SUCCESS
K(RDS_RDMA_SUCCESS)
#endif
#ifdef RDS_RDMA_USE_ONCE
K(RDS_RDMA_USE_ONCE)
#endif
#ifdef RDS_RECVERR
K(RDS_RECVERR)
#endif
#ifdef RDS_TRANS_COUNT
K(RDS_TRANS_COUNT)
#endif
#ifdef RDS_TRANS_GAP
K(RDS_TRANS_GAP)
#endif
#ifdef RDS_TRANS_IB
K(RDS_TRANS_IB)
#endif
#ifdef RDS_TRANS_IWARP
K(RDS_TRANS_IWARP)
#endif
#ifdef RDS_TRANS_NONE
K(RDS_TRANS_NONE)
#endif
#ifdef RDS_TRANS_TCP
K(RDS_TRANS_TCP)
#endif

/* Interface ioctls */
#ifdef SIOCGIFINDEX
K(SIOCGIFINDEX)
#endif
#ifdef SIOCGIFNAME
K(SIOCGIFNAME)
#endif

/* errno values the socket module re-exports */
#ifdef EAGAIN
K(EAGAIN)
#endif
#ifdef EBADF
K(EBADF)
#endif
#ifdef EWOULDBLOCK
K(EWOULDBLOCK)
#endif

/*
 * Enum constants.  #ifdef cannot see these, so each group is guarded by the
 * header that declares it.
 */
/* <netinet/in.h> declares these two only in enums. */
K(IPPROTO_MAX)
K(IPPORT_USERRESERVED)

#ifdef HAVE_LINUX_CAN_RAW_H
K(CAN_RAW_FILTER)
K(CAN_RAW_ERR_FILTER)
K(CAN_RAW_LOOPBACK)
K(CAN_RAW_RECV_OWN_MSGS)
K(CAN_RAW_FD_FRAMES)
K(CAN_RAW_JOIN_FILTERS)
#ifdef CANXL_XLF /* CAN_RAW_XL_FRAMES arrived with CAN XL (<linux/can.h>, Linux 6.2) */
K(CAN_RAW_XL_FRAMES)
#endif
K(SCM_CAN_RAW_ERRQUEUE)
#endif

#ifdef HAVE_LINUX_CAN_BCM_H
/* Broadcast manager opcodes and flags: the kernel calls them TX_SETUP,
   SETTIMER, ...; CPython (and so wasock) prefixes them with CAN_BCM_. */
KA("CAN_BCM_TX_SETUP", TX_SETUP)
KA("CAN_BCM_TX_DELETE", TX_DELETE)
KA("CAN_BCM_TX_READ", TX_READ)
KA("CAN_BCM_TX_SEND", TX_SEND)
KA("CAN_BCM_RX_SETUP", RX_SETUP)
KA("CAN_BCM_RX_DELETE", RX_DELETE)
KA("CAN_BCM_RX_READ", RX_READ)
KA("CAN_BCM_TX_STATUS", TX_STATUS)
KA("CAN_BCM_TX_EXPIRED", TX_EXPIRED)
KA("CAN_BCM_RX_STATUS", RX_STATUS)
KA("CAN_BCM_RX_TIMEOUT", RX_TIMEOUT)
KA("CAN_BCM_RX_CHANGED", RX_CHANGED)
KA("CAN_BCM_SETTIMER", SETTIMER)
KA("CAN_BCM_STARTTIMER", STARTTIMER)
KA("CAN_BCM_TX_COUNTEVT", TX_COUNTEVT)
KA("CAN_BCM_TX_ANNOUNCE", TX_ANNOUNCE)
KA("CAN_BCM_TX_CP_CAN_ID", TX_CP_CAN_ID)
KA("CAN_BCM_RX_FILTER_ID", RX_FILTER_ID)
KA("CAN_BCM_RX_CHECK_DLC", RX_CHECK_DLC)
KA("CAN_BCM_RX_NO_AUTOTIMER", RX_NO_AUTOTIMER)
KA("CAN_BCM_RX_ANNOUNCE_RESUME", RX_ANNOUNCE_RESUME)
KA("CAN_BCM_TX_RESET_MULTI_IDX", TX_RESET_MULTI_IDX)
KA("CAN_BCM_RX_RTR_FRAME", RX_RTR_FRAME)
#ifdef CAN_FD_FRAME
KA("CAN_BCM_CAN_FD_FRAME", CAN_FD_FRAME)
#endif
#endif

#ifdef HAVE_LINUX_CAN_J1939_H
K(SO_J1939_FILTER)
K(SO_J1939_PROMISC)
K(SO_J1939_SEND_PRIO)
K(SO_J1939_ERRQUEUE)
K(SCM_J1939_DEST_ADDR)
K(SCM_J1939_DEST_NAME)
K(SCM_J1939_PRIO)
K(SCM_J1939_ERRQUEUE)
K(J1939_NLA_PAD)
K(J1939_NLA_BYTES_ACKED)
K(J1939_NLA_TOTAL_SIZE)
K(J1939_NLA_PGN)
K(J1939_NLA_SRC_NAME)
K(J1939_NLA_DEST_NAME)
K(J1939_NLA_SRC_ADDR)
K(J1939_NLA_DEST_ADDR)
K(J1939_EE_INFO_NONE)
K(J1939_EE_INFO_TX_ABORT)
K(J1939_EE_INFO_RX_RTS)
K(J1939_EE_INFO_RX_DPO)
K(J1939_EE_INFO_RX_ABORT)
#endif

#ifdef HAVE_LINUX_TIPC_H
K(TIPC_CLUSTER_SCOPE)
K(TIPC_NODE_SCOPE)
#endif

#ifdef HAVE_LINUX_ERRQUEUE_H
K(SCM_TSTAMP_SND)
K(SCM_TSTAMP_SCHED)
K(SCM_TSTAMP_ACK)
#endif

/*
 * Names CPython's socket module has that no installed header defines.
 */

/* UDP-Lite checksum-coverage options live in the kernel-internal
   include/net/udplite.h, which is not exported to userspace; these are its
   values (CPython falls back to the same two numbers). */
#ifdef UDPLITE_SEND_CSCOV
K(UDPLITE_SEND_CSCOV)
#else
KL("UDPLITE_SEND_CSCOV", 10)
#endif
#ifdef UDPLITE_RECV_CSCOV
K(UDPLITE_RECV_CSCOV)
#else
KL("UDPLITE_RECV_CSCOV", 11)
#endif

/* Bluetooth: protocol numbers and HCI socket options from BlueZ's
   <bluetooth/bluetooth.h> and <bluetooth/hci.h>.  Without those headers,
   the kernel's own values (include/net/bluetooth/bluetooth.h, hci.h, which
   are not exported to userspace). */
#ifdef HAVE_BLUETOOTH_BLUETOOTH_H
K(BTPROTO_L2CAP)
K(BTPROTO_HCI)
K(BTPROTO_SCO)
K(BTPROTO_RFCOMM)
K(SOL_HCI)
K(HCI_DATA_DIR)
K(HCI_FILTER)
K(HCI_TIME_STAMP)
#else
KL("BTPROTO_L2CAP", 0)
KL("BTPROTO_HCI", 1)
KL("BTPROTO_SCO", 2)
KL("BTPROTO_RFCOMM", 3)
KL("SOL_HCI", 0)
KL("HCI_DATA_DIR", 1)
KL("HCI_FILTER", 2)
KL("HCI_TIME_STAMP", 3)
#endif
/* CPython spells these Bluetooth addresses as strings. */
KS("BDADDR_ANY", "00:00:00:00:00:00")
KS("BDADDR_LOCAL", "00:00:00:FF:FF:FF")

/*
 * Deliberately not emitted:
 *   ALG_SET_PUBKEY, ALG_OP_SIGN, ALG_OP_VERIFY - CPython defines these
 *       itself (Modules/socketmodule.h, after libkcapi) for an AF_ALG
 *       akcipher interface that never reached mainline Linux; no
 *       <linux/if_alg.h> has them, and the kernel gives 6 to
 *       ALG_SET_DRBG_ENTROPY instead.
 *   SCM_SRCRT - glibc defines it as IPV6_RXSRCRT, which nothing defines.
 *   AI_IDN_ALLOW_UNASSIGNED, AI_IDN_USE_STD3_ASCII_RULES,
 *   NI_IDN_ALLOW_UNASSIGNED, NI_IDN_USE_STD3_ASCII_RULES - deprecated by
 *       glibc (using them is a compile-time warning) and ignored by it.
 */
};

/*
 * errno names, in numeric order.  Where two names share a number, the one
 * listed first is the one errno.js gives, chosen to match Node's
 * util.getSystemErrorName(): EAGAIN (not EWOULDBLOCK), EDEADLK (not
 * EDEADLOCK; Node has no name for 35, and EDEADLOCK is the alias in the
 * kernel headers), ENOTSUP (not EOPNOTSUPP).  wasock_const.h has them all.
 */
struct errname {
    const char *name;
    int value;
};
#define E(n) { #n, n },
static const struct errname errnames[] = {
#ifdef EPERM
E(EPERM)
#endif
#ifdef ENOENT
E(ENOENT)
#endif
#ifdef ESRCH
E(ESRCH)
#endif
#ifdef EINTR
E(EINTR)
#endif
#ifdef EIO
E(EIO)
#endif
#ifdef ENXIO
E(ENXIO)
#endif
#ifdef E2BIG
E(E2BIG)
#endif
#ifdef ENOEXEC
E(ENOEXEC)
#endif
#ifdef EBADF
E(EBADF)
#endif
#ifdef ECHILD
E(ECHILD)
#endif
#ifdef EAGAIN
E(EAGAIN)
#endif
#ifdef EWOULDBLOCK
E(EWOULDBLOCK)
#endif
#ifdef ENOMEM
E(ENOMEM)
#endif
#ifdef EACCES
E(EACCES)
#endif
#ifdef EFAULT
E(EFAULT)
#endif
#ifdef ENOTBLK
E(ENOTBLK)
#endif
#ifdef EBUSY
E(EBUSY)
#endif
#ifdef EEXIST
E(EEXIST)
#endif
#ifdef EXDEV
E(EXDEV)
#endif
#ifdef ENODEV
E(ENODEV)
#endif
#ifdef ENOTDIR
E(ENOTDIR)
#endif
#ifdef EISDIR
E(EISDIR)
#endif
#ifdef EINVAL
E(EINVAL)
#endif
#ifdef ENFILE
E(ENFILE)
#endif
#ifdef EMFILE
E(EMFILE)
#endif
#ifdef ENOTTY
E(ENOTTY)
#endif
#ifdef ETXTBSY
E(ETXTBSY)
#endif
#ifdef EFBIG
E(EFBIG)
#endif
#ifdef ENOSPC
E(ENOSPC)
#endif
#ifdef ESPIPE
E(ESPIPE)
#endif
#ifdef EROFS
E(EROFS)
#endif
#ifdef EMLINK
E(EMLINK)
#endif
#ifdef EPIPE
E(EPIPE)
#endif
#ifdef EDOM
E(EDOM)
#endif
#ifdef ERANGE
E(ERANGE)
#endif
#ifdef EDEADLK
E(EDEADLK)
#endif
#ifdef EDEADLOCK
E(EDEADLOCK)
#endif
#ifdef ENAMETOOLONG
E(ENAMETOOLONG)
#endif
#ifdef ENOLCK
E(ENOLCK)
#endif
#ifdef ENOSYS
E(ENOSYS)
#endif
#ifdef ENOTEMPTY
E(ENOTEMPTY)
#endif
#ifdef ELOOP
E(ELOOP)
#endif
#ifdef ENOMSG
E(ENOMSG)
#endif
#ifdef EIDRM
E(EIDRM)
#endif
#ifdef ECHRNG
E(ECHRNG)
#endif
#ifdef EL2NSYNC
E(EL2NSYNC)
#endif
#ifdef EL3HLT
E(EL3HLT)
#endif
#ifdef EL3RST
E(EL3RST)
#endif
#ifdef ELNRNG
E(ELNRNG)
#endif
#ifdef EUNATCH
E(EUNATCH)
#endif
#ifdef ENOCSI
E(ENOCSI)
#endif
#ifdef EL2HLT
E(EL2HLT)
#endif
#ifdef EBADE
E(EBADE)
#endif
#ifdef EBADR
E(EBADR)
#endif
#ifdef EXFULL
E(EXFULL)
#endif
#ifdef ENOANO
E(ENOANO)
#endif
#ifdef EBADRQC
E(EBADRQC)
#endif
#ifdef EBADSLT
E(EBADSLT)
#endif
#ifdef EBFONT
E(EBFONT)
#endif
#ifdef ENOSTR
E(ENOSTR)
#endif
#ifdef ENODATA
E(ENODATA)
#endif
#ifdef ETIME
E(ETIME)
#endif
#ifdef ENOSR
E(ENOSR)
#endif
#ifdef ENONET
E(ENONET)
#endif
#ifdef ENOPKG
E(ENOPKG)
#endif
#ifdef EREMOTE
E(EREMOTE)
#endif
#ifdef ENOLINK
E(ENOLINK)
#endif
#ifdef EADV
E(EADV)
#endif
#ifdef ESRMNT
E(ESRMNT)
#endif
#ifdef ECOMM
E(ECOMM)
#endif
#ifdef EPROTO
E(EPROTO)
#endif
#ifdef EMULTIHOP
E(EMULTIHOP)
#endif
#ifdef EDOTDOT
E(EDOTDOT)
#endif
#ifdef EBADMSG
E(EBADMSG)
#endif
#ifdef EOVERFLOW
E(EOVERFLOW)
#endif
#ifdef ENOTUNIQ
E(ENOTUNIQ)
#endif
#ifdef EBADFD
E(EBADFD)
#endif
#ifdef EREMCHG
E(EREMCHG)
#endif
#ifdef ELIBACC
E(ELIBACC)
#endif
#ifdef ELIBBAD
E(ELIBBAD)
#endif
#ifdef ELIBSCN
E(ELIBSCN)
#endif
#ifdef ELIBMAX
E(ELIBMAX)
#endif
#ifdef ELIBEXEC
E(ELIBEXEC)
#endif
#ifdef EILSEQ
E(EILSEQ)
#endif
#ifdef ERESTART
E(ERESTART)
#endif
#ifdef ESTRPIPE
E(ESTRPIPE)
#endif
#ifdef EUSERS
E(EUSERS)
#endif
#ifdef ENOTSOCK
E(ENOTSOCK)
#endif
#ifdef EDESTADDRREQ
E(EDESTADDRREQ)
#endif
#ifdef EMSGSIZE
E(EMSGSIZE)
#endif
#ifdef EPROTOTYPE
E(EPROTOTYPE)
#endif
#ifdef ENOPROTOOPT
E(ENOPROTOOPT)
#endif
#ifdef EPROTONOSUPPORT
E(EPROTONOSUPPORT)
#endif
#ifdef ESOCKTNOSUPPORT
E(ESOCKTNOSUPPORT)
#endif
#ifdef ENOTSUP
E(ENOTSUP)
#endif
#ifdef EOPNOTSUPP
E(EOPNOTSUPP)
#endif
#ifdef EPFNOSUPPORT
E(EPFNOSUPPORT)
#endif
#ifdef EAFNOSUPPORT
E(EAFNOSUPPORT)
#endif
#ifdef EADDRINUSE
E(EADDRINUSE)
#endif
#ifdef EADDRNOTAVAIL
E(EADDRNOTAVAIL)
#endif
#ifdef ENETDOWN
E(ENETDOWN)
#endif
#ifdef ENETUNREACH
E(ENETUNREACH)
#endif
#ifdef ENETRESET
E(ENETRESET)
#endif
#ifdef ECONNABORTED
E(ECONNABORTED)
#endif
#ifdef ECONNRESET
E(ECONNRESET)
#endif
#ifdef ENOBUFS
E(ENOBUFS)
#endif
#ifdef EISCONN
E(EISCONN)
#endif
#ifdef ENOTCONN
E(ENOTCONN)
#endif
#ifdef ESHUTDOWN
E(ESHUTDOWN)
#endif
#ifdef ETOOMANYREFS
E(ETOOMANYREFS)
#endif
#ifdef ETIMEDOUT
E(ETIMEDOUT)
#endif
#ifdef ECONNREFUSED
E(ECONNREFUSED)
#endif
#ifdef EHOSTDOWN
E(EHOSTDOWN)
#endif
#ifdef EHOSTUNREACH
E(EHOSTUNREACH)
#endif
#ifdef EALREADY
E(EALREADY)
#endif
#ifdef EINPROGRESS
E(EINPROGRESS)
#endif
#ifdef ESTALE
E(ESTALE)
#endif
#ifdef EUCLEAN
E(EUCLEAN)
#endif
#ifdef ENOTNAM
E(ENOTNAM)
#endif
#ifdef ENAVAIL
E(ENAVAIL)
#endif
#ifdef EISNAM
E(EISNAM)
#endif
#ifdef EREMOTEIO
E(EREMOTEIO)
#endif
#ifdef EDQUOT
E(EDQUOT)
#endif
#ifdef ENOMEDIUM
E(ENOMEDIUM)
#endif
#ifdef EMEDIUMTYPE
E(EMEDIUMTYPE)
#endif
#ifdef ECANCELED
E(ECANCELED)
#endif
#ifdef ENOKEY
E(ENOKEY)
#endif
#ifdef EKEYEXPIRED
E(EKEYEXPIRED)
#endif
#ifdef EKEYREVOKED
E(EKEYREVOKED)
#endif
#ifdef EKEYREJECTED
E(EKEYREJECTED)
#endif
#ifdef EOWNERDEAD
E(EOWNERDEAD)
#endif
#ifdef ENOTRECOVERABLE
E(ENOTRECOVERABLE)
#endif
#ifdef ERFKILL
E(ERFKILL)
#endif
#ifdef EHWPOISON
E(EHWPOISON)
#endif
};

/* The values of POLLIN etc. that the core needs (wasock_const.h only). */
static const struct konst pollconsts[] = {
    K(POLLIN)
    K(POLLPRI)
    K(POLLOUT)
    K(POLLERR)
    K(POLLHUP)
    K(POLLNVAL)
#ifdef POLLRDNORM
    K(POLLRDNORM)
#endif
#ifdef POLLRDBAND
    K(POLLRDBAND)
#endif
#ifdef POLLWRNORM
    K(POLLWRNORM)
#endif
#ifdef POLLWRBAND
    K(POLLWRBAND)
#endif
#ifdef POLLRDHUP
    K(POLLRDHUP)
#endif
};

/*
 * The select module's constants (bridge/select_constants.js): poll(2) and epoll(7)
 * event bits, and PIPE_BUF.  EPOLL* are enum constants with a same-named #define in glibc.
 */
static const struct konst selectconsts[] = {
#ifdef POLLIN
    K(POLLIN)
#endif
#ifdef POLLPRI
    K(POLLPRI)
#endif
#ifdef POLLOUT
    K(POLLOUT)
#endif
#ifdef POLLERR
    K(POLLERR)
#endif
#ifdef POLLHUP
    K(POLLHUP)
#endif
#ifdef POLLNVAL
    K(POLLNVAL)
#endif
#ifdef POLLRDNORM
    K(POLLRDNORM)
#endif
#ifdef POLLRDBAND
    K(POLLRDBAND)
#endif
#ifdef POLLWRNORM
    K(POLLWRNORM)
#endif
#ifdef POLLWRBAND
    K(POLLWRBAND)
#endif
#ifdef POLLMSG
    K(POLLMSG)
#endif
#ifdef POLLRDHUP
    K(POLLRDHUP)
#endif
#ifdef EPOLLIN
    K(EPOLLIN)
#endif
#ifdef EPOLLPRI
    K(EPOLLPRI)
#endif
#ifdef EPOLLOUT
    K(EPOLLOUT)
#endif
#ifdef EPOLLERR
    K(EPOLLERR)
#endif
#ifdef EPOLLHUP
    K(EPOLLHUP)
#endif
#ifdef EPOLLRDNORM
    K(EPOLLRDNORM)
#endif
#ifdef EPOLLRDBAND
    K(EPOLLRDBAND)
#endif
#ifdef EPOLLWRNORM
    K(EPOLLWRNORM)
#endif
#ifdef EPOLLWRBAND
    K(EPOLLWRBAND)
#endif
#ifdef EPOLLMSG
    K(EPOLLMSG)
#endif
#ifdef EPOLLRDHUP
    K(EPOLLRDHUP)
#endif
#ifdef EPOLLEXCLUSIVE
    K(EPOLLEXCLUSIVE)
#endif
#ifdef EPOLLONESHOT
    K(EPOLLONESHOT)
#endif
#ifdef EPOLLET
    K(EPOLLET)
#endif
#ifdef EPOLL_CLOEXEC
    K(EPOLL_CLOEXEC)
#endif
#ifdef PIPE_BUF
    K(PIPE_BUF)
#endif
};

/*
 * Names the WASI guest's C headers (wasi/guest/include) need beyond the
 * socket module's: glibc defines them in the same headers a C program
 * includes.  Only `genconst guest` prints them.
 */
static const struct konst guestconsts[] = {
#define G(n) KA(#n, n)
#ifdef INET_ADDRSTRLEN
G(INET_ADDRSTRLEN)
#endif
#ifdef INET6_ADDRSTRLEN
G(INET6_ADDRSTRLEN)
#endif
#ifdef NI_MAXHOST
G(NI_MAXHOST)
#endif
#ifdef NI_MAXSERV
G(NI_MAXSERV)
#endif
#ifdef IPPORT_RESERVED
G(IPPORT_RESERVED)
#endif
#ifdef IF_NAMESIZE
G(IF_NAMESIZE)
#endif
#ifdef IFNAMSIZ
G(IFNAMSIZ)
#endif
G(IFF_UP) G(IFF_BROADCAST) G(IFF_DEBUG) G(IFF_LOOPBACK) G(IFF_POINTOPOINT)
G(IFF_NOTRAILERS) G(IFF_RUNNING) G(IFF_NOARP) G(IFF_PROMISC) G(IFF_ALLMULTI)
G(IFF_MASTER) G(IFF_SLAVE) G(IFF_MULTICAST) G(IFF_PORTSEL) G(IFF_AUTOMEDIA)
G(IFF_DYNAMIC)
#ifdef FIONREAD
G(FIONREAD)
#endif
#ifdef FIONBIO
G(FIONBIO)
#endif
#ifdef FIOASYNC
G(FIOASYNC)
#endif
#ifdef SIOCATMARK
G(SIOCATMARK)
#endif
#ifdef SIOCOUTQ
G(SIOCOUTQ)
#endif
#ifdef SIOCINQ
G(SIOCINQ)
#endif
#ifdef SIOCGSTAMP
G(SIOCGSTAMP)
#endif
#ifdef SIOCGIFCONF
G(SIOCGIFCONF)
#endif
#ifdef SIOCGIFFLAGS
G(SIOCGIFFLAGS)
#endif
#ifdef SIOCSIFFLAGS
G(SIOCSIFFLAGS)
#endif
#ifdef SIOCGIFADDR
G(SIOCGIFADDR)
#endif
#ifdef SIOCGIFDSTADDR
G(SIOCGIFDSTADDR)
#endif
#ifdef SIOCGIFBRDADDR
G(SIOCGIFBRDADDR)
#endif
#ifdef SIOCGIFNETMASK
G(SIOCGIFNETMASK)
#endif
#ifdef SIOCGIFMTU
G(SIOCGIFMTU)
#endif
#ifdef SIOCGIFHWADDR
G(SIOCGIFHWADDR)
#endif
#ifdef SIOCGIFMETRIC
G(SIOCGIFMETRIC)
#endif
#ifdef SIOCGIFTXQLEN
G(SIOCGIFTXQLEN)
#endif
#ifdef IN_LOOPBACKNET
G(IN_LOOPBACKNET)
#endif
#ifdef IN_CLASSA_NET
G(IN_CLASSA_NET) G(IN_CLASSA_NSHIFT) G(IN_CLASSA_HOST) G(IN_CLASSA_MAX)
G(IN_CLASSB_NET) G(IN_CLASSB_NSHIFT) G(IN_CLASSB_HOST) G(IN_CLASSB_MAX)
G(IN_CLASSC_NET) G(IN_CLASSC_NSHIFT) G(IN_CLASSC_HOST)
#endif
#ifdef NETDB_INTERNAL
G(NETDB_INTERNAL)
#endif
#ifdef NETDB_SUCCESS
G(NETDB_SUCCESS)
#endif
#ifdef NO_ADDRESS
G(NO_ADDRESS)
#endif
#undef G
};

/* h_errno values whose hstrerror() text errno.js records. */
static const struct errname herrnames[] = {
    E(HOST_NOT_FOUND)
    E(TRY_AGAIN)
    E(NO_RECOVERY)
    E(NO_DATA)
};

/*
 * The families of consts[] that src/wasock_const.h carries: the ones the
 * C core (built against wasi-libc, whose numbers differ from Linux's) has
 * to decide on.  Extend this list to expose more to the core.
 */
static const char *const h_prefixes[] = {
    "AF_", "SOCK_", "SOL_", "SO_", "MSG_", "SCM_", "SHUT_", "IPPROTO_", "IP_",
    "CAN_", "CANFD_", "J1939_", "PACKET_", "NETLINK_", "TIPC_", "ALG_",
    "VMADDR_", "EAI_", "AI_", "NI_", "BTPROTO_", "HCI_",
};
static const char *const h_names[] = {
    "IPV6_V6ONLY", "SOMAXCONN",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_SAFE_INTEGER 9007199254740991LL /* 2**53 - 1 */
/* The largest errno of WASI preview1 (ENOTCAPABLE), whose numbering the WASI
   guest's libc uses: Linux numbers above it can name errors WASI lacks. */
#define WASI_ERRNO_MAX 76

static const char banner[] =
    "// SPDX-License-Identifier: MIT\n"
    "// Generated by tools/genconst.c from this machine's Linux and glibc headers; do not edit.\n"
    "// Regenerate with: node tools/genconst.js\n";

static void die(const char *what, const char *name)
{
    fprintf(stderr, "genconst: %s: %s\n", what, name);
    exit(2);
}

static int by_name(const void *a, const void *b)
{
    const struct konst *x = *(const struct konst *const *)a;
    const struct konst *y = *(const struct konst *const *)b;
    return strcmp(x->name, y->name);
}

/* The entries of consts[], sorted by name; fails on a duplicate name. */
static const struct konst **sorted_consts(void)
{
    static const struct konst *v[COUNT(consts)];
    for (size_t i = 0; i < COUNT(consts); i++)
        v[i] = &consts[i];
    qsort(v, COUNT(consts), sizeof v[0], by_name);
    for (size_t i = 1; i < COUNT(consts); i++)
        if (strcmp(v[i - 1]->name, v[i]->name) == 0)
            die("duplicate name", v[i]->name);
    return v;
}

/* The value as JavaScript reads it (a Number; it must be a safe integer). */
static void print_js_number(const struct konst *k)
{
    if (k->is_unsigned) {
        unsigned long long u = (unsigned long long)k->value;
        if (u > (unsigned long long)MAX_SAFE_INTEGER)
            die("value is not a safe JavaScript integer", k->name);
        printf("%llu", u);
    } else {
        if (k->value > MAX_SAFE_INTEGER || k->value < -MAX_SAFE_INTEGER)
            die("value is not a safe JavaScript integer", k->name);
        printf("%lld", k->value);
    }
}

/* The value as a C literal of the same signedness, for a 32-bit target. */
static void print_c_number(const struct konst *k)
{
    if (k->is_unsigned) {
        unsigned long long u = (unsigned long long)k->value;
        printf(u > 0xffffffffULL ? "%lluull" : "%lluu", u);
    } else if (k->value < 0) {
        printf("(%lld)", k->value);
    } else {
        printf(k->value > 0x7fffffffLL ? "%lldll" : "%lld", k->value);
    }
}

/* s as a string literal between quote characters q; other bytes outside printable ASCII
 * are written with the printf escape esc (each language's own). */
static void print_quoted(const char *s, char q, const char *esc)
{
    putchar(q);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == q || c == '\\')
            printf("\\%c", c);
        else if (c < 0x20 || c >= 0x7f)
            printf(esc, c);
        else
            putchar(c);
    }
    putchar(q);
}

/* A single-quoted JavaScript string literal. */
static void print_js_string(const char *s)
{
    print_quoted(s, '\'', "\\x%02x");
}

static void emit_js(void)
{
    const struct konst **v = sorted_consts();
    printf("%s'use strict';\n\n", banner);
    printf("// Linux values of the socket module's constants, by name.\n");
    printf("module.exports = Object.freeze({\n");
    for (size_t i = 0; i < COUNT(consts); i++) {
        printf("  %s: ", v[i]->name);
        if (v[i]->str)
            print_js_string(v[i]->str);
        else
            print_js_number(v[i]);
        printf(",\n");
    }
    printf("});\n");
}

/* The first name errnames[] gives the number, or NULL. */
static const char *errno_name(int n)
{
    for (size_t i = 0; i < COUNT(errnames); i++)
        if (errnames[i].value == n)
            return errnames[i].name;
    return NULL;
}

static void emit_errno(void)
{
    int max = 0;
    for (size_t i = 0; i < COUNT(errnames); i++)
        if (errnames[i].value > max)
            max = errnames[i].value;

    printf("%s'use strict';\n\n", banner);
    printf("// errno number -> [name, strerror() text]; the name is null where Linux has none.\n");
    printf("// The text is glibc's, as Python puts it in OSError.strerror.\n");
    printf("const errno = {\n");
    for (int n = 1; n <= max; n++) {
        const char *name = errno_name(n);
        printf("  %d: [", n);
        if (name)
            print_js_string(name);
        else
            printf("null");
        printf(", ");
        print_js_string(strerror(n));
        printf("],");
        const char *sep = " // also ";
        for (size_t i = 0; i < COUNT(errnames); i++) {
            if (errnames[i].value == n && strcmp(errnames[i].name, name) != 0) {
                printf("%s%s", sep, errnames[i].name);
                sep = ", ";
            }
        }
        printf("\n");
    }
    printf("};\n\n");

    /* EAI_* codes are negative; list them from -1 downwards. */
    printf("// getaddrinfo()/getnameinfo() error code -> gai_strerror() text (socket.gaierror).\n");
    printf("const gai = {\n");
    long long prev = 0;
    for (;;) {
        const struct konst *next = NULL;
        for (size_t i = 0; i < COUNT(consts); i++) {
            const struct konst *k = &consts[i];
            if (strncmp(k->name, "EAI_", 4) != 0 || k->str || k->value >= prev)
                continue;
            if (!next || k->value > next->value ||
                (k->value == next->value && strcmp(k->name, next->name) < 0))
                next = k;
        }
        if (!next)
            break;
        printf("  '%lld': ", next->value);
        print_js_string(gai_strerror((int)next->value));
        printf(", // %s\n", next->name);
        prev = next->value;
    }
    printf("};\n\n");

    printf("// h_errno -> hstrerror() text (socket.herror).\n");
    printf("const herror = {\n");
    for (size_t i = 0; i < COUNT(herrnames); i++) {
        printf("  %d: ", herrnames[i].value);
        print_js_string(hstrerror(herrnames[i].value));
        printf(", // %s\n", herrnames[i].name);
    }
    printf("};\n\n");

    printf("for (const entry of Object.values(errno)) Object.freeze(entry);\n");
    printf("module.exports = Object.freeze({\n"
           "  errno: Object.freeze(errno),\n"
           "  gai: Object.freeze(gai),\n"
           "  herror: Object.freeze(herror),\n"
           "});\n");
}

static int wanted_in_h(const char *name)
{
    for (size_t i = 0; i < COUNT(h_prefixes); i++)
        if (strncmp(name, h_prefixes[i], strlen(h_prefixes[i])) == 0)
            return 1;
    for (size_t i = 0; i < COUNT(h_names); i++)
        if (strcmp(name, h_names[i]) == 0)
            return 1;
    return 0;
}

static void emit_h(void)
{
    const struct konst **v = sorted_consts();
    printf("%s", banner);
    printf("//\n"
           "// Linux's values for the constants the C core decides on.  The core is\n"
           "// compiled against wasi-libc, whose own errno, AF_* and other numbers differ\n"
           "// from Linux's, hence the separate WS_ names.\n\n");
    printf("#ifndef WASOCK_CONST_H\n#define WASOCK_CONST_H\n\n");

    printf("/* Socket constants */\n");
    for (size_t i = 0; i < COUNT(consts); i++) {
        if (v[i]->str || !wanted_in_h(v[i]->name))
            continue;
        printf("#define WS_%s ", v[i]->name);
        print_c_number(v[i]);
        printf("\n");
    }

    printf("\n/* errno values */\n");
    for (size_t i = 0; i < COUNT(errnames); i++)
        printf("#define WS_%s %d\n", errnames[i].name, errnames[i].value);

    printf("\n/* poll() events */\n");
    for (size_t i = 0; i < COUNT(pollconsts); i++) {
        printf("#define WS_%s ", pollconsts[i].name);
        print_c_number(&pollconsts[i]);
        printf("\n");
    }

    printf("\n#endif /* WASOCK_CONST_H */\n");
}

static void emit_select(void)
{
    printf("%s'use strict';\n\n", banner);
    printf("// Linux values of the select module's constants (poll and epoll event bits).\n");
    printf("module.exports = Object.freeze({\n");
    for (size_t i = 0; i < COUNT(selectconsts); i++) {
        printf("  %s: ", selectconsts[i].name);
        print_js_number(&selectconsts[i]);
        printf(",\n");
    }
    printf("});\n");
}

/*
 * `genconst guest`: wasi/guest/include/bits/wasock_linux.h, the Linux values
 * of the WASI guest's socket headers.  Each overlay header defines its
 * WASOCK_WANT_<header> and includes the file, which #undefs and defines the
 * names of that header: wasi-libc's own definitions (WASI numbers, or none)
 * give way to Linux's.  Every section lists every name; genconst.js then keeps
 * those glibc's header of the same name defines, so that names the kernel's
 * UAPI headers declare themselves (CAN_*, NETLINK_*, ...) stay theirs.
 */
/* The guest's overlay headers with Linux values; genconst.js keeps in each section
   only the names glibc's header of the same name defines (its GUEST_SECTIONS). */
static const char *const sections[] = {
    "SYS_SOCKET", "NETINET_IN", "NETINET_TCP", "NETINET_UDP", "NETDB", "SYS_IOCTL", "NET_IF",
    "NETPACKET",
};
/* Names the kernel's UAPI headers declare as enum constants: never macros in the guest. */
static const char *const guest_uapi_only[] = { "SOL_CAN_", "SO_VM_SOCKETS_", "SCM_J1939_",
    "SCM_CAN_", "SO_J1939_", "IOCTL_", NULL };

static int has_prefix(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strncmp(name, *list, strlen(*list)) == 0)
            return 1;
    return 0;
}

static void emit_guest_names(const struct konst *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const struct konst *k = &v[i];
        if (k->str || has_prefix(k->name, guest_uapi_only))
            continue;
        printf("#undef %s\n#define %s ", k->name, k->name);
        print_c_number(k);
        printf("\n");
    }
}

static void emit_guest(void)
{
    const struct konst **v = sorted_consts();
    printf("%s", banner);
    printf("//\n"
           "// Linux values for the WASI guest's socket headers (wasi/guest/include).  No\n"
           "// include guard: each overlay header defines WASOCK_WANT_<header> and includes\n"
           "// this file, which replaces that header's names with Linux's.\n\n");
    for (size_t s = 0; s < COUNT(sections); s++) {
        printf("#if defined(WASOCK_WANT_%s) && !defined(WASOCK_DONE_%s)\n#define WASOCK_DONE_%s\n",
               sections[s], sections[s], sections[s]);
        for (size_t i = 0; i < COUNT(consts); i++)
            emit_guest_names(v[i], 1);
        emit_guest_names(guestconsts, COUNT(guestconsts));
        for (size_t i = 0; i < COUNT(herrnames); i++)
            printf("#undef %s\n#define %s %d\n", herrnames[i].name, herrnames[i].name,
                   herrnames[i].value);
        /* glibc names every protocol family PF_x, equal to AF_x */
        for (size_t i = 0; i < COUNT(consts); i++) {
            char pf[64];
            if (strncmp(v[i]->name, "AF_", 3) != 0 || v[i]->str)
                continue;
            snprintf(pf, sizeof pf, "PF_%s", v[i]->name + 3);
            int known = 0;
            for (size_t j = 0; j < COUNT(consts); j++)
                if (strcmp(consts[j].name, pf) == 0)
                    known = 1;
            if (!known)
                printf("#undef %s\n#define %s %s\n", pf, pf, v[i]->name);
        }
        printf("#endif\n\n");
    }
    /* poll(): the guest library's poll() is the host's, so Linux's bits. */
    printf("#if defined(WASOCK_WANT_POLL) && !defined(WASOCK_DONE_POLL)\n#define WASOCK_DONE_POLL\n");
    for (size_t i = 0; i < COUNT(pollconsts); i++) {
        printf("#undef %s\n#define %s ", pollconsts[i].name, pollconsts[i].name);
        print_c_number(&pollconsts[i]);
        printf("\n");
    }
    printf("#endif\n\n");
    /* errno names WASI lacks (ESHUTDOWN, ...): Linux's number, which is above
       every WASI errno, so it never aliases one.  Lower Linux numbers are not
       given a name: the guest library reports those errors as EIO. */
    printf("#if defined(WASOCK_WANT_ERRNO) && !defined(WASOCK_DONE_ERRNO)\n#define WASOCK_DONE_ERRNO\n");
    printf("#define WASOCK_WASI_ERRNO_MAX %d\n", WASI_ERRNO_MAX);
    for (size_t i = 0; i < COUNT(errnames); i++) {
        if (errnames[i].value <= WASI_ERRNO_MAX)
            continue;
        printf("#ifndef %s\n#define %s %d\n#endif\n", errnames[i].name, errnames[i].name,
               errnames[i].value);
    }
    printf("#endif\n");
}

/*
 * `genconst guest-errno`: wasi/guest/src/errno_map.inc, the body of a switch
 * from a Linux errno number to the guest's errno name (WASI numbering), for
 * every name the guest's <errno.h> declares.
 */
static void emit_guest_errno(void)
{
    printf("%s", banner);
    printf("//\n// case <Linux errno>: return <the guest's value of the same name>;\n\n");
    for (size_t i = 0; i < COUNT(errnames); i++) {
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            if (errnames[j].value == errnames[i].value)
                dup = 1;
        if (dup)
            continue;
        printf("#ifdef %s\ncase %d: return %s;\n#endif\n", errnames[i].name, errnames[i].value,
               errnames[i].name);
    }
}


/*
 * `genconst guest-text`: wasi/guest/src/netdb_text.inc, glibc's
 * gai_strerror() and hstrerror() texts for the WASI guest's netdb functions.
 */
static void print_c_string(const char *s)
{
    print_quoted(s, '"', "\\%03o");
}

static void emit_guest_text(void)
{
    printf("%s", banner);
    printf("\nstatic const struct wg_text wg_gai_text[] = {\n");
    for (size_t i = 0; i < COUNT(consts); i++) {
        const struct konst *k = &consts[i];
        if (strncmp(k->name, "EAI_", 4) != 0 || k->str)
            continue;
        printf("    { %lld, ", k->value);
        print_c_string(gai_strerror((int)k->value));
        printf(" }, /* %s */\n", k->name);
    }
    printf("};\n\nstatic const struct wg_text wg_herr_text[] = {\n");
    for (size_t i = 0; i < COUNT(herrnames); i++) {
        printf("    { %d, ", herrnames[i].value);
        print_c_string(hstrerror(herrnames[i].value));
        printf(" }, /* %s */\n", herrnames[i].name);
    }
    printf("};\n");
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "js") == 0)
        emit_js();
    else if (argc == 2 && strcmp(argv[1], "errno") == 0)
        emit_errno();
    else if (argc == 2 && strcmp(argv[1], "h") == 0)
        emit_h();
    else if (argc == 2 && strcmp(argv[1], "select") == 0)
        emit_select();
    else if (argc == 2 && strcmp(argv[1], "guest") == 0)
        emit_guest();
    else if (argc == 2 && strcmp(argv[1], "guest-errno") == 0)
        emit_guest_errno();
    else if (argc == 2 && strcmp(argv[1], "guest-text") == 0)
        emit_guest_text();
    else {
        fprintf(stderr, "usage: genconst js|errno|h|select|guest|guest-errno|guest-text\n");
        return 2;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        perror("genconst: stdout");
        return 1;
    }
    return 0;
}
