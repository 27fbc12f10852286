// SPDX-License-Identifier: MIT
// Declarations of `wasock/promises` (bridge/promises.js): the same module driven by
// Node's event loop. I/O methods and the resolver return Promises and take a trailing
// `{ signal }`; everything else is `wasock`'s. See docs/api.md.
/// <reference types="node" />
import type { Duplex, DuplexOptions } from 'node:stream';
import type { AF_INET, AF_INET6, AF_UNIX } from './constants';
import type { BytesLike, AddressFor, AddressInFor, IPv4Address, IPv6Address } from './addresses';
import type {
  Socket as SyncSocket, AddrInfo, HostEntry, AncData, RecvMsg, RecvMsgInto, AfAlgOptions,
  MakefileOptions, CreateConnectionOptions, CreateServerOptions,
} from './index';

export * from './index';

/**
 * The promise face's makefile(): Python's buffered and text layers over the socket, with
 * reads and writes as promises, run one after another in the order they were called.
 * `T` is Buffer in binary modes ('rb', 'wb'), string otherwise.
 */
export interface AsyncSocketFile<T extends string | Buffer> extends AsyncIterable<T>, AsyncDisposable {
  readonly closed: boolean;
  /** The socket's fd, -1 once closed. */
  readonly name: number;
  readonly mode: string;
  /** Up to n (all, until EOF, when -1) bytes or characters; null when a non-blocking socket had none. */
  read(n?: number | null): Promise<T | null>;
  readinto(b: ArrayBufferView): Promise<number | null>;
  readline(limit?: number | null): Promise<T>;
  readlines(hint?: number | null): Promise<T[]>;
  write(data: T | (T extends Buffer ? BytesLike : never)): Promise<number>;
  writelines(lines: Iterable<T | (T extends Buffer ? BytesLike : never)>): Promise<null>;
  flush(): Promise<null>;
  close(): Promise<null>;
  fileno(): number;
  readable(): boolean;
  writable(): boolean;
  seekable(): boolean;
}

/** The trailing options of every asynchronous method. */
export interface OperationOptions {
  /** Aborting rejects the operation with an AbortError; the socket stays usable. */
  signal?: AbortSignal;
}

/**
 * A socket of the promise face: `F` as in wasock's Socket. Operations wait for
 * readiness on the event loop; the socket's timeout (settimeout) bounds each one.
 */
export declare class AsyncSocket<F extends number = any> implements Disposable, AsyncDisposable {
  constructor(family?: F, type?: number, proto?: number, fileno?: number | null);
  constructor(sock: SyncSocket<F>);
  /** The synchronous face of the same socket. */
  readonly sync: SyncSocket<F>;
  readonly family: F;
  readonly type: number;
  readonly proto: number;
  /** Python's sock.timeout: gettimeout(), read-only. */
  readonly timeout: number | null;

  accept(options?: OperationOptions): Promise<[conn: AsyncSocket<F>, address: AddressFor<F, Buffer>]>;
  /** Resolves host names on the thread pool. */
  bind(address: AddressInFor<F>): Promise<void>;
  connect(address: AddressInFor<F>, options?: OperationOptions): Promise<void>;
  connect_ex(address: AddressInFor<F>, options?: OperationOptions): Promise<number>;
  recv(bufsize: number, flags?: number, options?: OperationOptions): Promise<Buffer>;
  recvfrom(bufsize: number, flags?: number, options?: OperationOptions):
    Promise<[data: Buffer, address: AddressFor<F, Buffer>]>;
  recv_into(buffer: ArrayBufferView, nbytes?: number, flags?: number,
    options?: OperationOptions): Promise<number>;
  recvfrom_into(buffer: ArrayBufferView, nbytes?: number, flags?: number,
    options?: OperationOptions): Promise<[nbytes: number, address: AddressFor<F, Buffer>]>;
  recvmsg(bufsize: number, ancbufsize?: number, flags?: number,
    options?: OperationOptions): Promise<RecvMsg<F>>;
  recvmsg_into(buffers: Iterable<ArrayBufferView>, ancbufsize?: number, flags?: number,
    options?: OperationOptions): Promise<RecvMsgInto<F>>;
  send(data: BytesLike, flags?: number, options?: OperationOptions): Promise<number>;
  sendall(data: BytesLike, flags?: number, options?: OperationOptions): Promise<void>;
  sendto(data: BytesLike, address: AddressInFor<F>, options?: OperationOptions): Promise<number>;
  sendto(data: BytesLike, flags: number, address: AddressInFor<F>,
    options?: OperationOptions): Promise<number>;
  sendmsg(buffers: Iterable<BytesLike>, ancdata?: Iterable<AncData<BytesLike>>, flags?: number,
    address?: AddressInFor<F> | null, options?: OperationOptions): Promise<number>;
  sendmsg_afalg(msg?: Iterable<BytesLike>, op?: number, iv?: BytesLike | null,
    assoclen?: number | null, flags?: number, options?: OperationOptions): Promise<number>;
  sendmsg_afalg(msg: Iterable<BytesLike>, options: AfAlgOptions & OperationOptions): Promise<number>;
  sendfile(file: number | { fd: number }, offset?: number, count?: number | null,
    options?: OperationOptions): Promise<number>;

