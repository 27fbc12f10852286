#!/bin/sh
# SPDX-License-Identifier: MIT
# Fetches the Debian source packages of the third-party programs the WASI tests build
# (socat, lighttpd, can-utils, ndisc6) into a cache outside the repository:
#   $WASOCK_SRC_CACHE (default ~/.cache/wasock/debian-src)/<package>/<package>-<version>/
# Nothing of their code is committed; the small patches the tests apply live beside
# this script. Needs a deb-src entry for the configured Debian mirror: when there is
# none, one is added (same URIs, suites and components as the deb entries) and the
# package lists are updated. Prints the unpacked directory of each package.
set -eu
cache=${WASOCK_SRC_CACHE:-$HOME/.cache/wasock/debian-src}
pkgs=${*:-socat lighttpd can-utils ndisc6}
list=/etc/apt/sources.list.d/wasock-deb-src.sources

if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/; then
	# Every deb stanza of the deb822 files, again as deb-src.
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		[ "$f" = "$list" ] && continue
		sed -n '/^Types:.*deb/,/^$/p' "$f" | sed 's/^Types:.*/Types: deb-src/'
		echo
	done > "$list.tmp"
	mv "$list.tmp" "$list"
	apt-get update -qq
fi

mkdir -p "$cache"
for p in $pkgs; do
	dir=$(ls -d "$cache/$p/$p"-*/ 2>/dev/null | head -n 1 || true)
	if [ -z "$dir" ]; then
		mkdir -p "$cache/$p"
		(cd "$cache/$p" && apt-get source -qq "$p" >/dev/null 2>&1) || {
			echo "fetch-sources: apt-get source $p failed" >&2
			exit 1
		}
		dir=$(ls -d "$cache/$p/$p"-*/ | head -n 1)
	fi
	echo "${dir%/}"
done
