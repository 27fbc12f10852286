// SPDX-License-Identifier: MIT
// Mistakes the declarations must reject (tests/packaging/consumers.test.js asserts each
// diagnostic by its line). Never run.
import socket from 'wasock';
import * as aio from 'wasock/promises';
import { inet_pton, AF_INET } from 'wasock/inet';

const s = socket.socket();
s.conect(['127.0.0.1', 80]);                        // line 9: no such method
s.recv('1024');                                     // line 10: bufsize is a number
socket.create_connection('127.0.0.1:80');           // line 11: address is [host, port]
s.bind(['127.0.0.1', '80']);                        // line 12: an AF_INET port is a number
const n: string = s.send(Buffer.from('x'));         // line 13: send returns a number
inet_pton(AF_INET);                                 // line 14: the address is missing
const b: Buffer = await aio.socket().recv(10, 0, { signl: null }); // line 15: unknown option
const x: 3 = socket.AF_INET;                        // line 16: AF_INET is 2
console.log(n, b, x);
import inetDefault from 'wasock/inet';              // line 18: ESM wasock/inet has no default export
console.log(inetDefault);
import * as selectors from 'wasock/selectors';
selectors.DefaultSelector().register(s, 'read');    // line 21: events are EVENT_* bits
const fileLine: string = await aio.socket().makefile('rb').readline(); // line 22: an 'rb' file's line is a Buffer
