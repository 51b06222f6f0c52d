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
if ! diff -r -q "$root/graphs" "$tmp/graphs"; then
  echo "graphs/ is out of date: run scripts/regen-graphs.sh $bin and commit graphs/"
  exit 1
fi
echo "graphs/ is up to date ($(find "$root/graphs" -type f | wc -l) files)"
