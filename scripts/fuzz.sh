#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan, build-fuzz/) and runs each for
# SECONDS (default 60), one after the other at low priority:
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: article dot_reader json_graph jsonl dict render store
#
# Each target starts from its seeds in fuzz/corpus/TARGET/ (small inputs written for
# this project) plus the corpus it grew in earlier runs (build-fuzz/fuzz-corpus/TARGET/,
# not committed). A crash, a leak, undefined behaviour or an input slower than 10 s
# stops that target and leaves the input in build-fuzz/fuzz-artifacts/TARGET/: copy
# it to fuzz/regressions/TARGET/NAME (NAME says what it found), fix the bug, and
# tests/test_regression_fuzz.cpp replays it in every test run from then on.
# Executions and time per run are appended to build-fuzz/fuzz-stats.tsv.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(article dot_reader json_graph jsonl dict render store)
build=${ACTORGRAPH_FUZZ_BUILD:-$root/build-fuzz}

command -v clang++ > /dev/null || { echo "fuzz.sh: needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
mkdir -p "$build"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DACTORGRAPH_FUZZ=ON -DBUILD_TESTING=OFF > "$build/fuzz-configure.log" 2>&1 ||
  { cat "$build/fuzz-configure.log" >&2; exit 2; }
nice -n 10 cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' "${targets[@]}") > /dev/null

declare -A dict=([article]=article [dot_reader]=dot [json_graph]=json [jsonl]=json [dict]=dict [render]=dot [store]=store)
declare -A max_len=([article]=16384 [dot_reader]=8192 [json_graph]=8192 [jsonl]=8192 [dict]=4096 [render]=8192 [store]=65536)
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
stats=$build/fuzz-stats.tsv
[ -f "$stats" ] || printf 'date\ttarget\tseconds\texecutions\tcorpus\tresult\n' > "$stats"
failed=()
for t in "${targets[@]}"; do
  work=$build/fuzz-corpus/$t
  artifacts=$build/fuzz-artifacts/$t/
  mkdir -p "$work" "$artifacts"
  log=$build/fuzz-$t.log
  echo "== fuzz_$t for ${secs}s"
  set +e
  nice -n 10 "$build/fuzz/fuzz_$t" "$work" "$root/fuzz/corpus/$t" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -max_len="${max_len[$t]}" -dict="$root/fuzz/dicts/${dict[$t]}.dict" \
    -artifact_prefix="$artifacts" -print_final_stats=1 > "$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  corpus=$(ls "$work" | wc -l)
  result=ok
  if [ "$rc" != 0 ]; then
    result="crash: $(ls -t "$artifacts" | head -1)"
    failed+=("$t")
    grep -m1 -E "ERROR: |runtime error|terminate called|what\(\)" "$log" || true
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$t" "$secs" "${execs:-0}" "$corpus" "$result" >> "$stats"
  echo "   ${execs:-0} executions, corpus $corpus, $result (log: $log)"
done

echo "== totals (all runs in $stats)"
awk -F'\t' 'NR > 1 { s[$2] += $3; e[$2] += $4 } END { for (t in s) printf "   %-11s %7.1f min %12d executions\n", t, s[t] / 60, e[t] }' "$stats" | sort
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: findings in: ${failed[*]} (inputs in $build/fuzz-artifacts/)" >&2
  exit 1
fi
