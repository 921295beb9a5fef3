#!/usr/bin/env bash
# make-corpus.sh: builds a German plain-text benchmark corpus (about 50 MB by default).
#
# How: every German man page of Debian's `manpages-de` (/usr/share/man/de/man*/*.gz, gzip'd roff)
# is rendered to text with `mandoc -T utf8`; `col -bx` removes the backspace overstrike sequences
# that mark bold and underlined text (and turns tabs into spaces). The pages are concatenated in
# path order; since one pass is smaller than the target (about 11.6 MB for manpages-de 4.18),
# the same pages are appended again, whole page by whole page, until the file reaches the target
# size. Output is UTF-8 text with Unix line ends; the run is deterministic for a given package.
#
# Usage:  bash Scripts/make-corpus.sh [OUTPUT] [SIZE_MB]
#         OUTPUT   default: bench-data/corpus-de.txt in the repository (bench-data/ is git-ignored)
#         SIZE_MB  default: 50 (MiB: the file ends at the first page boundary at or past it)
# Needs:  apt-get install -y manpages-de mandoc   (col comes with bsdextrautils)
# Exit:   0 done, 1 failure, 2 missing prerequisites or bad arguments.

set -euo pipefail

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="${1:-$repo_root/bench-data/corpus-de.txt}"
size_mb="${2:-50}"
man_dir="${MAN_DE_DIR:-/usr/share/man/de}"

if ! [[ "$size_mb" =~ ^[0-9]+$ ]] || [ "$size_mb" -lt 1 ]; then
    echo "make-corpus.sh: SIZE_MB must be a positive whole number, got '$size_mb'" >&2
    exit 2
fi

missing=()
command -v mandoc >/dev/null 2>&1 || missing+=("mandoc")
command -v col >/dev/null 2>&1 || missing+=("col (bsdextrautils)")
if ! compgen -G "$man_dir/man*/*.gz" >/dev/null; then
    missing+=("manpages-de (no pages in $man_dir)")
fi
if [ "${#missing[@]}" -gt 0 ]; then
    echo "make-corpus.sh: missing prerequisites: ${missing[*]}" >&2
    echo "install them with:  apt-get install -y manpages-de mandoc" >&2
    exit 2
fi

target=$((size_mb * 1024 * 1024))
start=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Render each page once, in a stable order. Pages that are only `.so` links to another page
# render to nothing (the target page is rendered on its own) and are skipped.
pages=()
i=0
while IFS= read -r -d '' page; do
    i=$((i + 1))
    text="$work/$(printf '%05d' "$i").txt"
    if mandoc -T utf8 "$page" 2>/dev/null | col -bx >"$text" && [ -s "$text" ]; then
        pages+=("$text")
    else
        rm -f "$text"
    fi
done < <(find "$man_dir" -path "$man_dir/man*" -type f -name '*.gz' -print0 | LC_ALL=C sort -z)

if [ "${#pages[@]}" -eq 0 ]; then
    echo "make-corpus.sh: no page could be rendered from $man_dir" >&2
    exit 1
fi

cat "${pages[@]}" >"$work/pass.txt"
pass_size=$(stat -c %s "$work/pass.txt")

mkdir -p "$(dirname "$out")"
tmp_out="$out.partial"
: >"$tmp_out"
written=0
passes=0
# Whole passes while a whole pass still fits below the target...
while [ $((written + pass_size)) -le "$target" ]; do
    cat "$work/pass.txt" >>"$tmp_out"
    written=$((written + pass_size))
    passes=$((passes + 1))
done
# ...then single pages until the target is reached.
extra_pages=0
for text in "${pages[@]}"; do
    [ "$written" -ge "$target" ] && break
    cat "$text" >>"$tmp_out"
    written=$((written + $(stat -c %s "$text")))
    extra_pages=$((extra_pages + 1))
done
mv "$tmp_out" "$out"

elapsed=$(($(date +%s) - start))
bytes=$(stat -c %s "$out")
lines=$(wc -l <"$out")
echo "wrote $out: $bytes bytes ($((bytes / 1048576)) MiB), $lines lines"
echo "  from ${#pages[@]} pages in $man_dir (one pass: $pass_size bytes), $passes whole passes + $extra_pages pages, ${elapsed}s"
