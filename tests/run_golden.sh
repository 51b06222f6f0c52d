#!/usr/bin/env bash
# Golden end-to-end test: runs the real binary on every tests/golden/NAME.txt and
# diffs its output with NAME.expected.json / NAME.expected.dot. With --update, rewrites them.
set -euo pipefail
bin=$1
dir=$2
update=${3:-}
fail=0
n=0
for txt in "$dir"/*.txt; do
  base=${txt%.txt}
  for fmt in json dot; do
    exp="$base.expected.$fmt"
    [ -f "$exp" ] || [ "$update" = "--update" ] || continue
    out=$(mktemp)
    # Rule ids carry data-file line numbers, which move with every new rule, and the
    # generator names the commit: not compared.
    (cd "$dir" && "$bin" extract "$(basename "$txt")" --format "$fmt") | grep -v '"rule": \|"generator": ' > "$out"
    if [ "$update" = "--update" ]; then
      cp "$out" "$exp"
    elif ! diff -u "$exp" "$out"; then
      echo "golden mismatch: $exp"
      fail=1
    fi
    rm -f "$out"
    n=$((n + 1))
  done
done
echo "golden files checked: $n"
[ "$n" -gt 0 ] || { echo "no golden files"; exit 1; }
exit $fail
