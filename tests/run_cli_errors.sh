#!/usr/bin/env bash
# Bad-input table: runs the real binary once per row of tests/cli_errors.tsv and
# checks the exit code, the message on stderr, stdout, and what is left in the
# row's own output directory (no partial or temporary file, ever). The inputs are
# generated here at run time (a 10 MB line, 100,000 sentences, a 10,000-actor
# graph are never committed).
#
#   tests/run_cli_errors.sh BINARY TABLE [TIME_SCALE] [ROW_NAME_REGEX]
#
# TABLE columns (tab-separated; '#' lines are comments):
#   name      unique row name (also the name of its output directory)
#   command   arguments after the binary, split on spaces; placeholders:
#               {W}   the generated inputs       {OUT}  this row's empty output directory
#               {RO}  a directory nobody may write ({W}/ro, or /sys when running as root)
#               {DEV} a character device (a private copy of /dev/null when root)
#             and the redirections <FILE (stdin) and >FILE (stdout) as separate words
#   exit      the expected exit code (README "Exit codes")
#   stderr    a fragment stderr must contain, or - for no check
#   stdout    a fragment stdout must contain, !fragment for one it must not, - for no check
#   files     the names left in {OUT} afterwards, space-separated and sorted;
#             - for none, * for no check
# Every row runs under a timeout (60 s times TIME_SCALE): a timeout is a hang, an
# exit status above 128 is a crash (killed by a signal). For exit codes 1 and 3
# every stderr line must be an "actorgraph: ..." message.
set -uo pipefail

bin=$(realpath "$1")
table=$(realpath "$2")
scale=${3:-1}
only=${4:-}
limit=$((60 * scale))

W=$(mktemp -d "${TMPDIR:-/tmp}/actorgraph-cli-errors.XXXXXX")
cleanup() {
  chmod -R u+w "$W" 2>/dev/null
  rm -rf "$W"
}
trap cleanup EXIT

# ---- generated inputs --------------------------------------------------------
cd "$W" || exit 1
en='France and Germany signed a new defence agreement in Paris on Tuesday. Russia criticised the deal.'
de='Frankreich und Polen vereinbarten am Montag eine engere Zusammenarbeit. Russland kritisierte das Abkommen.'
printf '%s\n' "$en" > en.txt
printf 'date 2024-03-12 %s\n' "$en" > dated.txt
printf '%s\n' "$de" > de.txt
: > empty.txt
printf '  \n\t \n\r\n' > whitespace.txt
printf 'France and\0 Germany signed a deal.\n' > nul.txt
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa' > image.png
printf 'France and Germany \xff\xfe signed a \xc3 defence agreement in Paris.\n' > badutf8.txt
{ printf '\xff\xfe'; printf '%s\n' "$en" | iconv -f UTF-8 -t UTF-16LE; } > utf16le.txt
{ printf '\xef\xbb\xbf'; printf '%s\n' "$en"; } > bom.txt
{ printf '\xfe\xff'; printf '%s\n' "$de" | iconv -f UTF-8 -t UTF-16BE; } > utf16be.txt
printf 'date 2024-03-12 France and Germany signed a defence agreement.\r\n\r\nRussia criticised the deal.\r\n' > crlf.txt
# A scraped page on one line: no sentence ends, an actor pair and a cue every 24 words.
yes 'the weather in the region stayed mild and the markets were calm on Tuesday while officials from France and Germany met in Paris' |
  head -c 10485760 | tr '\n' ' ' > line10mb.txt
awk 'BEGIN { for (i = 1; i <= 100000; i++) { printf "France and Germany signed agreement number %d. ", i; if (i % 10 == 0) printf "\n" } }' > sentences100k.txt
cat > html.txt <<'EOF'
<!DOCTYPE html><html><head><title>World news</title><script>var c = "China and Japan signed";</script>
<style>p { color: red }</style></head><body><p>France and <b>Germany</b> signed a defence
agreement in Paris &amp; Berlin.</p><div class="ad">Subscribe now</div></body></html>
EOF
printf 'Ceci est un article sur la France et la Pologne, qui ont sign\xc3\xa9 un accord.\n' > french.txt
printf 'date 2023-02-30 %s\n' "$en" > baddate.txt
printf 'date 2023-13-01 %s\n' "$en" > badmonth.txt
mkdir -p noarticles && printf 'not an article\n' > noarticles/README.md
mkdir -p batch && cp en.txt batch/good1.txt && cp de.txt batch/good2.txt && : > batch/empty.txt &&
  cp nul.txt batch/binary.txt && cp baddate.txt batch/baddate.txt
