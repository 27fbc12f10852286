// SPDX-License-Identifier: MIT
// `wasock/inet` in Node (import): node.js's module, with one named export per name.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const inet = require('./node.js');

export * from './constants.mjs';

export const {
  init, initSync, htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop,
  CMSG_LEN, CMSG_SPACE, encode_sockaddr, decode_sockaddr, ip_address, ip_network,
  ip_network_contains, ip_address_info, OSError, error, timeout, gaierror, herror, fromErrno,
  BlockingIOError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
  ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
  InterruptedError, PermissionError, ProcessLookupError, TimeoutError, InternalError,
  ChildProcessError, IsADirectoryError, NotADirectoryError,
} = inet;
