// SPDX-License-Identifier: MIT
// `wasock/inet` as an ES module: the names of inet.d.ts, and no default export (the
// module has none; `import * as inet` gives the namespace).
export * from './inet.js';
