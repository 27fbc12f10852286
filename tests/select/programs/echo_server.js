// SPDX-License-Identifier: MIT
// The selectors module docs' echo server; stops once argv[2] connections have closed.
const selectors = require('wasock/selectors');
const socket = require('wasock');

const sel = selectors.DefaultSelector();
let to_close = Number(process.argv[2]);

function accept(sock, mask) {
  const [conn, addr] = sock.accept();  // Should be ready
  console.log('accepted', conn.family, conn.type);
  conn.setblocking(false);
  sel.register(conn, selectors.EVENT_READ, read);
}

function read(conn, mask) {
  const data = conn.recv(1000);  // Should be ready
  if (data.length) {
    console.log('echoing', `'${data.toString()}'`);
    conn.send(data);  // Hope it won't block
  } else {
    console.log('closing');
    sel.unregister(conn);
    conn.close();
    to_close -= 1;
  }
}

const sock = socket.socket();
sock.bind(['localhost', 0]);
sock.listen(100);
sock.setblocking(false);
sel.register(sock, selectors.EVENT_READ, accept);
console.log('port', sock.getsockname()[1]);

while (to_close > 0) {
  const events = sel.select();
  for (const [key, mask] of events) {
    const callback = key.data;
    callback(key.fileobj, mask);
  }
}
sel.close();
sock.close();
