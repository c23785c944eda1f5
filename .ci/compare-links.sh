#!/usr/bin/env bash
# Times contentlint's external link check against linkinator and
# markdown-link-check on one workload: 1,500 unique URLs on 20 loopback
# servers that each take 30 ms to answer (cmd/slowserve, the same shape as
# BenchmarkSlowHosts). Each tool gets a fresh set of servers, which count the
# requests that arrive. The npm tools are installed into a temporary folder.
#
#   .ci/compare-links.sh            # needs go, node and npm
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

# start_servers launches slowserve and waits for its Markdown file.
start_servers() {
	rm -f "$site/links.md"
	"$work/slowserve" -out "$site/links.md" >"$work/serve.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 100); do
		[ -f "$site/links.md" ] && return 0
		sleep 0.1
	done
	echo "slowserve did not start" >&2
	cat "$work/serve.log" >&2
	exit 1
}

# stop_servers stops slowserve and prints the requests it received.
stop_servers() {
	kill -INT "$server_pid"
	wait "$server_pid" || true
	server_pid=""
	sed -n 's/^requests received: //p' "$work/serve.log"
}

# measure NAME CMD... runs CMD against fresh servers and prints a table row.
measure() {
	local name=$1
	shift
	start_servers
	local t0 t1 status=0
	t0=$(date +%s.%N)
	"$@" >"$work/out.log" 2>&1 || status=$?
	t1=$(date +%s.%N)
	local reqs
	reqs=$(stop_servers)
	printf '| %s | %.2f s | %s | %s |\n' "$name" "$(echo "$t1 - $t0" | bc)" "$reqs" "$status"
	if [ "$status" -ne 0 ]; then tail -5 "$work/out.log" | sed 's/^/    /' >&2; fi
}

write_config() {
	printf 'preset: none\nlinks:\n  allowPrivate: true\n%s' "$1" >"$site/.contentlint.yml"
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p'), node $(node --version)"
echo
echo "| tool | wall time | requests | exit |"
echo "|---|---|---|---|"
write_config ""
measure "contentlint (defaults: concurrency 32, perHost 4)" "$work/contentlint" --no-cache "$site"
write_config $'  concurrency: 160\n  perHost: 8\n'
measure "contentlint (concurrency 160, perHost 8)" "$work/contentlint" --no-cache "$site"
measure "$("$bin/linkinator" --version 2>/dev/null | sed 's/^/linkinator /') (defaults: concurrency 100)" \
	"$bin/linkinator" "$site/links.md" --markdown
measure "markdown-link-check $("$bin/markdown-link-check" --version) (defaults)" \
	"$bin/markdown-link-check" -q "$site/links.md"
