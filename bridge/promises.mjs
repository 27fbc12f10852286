// SPDX-License-Identifier: MIT
import { createRequire } from 'node:module';

// The constants as named exports (generated from bridge/constants.js).
export * from './inet/constants.mjs';

const promises = createRequire(import.meta.url)('./promises.js');
export default promises;
export const {
  Socket, SocketType, AsyncSocket, socket, socketpair, fromfd, getaddrinfo, getnameinfo,
  gethostbyname, gethostbyname_ex, gethostbyaddr, getfqdn, create_connection, create_server,
  send_fds, recv_fds, can, htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop,
  CMSG_LEN, CMSG_SPACE, encode_sockaddr, decode_sockaddr, gethostname, sethostname,
  getservbyname, getservbyport, getprotobyname, if_nameindex, if_nametoindex, if_indextoname,
  getdefaulttimeout, setdefaulttimeout, has_dualstack_ipv6, has_ipv6, close, OSError, error,
  timeout, gaierror, herror, fromErrno, BlockingIOError, ConnectionError, BrokenPipeError,
  ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, FileExistsError,
  FileNotFoundError, InterruptedError, PermissionError, ProcessLookupError, TimeoutError,
  ChildProcessError, IsADirectoryError, NotADirectoryError,
  AddressFamily, SocketKind, MsgFlag, AddressInfo, dup, SocketIO,
} = promises;
// Raised when the core stopped in the middle of a call (docs/hardening.md).
export const { InternalError } = promises;
