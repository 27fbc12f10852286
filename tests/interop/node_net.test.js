// SPDX-License-Identifier: MIT
// wasock descriptors and Node's own sockets: a wasock socket's fd handed to
// `new net.Socket({ fd })` (after detach(), so only Node closes it) carries data both
// ways; and a Node socket's fd taken into wasock with fromfd().
'use strict';

const net = require('node:net');
const { once } = require('node:events');
const { w, PEER_S, killChildren, cleanupTmp } = require('../js/socket/helpers');

afterAll(() => {
  killChildren();
  cleanupTmp();
});

function collect(sock, until) {
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`no '${until}' within ${PEER_S}s; got '${buf}'`)),
      PEER_S * 1000);
    sock.setEncoding('utf8');
    sock.on('data', (d) => {
      buf += d;
      if (buf.includes(until)) {
        clearTimeout(timer);
        resolve(buf);
      }
    });
    sock.on('error', reject);
  });
}

const write = (sock, data) => new Promise((resolve, reject) =>
  sock.write(data, (err) => (err ? reject(err) : resolve())));

describe('wasock fd -> net.Socket({ fd })', () => {
  test('an accepted TCP connection, talking to a Node client, both ways', async () => {
    const l = w.socket(w.AF_INET, w.SOCK_STREAM);
    l.bind(['127.0.0.1', 0]);
    l.listen();
    l.settimeout(PEER_S);
    const client = net.connect(l.getsockname()[1], '127.0.0.1');
    await once(client, 'connect');
    const [conn, addr] = l.accept();
    expect(addr).toEqual(['127.0.0.1', client.localPort]);
    const fd = conn.detach();
    expect(conn.fileno()).toBe(-1);
    const viaNode = new net.Socket({ fd, readable: true, writable: true });
    const fromClient = collect(viaNode, 'ping\n');
    const fromServer = collect(client, 'pong\n');
    await write(client, 'ping\n');
    expect(await fromClient).toBe('ping\n');
    await write(viaNode, 'pong\n');
    expect(await fromServer).toBe('pong\n');
    // Node owns and closes the fd now.
    viaNode.end();
    await once(client, 'end');
    client.destroy();
    await once(viaNode, 'close');
    l.close();
  });

  test('a connected wasock client socket handed to Node, against a Node server', async () => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    const s = w.socket();
    s.settimeout(PEER_S);
    s.connect(['127.0.0.1', server.address().port]);
    const [peer] = await accepted;
    const viaNode = new net.Socket({ fd: s.detach(), readable: true, writable: true });
    const atServer = collect(peer, 'from wasock-made socket\n');
    const atClient = collect(viaNode, 'from node server\n');
    await write(viaNode, 'from wasock-made socket\n');
    await write(peer, 'from node server\n');
    expect(await atServer).toBe('from wasock-made socket\n');
    expect(await atClient).toBe('from node server\n');
    viaNode.destroy();
    peer.destroy();
    server.close();
    await once(server, 'close');
  });

  test('a unix socketpair end: net.Socket on one side, wasock on the other', async () => {
    const [mine, theirs] = w.socketpair();
    mine.settimeout(PEER_S);
    const viaNode = new net.Socket({ fd: theirs.detach(), readable: true, writable: true });
    const got = collect(viaNode, 'END');
    mine.sendall(Buffer.from('wasock to node END'));
    expect(await got).toBe('wasock to node END');
    await write(viaNode, 'node to wasock');
    expect(mine.recv(100).toString()).toBe('node to wasock');
    viaNode.end();
    // Node's end() is a shutdown(SHUT_WR): wasock reads EOF.
    await new Promise((r) => setTimeout(r, 50));
    expect(mine.recv(100).length).toBe(0);
    viaNode.destroy();
    mine.close();
  });
});

describe('Node fd -> wasock', () => {
  test('fromfd() of a Node connection; wasock sends and receives on it', async () => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    const client = net.connect(server.address().port, '127.0.0.1');
    await once(client, 'connect');
    const [conn] = await accepted;
    conn.pause();
    // fromfd duplicates the descriptor: Node keeps its own and closes it itself. The
    // description is shared and libuv keeps it O_NONBLOCK: use timeout mode, which polls.
    const s = w.fromfd(conn._handle.fd, w.AF_INET, w.SOCK_STREAM);
    s.settimeout(PEER_S);
    expect(s.getpeername()).toEqual(['127.0.0.1', client.localPort]);
    await write(client, 'node client says hi');
    expect(s.recv(100).toString()).toBe('node client says hi');
    const atClient = collect(client, 'wasock answers');
    s.sendall(Buffer.from('wasock answers'));
    expect(await atClient).toBe('wasock answers');
    s.close();
    client.destroy();
    conn.destroy();
    server.close();
    await once(server, 'close');
  });
});
