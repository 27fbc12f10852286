// SPDX-License-Identifier: MIT
// Declarations of `wasock` (bridge/index.js): Python's socket module, synchronous.
// Python's tuples are arrays, bytes are Buffers (any ArrayBufferView is accepted as
// input), None is null. See docs/api.md.
/// <reference types="node" />
import type { AF_INET, AF_INET6, AF_UNIX } from './constants';
import type {
  BytesLike, AddressFor, AddressInFor, AddressIn, Address, IPv4Address, IPv6Address,
} from './addresses';
import type { AsyncSocket } from './promises';

export * from './constants';
export * from './errors';
export * from './addresses';
export * from './enums';

// ---- Byte order, addresses and ancillary data sizes ------------------------------------

export declare function htons(x: number): number;
export declare function ntohs(x: number): number;
export declare function htonl(x: number): number;
export declare function ntohl(x: number): number;
/** 4 bytes for IPv4 text in any of inet_aton(3)'s forms (`'127.1'`, `'0x7f.1'`). */
export declare function inet_aton(ip: string): Buffer;
export declare function inet_ntoa(packed: BytesLike): string;
/** 4 (AF_INET) or 16 (AF_INET6) bytes; OSError for text inet_pton(3) rejects. */
export declare function inet_pton(family: number, ip: string): Buffer;
export declare function inet_ntop(family: number, packed: BytesLike): string;
export declare function CMSG_LEN(length: number): number;
export declare function CMSG_SPACE(length: number): number;
/** The native `struct sockaddr_*` bytes of an address (proto picks the CAN flavour). */
export declare function encode_sockaddr(family: number, address: AddressIn, proto?: number): Buffer;
/** `[family, address]` from `struct sockaddr_*` bytes. */
export declare function decode_sockaddr(sockaddr: BytesLike, proto?: number): [family: number, address: Address<Buffer>];

// ---- Names and the resolver --------------------------------------------------------------

/** One getaddrinfo() answer: `[family, type, proto, canonname, sockaddr]`. */
export type AddrInfo = [
  family: number, type: number, proto: number, canonname: string,
  sockaddr: IPv4Address | IPv6Address,
];
/** gethostbyname_ex() and gethostbyaddr(): `[hostname, aliaslist, ipaddrlist]`. */
export type HostEntry = [hostname: string, aliaslist: string[], ipaddrlist: string[]];

export declare function getaddrinfo(host: string | null, port: string | number | null,
  family?: number, type?: number, proto?: number, flags?: number): AddrInfo[];
export declare function getnameinfo(sockaddr: IPv4Address | IPv6Address | [host: string, port: number, flowinfo: number],
  flags: number): [host: string, port: string];
export declare function gethostbyname(hostname: string): string;
export declare function gethostbyname_ex(hostname: string): HostEntry;
export declare function gethostbyaddr(ip_address: string): HostEntry;
export declare function getfqdn(name?: string): string;
export declare function gethostname(): string;
export declare function sethostname(name: string | BytesLike): void;
export declare function getservbyname(servicename: string, protocolname?: string): number;
export declare function getservbyport(port: number, protocolname?: string): string;
export declare function getprotobyname(protocolname: string): number;
export declare function if_nameindex(): [index: number, name: string][];
export declare function if_nametoindex(ifname: string): number;
export declare function if_indextoname(ifindex: number): string;

// ---- Defaults ------------------------------------------------------------------------

/** Seconds, or null (blocking), for sockets made from now on. */
export declare function getdefaulttimeout(): number | null;
export declare function setdefaulttimeout(timeout: number | null): void;
export declare function has_dualstack_ipv6(): boolean;
export declare const has_ipv6: boolean;
/** close(2) of a file descriptor. */
export declare function close(fd: number): void;
/** A new, non-inheritable fd of the same open file (dup(2)); OSError EBADF for a bad fd. */
export declare function dup(fd: number): number;

// ---- Sockets -------------------------------------------------------------------------

/** An ancillary data item: `[cmsg_level, cmsg_type, cmsg_data]`. */
export type AncData<B = Buffer> = [level: number, type: number, data: B];
/** recvmsg(): `[data, ancdata, msg_flags, address]`. */
export type RecvMsg<F extends number> =
  [data: Buffer, ancdata: AncData[], msg_flags: number, address: AddressFor<F, Buffer>];
/** recvmsg_into(): `[nbytes, ancdata, msg_flags, address]`. */
export type RecvMsgInto<F extends number> =
  [nbytes: number, ancdata: AncData[], msg_flags: number, address: AddressFor<F, Buffer>];

/** sendmsg_afalg()'s keyword arguments. */
export interface AfAlgOptions {
  op?: number;
  iv?: BytesLike | null;
  assoclen?: number | null;
  flags?: number;
}