mkdir -p allbad && : > allbad/empty.txt && cp nul.txt allbad/binary.txt
mkdir -p badname && cp en.txt "badname/$(printf 'bad\xffname').txt" && cp de.txt badname/good.txt
cp en.txt same.txt
ln -s same.txt link.txt
# Issue 14: what is not article text, and a directory with articles in any case beside other files.
printf '%%PDF-1.7\n%%\xe2\xe3\xcf\xd3\n1 0 obj\n' > doc.pdf
printf '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n</graphml>\n' > g.graphml
printf '[Reuters] France and Germany signed a new defence agreement in Paris.\n' > bracketed.txt
mkdir -p casedir && cp en.txt casedir/A.TXT && cp de.txt casedir/b.txt && printf '{}\n' > casedir/notes.json

# JSONL corpora
cat > mixed.jsonl <<EOF
{"id": "a1", "text": "$en"}
{"id": "a2", "text": "Russia criticised the agreement between France and Ger
[1, 2, 3]
{"id": "a4", "lang": "en"}
{"id": "a1", "text": "$de"}
{"id": "a6", "text": "$de", "lang": "de", "date": "2024-03-11"}
EOF
printf '{"id": "t", "text": "%s"' "$en" > truncated.jsonl
printf '"just a string"\n' > nonobject.jsonl
printf '{"id": "x", "title": "no text here"}\n' > notext.jsonl
printf '{"id": "x", "text": "%s"}\n{"id": "x", "text": "%s"}\n' "$en" "$de" > duplicate.jsonl
printf '{"id": "u", "text": "France and Germany \xff signed a deal."}\n' > badutf8.jsonl
printf '{"id": "d", "text": "%s", "date": "2023-02-30"}\n' "$en" > baddate.jsonl
printf '{"id": "l", "text": "%s", "lang": "fr"}\n' "$en" > badlang.jsonl
: > empty.jsonl
printf '{"id": "a", "text": "%s"}\n{"id": "b", "text": "x", "n": 1e999}\n{"id": "c", "text": "%s"}\n' "$en" "$de" > overflow.jsonl
{
  for id in '../../etc/x' '/abs' '.hidden' '..' 'a/b\\c' 'ok'; do printf '{"id": "%s", "text": "%s"}\n' "$id" "$en"; done
  printf '{"id": "", "text": "%s"}\n' "$en"
} > ids.jsonl

# Dictionaries and rule files
printf '#actorgraph-foo 1\nXYZ\tstate\ten\tname\tXyzland\t\t\n' > tag.tsv
printf 'XYZ\tstate\ten\tname\tXyzland\t\t\n' > notag.tsv
printf '#actorgraph-actors 1\nxyz!\tstate\ten\tname\tXyzland\t\t\n' > code.tsv
printf '#actorgraph-actors 1\nXYZ\tplanet\ten\tname\tXyzland\t\t\n' > kind.tsv
printf '#actorgraph-actors 1\nXYZ\tstate\ten\tname\tXyzland\t\t2020-99\n' > validity.tsv
printf '#actorgraph-actors 1\n# a comment\nXYZ\tstate\ten\n' > row.tsv
printf '#actorgraph-rules 1\nen\tbefriend*\tfriendship\tsubj\tobj\n' > type.tsv
printf '#actorgraph-rules 1\nen\tbefriend*\tpartnership\tsomewhere\tobj\n' > role.tsv
printf '#actorgraph-text 1\nstop\tfr\tle\n' > lang.tsv
printf '#actorgraph-actors 1\nXYZ\tstate\ten\tlabel\tXyzland\t\t\nXYZ\tstate\ten\tname\tXyzland\t\t\n' > good.tsv
printf 'Xyzland and France signed a defence agreement in Paris.\n' > xyz.txt
printf '#actorgraph-actors 1\nXYZ\tstate\ten\tlabel\tXy\xffland\t\t\n' > badutf8.tsv

# Graphs
cat > g1.json <<'EOF'
{"id": "g1", "lang": "en", "date": "2024-03-12", "actors": [
  {"code": "FRA", "name": "France", "kind": "state", "mentions": 2},
  {"code": "DEU", "name": "Germany", "kind": "state", "mentions": 1}],
 "edges": [{"source": "DEU", "target": "FRA", "type": "partnership", "modality": "asserted", "count": 1, "weight": 1}]}
EOF
cat > g2.json <<'EOF'
{"id": "g2", "lang": "de", "date": "2024-03-11", "actors": [
  {"code": "POL", "name": "Polen", "kind": "state", "mentions": 1},
  {"code": "RUS", "name": "Russland", "kind": "state", "mentions": 1}],
 "edges": [{"source": "RUS", "target": "POL", "type": "criticism", "modality": "asserted", "count": 1, "weight": 1}]}
EOF
head -c 150 g1.json > truncated.json
printf '{"id": "t", "actors": ["FRA", "DEU"], "edges": [{"source": "FRA", "target": "DEU", "type": "hugs"}]}\n' > badtype.json
printf ' \n\t\n' > blank.json
printf 'digraph G {\0}\n' > binary.dot
printf 'digraph G { FRA -> DEU [type="partnership"\n' > malformed.dot
printf 'digraph G { colour_scheme="x"; FRA [code="FRA", flavour="mint"]; DEU [zzz=1]; FRA -> DEU [type="partnership", mood="good"]; }\n' > unknown_attrs.dot
printf 'digraph G { "not a code" -> DEU [type="partnership"]; }\n' > nocode.dot
printf 'digraph G { FRA -> DEU [type="friendship"]; }\n' > badtype.dot
printf 'digraph G { FRA [label="Fr\xffance"]; FRA -> DEU [type="aid"]; }\n' > badutf8.dot
printf '{"id": "o", "actors": ["FRA"], "n": -2e400}\n' > overflow.json
printf 'digraph A { FRA -> DEU [type=aid]; } text after "the graph\n' > trailing.dot
printf 'digraph B { POL -> RUS [type=threat]; }\n' > plain.dot
printf '{"id": "n", "actors": [{"code": "RUS", "name": "Russia\\u0000"}], "edges": []}\n' > nul.json
awk 'BEGIN {
  n = 10000
  printf "{\"id\": \"big\", \"actors\": ["
  for (i = 0; i < n; i++) printf "%s{\"code\": \"N%05d\", \"name\": \"Node %d\"}", (i ? ", " : ""), i, i
  printf "], \"edges\": ["
  for (i = 0; i < n; i++) printf "%s{\"source\": \"N%05d\", \"target\": \"N%05d\", \"type\": \"criticism\"}", (i ? ", " : ""), i, (i * 7 + 1) % n
  printf "]}\n"
}' > big10k.json
awk 'BEGIN {
  n = 10000
  print "digraph G {"
  for (i = 0; i < n; i++) printf "N%05d [code=\"N%05d\"];\n", i, i
  for (i = 0; i < n; i++) printf "N%05d -> N%05d [type=\"partnership\"];\n", i, (i * 13 + 5) % n
  print "}"
}' > big10k.dot

