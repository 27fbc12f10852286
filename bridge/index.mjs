// SPDX-License-Identifier: MIT
import { createRequire } from 'node:module';

// The constants as named exports (generated from bridge/constants.js).
export * from './inet/constants.mjs';

const wasock = createRequire(import.meta.url)('./index.js');
export default wasock;
export const {
  htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop, CMSG_LEN,
  CMSG_SPACE, encode_sockaddr, decode_sockaddr, getaddrinfo, getnameinfo, gethostbyname,
  gethostbyname_ex, gethostbyaddr, getfqdn, gethostname, sethostname, getservbyname,
  getservbyport, getprotobyname, if_nameindex, if_nametoindex, if_indextoname,
  getdefaulttimeout, setdefaulttimeout, has_dualstack_ipv6, has_ipv6, close, OSError, error,
  timeout, gaierror, herror, fromErrno, BlockingIOError, ConnectionError, BrokenPipeError,
  ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
  FileNotFoundError, InterruptedError, PermissionError, ProcessLookupError, TimeoutError,
  ChildProcessError, IsADirectoryError, NotADirectoryError,
  Socket, SocketType, socket, socketpair, fromfd,
  create_connection, create_server, send_fds, recv_fds, can, AddressFamily, SocketKind,
  MsgFlag, AddressInfo, dup, SocketIO,
} = wasock;
// Raised when the core stopped in the middle of a call (docs/hardening.md).
export const { InternalError } = wasock;
