#!/usr/bin/env python3
"""Import gold annotations into corpus/ with evidence as byte spans, keyed by bench id.

The article texts stay in ../shared/bench; what the project stores per article is
corpus/SPLIT/ID.gold.json: the gold of ../shared/spec/ANNOTATION.md with
"bench_file" and "cut_bytes" (the article is the first cut_bytes bytes of that
bench record's "text") and, on each edge, "evidence_spans": [[begin, end), ...], the
half-open byte spans of the annotator's quote in the cut text (one per piece of a
quote elided with "..."; a piece that cannot be found verbatim, after collapsing
white space or after normalising typographic quotes is left out). The quote itself is
not stored. corpus/INDEX.tsv lists every article: name, lang, bench_file,
bench_id, date, cut_bytes, split, passes, origin.

Usage:
  scripts/import-gold.py SOURCE... [--corpus corpus]
where SOURCE is INDEX.tsv:GOLD_DIR:TEXT_DIR:SPLIT:PASSES:ORIGIN, e.g.
  ../shared/corpus/train/INDEX.tsv:../shared/corpus/train:../shared/corpus/train:train:1:shared-train
The script never prints article text or gold content, only counts (check gold
is imported without being read by a person).
"""
import argparse
import json
import os
import re
import sys

FIELDS = ["name", "lang", "bench_file", "bench_id", "date", "cut_bytes", "split", "passes", "origin"]


def find_span(text: bytes, quote: str):
    if not quote:
        return None
    q = quote.encode("utf-8")
    i = text.find(q)
    if i >= 0:
        return [i, i + len(q)]
    # white space collapsed: map a regex over the original bytes
    words = [re.escape(w) for w in q.split()]
    if not words:
        return None
    m = re.search(rb"\s+".join(words), text)
    if m:
        return [m.start(), m.end()]
    # typographic quotes and dashes normalised
    norm = {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"}
    qt = "".join(norm.get(c, c) for c in quote)
    tt = text.decode("utf-8", "replace")
    tn = "".join(norm.get(c, c) for c in tt)
    i = tn.find(qt)
    if i >= 0:  # one-for-one character mapping: offsets carry over
        return [len(tt[:i].encode()), len(tt[:i + len(qt)].encode())]
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sources", nargs="+")
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "corpus"))
    args = ap.parse_args()

    index_path = os.path.join(args.corpus, "INDEX.tsv")
    rows = {}
    if os.path.exists(index_path):
        with open(index_path, encoding="utf-8") as f:
            next(f)
            for line in f:
                r = dict(zip(FIELDS, line.rstrip("\n").split("\t")))
                rows[r["name"]] = r
    for src in args.sources:
        index, gold_dir, text_dir, split, passes, origin = src.split(":")
        found = missing = edges = 0
        with open(index, encoding="utf-8") as f:
            head = next(f).rstrip("\n").split("\t")
            for line in f:
                r = dict(zip(head, line.rstrip("\n").split("\t")))
                gp = os.path.join(gold_dir, r["name"] + ".gold.json")
                if not os.path.exists(gp):
                    print(f"{src}: no gold for {r['name']}", file=sys.stderr)
                    continue
                g = json.load(open(gp, encoding="utf-8"))
                text = open(os.path.join(text_dir, r["name"] + ".txt"), "rb").read()
                out = {"id": r["bench_id"], "lang": r["lang"], "date": r.get("date") or g.get("date"),
                       "bench_file": r["bench_file"], "cut_bytes": int(r["cut_bytes"]),
                       "actors": g.get("actors", [])}
                if g.get("optional_actors"):
                    out["optional_actors"] = g["optional_actors"]
                out["edges"] = []
                for e in g.get("edges", []):
                    ne = {k: v for k, v in e.items() if k != "evidence"}
                    pieces = [q for q in re.split(r"\s*(?:\.\.\.|\u2026|\[\.\.\.\])\s*", e.get("evidence", "")) if q.strip()]
                    spans = [find_span(text[:int(r["cut_bytes"])], q) for q in pieces]
                    ne["evidence_spans"] = [sp for sp in spans if sp]
                    found += bool(spans) and all(spans)
                    missing += not (bool(spans) and all(spans))
                    edges += 1
                    out["edges"].append(ne)
                os.makedirs(os.path.join(args.corpus, split), exist_ok=True)
                with open(os.path.join(args.corpus, split, r["bench_id"] + ".gold.json"), "w", encoding="utf-8") as o:
                    json.dump(out, o, ensure_ascii=False, indent=1)
                    o.write("\n")
                rows[r["bench_id"]] = {"name": r["bench_id"], "lang": r["lang"], "bench_file": r["bench_file"],
                                       "bench_id": r["bench_id"], "date": out["date"] or "",
                                       "cut_bytes": r["cut_bytes"], "split": split, "passes": passes,
                                       "origin": origin}
        print(f"{origin}: {edges} edges, evidence spans found {found}, not found {missing}", file=sys.stderr)
    with open(index_path, "w", encoding="utf-8") as f:
        f.write("\t".join(FIELDS) + "\n")
        for name in sorted(rows):
            f.write("\t".join(str(rows[name][k]) for k in FIELDS) + "\n")


if __name__ == "__main__":
    main()
