#!/usr/bin/env bash
# Installs the real site generators the oracle tests (lint/oracle) build
# fixtures with. Idempotent: each block skips what is already there. Pinned
# npm toolchains go under the cache folder, outside the clone:
#   ${CONTENTLINT_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci}
# One function per generator; each generator's engineer owns its block.
set -euo pipefail
cd "$(dirname "$0")/.."
CACHE="${CONTENTLINT_ORACLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci}"
mkdir -p "$CACHE"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

# apt_install PKG...: install Debian packages, refreshing the lists once if
# the first try fails (a fresh machine may have none).
apt_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "oracle-install: apt-get install ${missing[*]}"
  local install=($SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}")
  "${install[@]}" >/dev/null || { $SUDO apt-get update -qq && "${install[@]}" >/dev/null; }
}

# Jekyll: Debian's jekyll 4.3.1 (kramdown with kramdown-parser-gfm) and the
# jekyll-redirect-from plugin the fixture loads.
install_jekyll() {
  apt_install jekyll ruby-jekyll-redirect-from
  jekyll --version
}

# Hugo v0.160.1 (extended features are not needed), compiled with the Go
# toolchain it asks for into <cache>/hugo-v0.160.1/hugo (about 7 minutes the
# first time; v0.169 does not build from the module proxy).
HUGO_VERSION=v0.160.1
install_hugo() {
  local dir="$CACHE/hugo-$HUGO_VERSION"
  if [ ! -x "$dir/hugo" ]; then
    echo "oracle-install: go install github.com/gohugoio/hugo@$HUGO_VERSION"
    GOTOOLCHAIN=go1.27.3 GOBIN="$dir" go install "github.com/gohugoio/hugo@$HUGO_VERSION"
  fi
  "$dir/hugo" version
}

# Heading ids: github-slugger, the slugger under remark, Docusaurus, Astro
# and mdc, run with node by lint/slug's oracle test (kramdown comes with
# Debian's jekyll above).
GITHUB_SLUGGER_VERSION=2.0.0
install_github_slugger() {
  local dir="$CACHE/npm/github-slugger-$GITHUB_SLUGGER_VERSION"
  if [ ! -f "$dir/node_modules/github-slugger/index.js" ]; then
    echo "oracle-install: npm install github-slugger@$GITHUB_SLUGGER_VERSION"
    npm install --prefix "$dir" --no-audit --no-fund --silent "github-slugger@$GITHUB_SLUGGER_VERSION" >/dev/null
  fi
}

install_jekyll
install_github_slugger
install_hugo
