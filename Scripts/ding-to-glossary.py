#!/usr/bin/env python3
"""ding-to-glossary.py: makes a large German -> English benchmark glossary in Glossa's TSV format.

How: reads Debian's `trans-de-en` dictionary (the Ding dictionary of TU Chemnitz,
/usr/share/trans/de-en, GPL-2+). Each line there is `German :: English`; `|` separates sub-entries
(the first is the headword group, later ones are plurals, phrases, examples) and `;` separates
synonyms; `{f}`, `{adj}`... give grammar, `[...]`, `(...)` and `<...>` annotate; `#` starts a
comment line. Every synonym of the first German sub-entry becomes one glossary entry, with the
first English rendering of the first English sub-entry as its translation. Annotations are
removed, whitespace is collapsed, entries with a TAB or an empty side are skipped, and the first
entry for a German term wins (exact, case-sensitive comparison). `type` is `adjective` for words
marked `{adj}` and `term` otherwise. The file format is described in Glossaries/README.md.

Usage:  python3 Scripts/ding-to-glossary.py [OUTPUT] [--input PATH]
        OUTPUT  default: bench-data/ding-de-en.tsv in the repository (bench-data/ is git-ignored)
        --input default: /usr/share/trans/de-en
Needs:  apt-get install -y trans-de-en
Prints the number of entries written. Exit: 0 done, 2 missing input.
"""

import argparse
import os
import sys
import time

OPEN_TO_CLOSE = {"{": "}", "[": "]", "(": ")", "<": ">"}
CLOSERS = set(OPEN_TO_CLOSE.values())


def split_top_level(text, separator):
    """Splits `text` at `separator` where it is not inside {...}, [...], (...) or <...>."""
    parts, depth, current = [], 0, []
    for ch in text:
        if ch in OPEN_TO_CLOSE:
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
        if ch == separator and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def strip_annotations(text):
    """Removes every bracketed annotation (nesting allowed) and collapses whitespace."""
    kept, depth = [], 0
    for ch in text:
        if ch in OPEN_TO_CLOSE:
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
        elif depth == 0:
            kept.append(ch)
    return " ".join("".join(kept).split())


def grammar_tags(text):
    """The contents of the top-level {...} groups of a synonym, e.g. ['adj'] or ['prp; +Dat.']."""
    tags, depth, current = [], 0, []
    for ch in text:
        if ch in OPEN_TO_CLOSE:
            depth += 1
            if depth == 1 and ch == "{":
                current = []
                continue
        elif ch in CLOSERS and depth > 0:
            depth -= 1
            if depth == 0 and ch == "}":
                tags.append("".join(current).strip())
                continue
        if depth >= 1:
            current.append(ch)
    return tags


def convert(lines):
    """Yields (de, en, type) for each German headword, first occurrence only."""
    seen = set()
    stats = {"lines": 0, "skipped_tab": 0, "skipped_empty": 0, "duplicates": 0}
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        stats["lines"] += 1
        if "::" not in line:
            stats["skipped_empty"] += 1
            continue
        german, english = line.split("::", 1)
        if "\t" in german or "\t" in english:
            stats["skipped_tab"] += 1
            continue
        renderings = (strip_annotations(s) for s in split_top_level(split_top_level(english, "|")[0], ";"))
        en = next((r for r in renderings if r), "")
        for synonym in split_top_level(split_top_level(german, "|")[0], ";"):
            de = strip_annotations(synonym)
            if not de or not en or de.startswith("#"):
                stats["skipped_empty"] += 1
                continue
            if de in seen:
                stats["duplicates"] += 1
                continue
            seen.add(de)
            kind = "adjective" if "adj" in grammar_tags(synonym) else "term"
            yield de, en, kind
    convert.stats = stats


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description="Ding (trans-de-en) -> Glossa glossary TSV")
    parser.add_argument("output", nargs="?", default=os.path.join(root, "bench-data", "ding-de-en.tsv"))
    parser.add_argument("--input", default="/usr/share/trans/de-en")
    args = parser.parse_args()

    if not os.path.isfile(args.input):
        print(f"ding-to-glossary.py: {args.input} not found", file=sys.stderr)
        print("install it with:  apt-get install -y trans-de-en", file=sys.stderr)
        return 2

    start = time.monotonic()
    version = ""
    with open(args.input, encoding="utf-8") as source:
        lines = source.readlines()
    for line in lines[:5]:
        if line.startswith("# Version ::"):
            version = line.split("::", 1)[1].strip()

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    count = 0
    partial = args.output + ".partial"
    with open(partial, "w", encoding="utf-8", newline="\n") as out:
        out.write(f"# Source: Ding German-English dictionary (Debian trans-de-en, {args.input}"
                  f"{', version ' + version if version else ''}), GPL-2+, https://dict.tu-chemnitz.de/\n")
        out.write("# Generated for benchmarks by: python3 Scripts/ding-to-glossary.py\n")
        out.write("de\ten\ttype\n")
        for de, en, kind in convert(lines):
            out.write(f"{de}\t{en}\t{kind}\n")
            count += 1
    os.replace(partial, args.output)

    stats = convert.stats
    elapsed = time.monotonic() - start
    print(f"wrote {args.output}: {count} entries, {os.path.getsize(args.output)} bytes")
    print(f"  from {stats['lines']} dictionary lines; skipped {stats['duplicates']} duplicate German terms, "
          f"{stats['skipped_empty']} empty sides, {stats['skipped_tab']} with tabs; {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
