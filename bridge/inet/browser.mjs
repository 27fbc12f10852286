// SPDX-License-Identifier: MIT
// `wasock/inet` for browsers (and any host with fetch and WebAssembly): the core's codecs
// from its Emscripten build, marshalled by the same bridge/wire.js as in Node (here in
// bundle.mjs), bytes as Uint8Array. `await init()` loads the wasm first: by default the
// file beside this package's build (the new URL(..., import.meta.url) form that bundlers
// follow and emit), or what the caller passes (a URL, a Response, bytes, a Module).
// No top-level await, so any output format (iife included) can bundle it.
import createCore from '../../dist/web/wasock-inet.mjs';
import { makeFace } from './bundle.mjs';

export * from './constants.mjs';

export const {
  init, initSync, htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop,
  CMSG_LEN, CMSG_SPACE, encode_sockaddr, decode_sockaddr, ip_address, ip_network,
  ip_network_contains, ip_address_info, OSError, error, timeout, gaierror, herror, fromErrno,
  BlockingIOError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
  ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
  InterruptedError, PermissionError, ProcessLookupError, TimeoutError, InternalError,
  ChildProcessError, IsADirectoryError, NotADirectoryError,
} = makeFace(createCore, {
  source: () => new URL('../../dist/web/wasock-inet.wasm', import.meta.url),
  bytes: (mem, start, end) => mem.slice(start, end),
});
