#!/usr/bin/env bash
# Speed and memory benchmark (issue 7, docs/PERFORMANCE.md). Builds Release, then
#  1. replicates the JSONL corpora of the corpus directory to >= --mb MB and runs
#     `actorgraph extract --jsonl FILE --format events -o /dev/null` with --jobs 1 and
#     with all cores, next to `wc -w` over the same bytes as a floor: MB/s by wall and
#     by CPU time, articles/s, sentences/s, peak RSS, ratio to wc -w; and, in the same
#     run, two independent --jobs 1 processes side by side on the two halves of the
#     corpus (what the machine itself allows two cores to do); the load average is
#     sampled after every run;
#  2. the same with a doubled dictionary (every built-in actor and rule row copied
#     under renamed codes and forms, via `actorgraph data dump`): the cost per token
#     must not grow with the dictionary, and the events must not change;
#  3. the latency of one short article from process start (hyperfine if installed);
#  4. pathological inputs at growing sizes (a long article, a sentence without
#     punctuation, one actor name repeated): time and memory must grow linearly;
#  5. with --tabari 'COMMAND' (optional; TABARI is never part of the project): runs
#     COMMAND through bash with $TABARI_TEXT set to a file of the English bench
#     articles' texts (one paragraph each) and times it beside actorgraph on the same
#     articles.
# Prints a Markdown report on stdout (and into --out FILE).
#
# usage: scripts/bench.sh [--quick] [--mb N] [--runs N] [--build-dir DIR]
#                         [--corpus DIR] [--no-build] [--no-patho] [--out FILE]
#                         [--tabari 'COMMAND']
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BUILD=$ROOT/build-bench
CORPUS=$ROOT/../shared/bench
MB=50
RUNS=3
BUILD_IT=1
PATHO=1
OUT=""
QUICK=0
TABARI=""
PATHO_TIMEOUT=60          # seconds per pathological run
PATHO_MEM_KB=$((3 * 1024 * 1024))  # address-space cap per pathological run (3 GiB)

while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1; MB=10; RUNS=1; PATHO_TIMEOUT=20 ;;
    --mb) MB=$2; shift ;;
    --runs) RUNS=$2; shift ;;
    --build-dir) BUILD=$2; shift ;;
    --corpus) CORPUS=$2; shift ;;
    --no-build) BUILD_IT=0 ;;
    --no-patho) PATHO=0 ;;
    --out) OUT=$2; shift ;;
    --tabari) TABARI=$2; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "bench.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

