// SPDX-License-Identifier: MIT
// The functions of `wasock/inet`: the pure codecs of the core over either build of it
// (its `fns` table). face.js adds loading, the error classes and the names; constants
// reach each entry separately (constants.mjs in browsers) so bundlers can drop unused ones.
'use strict';

// The core's functions served as they are.
const CODECS = [
  'htons', 'ntohs', 'htonl', 'ntohl', 'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop',
  'CMSG_LEN', 'CMSG_SPACE', 'encode_sockaddr', 'decode_sockaddr', 'ip_address',
  'ip_network', 'ip_network_contains',
];

function makeInet(fns) {
  const api = {};
  for (const name of CODECS) api[name] = fns[name];
  // The core answers [[name, value], ...]: the wire has lists, not objects.
  api.ip_address_info = function ip_address_info(address) {
    return Object.fromEntries(fns.ip_address_info(address));
  };
  return api;
}

// Every function makeInet gives.
const NAMES = [...CODECS, 'ip_address_info'];

module.exports = { makeInet, CODECS, NAMES };
