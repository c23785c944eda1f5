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

# Astro 5.9.4 with @astrojs/starlight 0.34.8 (Node 20; Astro 7 needs Node 22):
# `npm ci` from testdata/oracle/astro/toolchain's lockfile into
# <cache>/npm/astro-<first 12 hex of the lockfile's sha256>, which serves the
# astro, astro-legacy and starlight fixtures. Skips when already installed.
install_astro() {
  local src=testdata/oracle/astro/toolchain hash dir tmp
  hash=$(sha256sum "$src/package-lock.json" | cut -c1-12)
  dir="$CACHE/npm/astro-$hash"
  if [ ! -f "$dir/node_modules/astro/astro.js" ]; then
    tmp="$dir.tmp.$$"
    rm -rf "$tmp" && mkdir -p "$tmp"
    cp "$src/package.json" "$src/package-lock.json" "$tmp/"
    (cd "$tmp" && npm ci --no-audit --no-fund --loglevel=error)
    rm -rf "$dir" && mv "$tmp" "$dir"
  fi
  echo "astro: $dir"
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

# npm_toolchain NAME: `npm ci` testdata/oracle/NAME/toolchain (package.json and
# its lockfile, exact versions) into <cache>/npm/NAME-<first 12 hex of the
# lockfile's sha256>. Skips a folder that is already there; installs into a
# temporary folder first so that an interrupted install is never taken as done.
npm_toolchain() {
  local name=$1 src="testdata/oracle/$1/toolchain" hash dest
  command -v npm >/dev/null || apt_install nodejs npm
  hash=$(sha256sum "$src/package-lock.json" | cut -c1-12)
  dest="$CACHE/npm/$name-$hash"
  if [ -d "$dest/node_modules" ]; then
    echo "oracle-install: $name already in $dest"
    return 0
  fi
  echo "oracle-install: npm ci $name into $dest"
  rm -rf "$dest.tmp"
  mkdir -p "$dest.tmp"
  cp "$src/package.json" "$src/package-lock.json" "$dest.tmp/"
  (cd "$dest.tmp" && npm ci --no-audit --no-fund --loglevel=error)
  mv "$dest.tmp" "$dest"
}

# Docusaurus 3.10.2 (@docusaurus/core + preset-classic, React 18), Node >= 20.
install_docusaurus() { npm_toolchain docusaurus; }

# Nuxt 3.17.7 + @nuxt/content 3.6.3 + better-sqlite3 12 (compiled from source
# by node-gyp when no prebuilt binary can be fetched: a few minutes).
install_nuxt() { npm_toolchain nuxt; }

# The npm packages whose MDC component names contentlint ships
# (lint.NuxtModuleComponents), as tarballs: TestNuxtModuleComponents lists
# their components and compares.
install_nuxt_packs() {
  local dest="$CACHE/npm/packs" p
  mkdir -p "$dest"
  for p in docus@5.12.3 @nuxt/ui@4.11.2; do
    local file
    file=$(echo "${p#@}" | tr '/@' '--').tgz
    if [ -f "$dest/$file" ]; then
      echo "oracle-install: $p already in $dest"
      continue
    fi
    (cd "$dest" && npm pack "$p" --silent >/dev/null)
  done
}

install_jekyll
install_github_slugger
install_astro
install_hugo
install_docusaurus
install_nuxt
install_nuxt_packs
