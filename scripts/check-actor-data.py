#!/usr/bin/env python3
"""Check the actor dictionaries in data/actors/*.tsv.

Errors (exit status 1): wrong header, wrong column count, unknown kind, lang,
role or flag, bad code, empty or badly spaced form, bad validity range, a code
without exactly one `de` and one `en` label, a code with two kinds, duplicate
rows, prefixes that are too short or not German.

Warnings (printed, exit status 0 unless --strict): the same form listed for
different codes with overlapping validity, forms that equal another row after
the matcher's normalisation (Erdoğan/Erdogan, Türkei/Tuerkei), forms starting
with an article, German adjectives that are not lower case.

Usage: scripts/check-actor-data.py [--strict] [DIR]   (default: data/actors)
Standard library only.
"""

import argparse
import glob
import os
import re
import sys
import unicodedata

HEADER = "#actorgraph-actors 1"
KINDS = {"state", "igo", "group", "collective"}
LANGS = {"de", "en", "*"}
ROLES = {"label", "name", "adj", "demonym", "capital", "seat", "person", "body", "prefix",
         "region"}
FLAGS = {"cs", "amb", "nocompound", "inflected", "accents", "event", "before_title"}
CODE_RE = re.compile(r"^[A-Z0-9_]+$")
VALID_RE = re.compile(r"^(?:(\d{4})(?:-(\d{2}))?)?\.\.(?:(\d{4})(?:-(\d{2}))?)?$")
ARTICLES = {"the", "der", "die", "das", "des", "dem", "den"}


def fold(form):
    """Approximates the matcher's normalisation (case, umlauts, accents, quotes)."""
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "ae"), ("Ö", "oe"), ("Ü", "ue"),
                 ("ß", "ss"), ("\u2019", "'"), ("\u2018", "'"), ("\u2013", "-")):
        form = form.replace(a, b)
    form = unicodedata.normalize("NFD", form.casefold())
    return "".join(c for c in form if unicodedata.category(c) != "Mn")


def parse_valid(v):
    """Return (start, end) as (year, month) tuples or None for open ends."""
    m = VALID_RE.match(v)
    if not m or (m.group(1) is None and m.group(3) is None):
        return None
    start = (int(m.group(1)), int(m.group(2) or 1)) if m.group(1) else None
    end = (int(m.group(3)), int(m.group(4) or 12)) if m.group(3) else None
    return start, end


