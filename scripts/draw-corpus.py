#!/usr/bin/env python3
"""Draw new training/check articles from ../shared/bench for blind annotation.

Seeded random draw, weighted toward international politics: an article is
eligible when actorgraph finds at least two different state or organisation
actors in its first CUT bytes (selection only: annotators never see actorgraph's
output). Every article already in ../shared/corpus (seed, dev, train, check) and
in this project's corpus/INDEX.tsv is excluded. Long texts are cut at the last
sentence end at or before about 1,900 bytes (as the shared train/check articles
were); the cut is stored as a byte length.

Usage:
  scripts/draw-corpus.py --seed 20261209 --quota en-allsides.jsonl=95 ... \
      --split check --out DIR [--binary build/actorgraph]

Writes DIR/INDEX.tsv (name, lang, bench_file, bench_id, date, cut_bytes, split)
and DIR/texts/ID.txt (the cut text plus a final newline) for the annotators.
The texts stay outside the repository.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
BENCH = os.path.join(SHARED, "bench")
MAX_BYTES = 1900
MIN_BYTES = 1200
SENTENCE_END = re.compile(rb'[.!?](?:["\')]|\xe2\x80[\x9c\x9d]|\xc2[\xab\xbb])*(?=\s)')


def cut_bytes(text: bytes) -> int:
    """Length of the cut: whole text when short, else up to a sentence end."""
    if len(text) <= MAX_BYTES + 200:
        return len(text.rstrip())
    best = None
    for m in SENTENCE_END.finditer(text, 0, MAX_BYTES + 1):
        if m.end() >= MIN_BYTES:
            best = m.end()
    if best is None:
        for m in SENTENCE_END.finditer(text):
            if m.end() >= MIN_BYTES:
                best = m.end()
                break
    return best if best else len(text.rstrip())


def known_ids():
    ids, prefixes = set(), set()
    corpus = os.path.join(SHARED, "corpus")
    for split in ("train", "check"):
        with open(os.path.join(corpus, split, "INDEX.tsv"), encoding="utf-8") as f:
            next(f)
            for line in f:
                ids.add(line.split("\t")[3])
    own = os.path.join(ROOT, "corpus", "INDEX.tsv")
    if os.path.exists(own):
        with open(own, encoding="utf-8") as f:
            next(f)
            for line in f:
                ids.add(line.split("\t")[3])
    # dev and seed texts are not named by bench id: match by their opening bytes
    for folder in (corpus, os.path.join(corpus, "dev")):
        for name in os.listdir(folder):
            if name.endswith(".txt"):
                with open(os.path.join(folder, name), "rb") as f:
                    head = f.read(400)
                if head.startswith(b"date "):
                    head = head.split(b"\n", 1)[-1]
                prefixes.add(head[:120])
    return ids, prefixes


def actor_counts(binary, path, records):
    """Number of distinct state/organisation actors actorgraph finds per id."""
    feed = "".join(json.dumps({"id": r["id"], "lang": r["lang"],
                               "text": r["text"].encode()[:r["_cut"]].decode("utf-8", "ignore")},
                              ensure_ascii=False) + "\n" for r in records)
    out = subprocess.run([binary, "extract", "--jsonl", "-", "--format", "json", "--no-progress"],
                         input=feed.encode(), capture_output=True, check=True).stdout
    counts = {}
    for line in out.decode().splitlines():
        g = json.loads(line)
        counts[g["id"]] = len({a["code"] for a in g["actors"] if a["kind"] in ("state", "organisation", "igo")})
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--quota", action="append", required=True, help="FILE=N")
    ap.add_argument("--split", required=True, choices=["train", "check"])
    ap.add_argument("--out", required=True)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "actorgraph"))
    ap.add_argument("--min-actors", type=int, default=2)
    ap.add_argument("--exclude", action="append", default=[], help="INDEX.tsv of an earlier draw")
    args = ap.parse_args()

    ids, prefixes = known_ids()
    for path in args.exclude:
        with open(path, encoding="utf-8") as f:
            next(f)
            ids.update(line.split("\t")[3] for line in f)
    rng = random.Random(args.seed)
    rows = []
    for q in args.quota:
        name, n = q.split("=")
        records = []
        with open(os.path.join(BENCH, name), encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in ids or r["text"].encode()[:120] in prefixes:
                    continue
                if name == "en-agnews.jsonl" and str(r.get("class")) != "1":
                    continue
                r["_cut"] = cut_bytes(r["text"].encode())
                records.append(r)
        counts = actor_counts(args.binary, name, records)
        eligible = [r for r in records if counts.get(r["id"], 0) >= args.min_actors]
        eligible.sort(key=lambda r: r["id"])
        pick = rng.sample(eligible, min(int(n), len(eligible)))
        print(f"{name}: {len(records)} candidates, {len(eligible)} eligible, drew {len(pick)}", file=sys.stderr)
        for r in pick:
            rows.append((r["id"], r["lang"], name, r["id"], r.get("date") or "", r["_cut"], args.split, r["text"]))

    os.makedirs(os.path.join(args.out, "texts"), exist_ok=True)
    with open(os.path.join(args.out, "INDEX.tsv"), "w", encoding="utf-8") as f:
        f.write("name\tlang\tbench_file\tbench_id\tdate\tcut_bytes\tsplit\n")
        for row in rows:
            f.write("\t".join(str(x) for x in row[:7]) + "\n")
            with open(os.path.join(args.out, "texts", row[0] + ".txt"), "wb") as t:
                t.write(row[7].encode()[:row[5]] + b"\n")


if __name__ == "__main__":
    main()