die() { echo "bench.sh: $*" >&2; exit 1; }
log() { echo "bench.sh: $*" >&2; }
[ -x /usr/bin/time ] || die "/usr/bin/time missing: apt-get install time (scripts/setup.sh installs it)"
ls "$CORPUS"/*.jsonl >/dev/null 2>&1 || die "no *.jsonl corpora in $CORPUS (use --corpus DIR)"

if [ "$BUILD_IT" = 1 ]; then
  log "building Release in $BUILD"
  mkdir -p "$BUILD"
  BUILD_LOG=$BUILD/bench-build.log
  cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release > "$BUILD_LOG" 2>&1 &&
    cmake --build "$BUILD" -j"$(nproc)" --target actorgraph >> "$BUILD_LOG" 2>&1 ||
    { tail -30 "$BUILD_LOG" >&2; die "build failed (log: $BUILD_LOG)"; }
  cmake --build "$BUILD" -j"$(nproc)" --target actorgraph_bench_corpus >> "$BUILD_LOG" 2>&1 || true
fi
AG=$BUILD/actorgraph
DRIVER=$BUILD/actorgraph_bench_corpus
[ -x "$AG" ] || die "$AG not built"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# ---------------------------------------------------------------------------
# helpers

now_ns() { date +%s%N; }
# run_timed NAME CMD...: runs CMD, sets WALL (s), RSS (KB), USER, SYS (s), RC.
run_timed() {
  local name=$1; shift
  local t0 t1
  t0=$(now_ns)
  set +e
  /usr/bin/time -o "$TMP/$name.time" -f "%M %U %S" "$@" >/dev/null 2>"$TMP/$name.err"
  RC=$?
  set -e
  t1=$(now_ns)
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r RSS USER SYS < <(tail -1 "$TMP/$name.time" | awk 'NF == 3 { print; next } { print "0 0 0" }')
}
# best_of N NAME CMD...: the run with the smallest wall time of N (other load on the
# machine only ever slows a run down); sets WALL RSS USER SYS RC.
best_of() {
  local n=$1 name=$2; shift 2
  local bw="" br bu bs
  for _ in $(seq "$n"); do
    run_timed "$name" "$@"
    [ "$RC" = 0 ] || { cat "$TMP/$name.err" >&2; die "$name failed (exit $RC): $*"; }
    if [ -z "$bw" ] || awk -v a="$WALL" -v b="$bw" 'BEGIN { exit !(a < b) }'; then
      bw=$WALL; br=$RSS; bu=$USER; bs=$SYS
    fi
  done
  WALL=$bw; RSS=$br; USER=$bu; SYS=$bs
}
# The 1-minute load average now; LOADS collects one sample per run.
LOADS=""
sample_load() { LOADS+="$(cut -d' ' -f1 /proc/loadavg) "; }
div() { awk -v a="$1" -v b="$2" -v f="${3:-%.1f}" 'BEGIN { if (b > 0) printf f, a / b; else printf "n/a" }'; }
mb() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1e6 }'; }

# The extract command: the CLI when it streams JSONL events, else the library driver.
EXTRACT_KIND=cli
printf '{"id":"probe","lang":"en","text":"Russia criticised Ukraine."}\n' > "$TMP/probe.jsonl"
if ! "$AG" extract --jsonl "$TMP/probe.jsonl" --format events -o /dev/null --jobs 1 --no-progress >/dev/null 2>&1; then
  [ -x "$DRIVER" ] || die "actorgraph extract has no --jsonl/events yet and $DRIVER is not built"
  EXTRACT_KIND=driver
fi
# extract_cmd JOBS [--dict FILE]... : prints nothing, sets CMD array
extract_cmd() {
  local jobs=$1 input=$2; shift 2
  if [ "$EXTRACT_KIND" = cli ]; then
    CMD=("$AG" extract --jsonl "$input" --format events -o /dev/null --jobs "$jobs" --no-progress "$@")
  else
    CMD=("$DRIVER" "$input" -o /dev/null --jobs "$jobs" "$@")
  fi
}

# ---------------------------------------------------------------------------
# machine

CPU=$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)
[ -n "$CPU" ] || CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
NPROC=$(nproc)
DATE=$(date -u +%Y-%m-%d)
COMMIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo "+uncommitted" || true)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------
# corpus: every JSONL file, replicated with fresh ids to >= MB megabytes

cat "$CORPUS"/*.jsonl > "$TMP/base.jsonl"
BASE_BYTES=$(stat -c %s "$TMP/base.jsonl")
COPIES=$(( (MB * 1000000 + BASE_BYTES - 1) / BASE_BYTES ))
: > "$TMP/corpus.jsonl"
for k in $(seq "$COPIES"); do
  sed -E "s/^\\{\"id\": ?\"/{\"id\": \"r$k-/" "$TMP/base.jsonl" >> "$TMP/corpus.jsonl"
done
BYTES=$(stat -c %s "$TMP/corpus.jsonl")
ARTICLES=$(grep -c . "$TMP/corpus.jsonl")
# Sentences are counted once on the base corpus by the library driver (same pipeline).
SENTENCES=""
if [ -x "$DRIVER" ]; then
  "$DRIVER" "$TMP/base.jsonl" -o /dev/null --jobs "$NPROC" 2> "$TMP/count.err" || true
  BASE_SENT=$(sed -n 's/.* sentences=\([0-9]*\).*/\1/p' "$TMP/count.err")
  [ -n "$BASE_SENT" ] && SENTENCES=$((BASE_SENT * COPIES))
fi
log "corpus: $(mb "$BYTES") MB, $ARTICLES articles, ${SENTENCES:-?} sentences ($COPIES copies of $(ls "$CORPUS"/*.jsonl | wc -l) files); driver: $EXTRACT_KIND"
cat "$TMP/corpus.jsonl" > /dev/null  # page cache: every run reads from memory

# ---------------------------------------------------------------------------
# throughput

best_of "$RUNS" wc wc -w "$TMP/corpus.jsonl"
WC_WALL=$WALL; WC_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')

extract_cmd 1 "$TMP/corpus.jsonl"
log "extract --jobs 1 ($RUNS runs)"
best_of "$RUNS" j1 "${CMD[@]}"
J1_WALL=$WALL; J1_RSS=$RSS; J1_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')
sample_load

