#!/usr/bin/env bash
# bench-ratio.sh [ROUNDS] [TEST_BINARY...]
# Issue 9's budget: the whole offline lint within 1.5x of a bare parse
# (read, adrg/frontmatter, goldmark GFM) of the benchmark site. Timings on a
# shared machine drift by +-20% from minute to minute, so each round runs
# BareParse and Lint/full back to back in one process and the ratio is taken
# within the round; the median of the rounds is printed. With several test
# binaries (go test -c ./lint), rounds alternate between them, for an A/B.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}; shift || true
site=${CONTENTLINT_BENCH_SITE:-/tmp/bench-site}
[ -d "$site/content" ] || bash "$repo/../shared/scripts/gen-site.sh" "$repo/../shared/corpora/docusaurus-website" "$site" 23 >&2
bins=("$@")
if [ ${#bins[@]} -eq 0 ]; then
	bins=("$(mktemp -d)/lint.test")
	(cd "$repo" && go test -c -o "${bins[0]}" ./lint)
fi
out=$(mktemp)
for ((r=1; r<=rounds; r++)); do
	for b in "${bins[@]}"; do
		(cd "$repo/lint" && CONTENTLINT_BENCH_SITE=$site "$b" -test.run '^$' \
			-test.bench 'BareParse$|^BenchmarkLint$/^full$' -test.benchtime 3x) |
			awk -v b="$b" '/^BenchmarkBareParse/ {p=$3} /^BenchmarkLint\/full/ {f=$3}
				END {printf "%s bare %.2f s full %.2f s ratio %.2f\n", b, p/1e9, f/1e9, f/p}' | tee -a "$out"
	done
done
for b in "${bins[@]}"; do
	grep -F "$b " "$out" | awk '{print $NF}' | sort -n |
		awk -v b="$b" '{x[NR]=$1} END {m=(NR%2 ? x[(NR+1)/2] : (x[NR/2]+x[NR/2+1])/2); printf "%s: median ratio %.2f of %d rounds (%.2f to %.2f)\n", b, m, NR, x[1], x[NR]}'
done
rm -f "$out"
