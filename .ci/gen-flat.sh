#!/usr/bin/env bash
# gen-flat.sh SRC_DIR OUT_DIR COUNT
# Writes COUNT posts into one folder, OUT_DIR/content/posts/p-NNNNNN.md, by
# cycling through the .md files of a real corpus: the scale case of a blog
# that keeps every post in one folder. Bash builtins only, so 200,000 files
# take seconds rather than a fork each.
set -euo pipefail
src=$1 out=$2 count=${3:-200000}
rm -rf "$out"; mkdir -p "$out/content/posts" "$out/static"
mapfile -t files < <(cd "$src" && find . -name '*.md' -not -path './static/*' | sort)
bodies=()
for f in "${files[@]}"; do bodies+=("$(<"$src/$f")"); done
n=${#bodies[@]}
for ((i=0; i<count; i++)); do
  printf -v name '%s/content/posts/p-%06d.md' "$out" "$i"
  printf '%s\n' "${bodies[i % n]}" >"$name"
done
echo "$count files in one folder, $(du -sh "$out/content" | cut -f1)"
