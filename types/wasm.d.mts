// SPDX-License-Identifier: MIT
// `wasock/inet/wasm`: the core's wasm file. What an import of it gives depends on the
// bundler's rule for .wasm (esbuild --loader:.wasm=file, webpack asset/resource, Vite
// ?url): its URL, as init() takes it.
declare const url: string;
export default url;
