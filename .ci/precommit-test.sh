#!/usr/bin/env bash
# The pre-commit hooks, run by the real pre-commit on a throwaway site: a
# broken post fails the hook with contentlint's message, the fixed post
# passes, only the given files are reported, .mdx files are hooked, and the
# link-checking hook runs only in the manual stage.
#
# pre-commit try-repo builds this repository's HEAD (plus uncommitted changes
# to tracked files) with `go install ./...` (language: golang), so it needs
# the Go module proxy; the Go caches are shared so that only the first build
# of a run compiles.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (.ci/run installs it with apt-get)" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
# pre-commit points GOPATH at its own environment and deletes its pkg/ after
# the install: keep the module and build caches outside it.
export GOMODCACHE GOCACHE
GOMODCACHE=$(go env GOMODCACHE)
GOCACHE=$(go env GOCACHE)
export PRE_COMMIT_HOME="$work/pre-commit-home" PRE_COMMIT_COLOR=never
# try-repo commits uncommitted changes into a shadow clone: give it a name.
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@localhost GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@localhost

site="$work/site"
mkdir -p "$site/posts"
cd "$site"
git init -q
cat >.contentlint.yml <<'EOF'
content: [posts]
EOF
cat >posts/hello.md <<'EOF'
---
title: Hello
---

See [the next post](/second) for more.
EOF
cat >posts/second.md <<'EOF'
---
title: Second
---

Second post.
EOF
cat >posts/broken.md <<'EOF'
---
date: 2024-02-01
---

This post has no title.
EOF
cat >posts/also-broken.md <<'EOF'
---
draft: false
---

Not staged in this commit, so never reported.
EOF
cat >posts/component.mdx <<'EOF'
---
description: An MDX post without a title.
---

<Note>MDX</Note>
EOF
git add -A

status=0
# try HOOK EXPECTED_EXIT ARGS...: run one hook through try-repo.
try() {
  local hook=$1 want=$2 rc=0
  shift 2
  pre-commit try-repo "$repo" "$hook" "$@" >"$work/out" 2>&1 || rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $hook $*: exit $rc, want $want"; cat "$work/out"; status=1; return 1
  fi
}
expect() { # grep pattern that must be in the last output
  if ! grep -Eq -- "$1" "$work/out"; then echo "FAIL: output lacks /$1/:"; cat "$work/out"; status=1; fi
}
reject() {
  if grep -Eq -- "$1" "$work/out"; then echo "FAIL: output has /$1/:"; cat "$work/out"; status=1; fi
}

# A broken post fails with contentlint's message; the other broken post is
# not given, so it is not reported.
if try contentlint 1 --files posts/broken.md posts/hello.md; then
  expect '^contentlint\.+Failed'
  expect '^posts/broken\.md:1:1: error: .*title.* \(frontmatter-required\)$'
  reject 'also-broken\.md'
  reject 'hello\.md:'
  echo "ok   broken post fails the hook with contentlint's message"
fi

# The fixed post passes; hello.md links to second.md, which is not given but
# indexed.
sed -i 's/^date: 2024-02-01$/title: Fixed\ndate: 2024-02-01/' posts/broken.md
git add posts/broken.md
if try contentlint 0 --files posts/broken.md posts/hello.md; then
  expect '^contentlint\.+Passed'
  echo "ok   fixed post passes"
fi

# .mdx files are hooked (types_or: [markdown, mdx]).
if try contentlint 1 --files posts/component.mdx; then
  expect '^posts/component\.mdx:1:1: error: .*\(frontmatter-required\)$'
  echo "ok   .mdx posts are linted"
fi

# Files that are not Markdown are not passed to contentlint.
if try contentlint 0 --files .contentlint.yml; then
  expect '^contentlint\.+\(no files to check\)Skipped'
  echo "ok   other files are skipped"
fi

# contentlint-links is a manual-stage hook: skipped on commit, run on demand.
if try contentlint-links 1 --files posts/component.mdx; then
  expect 'No hook with id `contentlint-links` in stage'
  reject 'component\.mdx:'
fi
if try contentlint-links 1 --hook-stage manual --files posts/component.mdx; then
  expect '^contentlint \(with external links\)\.+Failed'
  expect '^posts/component\.mdx:1:1: error: .*\(frontmatter-required\)$'
  echo "ok   contentlint-links runs in the manual stage only"
fi

exit "$status"
