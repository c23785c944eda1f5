#!/usr/bin/env bash
# Exploratory fuzzing: run before submitting a change, never as a CI gate (a
# random find must not decide whether a submission lands). Each target runs
# for FUZZTIME (default 2m). Go saves every failing input under the
# package's testdata/fuzz/<Target>/; commit it together with the fix, and
# plain `go test` replays it from then on as a regression test.
#   bash .ci/fuzz-explore.sh                 all targets
#   FUZZTIME=30s bash .ci/fuzz-explore.sh FuzzFrontMatter
set -uo pipefail
cd "$(dirname "$0")/.."
FUZZTIME="${FUZZTIME:-2m}"
# package target
targets=(
  "./lint/ FuzzFrontMatter"
  "./lint/ FuzzDirectives"
  "./rules/ FuzzAdmonitionsDocusaurus"
  "./rules/ FuzzAdmonitionsMDC"
  "./rules/ FuzzPipeline"
)
failed=()
for t in "${targets[@]}"; do
  read -r pkg name <<<"$t"
  if [ $# -gt 0 ] && [[ ! " $* " == *" $name "* ]]; then continue; fi
  echo "== fuzz $name ($FUZZTIME)"
  if ! go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME"; then
    failed+=("$name")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found failures in: ${failed[*]}"
  echo "new inputs (commit them with the fix):"
  git status --porcelain --untracked-files=all -- '*/testdata/fuzz/*'
  exit 1
fi
echo "fuzzing found nothing new"
