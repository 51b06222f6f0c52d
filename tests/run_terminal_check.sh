#!/usr/bin/env bash
# PNG and PDF are never written to a terminal: under a pseudo-terminal (script(1), from
# util-linux) `extract -f png` with no -o is a usage error (exit 2) with a hint, while
# the same command with stdout redirected writes the PNG.
#   tests/run_terminal_check.sh BINARY
set -uo pipefail
bin=$(realpath "$1")
command -v script >/dev/null || { echo "SKIPPED: no script(1)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'Peru kritisierte Chile scharf.\n' > "$work/a.txt"
for fmt in png pdf; do
  out=$(script -qec "$bin extract $work/a.txt -f $fmt; echo exit=\$?" /dev/null 2>&1)
  if ! grep -q "exit=2" <<<"$out" || ! grep -q "$fmt is binary and standard output is a terminal" <<<"$out"; then
    echo "FAIL: $fmt to a terminal: $out" | head -c 400; exit 1
  fi
  "$bin" extract "$work/a.txt" -f "$fmt" > "$work/a.$fmt" || { echo "FAIL: $fmt redirected"; exit 1; }
  [ -s "$work/a.$fmt" ] || { echo "FAIL: empty $fmt"; exit 1; }
done
echo "binary formats refused on a terminal, written when redirected"
