// SPDX-License-Identifier: MIT
// Sends each of argv[4..] to the echo service at port argv[2] and prints the echo; argv[3]
// connections, one after the other.
const socket = require('wasock');

const port = Number(process.argv[2]);
for (let n = 0; n < Number(process.argv[3]); n++) {
  const s = socket.create_connection(['127.0.0.1', port]);
  try {
    for (const word of process.argv.slice(4)) {
      s.sendall(Buffer.from(word));
      let echo = Buffer.alloc(0);
      while (echo.length < Buffer.byteLength(word)) echo = Buffer.concat([echo, s.recv(1024)]);
      console.log(n, 'echo', echo.toString());
    }
  } finally {
    s.close();
  }
}
