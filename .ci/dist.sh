#!/usr/bin/env bash
# Distribution: the GoReleaser config is checked and a snapshot release is
# built (every os/arch archive, checksums, version stamped), then the npm
# packages are packed from its binaries and installed into a fresh project
# (.ci/npm-test.sh). Needs go, node, npm, git; GoReleaser is installed with
# go install at a pinned version, cached under the CI cache folder.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
GORELEASER_VERSION=v2.17.0 # the newest v2 that builds with this repo's Go (v2.18 needs Go 1.27)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci"
gr_bin="$cache/goreleaser-$GORELEASER_VERSION"
if [ ! -x "$gr_bin/goreleaser" ]; then
  mkdir -p "$gr_bin"
  GOBIN="$gr_bin" GOFLAGS=-mod=mod go install "github.com/goreleaser/goreleaser/v2@$GORELEASER_VERSION"
fi
goreleaser="$gr_bin/goreleaser"

"$goreleaser" check

# --snapshot skips the release checks (tag, clean tree), so it builds the
# work tree as it is, into dist/ (git-ignored).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$goreleaser" release --snapshot --clean --skip=publish --parallelism 2 >"$work/goreleaser.log" 2>&1 ||
  { cat "$work/goreleaser.log"; exit 1; }
dist="$repo/dist"
version=$(node -p "require('$dist/metadata.json').version")

# Every archive is there, with its checksum, and the version is stamped in.
for target in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64 windows_arm64; do
  ext=tar.gz
  case $target in windows_*) ext=zip ;; esac
  a="contentlint_${version}_${target}.$ext"
  [ -f "$dist/$a" ] || { echo "dist: missing $a"; ls "$dist"; exit 1; }
  grep -q "  $a\$" "$dist/checksums.txt" || { echo "dist: $a not in checksums.txt"; exit 1; }
done
(cd "$dist" && sha256sum --quiet -c checksums.txt)
host=$(go env GOOS)_$(go env GOARCH)
tar -xzf "$dist/contentlint_${version}_${host}.tar.gz" -C "$work" contentlint
got=$("$work/contentlint" --version)
[ "$got" = "contentlint v$version" ] || { echo "dist: --version printed '$got', want 'contentlint v$version'"; exit 1; }
echo "dist: 6 archives, checksums verified, $got"

node .ci/npm-pack.mjs dist "$work/npm" >/dev/null
bash "$repo/.ci/npm-test.sh" "$work/npm" "$version"