def overlaps(a, b):
    lo1, hi1 = a
    lo2, hi2 = b
    lo1 = lo1 or (0, 0)
    lo2 = lo2 or (0, 0)
    hi1 = hi1 or (9999, 12)
    hi2 = hi2 or (9999, 12)
    return lo1 <= hi2 and lo2 <= hi1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", nargs="?",
                    default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                         "..", "data", "actors"))
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print warnings")
    args = ap.parse_args()

    errors = []
    warnings = []
    labels = {}      # code -> {lang: count}
    kinds = {}       # code -> (kind, where)
    seen = {}        # full row key -> where
    folded = {}      # row key with folded form -> (where, form)
    forms = {}       # (lang, role-class, form key) -> list of (code, range, where)
    stats = {}

    files = sorted(glob.glob(os.path.join(args.dir, "*.tsv")))
    if not files:
        print(f"{args.dir}: no .tsv files", file=sys.stderr)
        return 1
    for path in files:
        name = os.path.relpath(path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        if not lines or lines[0] != HEADER:
            errors.append(f"{name}:1: first line must be exactly '{HEADER}'")
            continue
        nrows = 0
        for i, line in enumerate(lines[1:], start=2):
            where = f"{name}:{i}"
            if line.startswith("#") or not line.strip():
                continue
            if line.endswith("\r"):
                errors.append(f"{where}: CR line ending")
                line = line.rstrip("\r")
            cols = line.split("\t")
            if len(cols) != 7:
                errors.append(f"{where}: {len(cols)} columns, expected 7")
                continue
            code, kind, lang, role, form, flags, valid = cols
            nrows += 1
            if not CODE_RE.match(code):
                errors.append(f"{where}: bad code '{code}'")
            if kind not in KINDS:
                errors.append(f"{where}: bad kind '{kind}'")
            if lang not in LANGS:
                errors.append(f"{where}: bad lang '{lang}'")
            if role not in ROLES:
                errors.append(f"{where}: bad role '{role}'")
            if not form or form != form.strip() or "  " in form:
                errors.append(f"{where}: empty form or bad spacing '{form}'")
            fl = [x for x in flags.split(",") if x] if flags else []
            if flags and (len(fl) != len(flags.split(",")) or any(x not in FLAGS for x in fl)):
                errors.append(f"{where}: bad flags '{flags}'")
            rng = (None, None)
            if valid:
                r = parse_valid(valid)
                if r is None:
                    errors.append(f"{where}: bad valid range '{valid}'")
                else:
                    rng = r
                    if r[0] and r[1] and r[0] > r[1]:
                        errors.append(f"{where}: valid range ends before it starts '{valid}'")
            if code in kinds and kinds[code][0] != kind:
                errors.append(f"{where}: {code} has kind '{kind}' but '{kinds[code][0]}' at {kinds[code][1]}")
            kinds.setdefault(code, (kind, where))
            stats.setdefault(name, {}).setdefault(role, 0)
            stats[name][role] += 1

            if role == "label":
                if lang == "*":
                    errors.append(f"{where}: label rows need lang de or en, not *")
                else:
                    labels.setdefault(code, {}).setdefault(lang, 0)
                    labels[code][lang] += 1
            if role == "prefix":
                if lang != "de":
                    errors.append(f"{where}: prefix rows are for German compounds (lang de)")
                if len(form) < 4 or " " in form:
                    errors.append(f"{where}: prefix '{form}' must be one word of length >= 4")

            key_form = form if "cs" in fl else form.lower()
            for l in (["de", "en"] if lang == "*" else [lang]):
                key = (code, l, role, key_form, valid)
                if key in seen:
                    errors.append(f"{where}: duplicate of {seen[key]} ({code} {l} {role} '{form}')")
                else:
                    seen[key] = where
                    fkey = (code, l, role, form if "cs" in fl else fold(form), valid)
                    if fkey in folded and role != "label" and l == (lang if lang != "*" else "de"):
                        warnings.append(f"{where}: '{form}' equals '{folded[fkey][1]}' at {folded[fkey][0]} "
                                        "after normalisation (umlauts, accents, case)")
                    folded.setdefault(fkey, (where, form))
                if role not in ("label",):
                    cls = "prefix" if role == "prefix" else "form"
                    forms.setdefault((l, cls, key_form), []).append((code, rng, where, form))

            first = form.split(" ")[0].lower()
            if first in ARTICLES and role not in ("label", "person") and len(form.split(" ")) > 1:
                warnings.append(f"{where}: form starts with an article: '{form}'")
            if role == "adj" and lang == "de" and form[:1].isupper() and "-" not in form:
                warnings.append(f"{where}: German adjective should be lower case: '{form}'")

    for code, (kind, where) in sorted(kinds.items()):
        for l in ("de", "en"):
            n = labels.get(code, {}).get(l, 0)
            if n != 1:
                errors.append(f"{where}: {code} has {n} '{l}' label rows, expected 1")

    for (l, cls, f), lst in sorted(forms.items()):
        codes = {c for c, _, _, _ in lst}
        if len(codes) < 2:
            continue
        for a in range(len(lst)):
            for b in range(a + 1, len(lst)):
                if lst[a][0] != lst[b][0] and overlaps(lst[a][1], lst[b][1]):
                    warnings.append(f"{lst[b][2]}: '{lst[b][3]}' ({l}) is {lst[b][0]} here "
                                    f"but {lst[a][0]} at {lst[a][2]} with overlapping validity")

    if not args.quiet:
        for w in warnings:
            print("warning: " + w)
    for e in errors:
        print("error: " + e)
    total = sum(sum(r.values()) for r in stats.values())
    print(f"{len(files)} files, {total} rows, {len(kinds)} codes, "
          f"{len(errors)} errors, {len(warnings)} warnings", file=sys.stderr)
    if errors or (args.strict and warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
