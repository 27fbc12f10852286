// SPDX-License-Identifier: MIT
// CAN frame helpers where Python leaves the layout to struct: can_frame (16 bytes),
// canfd_frame (72) and the BCM message (bcm_msg_head, 56 bytes, then its frames). The
// layouts live in the core (src/can_frame.c); these are its functions under short names.
//
//   pack_frame(can_id, data, len8_dlc = 0)            -> Buffer(16)
//   unpack_frame(frame)                                -> [can_id, data, len8_dlc]
//   pack_fd_frame(can_id, data, flags = 0)             -> Buffer(72)
//   unpack_fd_frame(frame)                             -> [can_id, data, flags]
//   pack_bcm(opcode, flags, count, ival1, ival2, can_id, frames = [])  -> Buffer
//   unpack_bcm(msg)  -> [opcode, flags, count, [sec, usec], [sec, usec], can_id, frames]
'use strict';
const { fns } = require('./core');

module.exports = Object.freeze({
  pack_frame: fns.can_pack_frame,
  unpack_frame: fns.can_unpack_frame,
  pack_fd_frame: fns.can_pack_fd_frame,
  unpack_fd_frame: fns.can_unpack_fd_frame,
  pack_bcm: fns.can_pack_bcm,
  unpack_bcm: fns.can_unpack_bcm,
});
