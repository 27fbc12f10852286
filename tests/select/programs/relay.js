// SPDX-License-Identifier: MIT
// A poll relay: each client of this server is joined to a new connection to the upstream
// port argv[2]; bytes go both ways until the client closes. Stops after argv[3] clients.
const select = require('wasock/select');
const socket = require('wasock');

const upstream_port = Number(process.argv[2]);
let clients = Number(process.argv[3]);
const server = socket.create_server(['127.0.0.1', 0]);
console.log('port', server.getsockname()[1]);
const poller = select.poll();
poller.register(server, select.POLLIN);
const peers = new Map();
const sockets = new Map([[server.fileno(), server]]);
const totals = new Map();
while (clients > 0) {
  for (const [fd, events] of poller.poll()) {
    if (!sockets.has(fd)) continue;  // closed earlier in this batch
    const s = sockets.get(fd);
    if (s === server) {
      const [conn, addr] = server.accept();
      const up = socket.create_connection(['127.0.0.1', upstream_port]);
      for (const [a, b] of [[conn, up], [up, conn]]) {
        peers.set(a.fileno(), b);
        sockets.set(a.fileno(), a);
        poller.register(a, select.POLLIN);
      }
      totals.set(conn.fileno(), [0, 0]);
      console.log('relaying a client');
      continue;
    }
    const data = s.recv(65536);
    const peer = peers.get(fd);
    if (data.length) {
      peer.sendall(data);
      const key = totals.has(fd) ? fd : peer.fileno();
      totals.get(key)[totals.has(fd) ? 0 : 1] += data.length;
      continue;
    }
    const client = totals.has(fd) ? s : peer;
    const [up_bytes, down_bytes] = totals.get(client.fileno());
    totals.delete(client.fileno());
    console.log('client done:', up_bytes, 'bytes up,', down_bytes, 'bytes down');
    for (const x of [s, peer]) {
      poller.unregister(x);
      peers.delete(x.fileno());
      sockets.delete(x.fileno());
      x.close();
    }
    clients -= 1;
  }
}
server.close();
