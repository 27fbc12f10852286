// SPDX-License-Identifier: MIT
// Socket addresses per family, as wasock takes them (In) and gives them (Out): Python's
// tuples as arrays (docs/families.md). `B` is the byte type results use: Buffer in
// Node's faces, Uint8Array in wasock/inet.
import type {
  AF_INET, AF_INET6, AF_UNIX, AF_CAN, AF_PACKET, AF_NETLINK, AF_TIPC, AF_ALG, AF_VSOCK,
  AF_QIPCRTR, AF_RDS, AF_BLUETOOTH,
} from './constants';

/** Bytes as input: any ArrayBufferView (Buffer, Uint8Array, DataView...) or ArrayBuffer. */
export type BytesLike = ArrayBufferView | ArrayBuffer;

/** AF_INET: `['127.0.0.1', 80]`; host `''` is INADDR_ANY, `'<broadcast>'` INADDR_BROADCAST. */
export type IPv4Address = [host: string, port: number];
/** AF_INET6 as given: `['::1', 80]`, flowinfo and scope_id optional. */
export type IPv6AddressIn =
  | [host: string, port: number]
  | [host: string, port: number, flowinfo: number]
  | [host: string, port: number, flowinfo: number, scope_id: number];
/** AF_INET6 as returned: always four items. */
export type IPv6Address = [host: string, port: number, flowinfo: number, scope_id: number];
/** AF_UNIX: a path, or bytes (a leading NUL byte names the abstract namespace). */
export type UnixAddressIn = string | BytesLike;
/** AF_UNIX as returned: a path string, bytes for an abstract name, '' or null for an unbound peer. */
export type UnixAddress<B = Uint8Array> = string | B | null;
/** AF_CAN with CAN_RAW / CAN_BCM: `[ifname]` (`''` is every interface). */
export type CanAddress = [ifname: string];
/** AF_CAN with CAN_ISOTP. */
export type CanIsoTpAddress = [ifname: string, rx_id: number, tx_id: number];
/** AF_CAN with CAN_J1939: `name` is a 64-bit value (a BigInt; a number is accepted). */
export type CanJ1939AddressIn = [ifname: string, name: bigint | number, pgn: number, addr: number];
export type CanJ1939Address = [ifname: string, name: bigint | number, pgn: number, addr: number];
/** AF_PACKET as given: pkttype defaults to PACKET_HOST, hatype to 0, addr (at most 8 bytes) to empty. */
export type PacketAddressIn =
  | [ifname: string, proto: number]
  | [ifname: string, proto: number, pkttype: number]
  | [ifname: string, proto: number, pkttype: number, hatype: number]
  | [ifname: string, proto: number, pkttype: number, hatype: number, addr: BytesLike];
export type PacketAddress<B = Uint8Array> =
  [ifname: string, proto: number, pkttype: number, hatype: number, addr: B];
/** AF_NETLINK. */
export type NetlinkAddress = [pid: number, groups: number];
/** AF_TIPC: TIPC_ADDR_NAMESEQ (type, lower, upper), TIPC_ADDR_NAME (type, instance, -), TIPC_ADDR_ID (node, ref, -). */
export type TipcAddressIn =
  | [addr_type: number, v1: number, v2: number, v3: number]
  | [addr_type: number, v1: number, v2: number, v3: number, scope: number];
export type TipcAddress = [addr_type: number, v1: number, v2: number, v3: number, scope: number];
/** AF_ALG: `['skcipher', 'cbc(aes)']`. */
export type AlgAddressIn =
  | [type: string, name: string]
  | [type: string, name: string, feat: number]
  | [type: string, name: string, feat: number, mask: number];
export type AlgAddress = [type: string, name: string, feat: number, mask: number];
/** AF_VSOCK. */
export type VsockAddress = [cid: number, port: number];
/** AF_QIPCRTR. */
export type QipcrtrAddress = [node: number, port: number];
/** AF_BLUETOOTH: L2CAP `[bdaddr, psm]` (LE: `[bdaddr, psm, cid, bdaddr_type]`), RFCOMM `[bdaddr, channel]`, HCI `[dev]`, `dev` or `[dev, channel]`. */
export type BluetoothAddress =
  | [bdaddr: string, psm_or_channel: number]
  | [bdaddr: string, psm: number, cid: number, bdaddr_type: number]
  | [dev: number] | [dev: number, channel: number] | number;
/** A family wasock has no codec for decodes as its number and the raw bytes. */
export type OtherAddress<B = Uint8Array> = [family: number, data: B];

/** Addresses as given, by family. */
export interface AddressInByFamily {
  [AF_INET]: IPv4Address;
  [AF_INET6]: IPv6AddressIn;
  [AF_UNIX]: UnixAddressIn;
  [AF_CAN]: CanAddress | CanIsoTpAddress | CanJ1939AddressIn;
  [AF_PACKET]: PacketAddressIn;
  [AF_NETLINK]: NetlinkAddress;
  [AF_TIPC]: TipcAddressIn;
  [AF_ALG]: AlgAddressIn;
  [AF_VSOCK]: VsockAddress;
  [AF_QIPCRTR]: QipcrtrAddress;
  [AF_RDS]: IPv4Address;
  [AF_BLUETOOTH]: BluetoothAddress;
}

/** Addresses as returned, by family. */
export interface AddressByFamily<B = Uint8Array> {
  [AF_INET]: IPv4Address;
  [AF_INET6]: IPv6Address;
  [AF_UNIX]: UnixAddress<B>;
  [AF_CAN]: CanAddress | CanIsoTpAddress | CanJ1939Address;
  [AF_PACKET]: PacketAddress<B>;
  [AF_NETLINK]: NetlinkAddress;
  [AF_TIPC]: TipcAddress;
  [AF_ALG]: AlgAddress;
  [AF_VSOCK]: VsockAddress;
  [AF_QIPCRTR]: QipcrtrAddress;
  [AF_RDS]: IPv4Address;
  [AF_BLUETOOTH]: BluetoothAddress;
}

/** Any address as given. */
export type AddressIn = AddressInByFamily[keyof AddressInByFamily] | OtherAddress<BytesLike>;
/** Any address as returned. */
export type Address<B = Uint8Array> = AddressByFamily<B>[keyof AddressByFamily<B>] | OtherAddress<B>;

/** The address type a socket of family F takes (every family's when F is not a known literal). */
export type AddressInFor<F extends number> =
  number extends F ? AddressIn : F extends keyof AddressInByFamily ? AddressInByFamily[F] : AddressIn;
/** The address type a socket of family F returns. */
export type AddressFor<F extends number, B = Uint8Array> =
  number extends F ? Address<B> : F extends keyof AddressByFamily<B> ? AddressByFamily<B>[F] : Address<B>;
