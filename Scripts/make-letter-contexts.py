#!/usr/bin/env python3
"""make-letter-contexts.py: counts where Russian names have с or з, ш or ж (the letters German
spelling merges into s and sch), for the ranking of German-spelled names (GlossaTranslit).

How: reads the OpenCorpora dictionary of Russian (opencorpora.org, CC BY-SA 3.0) as compiled in
the `pymorphy3-dicts-ru` package, and keeps the nominative singular forms tagged as surnames
(`Surn`) or geographical names (`Geox`) that are written in Russian lower-case letters only (no
hyphen, no space). Names that occur in the accuracy lists Tests/GlossaTranslitTests/Data/names*.tsv
are left out, with their other gender form (Захаров for Захарова), so that the accuracy figures
measure what the counts generalize to, not what they remember. For every с, з, ш, ж of every kept
form it counts the triple (letter before, letter, letter after), with ^ for the start and $ for
the end of the word, and writes them as TSV (`left letter right count`, sorted) to
Sources/GlossaTranslit/Data/letter-contexts.tsv.

Usage:  python3 Scripts/make-letter-contexts.py [OUTPUT]
Needs:  pip install pymorphy3 pymorphy3-dicts-ru   (about 30 s to run)
Prints the number of forms and triples. Exit: 0 done, 2 missing package.
"""

import collections
import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LETTERS = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
COUNTED = "сзшж"
KINDS = ("Surn", "Geox")


def stem(word):
    """The word without a gender or adjective ending, to match Захаров with Захарова."""
    for ending in ("ая", "ий", "ый", "ой", "а", "я"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)]
    return word


def evaluation_stems():
    """The stems of every Cyrillic name (and hyphen-joined part) in the accuracy lists."""
    stems = set()
    for path in glob.glob(os.path.join(ROOT, "Tests/GlossaTranslitTests/Data/names*.tsv")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    continue
                fields = line.rstrip("\n").split("\t")
                if len(fields) < 2 or fields[0] == "lang":
                    continue
                for part in fields[1].lower().split("-"):
                    stems.add(stem(part))
    return stems


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Sources/GlossaTranslit/Data/letter-contexts.tsv")
    try:
        import pymorphy3
    except ImportError:
        print("needs: pip install pymorphy3 pymorphy3-dicts-ru", file=sys.stderr)
        return 2
    excluded = evaluation_stems()
    analyzer = pymorphy3.MorphAnalyzer()
    forms = set()
    for word, tag, _normal, _paradigm, _index in analyzer.dictionary.iter_known_words():
        grammemes = tag.grammemes
        if "nomn" not in grammemes or "plur" in grammemes:
            continue
        if not any(kind in grammemes for kind in KINDS):
            continue
        if not set(word) <= LETTERS or stem(word) in excluded:
            continue
        forms.add(word)
    counts = collections.Counter()
    for word in forms:
        padded = "^" + word + "$"
        for index in range(1, len(padded) - 1):
            if padded[index] in COUNTED:
                counts[(padded[index - 1], padded[index], padded[index + 1])] += 1
    with open(output, "w", encoding="utf-8") as handle:
        handle.write("# Where Russian surnames and place names have с з ш ж: letter before (^ word start), letter,\n")
        handle.write("# letter after ($ word end), number of dictionary forms. Made by Scripts/make-letter-contexts.py\n")
        handle.write("# from the OpenCorpora dictionary (opencorpora.org, CC BY-SA 3.0), without the names of\n")
        handle.write("# Tests/GlossaTranslitTests/Data/names*.tsv. Do not edit by hand.\n")
        handle.write("left\tletter\tright\tcount\n")
        for (left, letter, right), count in sorted(counts.items()):
            handle.write(f"{left}\t{letter}\t{right}\t{count}\n")
    print(f"{len(forms)} forms, {len(counts)} triples -> {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
