// SPDX-License-Identifier: MIT
// `wasock/inet` in Node: the same functions as browser.mjs, served by the Node build of
// the core (bridge/core.js), with the package's own error classes and Buffers.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { fns } = require('../core.js');
const { makeInet } = require('./api.js');

export * from './constants.mjs';

const inet = makeInet(fns);

export default inet;
export const {
  htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop, CMSG_LEN,
  CMSG_SPACE, encode_sockaddr, decode_sockaddr, ip_address, ip_network, ip_network_contains,
  ip_address_info, OSError, error, timeout, gaierror, herror, fromErrno, BlockingIOError,
  ConnectionError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError,
  ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, PermissionError,
  ProcessLookupError, TimeoutError,
} = inet;
