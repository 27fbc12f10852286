// SPDX-License-Identifier: MIT
// The echo server/client examples of the Python socket docs ("Example" section), the
// IPv4-only pair and the getaddrinfo-based pair that works over IPv4 and IPv6, translated
// line by line to JS. Each program runs in its own process (the sync API blocks), and
// each JS program is also paired with the original Python program.
//
// Changes from the docs, all needed to run unattended: PORT is 0 (the kernel picks one;
// the server prints it) instead of 50007, the client's HOST is loopback instead of
// 'daring.cs.uni.edu', and the client takes the port as its argument.
'use strict';

const util = require('node:util');
const { BRIDGE, start, killChildren, cleanupTmp } = require('../js/socket/helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

const REQUIRE = `const socket = require(${JSON.stringify(BRIDGE)});`;

// ---- IPv4 only ----

const JS_SERVER_V4 = `// Echo server program
${REQUIRE}

const HOST = '';                 // Symbolic name meaning all available interfaces
const PORT = 0;                  // Arbitrary non-privileged port
{
  const s = socket.socket(socket.AF_INET, socket.SOCK_STREAM);
  try {
    s.bind([HOST, PORT]);
    s.listen(1);
    console.log(s.getsockname()[1]);
    const [conn, addr] = s.accept();
    try {
      console.log('Connected by', addr);
      for (;;) {
        const data = conn.recv(1024);
        if (!data.length) break;
        conn.sendall(data);
      }
    } finally {
      conn.close();
    }
  } finally {
    s.close();
  }
}
`;

const JS_CLIENT_V4 = `// Echo client program
${REQUIRE}

const HOST = '127.0.0.1';    // The remote host
const PORT = Number(process.argv[1]); // The same port as used by the server
let data;
{
  const s = socket.socket(socket.AF_INET, socket.SOCK_STREAM);
  try {
    s.connect([HOST, PORT]);
    s.sendall(Buffer.from('Hello, world'));
    data = s.recv(1024);
  } finally {
    s.close();
  }
}
console.log('Received', data);
`;

const PY_SERVER_V4 = `# Echo server program
import socket

HOST = ''                 # Symbolic name meaning all available interfaces
PORT = 0                  # Arbitrary non-privileged port
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.bind((HOST, PORT))
    s.listen(1)
    print(s.getsockname()[1], flush=True)
    conn, addr = s.accept()
    with conn:
        print('Connected by', addr)
        while True:
            data = conn.recv(1024)
            if not data: break
            conn.sendall(data)
`;

const PY_CLIENT_V4 = `# Echo client program
import socket, sys

HOST = '127.0.0.1'    # The remote host
PORT = int(sys.argv[1])              # The same port as used by the server
with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect((HOST, PORT))
    s.sendall(b'Hello, world')
    data = s.recv(1024)
print('Received', repr(data))
`;

// ---- IPv4 and IPv6 (getaddrinfo) ----

const JS_SERVER_DUAL = `// Echo server program
${REQUIRE}

const HOST = null;               // Symbolic name meaning all available interfaces
const PORT = 0;                  // Arbitrary non-privileged port
let s = null;
for (const res of socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC,
                                     socket.SOCK_STREAM, 0, socket.AI_PASSIVE)) {
  const [af, socktype, proto, canonname, sa] = res;
  try {
    s = socket.socket(af, socktype, proto);
  } catch (msg) {
    if (!(msg instanceof socket.OSError)) throw msg;
    s = null;
    continue;
  }
  try {
    s.bind(sa);
    s.listen(1);
  } catch (msg) {
    if (!(msg instanceof socket.OSError)) throw msg;
    s.close();
    s = null;
    continue;
  }
  break;
}
if (s === null) {
  console.log('could not open socket');
  process.exit(1);
}
console.log(s.getsockname()[1]);
const [conn, addr] = s.accept();
try {
  console.log('Connected by', addr);
  for (;;) {
    const data = conn.recv(1024);
    if (!data.length) break;
    conn.send(data);
  }
} finally {
  conn.close();
}
`;

const JS_CLIENT_DUAL = (host) => `// Echo client program
${REQUIRE}

const HOST = ${JSON.stringify(host)};    // The remote host
const PORT = Number(process.argv[1]);    // The same port as used by the server
let s = null;
for (const res of socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM)) {
  const [af, socktype, proto, canonname, sa] = res;
  try {
    s = socket.socket(af, socktype, proto);
  } catch (msg) {
    if (!(msg instanceof socket.OSError)) throw msg;
    s = null;
    continue;
  }
  try {
    s.connect(sa);
  } catch (msg) {
    if (!(msg instanceof socket.OSError)) throw msg;
    s.close();
    s = null;
    continue;
  }
  break;
}
if (s === null) {
  console.log('could not open socket');
  process.exit(1);
}
let data;
try {
  s.sendall(Buffer.from('Hello, world'));
  data = s.recv(1024);
} finally {
  s.close();
}
console.log('Received', data);
`;

const PY_SERVER_DUAL = `# Echo server program
import socket
import sys

HOST = None               # Symbolic name meaning all available interfaces
PORT = 0                  # Arbitrary non-privileged port
s = None
for res in socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC,
                              socket.SOCK_STREAM, 0, socket.AI_PASSIVE):
    af, socktype, proto, canonname, sa = res
    try:
        s = socket.socket(af, socktype, proto)
    except OSError as msg:
        s = None
        continue
    try:
        s.bind(sa)
        s.listen(1)
    except OSError as msg:
        s.close()
        s = None
        continue
    break
if s is None:
    print('could not open socket')
    sys.exit(1)
print(s.getsockname()[1], flush=True)
conn, addr = s.accept()
with conn:
    print('Connected by', addr)
    while True:
        data = conn.recv(1024)
        if not data: break
        conn.send(data)
`;

const PY_CLIENT_DUAL = (host) => `# Echo client program
import socket
import sys

HOST = ${host === null ? 'None' : JSON.stringify(host)}    # The remote host
PORT = int(sys.argv[1])              # The same port as used by the server
s = None
for res in socket.getaddrinfo(HOST, PORT, socket.AF_UNSPEC, socket.SOCK_STREAM):
    af, socktype, proto, canonname, sa = res
    try:
        s = socket.socket(af, socktype, proto)
    except OSError as msg:
        s = None
        continue
    try:
        s.connect(sa)
    except OSError as msg:
        s.close()
        s = None
        continue
    break
if s is None:
    print('could not open socket')
    sys.exit(1)
with s:
    s.sendall(b'Hello, world')
    data = s.recv(1024)
print('Received', repr(data))
`;

const js = (code) => (port) => start(process.execPath, ['-e', code, ...(port === undefined ? [] : [String(port)])]);
const py = (code) => (port) => start('python3', ['-c', code, ...(port === undefined ? [] : [String(port)])]);

const JS_RECEIVED = `Received ${util.inspect(Buffer.from('Hello, world'))}\n`;
const PY_RECEIVED = "Received b'Hello, world'\n";

/** Starts server(), reads its port, runs client(port); returns both outputs. */
async function pair(server, client) {
  const srv = server();
  const port = Number(await srv.line());
  const cli = await client(port).done;
  const s = await srv.done;
  return { port, server: s, client: cli };
}

describe('the IPv4 echo example', () => {
  test.each([
    ['JS server, JS client', js(JS_SERVER_V4), js(JS_CLIENT_V4), JS_RECEIVED],
    ['JS server, the Python docs client', js(JS_SERVER_V4), py(PY_CLIENT_V4), PY_RECEIVED],
    ['the Python docs server, JS client', py(PY_SERVER_V4), js(JS_CLIENT_V4), JS_RECEIVED],
  ])('%s', async (_, server, client, received) => {
    const r = await pair(() => server(), client);
    expect(r.client.stderr).toBe('');
    expect(r.server.stderr).toBe('');
    expect(r.client.code).toBe(0);
    expect(r.server.code).toBe(0);
    expect(r.client.stdout).toBe(received);
    // Python prints ('127.0.0.1', 4242), node [ '127.0.0.1', 4242 ].
    expect(r.server.stdout).toMatch(/\nConnected by [[(] ?'127\.0\.0\.1', \d+ ?[\])]\n$/);
  });
});

describe('the IPv4/IPv6 echo example (getaddrinfo)', () => {
  // The passive answers are 0.0.0.0 then ::, so the server listens on IPv4; a client of
  // HOST null gets ::1 (refused) then 127.0.0.1, and must move on to the second answer.
  test.each([
    ['JS server, JS client (HOST null)', js(JS_SERVER_DUAL), js(JS_CLIENT_DUAL(null)), JS_RECEIVED],
    ['JS server, JS client (HOST localhost)', js(JS_SERVER_DUAL), js(JS_CLIENT_DUAL('localhost')), JS_RECEIVED],
    ['JS server, the Python docs client', js(JS_SERVER_DUAL), py(PY_CLIENT_DUAL(null)), PY_RECEIVED],
    ['the Python docs server, JS client', py(PY_SERVER_DUAL), js(JS_CLIENT_DUAL(null)), JS_RECEIVED],
  ])('%s', async (_, server, client, received) => {
    const r = await pair(() => server(), client);
    expect(r.client.stderr).toBe('');
    expect(r.server.stderr).toBe('');
    expect(r.client.stdout).toBe(received);
    expect(r.server.stdout).toMatch(/\nConnected by [[(] ?'127\.0\.0\.1', \d+ ?[\])]\n$/);
  });

  test('an IPv6 server: the dual-stack JS client reaches it at ::1 first', async () => {
    const server6 = JS_SERVER_DUAL.replace('const HOST = null;', "const HOST = '::1';");
    const r = await pair(() => js(server6)(), js(JS_CLIENT_DUAL(null)));
    expect(r.server.stderr).toBe('');
    expect(r.client.stdout).toBe(JS_RECEIVED);
    expect(r.server.stdout).toMatch(/\nConnected by \[ '::1', \d+, 0, 0 \]\n$/);
  });
});
