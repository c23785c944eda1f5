#!/usr/bin/env bash
# Scale benchmark (not part of CI: minutes of work and 800 MB of disk).
# Makes the benchmark site at 1x, 4x and about 100k posts with gen-site.sh
# (23, 92 and 290 copies), then measures each with the CLI (wall, CPU, peak
# RSS from /usr/bin/time) and with BenchmarkLintScale (CPU per file). The
# size "flat" is 200,000 posts in one folder (gen-flat.sh), measured whole
# and as a one-file run with a warm index cache.
#   .ci/bench-scale.sh [SIZES]      # default "23 92 290 flat"
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
corpus="$repo/../shared/corpora/docusaurus-website"
declare -A dirs=([23]=/tmp/bench-site [92]=/tmp/bench-site-4x [290]=/tmp/bench-site-100k)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$repo" && go build -o "$work/contentlint" ./cmd/contentlint)
for n in ${1:-23 92 290 flat}; do
	if [ "$n" = flat ]; then
		site=/tmp/bench-flat
		[ -f "$site/content/posts/p-000123.md" ] || bash "$repo/.ci/gen-flat.sh" "$corpus" "$site" 200000 >&2
		export XDG_CACHE_HOME="$work/cache"
		for args in "content" "content/posts/p-000123.md" "content/posts/p-000123.md"; do
			(cd "$site" && /usr/bin/time -f "flat, 200000 files, contentlint --offline $args: wall %e s, cpu %U+%S s, peak RSS %M KiB" \
				"$work/contentlint" --offline $args >/dev/null 2>"$work/err" || true; tail -n 1 "$work/err")
		done
		unset XDG_CACHE_HOME
		continue
	fi
	site=${dirs[$n]:-/tmp/bench-site-$n}
	[ -d "$site/content" ] || bash "$repo/../shared/scripts/gen-site.sh" "$corpus" "$site" "$n" >&2
	files=$(find "$site/content" -type f | wc -l)
	(cd "$site" && "$work/contentlint" --offline content >/dev/null 2>&1 || true)
	(cd "$site" && /usr/bin/time -f "$n copies, $files files: wall %e s, cpu %U+%S s, peak RSS %M KiB" \
		"$work/contentlint" --offline content >/dev/null 2>"$work/err" || true; tail -n 1 "$work/err")
done
(cd "$repo" && CONTENTLINT_BENCH_SITE=${dirs[23]} CONTENTLINT_BENCH_SITE_4X=${dirs[92]} CONTENTLINT_BENCH_SITE_100K=${dirs[290]} \
	go test ./lint -run '^$' -bench LintScale -benchtime 1x)