# Issue 16: bounds on what reaches Graphviz, strict JSON graphs, stores, stdout.
awk 'BEGIN { printf "digraph G { FRA [label=\""; for (i = 0; i < 100000; i++) printf "a"; print "\"]; FRA -> DEU [type=aid]; }" }' > longlabel.dot
awk 'BEGIN { printf "{\"id\": \"l\", \"actors\": [{\"code\": \"FRA\", \"name\": \""; for (i = 0; i < 100000; i++) printf "a"; print "\"}], \"edges\": []}" }' > longname.json
awk 'BEGIN { print "digraph G {"; for (i = 0; i < 700000; i++) printf "N%06d [code=\"N%06d\", label=\"Node number %d\"];\n", i, i, i; print "}" }' > huge.dot
awk 'BEGIN {
  n = 10001
  printf "{\"id\": \"big\", \"actors\": ["
  for (i = 0; i < n; i++) printf "%s{\"code\": \"N%05d\", \"name\": \"Node %d\"}", (i ? ", " : ""), i, i
  printf "], \"edges\": []}\n"
}' > big10k1.json
printf '{"id": "m", "actors": ["FRA", "DEU"], "edges": [{"source": "FRA", "target": "DEU", "type": "aid", "modality": "Negated"}]}\n' > negated.json
printf '{"id": "c", "actors": ["FRA", "DEU"], "edges": [{"source": "FRA", "target": "DEU", "type": "aid", "count": -2}]}\n' > badcount.json
printf '{"id": "c", "actors": ["FRA", "DEU"], "edges": [{"source": "FRA", "target": "DEU", "type": "aid", "weight": 1.5}]}\n' > badweight.json
printf 'digraph G { FRA -> DEU [type=aid, modality=Negated]; }\n' > negated.dot
printf 'Hackers hid a <script> tag in the page. Russia criticised France on Monday.\n' > unclosed_script.txt
mkdir -p gold && cp en.txt gold/en.txt &&
  printf '{"id": "en", "lang": "en", "actors": ["FRA", "DEU", "RUS"], "edges": [{"source": "FRA", "target": "DEU", "type": "partnership", "modality": "asserted"}]}\n' > gold/en.gold.json