/** makefile()'s text options. */
export interface MakefileOptions {
  encoding?: string | null;
  errors?: string | null;
  newline?: string | null;
}

/** The file object of makefile(): `T` is Buffer in binary modes ('rb', 'wb'), string otherwise. */
export interface SocketFile<T extends string | Buffer> extends Iterable<T> {
  readonly closed: boolean;
  /** The socket's fd, -1 once closed. */
  readonly name: number;
  /** Up to n (all, until EOF, when -1) bytes or characters. */
  read(n?: number): T;
  readinto(b: ArrayBufferView): number;
  readline(limit?: number): T;
  readlines(hint?: number): T[];
  write(data: T | (T extends Buffer ? BytesLike : never)): number;
  writelines(lines: Iterable<T>): void;
  flush(): void;
  close(): void;
}

/** SocketIO's modes; a 'b' is implied (the object is binary whatever the mode says). */
export type SocketIOMode = 'r' | 'w' | 'rw' | 'rb' | 'wb' | 'rwb';

/**
 * Python's socket.SocketIO: the raw, unbuffered I/O object under makefile(). It holds a
 * reference on the socket (which closes when both are closed). On a non-blocking socket,
 * a read or write that would block gives null.
 */
export interface SocketIO extends Iterable<Buffer>, Disposable {
  /** The mode with its 'b'. */
  readonly mode: 'rb' | 'wb' | 'rwb';
  readonly closed: boolean;
  /** The socket's fd, -1 once closed. */
  readonly name: number;
  /** Bytes received into b: 0 at EOF, null when nothing is there without blocking. */
  readinto(b: ArrayBufferView): number | null;
  /** Up to size bytes (all until EOF when size is negative or null); null if it would block. */
  read(size?: number | null): Buffer | null;
  readall(): Buffer | null;
  /** Up to and with the next newline, a byte at a time (at most size bytes). */
  readline(size?: number | null): Buffer;
  readlines(hint?: number | null): Buffer[];
  /** Bytes the kernel took of b, or null when it would block. */
  write(b: BytesLike): number | null;
  writelines(lines: Iterable<BytesLike>): void;
  readable(): boolean;
  writable(): boolean;
  seekable(): false;
  fileno(): number;
  flush(): void;
  close(): void;
  [Symbol.iterator](): Iterator<Buffer>;
  [Symbol.dispose](): void;
}
/**
 * SocketIO(sock, mode), with or without `new` (Python makes one with a call). sock: either
 * face's socket; RangeError for another mode, TypeError for another object.
 */
export declare const SocketIO: {
  new (sock: Socket | AsyncSocket, mode: SocketIOMode): SocketIO;
  (sock: Socket | AsyncSocket, mode: SocketIOMode): SocketIO;
  readonly prototype: SocketIO;
};

/**
 * Python's socket object. `F` is the address family when known from a constant
 * (socket(AF_INET6) is a Socket<10>), which types the addresses it takes and returns;
 * a plain `Socket` is any family's (every address shape).
 */
export declare class Socket<F extends number = any> implements Disposable {
  constructor(family?: F, type?: number, proto?: number, fileno?: number | null);
  readonly family: F;
  readonly type: number;
  readonly proto: number;
  /** The promise face of this socket (wasock/promises), made on first use. */
  readonly promises: AsyncSocket<F>;
  /** Python's sock.timeout: gettimeout(), read-only. */
  readonly timeout: number | null;

