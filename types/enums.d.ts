// SPDX-License-Identifier: MIT
// Declarations of AddressFamily, SocketKind, MsgFlag and AddressInfo (bridge/enums.js):
// Python's IntEnum / IntFlag collections of the socket module's constants. Values stay
// plain numbers (AddressFamily.AF_INET is 2, sock.family is a number); calling an enum with
// a number gives its member, an object with `name` and `value` that prints by name. The
// members and their values come from types/enum_members.d.ts (generated).
import type {
  AddressFamilyMembers, SocketKindMembers, MsgFlagMembers, AddressInfoMembers,
} from './enum_members';

export type {
  AddressFamilyMembers, SocketKindMembers, MsgFlagMembers, AddressInfoMembers,
} from './enum_members';

// Which enum a member belongs to, for the type checker only (no such property exists):
// an AddressFamily member is no SocketKind member.
declare const kEnum: unique symbol;

/** What an enum takes: a number, or an object whose valueOf() is one (another member). */
export type EnumValue = number | { valueOf(): number };

/**
 * A member: `name` and `value`; it is `String(value)` as a string (Python 3.11's str()),
 * its value as a number (`member == 2`, `+member`), and inspects as Python's repr
 * (`<AddressFamily.AF_INET: 2>`). One object per value: `E(2) === E(2)`.
 */
export interface EnumMember<N extends string | null> {
  /** The member's name; a flag combination joins its bits' names with `|`. */
  readonly name: N;
  readonly value: number;
  valueOf(): number;
  toString(): string;
  toJSON(): number;
  [Symbol.toPrimitive](hint: string): string | number;
}

/**
 * An enum: each member's name is a property holding its value (a plain number); calling
 * it (with or without `new`) with a value gives that value's member. `M` maps the
 * members' names to their values, `Member` is the type of its members.
 */
export type IntEnum<M, Member> = {
  (value: EnumValue): Member;
  new (value: EnumValue): Member;
  readonly prototype: Member;
  /** Every name (aliases too) -> its member: Python's `__members__`. */
  readonly __members__: { readonly [K in keyof M]: Member };
  /** The canonical members in value order: Python's `list(E)`. */
  [Symbol.iterator](): IterableIterator<Member>;
} & M;

/** A member of AddressFamily; a value that is none throws RangeError. */
export type AddressFamily = EnumMember<keyof AddressFamilyMembers> & { readonly [kEnum]?: 'AddressFamily' };
/** A member of SocketKind; a value that is none throws RangeError. */
export type SocketKind = EnumMember<keyof SocketKindMembers> & { readonly [kEnum]?: 'SocketKind' };
/**
 * A member of MsgFlag, a flag: any value is one; `name` is null for a value with no known
 * bit (`MsgFlag(0)`), `'MSG_OOB|MSG_PEEK'` for 3, unknown bits last as a number. A
 * negative value is Python 3.11's complement form: `MsgFlag(-1).value` is 2147483647.
 */
export type MsgFlag = EnumMember<string | null> & { readonly [kEnum]?: 'MsgFlag' };
/** A member of AddressInfo, a flag as MsgFlag is. */
export type AddressInfo = EnumMember<string | null> & { readonly [kEnum]?: 'AddressInfo' };

export declare const AddressFamily: IntEnum<AddressFamilyMembers, AddressFamily>;
export declare const SocketKind: IntEnum<SocketKindMembers, SocketKind>;
export declare const MsgFlag: IntEnum<MsgFlagMembers, MsgFlag>;
export declare const AddressInfo: IntEnum<AddressInfoMembers, AddressInfo>;
