// SPDX-License-Identifier: MIT
// wasock: the BSD socket interface with the semantics of Python's socket module.
'use strict';
const constants = require('./constants');
const errors = require('./errors');
const { fns } = require('./core');
const sockets = require('./socket');

const api = { ...constants, has_ipv6: true };

for (const name of [
  'htons', 'ntohs', 'htonl', 'ntohl', 'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop',
  'CMSG_LEN', 'CMSG_SPACE', 'encode_sockaddr', 'decode_sockaddr', 'getaddrinfo',
  'getnameinfo', 'gethostbyname', 'gethostbyname_ex', 'gethostbyaddr', 'getfqdn',
  'gethostname', 'sethostname', 'getservbyname', 'getservbyport', 'getprotobyname',
  'if_nameindex', 'if_nametoindex', 'if_indextoname', 'getdefaulttimeout',
  'setdefaulttimeout', 'has_dualstack_ipv6', 'close',
]) api[name] = fns[name];

for (const name of ['Socket', 'SocketType', 'socket', 'socketpair', 'fromfd',
  'create_connection', 'create_server', 'send_fds', 'recv_fds']) api[name] = sockets[name];

api.can = require('./can');
Object.assign(api, require('./enums'), require('./socketio'));
Object.assign(api, errors);
// Node-style fields and caller-first stacks on what the functions throw.
{
  const errinfo = require('./errinfo');
  errinfo.wrapFunctions(api, errinfo.MODULE_FUNCTIONS);
}
module.exports = api;
