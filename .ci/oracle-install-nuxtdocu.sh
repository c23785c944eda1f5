#!/usr/bin/env bash
# Installs the pinned npm toolchains of the Docusaurus and Nuxt Content oracle
# tests outside the clone, one folder per lockfile hash, so that a later run
# reuses them. Idempotent: a folder that already has node_modules is skipped.
# (To be merged into .ci/oracle-install.sh: one function per generator.)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CONTENTLINT_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci}

# npm_toolchain NAME installs testdata/oracle/NAME/toolchain into
# <cache>/npm/NAME-<first 12 hex of sha256 of package-lock.json>.
npm_toolchain() {
	local name=$1 src="$root/testdata/oracle/$1/toolchain"
	local hash dest
	hash=$(sha256sum "$src/package-lock.json" | cut -c1-12)
	dest="$cache/npm/$name-$hash"
	if [ -d "$dest/node_modules" ]; then
		echo "oracle-install: $name already in $dest"
		return
	fi
	echo "oracle-install: installing $name into $dest"
	rm -rf "$dest.tmp"
	mkdir -p "$dest.tmp"
	cp "$src/package.json" "$src/package-lock.json" "$dest.tmp/"
	(cd "$dest.tmp" && npm ci --no-audit --no-fund --loglevel=error)
	mv "$dest.tmp" "$dest"
}

install_docusaurus() { npm_toolchain docusaurus; }
install_nuxt() { npm_toolchain nuxt; }

if [ $# -eq 0 ]; then
	set -- docusaurus nuxt
fi
for g in "$@"; do
	"install_$g"
done
