#!/usr/bin/env python3
"""Generate data/actors/iso-names.tsv from Debian's iso-codes.

Reads the English country names from iso_3166-1.json and their German
translations from the iso_3166-1 gettext catalogue, and writes one `name` row
per distinct (code, language, form) for every UN member state, UN observer
state (Holy See, Palestine) and Taiwan.  Dependent territories are skipped.
Labels, adjectives, demonyms, capitals and hand-picked variants live in the
hand-written files next to the output (states.tsv, capitals.tsv, ...).

Usage: scripts/gen-country-names.py [--iso-json PATH] [--mo PATH] [-o OUT]
Standard library only.
"""

import argparse
import gettext
import json
import os
import re
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"
DE_MO = "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo"

# Codes in ISO 3166-1 that are not states for our purposes (dependent
# territories, uninhabited areas, special administrative regions).
NOT_STATES = {
    "ABW", "AIA", "ALA", "ASM", "ATA", "ATF", "BES", "BLM", "BMU", "BVT",
    "CCK", "COK", "CUW", "CXR", "CYM", "ESH", "FLK", "FRO", "GGY", "GIB",
    "GLP", "GRL", "GUF", "GUM", "HKG", "HMD", "IMN", "IOT", "JEY", "MAC",
    "MAF", "MNP", "MSR", "MTQ", "MYT", "NCL", "NFK", "NIU", "PCN", "PRI",
    "PYF", "REU", "SGS", "SHN", "SJM", "SPM", "SXM", "TCA", "TKL", "UMI",
    "VGB", "VIR", "WLF",
}

# Forms that must not be emitted for a code (lang, form).  The bare
# "Congo"/"Kongo" is listed by hand for COD (flag amb); COG gets its
# unambiguous names by hand.  "Taiwan, Province of China" is not a news form.
SKIP = {
    ("COG", "en", "Congo"),
    ("COG", "de", "Kongo"),
    ("TWN", "en", "Taiwan, Province of China"),
    ("TWN", "de", "Taiwan, Chinesische Provinz"),
}

# Flags for forms that are ordinary words or names of other things.
# Keyed by (lang, form); lang "*" applies to both languages.
FLAGS = {
    ("en", "China"): "cs",          # china = porcelain
    ("en", "Japan"): "cs",          # japan = lacquer
    ("en", "Chile"): "cs",          # chile pepper
    ("en", "Panama"): "cs",         # panama hat
    ("en", "Turkey"): "cs",         # the bird
    ("en", "Chad"): "cs,amb",       # first name
    ("en", "Jordan"): "cs,amb",     # first/last name, river
    ("en", "Georgia"): "amb",       # US state
    ("en", "Guinea"): "cs,amb",     # guinea pig, Guinea-Bissau, Papua New Guinea
    ("de", "Guinea"): "amb",
    ("*", "Niger"): "amb",          # river, Niger Delta (Nigeria)
    ("en", "Ireland"): "amb",       # Northern Ireland
    ("en", "Dominica"): "amb",
    ("en", "Jamaica"): "amb",       # Jamaica, Queens
    ("en", "Lebanon"): "amb",       # several US towns
    ("en", "Grenada"): "amb",
    ("en", "Samoa"): "amb",         # American Samoa
}

ADJ_STEMS = ("isch", "ig", "igt", "iert", "ativ", "al")


def clean_form(form):
    """Turn an ISO list name into news forms ("X, Y of" -> "Y of X")."""
    forms = []
    m = re.match(r"^(.*?) \((.*)\)$", form)
    if m:
        # "Holy See (Vatican City State)" -> both parts
        forms.extend([m.group(1), m.group(2)])
    else:
        forms.append(form)
    out = []
    for f in forms:
        if ", " in f:
            head, rest = f.split(", ", 1)
            f = rest + " " + head
        f = re.sub(r"^(The|the) ", "", f)
        f = re.sub(r" (the|The)$", "", f)
        f = " ".join(f.split())
        out.append(f)
    return out


def german_inflected(form):
    """Weak/mixed inflection of German multi-word names with a leading
    adjective: "Vereinigte Staaten" -> "Vereinigten Staaten",
    "Vereinigtes Königreich" -> "Vereinigten Königreich".  Returns None when
    the name has no inflectable adjective."""
    words = form.split(" ")
    if len(words) < 2:
        return None
    changed = False
    out = []
    for i, w in enumerate(words):
        if i == len(words) - 1:
            out.append(w)
            continue
        stem = None
        for ending in ("es", "er", "e"):
            if w.endswith(ending) and w[: -len(ending)].lower().endswith(ADJ_STEMS):
                stem = w[: -len(ending)]
                break
        if stem is None:
            out.append(w)
        else:
            out.append(stem + "en")
            changed = True
    if not changed:
        return None
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso-json", default=ISO_JSON)
    ap.add_argument("--mo", default=DE_MO)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("-o", "--output",
                    default=os.path.join(here, "..", "data", "actors", "iso-names.tsv"))
    args = ap.parse_args()

    with open(args.iso_json, encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    with open(args.mo, "rb") as f:
        de = gettext.GNUTranslations(f)

    # (code, form) -> set of langs, kept in first-seen order
    rows = {}
    order = []

    def add(code, lang, form):
        if (code, lang, form) in SKIP:
            return
        key = (code, form)
        if key not in rows:
            rows[key] = set()
            order.append(key)
        rows[key].add(lang)

    for c in sorted(countries, key=lambda e: e["alpha_3"]):
        code = c["alpha_3"]
        if code in NOT_STATES:
            continue
        for field in ("name", "common_name", "official_name"):
            if field not in c:
                continue
            en_name = c[field]
            de_name = de.gettext(en_name)
            for raw, lang in ((en_name, "en"), (de_name, "de")):
                if (code, lang, raw) in SKIP:
                    continue
                for form in clean_form(raw):
                    add(code, lang, form)
                    if lang == "de":
                        infl = german_inflected(form)
                        if infl:
                            add(code, lang, infl)

    def flags_for(lang, form):
        return FLAGS.get((lang, form)) or FLAGS.get(("*", form)) or ""

    lines = [
        "#actorgraph-actors 1",
        "# GENERATED FILE - DO NOT EDIT BY HAND.",
        "# Written by scripts/gen-country-names.py from Debian iso-codes",
        "# (iso_3166-1.json and the German iso_3166-1 gettext catalogue).",
        "# Country name rows only (name, common name, official name, German",
        "# translations and their weak-inflected forms); labels, adjectives,",
        "# demonyms, capitals and extra variants are in the hand-written files.",
        "# code\tkind\tlang\trole\tform\tflags\tvalid",
    ]
    for code, form in order:
        langs = rows[(code, form)]
        if langs == {"de", "en"} and flags_for("de", form) == flags_for("en", form):
            emit = ["*"]
        else:
            emit = [l for l in ("de", "en") if l in langs]
        for lang in emit:
            fl = flags_for(lang if lang != "*" else "en", form)
            lines.append("\t".join([code, "state", lang, "name", form, fl, ""]))

    out = os.path.normpath(args.output)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {len(lines) - 8} rows to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
