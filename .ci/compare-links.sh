#!/usr/bin/env bash
# Times contentlint's external link check against linkinator and
# markdown-link-check on two workloads of 1,500 unique URLs on 20 loopback
# servers that each take 30 ms to answer (cmd/slowserve, internal/linkfarm):
# "ok", where every URL answers 200 (BenchmarkSlowHosts), and "mix", where
# 10% are dead (500 or a reset connection) and some fail once with 503 or
# 429 + Retry-After (BenchmarkFailureMix). Each tool gets a fresh set of
# servers, which count the requests that arrive, and each tool's broken URLs
# are compared with the ones that are really dead (false positives and
# negatives). The npm tools are installed into a temporary folder.
#
#   .ci/compare-links.sh            # needs go, node, npm and jq
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
	if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
	rm -rf "$work"
}
trap cleanup EXIT

echo "building contentlint and slowserve..." >&2
(cd "$repo" && go build -o "$work/contentlint" ./cmd/contentlint && go build -o "$work/slowserve" ./cmd/slowserve)

# linkinator 7 and later need Node 22; 6.x is the last line for older Node.
node_major=$(node -p 'process.versions.node.split(".")[0]')
linkinator=linkinator@8
if [ "$node_major" -lt 22 ]; then linkinator=linkinator@6; fi
echo "installing $linkinator and markdown-link-check@3 into $work/npm..." >&2
mkdir -p "$work/npm"
(cd "$work/npm" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "$linkinator" markdown-link-check@3 >&2)
bin="$work/npm/node_modules/.bin"

site="$work/site"
mkdir -p "$site"

# start_servers [-mix] launches slowserve and waits for its Markdown file.
start_servers() {
	rm -f "$site/links.md"
	"$work/slowserve" "$@" -out "$site/links.md" -dead "$work/dead.txt" >"$work/serve.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		[ -f "$site/links.md" ] && return 0
		sleep 0.1
	done
	echo "slowserve did not start" >&2
	cat "$work/serve.log" >&2
	exit 1
}

# stop_servers stops slowserve and sets reqs to the requests it received.
# It runs in this shell, not in $(...), so that wait can reap slowserve.
stop_servers() {
	kill -INT "$server_pid" || echo "slowserve had stopped early" >&2
	wait "$server_pid" || true
	server_pid=""
	reqs=$(sed -n 's/^requests received: //p' "$work/serve.log")
	if [ -z "$reqs" ]; then tail -20 "$work/serve.log" >&2; fi
}

# broken TOOL lists the URLs a tool's output in $work/out.log reports broken.
broken() {
	case $1 in
	contentlint) jq -r '.findings[] | select(.rule == "link-dead") | .properties.url' "$work/out.log" ;;
	linkinator) jq -r '.links[] | select(.state == "BROKEN") | .url' "$work/out.log" ;;
	markdown-link-check) sed -n 's/^ *\[✖\] \([^ ]*\).*/\1/p' "$work/out.log" ;;
	esac | sort -u
}

# measure WORKLOAD TOOL NAME CMD... runs CMD against fresh servers and prints
# a table row: wall time, requests, exit status, false positives, false
# negatives.
measure() {
	local workload=$1 tool=$2 name=$3
	shift 3
	local flags=()
	if [ "$workload" = mix ]; then flags=(-mix); fi
	start_servers "${flags[@]}"
	local t0 t1 status=0
	t0=$(date +%s.%N)
	"$@" >"$work/out.log" 2>"$work/err.log" || status=$?
	t1=$(date +%s.%N)
	stop_servers
	broken "$tool" >"$work/broken.txt"
	sort -u "$work/dead.txt" >"$work/dead.sorted"
	local fp fn
	fp=$(comm -13 "$work/dead.sorted" "$work/broken.txt" | wc -l)
	fn=$(comm -23 "$work/dead.sorted" "$work/broken.txt" | wc -l)
	printf '| %s | %s | %.2f s | %s | %s | %s | %s |\n' "$workload" "$name" "$(echo "$t1 - $t0" | bc)" "$reqs" "$status" "$fp" "$fn"
	if [ "$status" -gt 1 ]; then tail -5 "$work/err.log" | sed 's/^/    /' >&2; fi
}

write_config() {
	printf 'preset: none\nlinks:\n  allowPrivate: true\n%s' "$1" >"$site/.contentlint.yml"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), node $(node --version)"
echo
echo "| workload | tool | wall time | requests | exit | false positives | false negatives |"
echo "|---|---|---|---|---|---|---|"
lk="$("$bin/linkinator" --version 2>/dev/null | sed 's/^/linkinator /')"
mlc="markdown-link-check $("$bin/markdown-link-check" --version)"
write_config ""
measure ok contentlint "contentlint (defaults)" "$work/contentlint" --no-cache --format json "$site"
write_config $'  concurrency: 160\n  perHost: 8\n'
measure ok contentlint "contentlint (concurrency 160, perHost 8)" "$work/contentlint" --no-cache --format json "$site"
measure ok linkinator "$lk (defaults: concurrency 100)" "$bin/linkinator" "$site/links.md" --markdown --format json
measure ok markdown-link-check "$mlc (defaults)" "$bin/markdown-link-check" -q "$site/links.md"
# The mix needs retries to be exact: linkinator retries only when asked,
# with the same count as contentlint's default.
write_config ""
measure mix contentlint "contentlint (defaults)" "$work/contentlint" --no-cache --format json "$site"
measure mix linkinator "$lk (--retry --retry-errors --retry-errors-count 3)" \
	"$bin/linkinator" "$site/links.md" --markdown --format json --retry --retry-errors --retry-errors-count 3
measure mix linkinator "$lk (defaults: no retries)" "$bin/linkinator" "$site/links.md" --markdown --format json