extract_cmd "$NPROC" "$TMP/corpus.jsonl"
log "extract --jobs $NPROC ($RUNS runs)"
best_of "$RUNS" jn "${CMD[@]}"
JN_WALL=$WALL; JN_RSS=$RSS; JN_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')
sample_load

# The machine's own ceiling: NPROC independent --jobs 1 processes at once, each on
# its share of the lines, wall time from the first start to the last end.
split -n "l/$NPROC" -d "$TMP/corpus.jsonl" "$TMP/part."
log "$NPROC independent extract --jobs 1 processes on $NPROC parts ($RUNS runs)"
PAR_WALL=""
for _ in $(seq "$RUNS"); do
  t0=$(now_ns)
  pids=()
  for part in "$TMP"/part.*; do
    extract_cmd 1 "$part"
    "${CMD[@]}" >/dev/null 2>"$TMP/err.$(basename "$part")" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || die "an independent extract process failed"; done
  t1=$(now_ns)
  w=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  if [ -z "$PAR_WALL" ] || awk -v a="$w" -v b="$PAR_WALL" 'BEGIN { exit !(a < b) }'; then PAR_WALL=$w; fi
done
sample_load

# Doubled dictionary: every actor and rule row again, renamed so it cannot match text.
"$AG" data dump "$TMP/data" 2>/dev/null
mkdir -p "$TMP/dict2"
DICT_ARGS=()
for f in "$TMP"/data/actors/*.tsv "$TMP"/data/rules/*.tsv; do
  kind=$(basename "$(dirname "$f")")
  out="$TMP/dict2/$kind-$(basename "$f")"
  awk -v kind="$kind" 'BEGIN { FS = OFS = "\t" }
    NR == 1 || /^#/ || NF < 2 { print; next }
    {
      col = (kind == "actors") ? 5 : 2          # the form / the cue
      w = $col; if (kind == "rules" && substr(w, 1, 1) == "=") w = substr(w, 2)  # a lemma cue: a word
      sp = index(w, " "); if (sp == 0) sp = length(w) + 1
      end = sp - 1; if (substr(w, end, 1) == "*") end--
      $col = substr(w, 1, end) "q2" substr(w, end + 1)
      if (kind == "actors") $1 = "Q2" $1       # renamed code
      print
    }' "$f" > "$out"
  DICT_ARGS+=(--dict "$out")
done
DICT_ROWS=$(cat "$TMP"/dict2/*.tsv | grep -vc '^#')
extract_cmd 1 "$TMP/corpus.jsonl" "${DICT_ARGS[@]}"
log "extract --jobs 1 with the doubled dictionary ($RUNS runs)"
best_of "$RUNS" dict2 "${CMD[@]}"
D2_WALL=$WALL; D2_RSS=$RSS; D2_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')
sample_load
# Same events with and without the copies (on the base corpus).
if [ "$EXTRACT_KIND" = cli ]; then
  run_timed base_rss "$AG" extract --jsonl "$TMP/base.jsonl" --format events -o "$TMP/ev1.jsonl" --jobs "$NPROC" --no-progress
  BASE_RSS=$RSS
  "$AG" extract --jsonl "$TMP/base.jsonl" --format events -o "$TMP/ev2.jsonl" --jobs "$NPROC" --no-progress "${DICT_ARGS[@]}" 2>/dev/null || true
else
  run_timed base_rss "$DRIVER" "$TMP/base.jsonl" -o "$TMP/ev1.jsonl" --jobs "$NPROC"
  BASE_RSS=$RSS
  "$DRIVER" "$TMP/base.jsonl" -o "$TMP/ev2.jsonl" --jobs "$NPROC" "${DICT_ARGS[@]}" 2>/dev/null || true
fi
if cmp -s "$TMP/ev1.jsonl" "$TMP/ev2.jsonl"; then SAME_EVENTS="identical events"; else SAME_EVENTS="EVENTS DIFFER"; fi

# ---------------------------------------------------------------------------
# latency of one short article, dictionaries included

cat > "$TMP/short.txt" <<'EOF'
Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland verhängt. Frankreich
unterstützt die Entscheidung, sagte der Außenminister in Paris.
EOF
LAT_CMD="$AG extract $TMP/short.txt -o /dev/null"
if command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 5 --runs $([ "$QUICK" = 1 ] && echo 20 || echo 100) --export-json "$TMP/lat.json" "$LAT_CMD" >/dev/null 2>&1
  read -r LAT_MEAN LAT_MIN LAT_MAX < <(python3 -c '
import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.1f %.1f %.1f" % (r["mean"]*1e3, r["min"]*1e3, r["max"]*1e3))' "$TMP/lat.json")
  LAT_TOOL="hyperfine, $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["results"][0]["times"]))' "$TMP/lat.json") runs"
else
  n=50; t0=$(now_ns)
  for _ in $(seq $n); do $LAT_CMD; done
  t1=$(now_ns)
  LAT_MEAN=$(awk -v a="$t0" -v b="$t1" -v n=$n 'BEGIN { printf "%.1f", (b - a) / n / 1e6 }'); LAT_MIN="?"; LAT_MAX="?"
  LAT_TOOL="shell loop, $n runs"
fi
run_timed lat $LAT_CMD
LAT_RSS=$RSS
sample_load

# ---------------------------------------------------------------------------
# TABARI (optional, by command): the English articles, both programs, same run

TABARI_ROW=""
if [ -n "$TABARI" ]; then
  cat "$CORPUS"/en-*.jsonl > "$TMP/en.jsonl"
  python3 -c '
import json, sys
with open(sys.argv[1]) as f, open(sys.argv[2], "w") as out:
    for line in f:
        if line.strip(): out.write(json.loads(line)["text"].replace("\n\n", "\n") + "\n\n")' "$TMP/en.jsonl" "$TMP/en.txt"
  EN_ARTICLES=$(grep -c . "$TMP/en.jsonl")
  extract_cmd 1 "$TMP/en.jsonl"
  log "extract --jobs 1 on the English articles, then TABARI ($RUNS runs each)"
  best_of "$RUNS" en "${CMD[@]}"
  EN_WALL=$WALL; EN_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')
  export TABARI_TEXT="$TMP/en.txt"
  best_of "$RUNS" tabari bash -c "$TABARI"
  TB_WALL=$WALL; TB_CPU=$(awk -v u="$USER" -v s="$SYS" 'BEGIN { print u + s }')
  sample_load
  TABARI_ROW="- TABARI (\`$TABARI\`) on the $EN_ARTICLES English articles: $TB_WALL s wall, $TB_CPU s CPU; actorgraph --jobs 1 on the same articles: $EN_WALL s wall, $EN_CPU s CPU (TABARI's time / actorgraph's: $(div "$TB_WALL" "$EN_WALL" "%.2f") by wall, $(div "$TB_CPU" "$EN_CPU" "%.2f") by CPU; above 1 actorgraph is faster)."
fi

# ---------------------------------------------------------------------------
# pathological inputs: each at growing sizes; linear means time x2 per size x2

PATHO_ROWS=""
PATHO_FORMAT=$([ "$EXTRACT_KIND" = cli ] && echo events || echo json)
patho() {  # NAME FULL_SIZE UNIT STEPS GENERATOR-KIND
  local name=$1 full=$2 unit=$3 steps=$4 kind=$5
  local size prev="" ratio verdict="linear" i
  for i in $(seq $((steps - 1)) -1 0); do
    size=$((full >> i))
    python3 - "$kind" "$size" > "$TMP/patho.txt" <<'EOF'
import sys
kind, n = sys.argv[1], int(sys.argv[2])
de = ("Die Regierung in Berlin hat am Montag neue Sanktionen gegen Russland verhängt. "
      "Frankreich und Polen unterstützen die Ukraine mit Waffen, sagte der Minister. "
      "Der Kreml kritisierte die Entscheidung scharf und drohte mit Gegenmaßnahmen.\n\n")
words = "Russland kritisiert die Ukraine und Frankreich unterstützt Polen gegen China "
if kind == "article":          # n bytes of ordinary paragraphs
    out = de * (n // len(de) + 1)
elif kind == "sentence":       # n bytes without a single punctuation mark
    out = words * (n // len(words) + 1)
else:                          # n repetitions of one actor name
    out = "Russland " * n
sys.stdout.write(out)
EOF
    local bytes; bytes=$(stat -c %s "$TMP/patho.txt")
    local t0 t1
    t0=$(now_ns)
    set +e
    ( ulimit -v "$PATHO_MEM_KB"; exec timeout "$PATHO_TIMEOUT" /usr/bin/time -o "$TMP/patho.time" -f "%M" \
        "$AG" extract "$TMP/patho.txt" --lang de --format "$PATHO_FORMAT" -o /dev/null ) >/dev/null 2>"$TMP/patho.err"
    local rc=$?
    set -e
    t1=$(now_ns)
    local wall; wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
    local rss; rss=$(tail -1 "$TMP/patho.time" 2>/dev/null | awk '{ printf "%.0f", $1 / 1024 }')
    local note=""
    if [ "$rc" = 124 ]; then note="timeout > ${PATHO_TIMEOUT} s"; verdict="SUPERLINEAR (timeout)";
    elif [ "$rc" != 0 ]; then note="failed (exit $rc$(grep -q 'out of memory\|bad_alloc' "$TMP/patho.err" && echo ', out of memory'))"; verdict="FAILED";
    fi
    ratio=""
    if [ -n "$prev" ] && [ -z "$note" ]; then
      ratio=$(div "$wall" "$prev" "%.1f")
      # x2 input: up to x2.6 is linear plus noise, more is superlinear (x4 = quadratic)
      if awk -v r="$ratio" -v w="$wall" 'BEGIN { exit !(r > 2.6 && w > 0.3) }'; then verdict="SUPERLINEAR"; fi
    fi
    PATHO_ROWS+="| $name | $(mb "$bytes") MB ($size $unit) | ${note:-$wall s} | ${rss:-?} MB | ${ratio:+x$ratio} |"$'\n'
    log "pathological $name $size $unit: ${note:-$wall s}, ${rss:-?} MB"
    [ -z "$note" ] || break
    prev=$wall
  done
  PATHO_ROWS+="| **$name** | | **$verdict** | | |"$'\n'
}
if [ "$PATHO" = 1 ]; then
  if [ "$QUICK" = 1 ]; then
    patho "long article" 2500000 bytes 3 article
    patho "sentence without punctuation" 250000 bytes 3 sentence
    patho "one actor name repeated" 100000 names 3 names
  else
    patho "long article" 10000000 bytes 4 article
    patho "sentence without punctuation" 1000000 bytes 5 sentence
    patho "one actor name repeated" 100000 names 4 names
  fi
fi

# ---------------------------------------------------------------------------
# report

J1_MBS=$(div "$BYTES" "$(awk -v w="$J1_WALL" 'BEGIN { print w * 1e6 }')")
JN_MBS=$(div "$BYTES" "$(awk -v w="$JN_WALL" 'BEGIN { print w * 1e6 }')")
D2_MBS=$(div "$BYTES" "$(awk -v w="$D2_WALL" 'BEGIN { print w * 1e6 }')")
WC_MBS=$(div "$BYTES" "$(awk -v w="$WC_WALL" 'BEGIN { print w * 1e6 }')")
cpu_mbs() { div "$BYTES" "$(awk -v w="$1" 'BEGIN { print w * 1e6 }')"; }
sent_rate() { [ -n "$SENTENCES" ] && div "$SENTENCES" "$1" "%.0f" || echo "?"; }
{
  echo "## actorgraph benchmark, $DATE"
  echo
  echo "Machine: $CPU, nproc $NPROC, $(uname -sr); load average before the run: $LOAD."
  echo "Commit $COMMIT$DIRTY; extract via $([ "$EXTRACT_KIND" = cli ] && echo '`actorgraph extract --jsonl FILE --format events -o /dev/null --jobs N`' || echo 'bench/actorgraph_bench_corpus (library driver)'); best of $RUNS runs."
  echo "Corpus: $(mb "$BYTES") MB JSONL ($COPIES copies of $(ls "$CORPUS"/*.jsonl | xargs -n1 basename | tr '\n' ' '| sed 's/ $//')), $ARTICLES articles, ${SENTENCES:-?} sentences."
  echo
  echo "| run | wall s | CPU s | MB/s (wall) | MB/s per core (CPU) | articles/s | sentences/s | peak RSS MB | x wc -w |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  echo "| wc -w (floor) | $WC_WALL | $WC_CPU | $WC_MBS | $(cpu_mbs "$WC_CPU") | | | | 1 |"
  echo "| extract --jobs 1 | $J1_WALL | $J1_CPU | $J1_MBS | $(cpu_mbs "$J1_CPU") | $(div "$ARTICLES" "$J1_WALL" "%.0f") | $(sent_rate "$J1_WALL") | $(div "$J1_RSS" 1024 "%.0f") | $(div "$J1_WALL" "$WC_WALL") |"
  echo "| extract --jobs $NPROC | $JN_WALL | $JN_CPU | $JN_MBS | $(cpu_mbs "$JN_CPU") | $(div "$ARTICLES" "$JN_WALL" "%.0f") | $(sent_rate "$JN_WALL") | $(div "$JN_RSS" 1024 "%.0f") | $(div "$JN_WALL" "$WC_WALL") |"
  echo "| $NPROC independent --jobs 1 processes, one part each | $PAR_WALL | | $(div "$BYTES" "$(awk -v w="$PAR_WALL" 'BEGIN { print w * 1e6 }')") | | $(div "$ARTICLES" "$PAR_WALL" "%.0f") | $(sent_rate "$PAR_WALL") | | $(div "$PAR_WALL" "$WC_WALL") |"
  echo "| extract --jobs 1, doubled dictionary (+$DICT_ROWS rows) | $D2_WALL | $D2_CPU | $D2_MBS | $(cpu_mbs "$D2_CPU") | $(div "$ARTICLES" "$D2_WALL" "%.0f") | $(sent_rate "$D2_WALL") | $(div "$D2_RSS" 1024 "%.0f") | $(div "$D2_WALL" "$WC_WALL") |"
  echo
  echo "- Scaling: --jobs $NPROC is $(div "$J1_WALL" "$JN_WALL" "%.2f")x --jobs 1; $NPROC independent processes in the same run reach $(div "$J1_WALL" "$PAR_WALL" "%.2f")x (the machine's own ceiling): --jobs $NPROC reaches $(div "$PAR_WALL" "$JN_WALL" "%.2f") of the ceiling (target: --jobs 2 >= 1.6x one job on an idle machine). Wall times are the best of $RUNS; on a busy machine compare CPU s (user + sys, all threads)."
  echo "- One core by CPU time: $(cpu_mbs "$J1_CPU") MB/s; by wall time $J1_MBS MB/s. Time against \`wc -w\`: $(div "$J1_WALL" "$WC_WALL")x by wall, $(div "$J1_CPU" "$WC_CPU")x by CPU."
  echo "- Load average (1 min) before the run: $LOAD; after each run: ${LOADS% } (the machine is shared: a load above the $NPROC cores slows every figure)."
  echo "- Doubled dictionary: $(div "$D2_WALL" "$J1_WALL" "%.2f")x the wall time, $(div "$D2_CPU" "$J1_CPU" "%.2f")x the CPU time of the plain run ($SAME_EVENTS on the base corpus)."
  echo "- One short article from process start ($LAT_TOOL): mean $LAT_MEAN ms, min $LAT_MIN ms, max $LAT_MAX ms; peak RSS $(div "$LAT_RSS" 1024 "%.0f") MB (target <= 15 ms)."
  [ -z "$TABARI_ROW" ] || echo "$TABARI_ROW"
  BASE_ARTICLES=$(grep -c . "$TMP/base.jsonl")
  echo "- Memory against corpus size (--jobs $NPROC): $(div "$BASE_RSS" 1024 "%.0f") MB for $BASE_ARTICLES articles, $(div "$JN_RSS" 1024 "%.0f") MB for $ARTICLES: $(awk -v a="$BASE_RSS" -v b="$JN_RSS" -v n="$BASE_ARTICLES" -v m="$ARTICLES" 'BEGIN { if (m > n) printf "%.0f", (b - a) * 1024 / (m - n); else printf "n/a" }') bytes more per article (flat means about 0)."
  echo "- Targets: one core >= 15 MB/s and <= 8x wc -w; --jobs 2 >= 1.6x one job on an idle machine; cold start <= 15 ms; peak RSS <= 64 MB."
  if [ "$PATHO" = 1 ]; then
    echo
    echo "Pathological inputs (one article each, \`actorgraph extract FILE --lang de --format $PATHO_FORMAT\`, limits ${PATHO_TIMEOUT} s and $((PATHO_MEM_KB / 1024 / 1024)) GiB; each step doubles the input):"
    echo
    echo "| input | size | wall | peak RSS | time ratio to previous size |"
    echo "| --- | --- | ---: | ---: | ---: |"
    printf '%s' "$PATHO_ROWS"
  fi
} | tee "$TMP/report.md"
[ -z "$OUT" ] || cp "$TMP/report.md" "$OUT"
