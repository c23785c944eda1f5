#!/usr/bin/env bash
# Installs the pinned Astro + Starlight toolchain for the oracle tests, outside
# the clone, keyed by the lockfile's hash so a changed pin gets a fresh folder.
# Idempotent: skips when the folder already holds node_modules. Meant to be one
# function of .ci/oracle-install.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

install_astro() {
  local cache="${CONTENTLINT_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci}"
  local src=testdata/oracle/astro/toolchain
  local hash
  hash=$(sha256sum "$src/package-lock.json" | cut -c1-12)
  local dir="$cache/npm/astro-$hash"
  if [ -d "$dir/node_modules/astro" ]; then
    echo "astro: $dir (cached)"
    return
  fi
  local tmp="$dir.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  cp "$src/package.json" "$src/package-lock.json" "$tmp/"
  (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error)
  rm -rf "$dir"
  mv "$tmp" "$dir"
  echo "astro: $dir"
}

install_astro
