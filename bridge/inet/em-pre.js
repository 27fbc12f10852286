// SPDX-License-Identifier: MIT
// Prepended by emcc (--pre-js) inside the MINIMAL_RUNTIME module factory. The factory
// instantiates the wasm with one `WebAssembly.instantiate(Module.wasm, imports)` call and
// offers no hook for it; naming our own `WebAssembly` here lets the caller (face.js) take
// that call over: compile synchronously (Node's require, the inline build), stream from a
// URL, or report a failure instead of leaving the factory's promise pending forever.
var WebAssembly = Module['WebAssembly'] || globalThis.WebAssembly;
