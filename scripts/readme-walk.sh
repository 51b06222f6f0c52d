#!/usr/bin/env bash
# Follows the README as a new user would: runs every command line of its ```sh
# blocks, in order, in a scratch copy of the repository (a fresh clone: no
# outputs of earlier runs), with build/ and ../shared linked in. Fails on the
# first line that exits non-zero (unless its comment says "exit N" and it exits N).
# Skipped: set-up, ctest, benchmarks, training (writes data/), the check split,
# and the tools that are not part of the set-up (GNU parallel, Hadoop, Spark).
#
# Usage: scripts/readme-walk.sh [BINARY_DIR [SHARED_DIR]]   (exit 77: no shared corpus)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${2:-$root/../shared}
[ -x "$build/actorgraph" ] || { echo "readme-walk: no binary at $build/actorgraph" >&2; exit 1; }
[ -d "$shared/corpus/dev" ] || { echo "SKIPPED: shared corpus not found at $shared"; exit 77; }
shared=$(cd "$shared" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/repo"
# The committed files only, as a clone has them.
(cd "$root" && git ls-files -z | xargs -0 tar cf - 2>/dev/null) | (cd "$work/repo" && tar xf -)
ln -s "$build" "$work/repo/build"
ln -s "$shared" "$work/shared"

skip='scripts/setup.sh|^ctest|scripts/bench.sh|actorgraph_bench|actorgraph train|corpus/check|parallel |hadoop|^  -input|^# |scripts/miss-classes|cmake --install|^man '
n=0
fail=0
while IFS= read -r line; do
  [ -n "$line" ] || continue
  if printf '%s\n' "$line" | grep -Eq "$skip"; then continue; fi
  want=0
  if [[ $line =~ \#\ exit\ ([0-9]) ]]; then want=${BASH_REMATCH[1]}; fi
  n=$((n + 1))
  (cd "$work/repo" && ACTORGRAPH_DB= bash -c "$line" > "$work/out" 2> "$work/err" < /dev/null)
  rc=$?
  if [ "$rc" != "$want" ]; then
    echo "readme-walk: exit $rc (want $want): $line"
    head -n 5 "$work/err"
    fail=1
  fi
done < <(awk '/^```sh$/ {on=1; next} /^```/ {on=0} on' "$root/README.md")
echo "readme-walk: $n README command lines run in a fresh copy"
exit $fail
