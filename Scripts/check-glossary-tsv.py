#!/usr/bin/env python3
"""Check Glossa glossary TSV files (format: Glossaries/README.md).

Usage: Scripts/check-glossary-tsv.py [PATH ...]

Each PATH is a .tsv file or a folder searched recursively for *.tsv files
(default: Glossaries). Every problem is printed as `file:line:column: message`,
where column is the 1-based character position in the line (the start of the
field for problems with a whole field). Exit status: 0 when all files are
clean, 1 when any problem was found, 2 on a usage error.

Checks: a header row naming `de` and `en` (no duplicate or empty column
names); no row longer than the header; non-empty `de` and `en`; every field
in NFC, without control characters, without leading, trailing or double
spaces; known values in `type`, `status` and `case`; no empty variant in
`variants`; and no `de` defined twice (case-insensitively) within or across
the checked files.
"""

import os
import sys
import unicodedata

TYPES = {"person", "country", "city", "place", "org", "adjective", "demonym", "term", "event", "media"}
STATUSES = {"preferred", "admitted", "deprecated", "forbidden"}
CASES = {"sensitive", "insensitive"}


def collect(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, names in os.walk(path):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".tsv")]
        else:
            files.append(path)
    return files


def field_problems(text):
    """Yields (offset in field, message) for one field's text."""
    if unicodedata.normalize("NFC", text) != text:
        yield 0, "field is not in NFC"
    for i, ch in enumerate(text):
        if unicodedata.category(ch) == "Cc":
            yield i, f"control character U+{ord(ch):04X}"
    if text != text.strip(" "):
        yield (0 if text.startswith(" ") else len(text.rstrip(" "))), "leading or trailing space"
    elif text.strip() != text:
        yield 0, "leading or trailing white space"
    index = text.find("  ")
    if index >= 0:
        yield index, "double space"


def check_file(path, seen, report):
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            data = handle.read()
    except UnicodeDecodeError as error:
        report(path, 1, 1, f"not valid UTF-8 ({error.reason} at byte {error.start})")
        return
    except OSError as error:
        report(path, 1, 1, f"cannot read: {error.strerror}")
        return
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header = None
    for number, raw in enumerate(lines, start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        if raw.endswith("\r"):
            report(path, number, len(raw), "carriage return at end of line")
        if line.startswith("#") or line.strip() == "":
            continue
        fields = line.split("\t")
        starts, position = [], 1
        for field in fields:
            starts.append(position)
            position += len(field) + 1
        if header is None:
            header = fields
            names = set()
            for i, name in enumerate(fields):
                if name == "":
                    report(path, number, starts[i], "empty column name in header")
                elif name != name.strip() or name != name.lower():
                    report(path, number, starts[i], f"column name '{name}' must be lower case without spaces")
                elif name in names:
                    report(path, number, starts[i], f"duplicate column '{name}'")
                names.add(name)
            for required in ("de", "en"):
                if required not in fields:
                    report(path, number, 1, f"header lacks the '{required}' column")
            continue
        if len(fields) > len(header):
            report(path, number, starts[len(header)], f"row has {len(fields)} fields, the header {len(header)}")
        row = {}
        for i, field in enumerate(fields):
            for offset, message in field_problems(field):
                report(path, number, starts[i] + offset, message)
            if i < len(header):
                row[header[i]] = (field, starts[i])
        for required in ("de", "en"):
            if required in header and row.get(required, ("", 0))[0].strip() == "":
                column = row[required][1] if required in row else position
                report(path, number, column, f"empty '{required}' field")
        for name, allowed in (("type", TYPES), ("status", STATUSES), ("case", CASES)):
            value, column = row.get(name, ("", 0))
            if value and value not in allowed:
                report(path, number, column, f"unknown {name} '{value}' (expected one of {', '.join(sorted(allowed))})")
        variants, column = row.get("variants", ("", 0))
        if variants and any(v.strip() == "" for v in variants.split("|")):
            report(path, number, column, "empty variant in 'variants'")
        de, column = row.get("de", ("", 0))
        if de.strip():
            key = " ".join(unicodedata.normalize("NFC", de).split()).casefold()
            if key in seen:
                first_path, first_line = seen[key]
                report(path, number, column, f"duplicate de '{de}' (first defined at {first_path}:{first_line})")
            else:
                seen[key] = (path, number)
    if header is None:
        report(path, max(len(lines), 1), 1, "no header row")


def main(argv):
    if any(arg in ("-h", "--help") for arg in argv):
        print(__doc__.strip())
        return 0
    files = collect(argv or ["Glossaries"])
    if not files:
        print("check-glossary-tsv: no .tsv files found", file=sys.stderr)
        return 2
    problems = 0

    def report(path, line, column, message):
        nonlocal problems
        problems += 1
        print(f"{path}:{line}:{column}: {message}")

    seen = {}
    for path in files:
        check_file(path, seen, report)
    if problems:
        print(f"check-glossary-tsv: {problems} problem(s) in {len(files)} file(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
