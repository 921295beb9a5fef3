#!/usr/bin/env python3
"""Check Glossa glossary TSV files against the format in Glossaries/README.md.

Usage: Scripts/check-glossary-tsv.py FILE.tsv [FILE.tsv ...]

Checks, per file: comment lines only before/around data, a header with `de` and `en`,
no row longer than the header, non-empty `de`/`en`, NFC text, no leading, trailing or
double spaces, no empty `|` variant, known `type`/`status`/`case` values, Cyrillic only
in `orig`, German sort order (warning). Across all files given: no duplicate `de`
(case-insensitive) and no variant that equals another entry's `de` (warning).
Exit status 1 if any error was found.
"""
import re
import sys
import unicodedata

TYPES = {"person", "country", "city", "place", "org", "adjective", "demonym", "term", "event", "media"}
STATUSES = {"preferred", "admitted", "deprecated", "forbidden"}
CASES = {"sensitive", "insensitive"}
CYRILLIC = re.compile(r"[\u0400-\u052F\u1C80-\u1C8F\u2DE0-\u2DFF\uA640-\uA69F]")

errors = 0
warnings = 0


def err(path, line, col, msg):
    global errors
    errors += 1
    print(f"{path}:{line}:{col}: error: {msg}")


def warn(path, line, col, msg):
    global warnings
    warnings += 1
    print(f"{path}:{line}:{col}: warning: {msg}")


def sort_key(s):
    s = s.replace("ß", "ss")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s.casefold()


def check_file(path, seen_de, all_variants):
    with open(path, "rb") as f:
        raw = f.read()
    if b"\r" in raw:
        err(path, 1, 1, "file contains carriage returns (use LF line ends)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, 1, 1, f"not UTF-8: {e}")
        return
    header = None
    prev_key = None
    count = 0
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.startswith("#") or line.strip() == "":
            if line.strip() == "" and line != "":
                err(path, lineno, 1, "blank line contains spaces")
            continue
        fields = line.split("\t")
        if header is None:
            header = fields
            for req in ("de", "en"):
                if req not in header:
                    err(path, lineno, 1, f"header lacks '{req}'")
            if len(set(header)) != len(header):
                err(path, lineno, 1, "duplicate column in header")
            continue
        count += 1
        if len(fields) > len(header):
            err(path, lineno, len(header) + 1, f"row has {len(fields)} fields, header has {len(header)}")
        row = dict(zip(header, fields))
        for i, (name, value) in enumerate(zip(header, fields), start=1):
            if not unicodedata.is_normalized("NFC", value):
                err(path, lineno, i, f"'{name}' is not NFC")
            if value != value.strip():
                err(path, lineno, i, f"'{name}' has leading or trailing whitespace")
            if "  " in value:
                err(path, lineno, i, f"'{name}' has a double space")
            if any(unicodedata.category(c) in ("Cc", "Cf") for c in value):
                err(path, lineno, i, f"'{name}' has a control or format character")
            if name != "orig" and CYRILLIC.search(value):
                err(path, lineno, i, f"Cyrillic outside 'orig' in '{name}'")
        col = {name: i for i, name in enumerate(header, start=1)}
        de = row.get("de", "")
        en = row.get("en", "")
        if not de:
            err(path, lineno, col.get("de", 1), "empty 'de' field")
        if not en:
            err(path, lineno, col.get("en", 1), "empty 'en' field")
        if row.get("type") and row["type"] not in TYPES:
            err(path, lineno, col["type"], f"unknown type '{row['type']}'")
        if row.get("status") and row["status"] not in STATUSES:
            err(path, lineno, col["status"], f"unknown status '{row['status']}'")
        if row.get("case") and row["case"] not in CASES:
            err(path, lineno, col["case"], f"unknown case '{row['case']}'")
        variants = row.get("variants", "")
        if variants:
            parts = variants.split("|")
            if any(p == "" or p != p.strip() for p in parts):
                err(path, lineno, col["variants"], "empty or padded variant")
            case = row.get("case") or ("sensitive" if re.fullmatch(r"[A-Z0-9ÄÖÜ]{2,}", de) else "insensitive")
            fold = (lambda x: x.casefold()) if case == "insensitive" else (lambda x: x)
            low = [fold(p) for p in parts]
            if len(set(low)) != len(low):
                warn(path, lineno, col["variants"], "repeated variant")
            if fold(de) in low:
                warn(path, lineno, col["variants"], "variant repeats 'de'")
            for p in parts:
                all_variants.append((p.casefold(), de, path, lineno))
        key = de.casefold()
        if key in seen_de:
            other = seen_de[key]
            err(path, lineno, col.get("de", 1), f"duplicate 'de' '{de}' (also {other[0]}:{other[1]})")
        else:
            seen_de[key] = (path, lineno)
        sk = sort_key(de)
        if prev_key is not None and sk < prev_key:
            warn(path, lineno, col.get("de", 1), f"'{de}' is out of German alphabetical order")
        prev_key = sk
    if header is None:
        err(path, 1, 1, "no header line")
    print(f"{path}: {count} entries")


def main(paths):
    seen_de = {}
    all_variants = []
    for p in paths:
        check_file(p, seen_de, all_variants)
    for v, de, path, lineno in all_variants:
        if v in seen_de and v != de.casefold():
            other = seen_de[v]
            warn(path, lineno, 1, f"variant '{v}' of '{de}' is the 'de' of {other[0]}:{other[1]}")
    print(f"{errors} error(s), {warnings} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1:]))
