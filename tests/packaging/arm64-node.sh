#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Makes a root directory holding Debian's arm64 Node 20 (trixie's nodejs and the libraries
# and JS modules it loads), for running the linux-arm64 prebuild under qemu-user:
#   qemu-aarch64-static -L DIR DIR/usr/bin/node ...
# apt runs with a private configuration and state under DIR/.apt, so the machine's own
# apt sources, architectures and lists stay untouched. Packages come from Debian's archive
# only, signed by the debian-archive-keyring that Debian 12 has.
set -euo pipefail
dir=${1:?usage: arm64-node.sh DIR}
mkdir -p "$dir/.apt/lists/partial" "$dir/.apt/cache/archives/partial" "$dir/.apt/debs"
dir=$(cd "$dir" && pwd)
echo "deb [arch=arm64 signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main" \
  > "$dir/.apt/sources.list"
opts=(-o "Dir::Etc::SourceList=$dir/.apt/sources.list" -o Dir::Etc::SourceParts=/dev/null
  -o "Dir::State::Lists=$dir/.apt/lists" -o "Dir::Cache=$dir/.apt/cache"
  -o Dir::State::status=/dev/null -o APT::Architecture=arm64 -o APT::Architectures=arm64
  -o Debug::NoLocking=1)
[ "$(id -u)" -ne 0 ] || opts+=(-o APT::Sandbox::User=root)
apt-get "${opts[@]}" -qq update
# nodejs and what it loads at start (libnode's libraries, its externalized JS builtins).
pkgs=(nodejs libnode115 libc6 libgcc-s1 libstdc++6 libbrotli1 libcares2 libicu76 libnghttp2-14
  libssl3t64 libuv1t64 libzstd1 zlib1g node-acorn node-cjs-module-lexer node-undici
  node-minimatch node-balanced-match node-brace-expansion node-xtend)
(cd "$dir/.apt/debs" && apt-get "${opts[@]}" -qq download "${pkgs[@]}")
for deb in "$dir"/.apt/debs/*.deb; do dpkg-deb -x "$deb" "$dir"; done
# trixie is merged-/usr: the dynamic loader is looked up as /lib/ld-linux-aarch64.so.1.
ln -sfn usr/lib "$dir/lib"
rm -rf "$dir/.apt"
qemu-aarch64-static -L "$dir" "$dir/usr/bin/node" -p '`arm64-node: ${process.arch} node ${process.version}`'
