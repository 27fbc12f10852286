// SPDX-License-Identifier: MIT
// What `npm pack` ships: exactly the runtime (the JS faces, the wasm core and browser
// build, both prebuilds, the addon's sources and build script for the source fallback,
// docs), nothing dev-only (core sources, build descriptions, generators, tests, the test
// runner). Prints the packed size.
'use strict';
const { pack } = require('./app');

const EXPECTED = [
  'LICENSE', 'README.md', 'package.json',
  'bridge/can.js', 'bridge/cli.js', 'bridge/constants.js', 'bridge/core.js', 'bridge/errno.js',
  'bridge/errors.js', 'bridge/index.js', 'bridge/index.mjs', 'bridge/locate.js',
  'bridge/makefile.js', 'bridge/promises.js', 'bridge/promises.mjs', 'bridge/socket.js',
  'bridge/wire.js', 'bridge/enums.js', 'bridge/socketio.js', 'bridge/checks.js', 'bridge/poison.js',
  'bridge/aio.js', 'bridge/afile.js', 'bridge/filecore.js', 'bridge/errinfo.js', 'bridge/codecs.js', 'bridge/pycodecs.js',
  'bridge/pyerrno.js', 'bridge/cc.js',
  'bridge/wasi/cli.js', 'bridge/wasi/errno.js', 'bridge/wasi/fdtable.js', 'bridge/wasi/index.js',
  'bridge/wasi/policy.js', 'bridge/wasi/poll.js', 'bridge/wasi/preview1.js', 'bridge/wasi/runner.js',
  'bridge/wasi/scratch.js', 'bridge/wasi/sockets.js',
  'dist/guest/libwasock-guest.a', 'dist/guest/wasock-guest.pc',
  'wasi/guest/bin/wasock-cc', 'wasi/guest/wasock-toolchain.cmake', 'wasi/guest/cmake/Platform/WASI.cmake',
  'wasi/guest/include/sys/socket.h', 'wasi/guest/include/netinet/in.h', 'wasi/guest/include/netdb.h',
  'wasi/guest/include/bits/wasock_linux.h',
  'bridge/select.js', 'bridge/select.mjs', 'bridge/select_constants.js',
  'bridge/select_promises.js', 'bridge/select_promises.mjs',
  'bridge/selectors.js', 'bridge/selectors.mjs',
  'bridge/selectors_promises.js', 'bridge/selectors_promises.mjs',
  'bridge/inet/api.js', 'bridge/inet/browser.mjs', 'bridge/inet/bundle.mjs',
  'bridge/inet/constants.mjs', 'bridge/inet/node.mjs',
  'dist/wasock.wasm', 'dist/web/wasock-inet.mjs', 'dist/web/wasock-inet.wasm',
  'prebuilds/linux-arm64/wasock.node', 'prebuilds/linux-x64/wasock.node',
  'host/wasock_host.h', 'host/node/binding.c', 'host/node/binding.h',
  'host/node/nameservice.c', 'host/node/poll.c', 'host/sys/iface.c', 'host/sys/internal.h',
  'host/sys/epoll.c', 'host/sys/netdb.c', 'host/sys/socket.c', 'host/sys/util.c',
  'host/sys/policy.c', 'host/wasock_policy.h', 'host/node/fdguard.c', 'host/node/policy.c',
  'host/node/wake.c', 'host/node/wake.h', 'host/node/direct.c',
  'tools/addon.js', 'tools/install.js',
];
// Files other parts of the package may add (type declarations, more docs, web entries):
// allowed, but never the dev-only ones below.
const ALSO_ALLOWED = /^(?:wasi\/guest\/include\/[\w./-]+\.h|docs\/[\w.-]+\.md|[\w./-]+\.d\.(?:ts|mts|cts)|bridge\/inet\/[\w.-]+\.(?:mjs|js)|dist\/[\w./-]+)$/;
const DEV_ONLY = /^(?:src\/|wasi\/(?!guest\/(?:include|bin|cmake)\/|guest\/wasock-toolchain\.cmake$)|tests\/|build\/|node_modules\/|\.ci\/|CMakeLists\.txt$|setup$|tools\/(?:genconst|build|test|prepack)\.|bridge\/inet\/(?:gen|em-post)\.js$|\.git)/;

test('npm pack ships the runtime and nothing dev-only', () => {
  const p = pack();
  const files = p.files.map((f) => f.path).sort();
  console.log(`npm pack: ${(p.size / 1024).toFixed(1)} KiB packed, ` +
    `${(p.unpackedSize / 1024).toFixed(1)} KiB unpacked, ${files.length} files:\n` +
    p.files.map((f) => `  ${String(f.size).padStart(7)}  ${f.path}`).join('\n'));
  expect(EXPECTED.filter((f) => !files.includes(f))).toEqual([]);
  expect(files.filter((f) => !EXPECTED.includes(f) && !ALSO_ALLOWED.test(f))).toEqual([]);
  expect(files.filter((f) => DEV_ONLY.test(f))).toEqual([]);
}, 10 * 60 * 1000);
