#!/usr/bin/env bash
# Oracle tests: real generators build the fixtures under testdata/oracle and
# their output is compared with `contentlint routes`. A missing generator
# fails here (it only skips in a plain `go test ./...`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/oracle-install.sh
CONTENTLINT_ORACLE=required go test -count=1 -timeout 40m ./lint/oracle/...
CONTENTLINT_ORACLE=required go test -count=1 -run '^TestOracle' ./lint/slug/