  accept(): [conn: Socket<F>, address: AddressFor<F, Buffer>];
  bind(address: AddressInFor<F>): void;
  close(): void;
  connect(address: AddressInFor<F>): void;
  /** 0, or the errno connect() would raise. */
  connect_ex(address: AddressInFor<F>): number;
  /** Gives the fd up: the socket is closed without closing it. */
  detach(): number;
  dup(): Socket<F>;
  /** The fd, -1 once closed. */
  fileno(): number;
  get_inheritable(): boolean;
  set_inheritable(inheritable: boolean): void;
  getpeername(): AddressFor<F, Buffer>;
  getsockname(): AddressFor<F, Buffer>;
  getsockopt(level: number, optname: number): number;
  getsockopt(level: number, optname: number, buflen: number): Buffer;
  setsockopt(level: number, optname: number, value: number | boolean | BytesLike): void;
  setsockopt(level: number, optname: number, value: null, optlen: number): void;
  getblocking(): boolean;
  setblocking(flag: boolean): void;
  /** Seconds, or null in blocking mode (0 in non-blocking mode). */
  gettimeout(): number | null;
  settimeout(value: number | null): void;
  listen(backlog?: number): void;
  makefile(mode: `${string}b${string}`, buffering?: number | null): SocketFile<Buffer>;
  makefile(mode?: string, buffering?: number | null,
    encoding?: string | null | MakefileOptions, errors?: string | null,
    newline?: string | null): SocketFile<string>;
  recv(bufsize: number, flags?: number): Buffer;
  recvfrom(bufsize: number, flags?: number): [data: Buffer, address: AddressFor<F, Buffer>];
  recvmsg(bufsize: number, ancbufsize?: number, flags?: number): RecvMsg<F>;
  recvmsg_into(buffers: Iterable<ArrayBufferView>, ancbufsize?: number, flags?: number): RecvMsgInto<F>;
  recvfrom_into(buffer: ArrayBufferView, nbytes?: number, flags?: number):
    [nbytes: number, address: AddressFor<F, Buffer>];
  recv_into(buffer: ArrayBufferView, nbytes?: number, flags?: number): number;
  send(data: BytesLike, flags?: number): number;
  sendall(data: BytesLike, flags?: number): void;
  sendto(data: BytesLike, address: AddressInFor<F>): number;
  sendto(data: BytesLike, flags: number, address: AddressInFor<F>): number;
  sendmsg(buffers: Iterable<BytesLike>, ancdata?: Iterable<AncData<BytesLike>>, flags?: number,
    address?: AddressInFor<F> | null): number;
  sendmsg_afalg(msg?: Iterable<BytesLike>, op?: number, iv?: BytesLike | null,
    assoclen?: number | null, flags?: number): number;
  sendmsg_afalg(msg: Iterable<BytesLike>, options: AfAlgOptions): number;
  /** Bytes sent from an fd (or a FileHandle's .fd), from offset, count bytes or to EOF. */
  sendfile(file: number | { fd: number }, offset?: number, count?: number | null): number;
  shutdown(how: number): void;
  [Symbol.dispose](): void;
}
export { Socket as SocketType };

/** socket(family = AF_INET, type = SOCK_STREAM, proto = 0, fileno = null). */
export declare function socket<F extends number = typeof AF_INET>(family?: F, type?: number,
  proto?: number, fileno?: number | null): Socket<F>;
/** A connected pair (family = AF_UNIX, type = SOCK_STREAM). */
export declare function socketpair<F extends number = typeof AF_UNIX>(family?: F, type?: number,
  proto?: number): [Socket<F>, Socket<F>];
/** A socket over a dup() of fd. */
export declare function fromfd<F extends number>(fd: number, family: F, type: number,
  proto?: number): Socket<F>;

export interface CreateConnectionOptions {
  /** Throw an AggregateError of every attempt's error instead of the last one. */
  all_errors?: boolean;
}
/**
 * Connects to the first address getaddrinfo() gives for [host, port] that accepts.
 * timeout: seconds or null; the default timeout when omitted.
 */
export declare function create_connection(address: [host: string, port: number | string],
  timeout?: number | null, source_address?: [host: string, port: number] | null,
  options?: CreateConnectionOptions): Socket<typeof AF_INET | typeof AF_INET6>;

export interface CreateServerOptions<F extends number> {
  /** AF_INET (default) or AF_INET6. */
  family?: F;
  backlog?: number | null;
  reuse_port?: boolean;
  dualstack_ipv6?: boolean;
}
/** A listening TCP socket bound to address (SO_REUSEADDR set). */
export declare function create_server<F extends number = typeof AF_INET>(
  address: AddressInFor<F>, options?: CreateServerOptions<F>): Socket<F>;

/** Sends fds as SCM_RIGHTS with the data. */
export declare function send_fds<F extends number>(sock: Socket<F>, buffers: Iterable<BytesLike>,
  fds: number[], flags?: number, address?: AddressInFor<F> | null): number;
/** `[data, fds, msg_flags, address]`. */
export declare function recv_fds<F extends number>(sock: Socket<F>, bufsize: number, maxfds: number,
  flags?: number): [data: Buffer, fds: number[], msg_flags: number, address: AddressFor<F, Buffer>];

/** CAN frame helpers (struct can_frame, canfd_frame, the BCM message). */
export declare const can: {
  /** A 16-byte can_frame. */
  pack_frame(can_id: number, data: BytesLike, len8_dlc?: number): Buffer;
  unpack_frame(frame: BytesLike): [can_id: number, data: Buffer, len8_dlc: number];
  /** A 72-byte canfd_frame. */
  pack_fd_frame(can_id: number, data: BytesLike, flags?: number): Buffer;
  unpack_fd_frame(frame: BytesLike): [can_id: number, data: Buffer, flags: number];
  /** bcm_msg_head and its frames; intervals are [sec, usec] or seconds. */
  pack_bcm(opcode: number, flags: number, count: number, ival1: number | [sec: number, usec: number],
    ival2: number | [sec: number, usec: number], can_id: number, frames?: BytesLike[]): Buffer;
  unpack_bcm(msg: BytesLike): [opcode: number, flags: number, count: number,
    ival1: [sec: number, usec: number], ival2: [sec: number, usec: number], can_id: number,
    frames: Buffer[]];
};
