#!/usr/bin/env bash
# Times contentlint's offline lint against markdownlint-cli2 on the same
# files: the benchmark site that ../shared/scripts/gen-site.sh makes from the
# Docusaurus website (7,889 posts, 60 MB). The npm tool is installed into a
# temporary folder. Wall time and peak RSS come from /usr/bin/time.
#
#   .ci/compare-lint.sh [SITE]     # default /tmp/bench-site; needs go, node, npm
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
site=${1:-/tmp/bench-site}
if [ ! -d "$site/content" ]; then
	bash "$repo/../shared/scripts/gen-site.sh" "$repo/../shared/corpora/docusaurus-website" "$site" 23 >&2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$repo" && go build -o "$work/contentlint" ./cmd/contentlint)
mkdir -p "$work/npm"
(cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent markdownlint-cli2@0 >&2)
files=$(find "$site/content" \( -name '*.md' -o -name '*.mdx' \) | wc -l)
echo "site: $site ($files files), $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"

measure() { # NAME CMD...: a warm-up run (page cache, index cache), then one timed run
	local name=$1; shift
	"$@" >/dev/null 2>&1 || true
	/usr/bin/time -f "$name	%e s	%M KiB" "$@" >/dev/null 2>"$work/err" || true
	tail -n 1 "$work/err"
}
mdl="$work/npm/node_modules/.bin/markdownlint-cli2"
mdl_version=$(node -p "require('$work/npm/node_modules/markdownlint-cli2/package.json').version")
printf 'tool\twall\tpeak RSS\n'
cd "$site"
measure "contentlint (all offline rules)" "$work/contentlint" --offline content
measure "contentlint, one file (warm index cache)" "$work/contentlint" --offline content/copy-000/docs/installation.md
measure "markdownlint-cli2 $mdl_version (default rules)" "$mdl" "content/**/*.{md,mdx}"
