// SPDX-License-Identifier: MIT
// `wasock/inet/inline`: browser.mjs with the wasm inside the JS (base64), for bundlers that
// cannot emit a separate asset. The bytes are at hand, so the first call loads the core
// synchronously; `await init()` works too and keeps a page's code the same for both.
import createCore from '../../dist/web/wasock-inet.mjs';
import wasm from '../../dist/web/wasock-inet-wasm.mjs';
import { makeFace } from './bundle.mjs';

export * from './constants.mjs';

function decode(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

export const {
  init, initSync, htons, ntohs, htonl, ntohl, inet_aton, inet_ntoa, inet_pton, inet_ntop,
  CMSG_LEN, CMSG_SPACE, encode_sockaddr, decode_sockaddr, ip_address, ip_network,
  ip_network_contains, ip_address_info, OSError, error, timeout, gaierror, herror, fromErrno,
  BlockingIOError, ConnectionError, BrokenPipeError, ConnectionAbortedError,
  ConnectionRefusedError, ConnectionResetError, FileExistsError, FileNotFoundError,
  InterruptedError, PermissionError, ProcessLookupError, TimeoutError, InternalError,
  ChildProcessError, IsADirectoryError, NotADirectoryError,
} = makeFace(createCore, {
  source: () => decode(wasm),
  bytes: (mem, start, end) => mem.slice(start, end),
  lazy: true,
});
