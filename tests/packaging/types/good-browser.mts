// SPDX-License-Identifier: MIT
// A browser program using wasock/inet: must compile with tsc --strict with no
// @types/node at all (the declarations of wasock/inet need only the DOM's). Never run.
import { init, initSync, inet_pton, ip_network, AF_INET, OSError, type InitInput } from 'wasock/inet';
import wasmUrl from 'wasock/inet/wasm';

const input: InitInput = fetch(wasmUrl);
await init(input);
initSync(new Uint8Array(8));
const packed: Uint8Array = inet_pton(AF_INET, '1.2.3.4');
const [version, network, prefixlen] = ip_network('10.0.0.0/8');
const v: 4 | 6 = version;
try {
  inet_pton(AF_INET, 'x');
} catch (e) {
  if (e instanceof OSError) console.log(e.errno, e.code, e.strerror);
}
console.log(packed, network, prefixlen, v);
