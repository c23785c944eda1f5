#!/usr/bin/env bash
# The npm packages as a user gets them: installs the tarballs that
# .ci/npm-pack.mjs packed (the main package and this platform's binary
# package) into a fresh npm project, then runs the launcher through npx:
# --version, a lint of the example site (exit 1, its findings), a clean site
# (exit 0) and a usage error (exit 2).
# Usage: .ci/npm-test.sh PACKED_DIR VERSION
set -euo pipefail
packed=$(cd "$1" && pwd)
version=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

plat=$(node -p 'process.platform + "-" + process.arch')
main_tgz="$packed/contentlint-$version.tgz"
plat_tgz="$packed/contentlint-$plat-$version.tgz"
for f in "$main_tgz" "$plat_tgz"; do
  [ -f "$f" ] || { echo "npm-test: missing $f"; ls "$packed"; exit 1; }
done

cd "$work"
npm init -y >/dev/null
# --offline: the other platforms' optional packages are not published; npm
# skips optional dependencies it cannot fetch, as it skips those of other
# platforms on a real install.
npm install --offline --no-audit --no-fund --loglevel=error "$plat_tgz" "$main_tgz" >/dev/null

fail() { echo "npm-test: $*"; exit 1; }
got=$(npx --no-install contentlint --version)
[ "$got" = "contentlint v$version" ] || fail "--version printed '$got', want 'contentlint v$version'"

cp -R "$repo/testdata/site" site
code=0
out=$(npx --no-install contentlint --offline site 2>/dev/null) || code=$?
[ "$code" = 1 ] || fail "lint of the example site exited $code, want 1"
want='site/content/en/2024/06/release-checklist.md:1:1: error: required field "description" is missing (frontmatter-required)'
grep -qxF "$want" <<<"$out" || fail "lint output lacks: $want"$'\n'"$out"

mkdir -p clean/content
printf 'preset: none\ncontent: [content]\n' > clean/.contentlint.yml
printf -- '---\ntitle: Hello\n---\n\n# Hello\n' > clean/content/hello.md
code=0
npx --no-install contentlint --offline clean >/dev/null 2>&1 || code=$?
[ "$code" = 0 ] || fail "lint of a clean site exited $code, want 0"

code=0
npx --no-install contentlint --format nope clean >/dev/null 2>&1 || code=$?
[ "$code" = 2 ] || fail "a bad flag exited $code, want 2"
echo "npm-test: ok ($plat, contentlint v$version via npx)"
