// SPDX-License-Identifier: MIT
// `wasock/inet` for browsers: the core's codecs from the Emscripten build
// (build/native/web, made by `npm run build` when emcc is installed), marshalled by the
// same bridge/wire.js as the Node build (here as bundle.mjs), bytes as Uint8Array.
import createCore from '../../build/native/web/wasock-inet.mjs';
import { createWire, makeInet } from './bundle.mjs';

export * from './constants.mjs';

const wasm = new URL('../../build/native/web/wasock-inet.wasm', import.meta.url);
const response = await fetch(wasm);
if (!response.ok) throw new Error(`wasock/inet: cannot load ${wasm} (${response.status})`);
const core = await createCore({ wasm: await response.arrayBuffer() });
const { fns } = createWire({ ...core, bytes: (mem, start, end) => mem.slice(start, end) });
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
