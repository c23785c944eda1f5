#!/usr/bin/env bash
# SARIF acceptance by real consumers, for every site under testdata/:
#  - Microsoft's SARIF multitool validates contentlint's SARIF with the SARIF
#    rules and GitHub's ingestion rules: zero errors and zero warnings;
#  - reviewdog (-f=sarif -reporter=local) reads it and places every result at
#    the file and line of contentlint's text output.
# Needs: go, jq, git, node; SARIF_MULTITOOL_DIR (npm prefix holding
# @microsoft/sarif-multitool) and reviewdog on PATH, as .ci/run installs them.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
mt_dir=${SARIF_MULTITOOL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/contentlint-ci/sarif-multitool}
# The npm wrapper re-parses its arguments with a shell (so "Sarif;Gh" would be
# split): call the platform binary it points to instead.
mt=$(cd "$mt_dir" && node -p 'require("@microsoft/sarif-multitool")')
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/contentlint" "$repo/cmd/contentlint"

# A git repository holding copies of the sites: reviewdog resolves paths
# against the git root, as it does in a CI checkout.
ws="$work/ws"
mkdir -p "$ws/sites"
cp -R "$repo/testdata/site" "$ws/sites/site"
for d in "$repo"/testdata/sites/*/; do
  [ -d "$d" ] && cp -R "$d" "$ws/sites/$(basename "$d")"
done
git -C "$ws" init -q
git -C "$ws" add -A
git -C "$ws" -c user.name=ci -c user.email=ci@localhost commit -qm sites

# validate FILE: multitool findings at level error or warning (a result without
# a level is a warning). The option order matters to its parser: the input
# first, --rule-kind last.
validate() {
  local out="$work/validation.sarif"
  "$mt" validate "$1" -o "$out" --log ForceOverwrite --rich-return-code --level "Error;Warning" --rule-kind "Sarif;Gh" >"$work/mt.log" 2>&1 || {
    cat "$work/mt.log"; echo "sarif-multitool failed on $1" >&2; return 2; }
  jq -r '.runs[].results[]? | select((.level // "warning") == "error" or (.level // "warning") == "warning")
    | "\(.ruleId) \(.level // "warning") \(.message.id // ""): \(.message.arguments // [] | join(" | "))"' "$out"
}

# key FILE: the sorted file:line:column of each finding in text output.
text_keys() { sed -E 's/^([^:]+:[0-9]+:[0-9]+): .*/\1/' "$1" | sort; }

status=0
checked=0
for site in "$ws"/sites/*/; do
  name=$(basename "$site")
  bad=0
  sarif="$work/$name.sarif"
  text="$work/$name.txt"
  rc=0
  (cd "$ws" && "$work/contentlint" --offline --fail-on never --format sarif --output "$sarif" --also "text=$text" "sites/$name") || rc=$?
  if [ "$rc" -ne 0 ]; then echo "FAIL $name: contentlint exited $rc"; bad=1 status=1; continue; fi
  n=$(jq '[.runs[].results[]] | length' "$sarif")
  if [ "$n" -ne "$(wc -l <"$text")" ]; then echo "FAIL $name: $n SARIF results but $(wc -l <"$text") text findings"; bad=1 status=1; fi

  # 1. multitool: zero errors and warnings.
  problems=$(validate "$sarif") || { bad=1 status=1; continue; }
  if [ -n "$problems" ]; then echo "FAIL $name: sarif-multitool:"; echo "$problems"; bad=1 status=1; fi

  # 2. reviewdog reads every result.
  got=$(cd "$ws" && reviewdog -f=sarif -reporter=local -filter-mode=nofilter <"$sarif" | grep -c . || true)
  if [ "$got" -ne "$n" ]; then echo "FAIL $name: reviewdog -reporter=local reported $got of $n results"; bad=1 status=1; fi

  # 3. reviewdog places each at contentlint's file and line: a diff that adds
  # exactly the lines of the text findings keeps every result under
  # -filter-mode=added, and the lines just below them keep none (leaving out
  # lines that any finding's range covers: reviewdog keeps a multi-line
  # result when one of its lines is added).
  text_keys "$text" | awk -F: '{print $1 ":" $2}' | sort -u >"$work/lines"
  jq -r '.runs[].results[].locations[0].physicalLocation | .artifactLocation.uri as $u
    | .region | range(.startLine; (.endLine // .startLine) + 1) | "\($u):\(.)"' "$sarif" | sort -u >"$work/covered"
  awk -F: '{print $1 ":" $2 + 1}' "$work/lines" | sort -u | comm -23 - "$work/covered" >"$work/below"
  diff_for() { # $1: file of path:line
    sort -t: -k1,1 -k2,2n "$1" | awk -F: '
      $1 != f { f = $1; printf "diff --git a/%s b/%s\n--- a/%s\n+++ b/%s\n", f, f, f, f }
      { printf "@@ -%d,0 +%d,1 @@\n+finding\n", $2 - 1, $2 }'
  }
  diff_for "$work/lines" >"$work/added.diff"
  diff_for "$work/below" >"$work/shifted.diff"
  kept=$(cd "$ws" && reviewdog -f=sarif -reporter=local -filter-mode=added -diff="cat $work/added.diff" <"$sarif" | grep -c . || true)
  shifted=$(cd "$ws" && reviewdog -f=sarif -reporter=local -filter-mode=added -diff="cat $work/shifted.diff" <"$sarif" | grep -c . || true)
  if [ "$kept" -ne "$n" ]; then echo "FAIL $name: only $kept of $n results land on the lines of contentlint's text output"; bad=1 status=1; fi
  if [ "$n" -gt 0 ] && [ "$shifted" -ne 0 ]; then echo "FAIL $name: $shifted results kept by a diff of the lines below the findings"; bad=1 status=1; fi

  # 4. and at the same column (reviewdog's own rdjsonl view of the SARIF; it
  # omits column 1, the SARIF default).
  (cd "$ws" && reviewdog -f=sarif -reporter=rdjsonl -filter-mode=nofilter <"$sarif") |
    jq -r '"\(.location.path):\(.location.range.start.line):\(.location.range.start.column // 1)"' | sort >"$work/rd.keys"
  if ! diff -u <(text_keys "$text") "$work/rd.keys" >"$work/keys.diff"; then
    echo "FAIL $name: reviewdog positions differ from contentlint's text output:"; cat "$work/keys.diff"; bad=1 status=1
  fi
  if [ "$bad" -eq 0 ]; then
    echo "ok   $name: $n results; multitool clean; reviewdog read $got and placed $kept on their lines, none on the $(wc -l <"$work/below") lines below"
  fi
  checked=$((checked + 1))
done

# The checks must be able to fail: a SARIF without rule help and with absolute
# paths is rejected by the GitHub and SARIF rules.
jq 'del(.runs[0].tool.driver.rules[].help)
  | .runs[0].results[].locations[].physicalLocation.artifactLocation.uri |= "/" + .' \
  "$work/site.sarif" >"$work/broken.sarif"
broken=$(validate "$work/broken.sarif" || true)
if ! grep -q '^GH' <<<"$broken" || ! grep -q '^SARIF1004' <<<"$broken"; then
  echo "FAIL negative control: sarif-multitool accepted a SARIF without help and with absolute paths:"; echo "$broken"; status=1
fi

[ "$checked" -gt 0 ] || { echo "FAIL: no testdata site checked"; status=1; }
exit "$status"