"$bin" db add en.txt --db store.sqlite -q --no-progress
cp store.sqlite swapped.sqlite && python3 - swapped.sqlite <<'PY'
import sqlite3, sys
# Swap the b-trees of two indexes of the same shape: queries still run (and may
# answer wrongly), only SQLite's integrity_check sees it.
db = sqlite3.connect(sys.argv[1])
pages = dict(db.execute("SELECT name, rootpage FROM sqlite_master WHERE name IN ('mentions_source', 'mentions_target')"))
db.execute("PRAGMA writable_schema=ON")
db.execute("UPDATE sqlite_master SET rootpage=? WHERE name='mentions_source'", (pages['mentions_target'],))
db.execute("UPDATE sqlite_master SET rootpage=? WHERE name='mentions_target'", (pages['mentions_source'],))
db.commit()
PY
cp store.sqlite badtext.sqlite && python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute(\"UPDATE articles SET text = CAST(X'4672616e6365ff' AS TEXT)\")
db.execute(\"UPDATE relation_mentions SET evidence = CAST(X'4672616e6365ff' AS TEXT)\")
db.commit()" badtext.sqlite
cp store.sqlite noactor.sqlite && python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute('PRAGMA foreign_keys=OFF')
db.execute(\"DELETE FROM actors WHERE code = 'FRA'\")
db.commit()" noactor.sqlite
cp store.sqlite nomention.sqlite && python3 -c "
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute('UPDATE articles SET mention_count = mention_count + 1')
db.commit()" nomention.sqlite
ln -s /proc/self/fd/1 stdout-link

# Places nobody may write: as root permissions do not stop us, so use sysfs.
if [ "$(id -u)" = 0 ]; then
  RO=/sys
  DEV=$W/devnull
  mknod "$DEV" c 1 3
else
  RO=$W/ro
  mkdir -p "$RO" && chmod 555 "$RO"
  DEV=/dev/null
fi

# ---- the table -------------------------------------------------------------------
pass=0
fail=0
report() {
  echo "FAIL $name: $*"
  echo "     command: $bin $cmd"
  sed 's/^/     stderr: /' "$W/stderr" | head -5
  fail=$((fail + 1))
}

while IFS=$'\t' read -r name cmd want_code want_err want_out want_files; do
  [ -z "$name" ] || [[ "$name" == \#* ]] && continue
  if [ -n "$only" ] && ! [[ "$name" =~ $only ]]; then continue; fi
  OUT=$W/out/$name
  mkdir -p "$OUT"
  cmd=${cmd//\{W\}/$W}
  cmd=${cmd//\{OUT\}/$OUT}
  cmd=${cmd//\{RO\}/$RO}
  cmd=${cmd//\{DEV\}/$DEV}
  want_err=${want_err//\{W\}/$W}
  want_err=${want_err//\{OUT\}/$OUT}
  want_err=${want_err//\{RO\}/$RO}
  stdin=/dev/null
  stdout=$W/stdout
  args=()
  read -ra words <<< "$cmd"
  for w in "${words[@]}"; do
    case $w in
      \<*) stdin=${w#<} ;;
      \>*) stdout=${w#>} ;;
      *) args+=("$w") ;;
    esac
  done
  start=$(date +%s)
  timeout --kill-after=5 "$limit" "$bin" "${args[@]}" < "$stdin" > "$stdout" 2> "$W/stderr"
  code=$?
  took=$(($(date +%s) - start))
  failed_before=$fail
  if [ "$code" = 124 ] || [ "$code" = 137 ]; then
    report "no answer within ${limit}s (hang)"
  elif [ "$code" -gt 128 ]; then
    report "killed by signal $((code - 128))"
  elif [ "$code" != "$want_code" ]; then
    report "exit code $code, expected $want_code"
  fi
  if [ "$want_err" != "-" ] && ! grep -qF -- "$want_err" "$W/stderr"; then
    report "stderr lacks '$want_err'"
  fi
  if { [ "$code" = 1 ] || [ "$code" = 3 ]; } && grep -qv '^actorgraph: ' "$W/stderr"; then
    report "stderr has lines that are not 'actorgraph: ...' messages"
  fi
  if [ "$want_out" != "-" ] && [ "$stdout" = "$W/stdout" ]; then
    if [[ "$want_out" == !* ]]; then
      grep -qF -- "${want_out#!}" "$stdout" && report "stdout contains '${want_out#!}'"
    elif ! grep -qF -- "$want_out" "$stdout"; then
      report "stdout lacks '$want_out'"
    fi
  fi
  left=$(cd "$OUT" && ls -A | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
  if [[ " $left " == *" ."* ]] || [[ "$left" == *.tmp.* ]]; then
    report "temporary or hidden file left in the output directory: $left"
  elif [ "$want_files" != "*" ] && [ "$left" != "$([ "$want_files" = - ] || echo "$want_files")" ]; then
    report "output directory holds '$left', expected '$want_files'"
  fi
  if [ "$DEV" = "$W/devnull" ] && [ ! -c "$DEV" ]; then
    report "the device $DEV was replaced by a file"
    rm -f "$DEV" && mknod "$DEV" c 1 3
  fi
  [ "$fail" = "$failed_before" ] && pass=$((pass + 1)) && echo "ok   $name (${took}s)"
done < "$table"

echo "cli error table: $pass passed, $fail failed"
[ "$pass" -gt 0 ] && [ "$fail" = 0 ]
