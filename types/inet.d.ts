// SPDX-License-Identifier: MIT
// Declarations of `wasock/inet` (bridge/inet/): the core's address codecs over its
// WebAssembly build, for browsers and Node, with no OS and no native addon. Bytes come
// back as Uint8Array (Buffers, a subclass, in Node). See docs/api.md.
import type { BytesLike, AddressIn, Address } from './addresses';

export * from './constants';
export * from './errors';
export type * from './addresses';

/** What init() and initSync() load: the wasm's location or the wasm itself. */
export type InitInput =
  | string | URL | Request | Response | PromiseLike<Response>
  | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * Loads the wasm; every function below throws until it has. Without an argument: the
 * file next to the package's build (wasock/inet), the bytes inside the JS
 * (wasock/inet/inline). In Node the module is ready at import and this resolves at once.
 * Calls while one is pending share it; a failed one may be retried.
 */
export declare function init(input?: InitInput): Promise<void>;
/** init() from bytes or a compiled Module, synchronously (workers; small wasm on any thread). */
export declare function initSync(input?: ArrayBuffer | ArrayBufferView | WebAssembly.Module): void;

export declare function htons(x: number): number;
export declare function ntohs(x: number): number;
export declare function htonl(x: number): number;
export declare function ntohl(x: number): number;
/** 4 bytes for IPv4 text in any of inet_aton(3)'s forms (`'127.1'`, `'0x7f.1'`). */
export declare function inet_aton(ip: string): Uint8Array;
export declare function inet_ntoa(packed: BytesLike): string;
/** 4 (AF_INET) or 16 (AF_INET6) bytes; OSError for text inet_pton(3) rejects. */
export declare function inet_pton(family: number, ip: string): Uint8Array;
export declare function inet_ntop(family: number, packed: BytesLike): string;
export declare function CMSG_LEN(length: number): number;
export declare function CMSG_SPACE(length: number): number;
/** `struct sockaddr_*` bytes; names do not resolve (gaierror), interfaces are ENOSYS. */
export declare function encode_sockaddr(family: number, address: AddressIn, proto?: number): Uint8Array;
export declare function decode_sockaddr(sockaddr: BytesLike, proto?: number): [family: number, address: Address<Uint8Array>];

/** Python's ipaddress.ip_address(): `[version, packed, scope_id]`. */
export declare function ip_address(address: string | BytesLike):
  [version: 4 | 6, packed: Uint8Array, scope_id: string | null];
/** Python's ipaddress.ip_network(): `[version, packed_network, prefixlen]`. */
export declare function ip_network(network: string, strict?: boolean):
  [version: 4 | 6, network: Uint8Array, prefixlen: number];
/** Python's `ip_address(address) in ip_network(network, strict)`. */
export declare function ip_network_contains(network: string, address: string | BytesLike,
  strict?: boolean): boolean;

/** Python's ipaddress properties of one address. */
export interface AddressInfo {
  version: 4 | 6;
  is_private: boolean;
  is_global: boolean;
  is_loopback: boolean;
  is_link_local: boolean;
  is_multicast: boolean;
  is_reserved: boolean;
  is_unspecified: boolean;
  /** The IPv4 address an IPv4-mapped IPv6 address holds, or null. */
  ipv4_mapped: string | null;
}
export declare function ip_address_info(address: string | BytesLike): AddressInfo;
