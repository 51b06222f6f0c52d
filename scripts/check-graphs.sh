#!/usr/bin/env bash
# Fails when the committed graphs/ differ from what the current code produces
# (scripts/regen-graphs.sh into a temporary folder, then diff). Exits 77 (ctest
# skip) when the shared corpus is absent.
#
# Usage: scripts/check-graphs.sh [BINARY [SHARED_DIR]]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$root/build/actorgraph}
shared=${2:-$root/../shared}
if [ ! -d "$shared/corpus/dev" ]; then
  echo "SKIPPED: shared corpus not found at $shared/corpus/dev"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$root/scripts/regen-graphs.sh" "$bin" "$shared" "$tmp/graphs" > /dev/null
if ! report=$(diff -r -q "$root/graphs" "$tmp/graphs"); then
  extra=$(printf '%s\n' "$report" | grep -c "^Only in $root/graphs" || true)
  changed=$(printf '%s\n' "$report" | grep -c "^Files " || true)
  missing=$(printf '%s\n' "$report" | grep -c "^Only in $tmp/graphs" || true)
  printf '%s\n' "$report" | head -n 10
  if [ "$extra" -gt 0 ]; then
    echo "graphs/ holds $extra files or folders that scripts/regen-graphs.sh does not write (output of another"
    echo "command written into graphs/?): remove them (git status graphs/; git clean -n graphs/)"
  fi
  if [ "$changed" -gt 0 ] || [ "$missing" -gt 0 ]; then
    echo "graphs/ is out of date ($changed files differ, $missing missing): run scripts/regen-graphs.sh $bin and commit graphs/"
  fi
  exit 1
fi
echo "graphs/ is up to date ($(find "$root/graphs" -type f | wc -l) files)"