  fileno(): number;
  listen(backlog?: number): void;
  getsockname(): AddressFor<F, Buffer>;
  getpeername(): AddressFor<F, Buffer>;
  getsockopt(level: number, optname: number): number;
  getsockopt(level: number, optname: number, buflen: number): Buffer;
  setsockopt(level: number, optname: number, value: number | boolean | BytesLike): void;
  setsockopt(level: number, optname: number, value: null, optlen: number): void;
  getblocking(): boolean;
  setblocking(flag: boolean): void;
  gettimeout(): number | null;
  settimeout(value: number | null): void;
  get_inheritable(): boolean;
  set_inheritable(inheritable: boolean): void;
  shutdown(how: number): void;
  detach(): number;
  dup(): AsyncSocket<F>;
  makefile(mode: `${string}b${string}`, buffering?: number | null | MakefileOptions): AsyncSocketFile<Buffer>;
  makefile(mode?: string, buffering?: number | null | MakefileOptions,
    encoding?: string | null | MakefileOptions, errors?: string | null,
    newline?: string | null): AsyncSocketFile<string>;
  /** Whether pending operations keep the event loop alive (net.Socket's ref/unref). */
  ref(): this;
  unref(): this;
  /** Closes the socket; pending operations reject with EBADF. */
  close(): void;
  [Symbol.dispose](): void;
  [Symbol.asyncDispose](): Promise<void>;
  /** Received chunks until EOF (for a listening socket, see AsyncServer). */
  [Symbol.asyncIterator](): AsyncIterator<Buffer>;
  /** A stream.Duplex over this socket: reads until EOF, writes with sendall. */
  toStream(options?: DuplexOptions): Duplex;
}
export { AsyncSocket as Socket, AsyncSocket as SocketType };

/** A listening socket: iterating it accepts connections. */
export interface AsyncServer<F extends number = any>
  extends Omit<AsyncSocket<F>, typeof Symbol.asyncIterator> {
  [Symbol.asyncIterator](): AsyncIterator<[conn: AsyncSocket<F>, address: AddressFor<F, Buffer>]>;
}

export declare function socket<F extends number = typeof AF_INET>(family?: F, type?: number,
  proto?: number, fileno?: number | null): AsyncSocket<F>;
export declare function socketpair<F extends number = typeof AF_UNIX>(family?: F, type?: number,
  proto?: number): [AsyncSocket<F>, AsyncSocket<F>];
export declare function fromfd<F extends number>(fd: number, family: F, type: number,
  proto?: number): AsyncSocket<F>;

export declare function getaddrinfo(host: string | null, port: string | number | null,
  family?: number, type?: number, proto?: number, flags?: number): Promise<AddrInfo[]>;
export declare function getnameinfo(sockaddr: IPv4Address | IPv6Address | [host: string, port: number, flowinfo: number],
  flags: number): Promise<[host: string, port: string]>;
export declare function gethostbyname(hostname: string): Promise<string>;
export declare function gethostbyname_ex(hostname: string): Promise<HostEntry>;
export declare function gethostbyaddr(ip_address: string): Promise<HostEntry>;
export declare function getfqdn(name?: string): Promise<string>;

export declare function create_connection(address: [host: string, port: number | string],
  timeout?: number | null, source_address?: [host: string, port: number] | null,
  options?: CreateConnectionOptions & OperationOptions): Promise<AsyncSocket<typeof AF_INET | typeof AF_INET6>>;
export declare function create_server<F extends number = typeof AF_INET>(
  address: AddressInFor<F>, options?: CreateServerOptions<F>): Promise<AsyncServer<F>>;
export declare function send_fds<F extends number>(sock: AsyncSocket<F>, buffers: Iterable<BytesLike>,
  fds: number[], flags?: number, address?: AddressInFor<F> | null): Promise<number>;
export declare function recv_fds<F extends number>(sock: AsyncSocket<F>, bufsize: number, maxfds: number,
  flags?: number): Promise<[data: Buffer, fds: number[], msg_flags: number, address: AddressFor<F, Buffer>]>;
