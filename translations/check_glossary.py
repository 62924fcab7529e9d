#!/usr/bin/env python3
"""Checks the French and Spanish translations against translations/glossary.tsv: where an
English source names a concept, the translation uses the glossary's term; no translation uses
a word the glossary set aside. Prints each miss with the source and exits 1 if there is one.

usage: check_glossary.py [TRANSLATIONS_DIR]
"""
import os
import re
import sys
import xml.etree.ElementTree as ElementTree


def load_glossary(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) != 8:
                raise SystemExit("%s:%d: %d columns, expected 8" % (path, number, len(cells)))
            concept, en, fr_term, fr, es_term, es, fr_avoid, es_avoid = cells
            pattern = lambda text: None if text == "-" else re.compile(text, re.IGNORECASE)
            rows.append({
                "concept": concept, "en": pattern(en),
                "fr": (fr_term, pattern(fr), pattern(fr_avoid)),
                "es": (es_term, pattern(es), pattern(es_avoid)),
            })
    return rows


def messages(ts_path):
    for message in ElementTree.parse(ts_path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        texts = [n.text or "" for n in translation.iter("numerusform")] if translation is not None else []
        if translation is not None and not texts:
            texts = [translation.text or ""]
        for text in texts:
            yield source, text


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    glossary = load_glossary(os.path.join(here, "glossary.tsv"))
    misses = 0
    for language in ("fr", "es"):
        ts = os.path.join(here, "amicus_%s.ts" % language)
        for source, text in messages(ts):
            for row in glossary:
                term, wanted, avoided = row[language]
                if avoided is not None and avoided.search(text):
                    print("%s: \"%s\" uses \"%s\", set aside for %s (glossary: %s)\n    source: %s"
                          % (os.path.basename(ts), text, avoided.search(text).group(0),
                             row["concept"], term, source))
                    misses += 1
                if row["en"] is not None and wanted is not None and row["en"].search(source) \
                        and not wanted.search(text):
                    print("%s: \"%s\" names %s without the glossary's \"%s\"\n    source: %s"
                          % (os.path.basename(ts), text, row["concept"], term, source))
                    misses += 1
    print("glossary: %d concepts, %d misses" % (len(glossary), misses))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
