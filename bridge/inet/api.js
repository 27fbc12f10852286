// SPDX-License-Identifier: MIT
// The face of `wasock/inet`: the pure codecs of the core, the constants and the error
// classes, over either build of the core (its `fns` table). Shared by node.mjs and, as
// ESM in bundle.mjs, by browser.mjs.
'use strict';
const constants = require('../constants');
const errors = require('../errors');

// The core's functions served as they are.
const CODECS = [
  'htons', 'ntohs', 'htonl', 'ntohl', 'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop',
  'CMSG_LEN', 'CMSG_SPACE', 'encode_sockaddr', 'decode_sockaddr', 'ip_address',
  'ip_network', 'ip_network_contains',
];

function makeInet(fns) {
  const api = { ...constants };
  for (const name of CODECS) api[name] = fns[name];
  // The core answers [[name, value], ...]: the wire has lists, not objects.
  api.ip_address_info = function ip_address_info(address) {
    return Object.fromEntries(fns.ip_address_info(address));
  };
  return Object.assign(api, errors);
}

module.exports = { makeInet, CODECS };
