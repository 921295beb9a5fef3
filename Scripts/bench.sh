#!/usr/bin/env bash
# Runs Glossa's benchmarks and prints their figures (each in its own process, so that every
# peak-memory figure belongs to one benchmark).
#
#   bash Scripts/bench.sh [CORPUS] [GLOSSARY]
#
# Defaults: bench-data/corpus-de.txt (make it with `bash Scripts/make-corpus.sh`) and
# bench-data/ding-de-en.tsv (`python3 Scripts/ding-to-glossary.py`); GLOSSARY may be a folder of
# glossaries (`Glossaries/de-en`). Timings are the best of
# several runs; run on a quiet machine, they vary with load.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-bench-data/corpus-de.txt}
glossary=${2:-bench-data/ding-de-en.tsv}
for file in "$corpus" "$glossary"; do
    if [ ! -e "$file" ]; then
        echo "bench: $file is missing; see the header of this script for how to make it" >&2
        exit 2
    fi
done
swift build -c release --product glossa-bench >/dev/null
bench=.build/release/glossa-bench
echo "== tokenization (issue: Document building ≥ 0.6 of the bare ICU loop)"
"$bench" tokenize "$corpus"
echo "== glossary loading (issue: ≤ 1 s, ≤ 300 MB for the 246k-entry Ding glossary)"
"$bench" glossary "$glossary"
echo "== matching (issue: adds ≤ 30% to tokenization)"
"$bench" match "$corpus" "$glossary"
# The corpus of make-corpus.sh repeats its pages: the text before the first page comes again is
# met once, and shows what a first sight of each word costs.
first_line=$(head -n 1 "$corpus")
repeat_at=$(grep -b -F -x -- "$first_line" "$corpus" | sed -n 2p | cut -d: -f1 || true)
if [ -n "$repeat_at" ]; then
    once=$(mktemp)
    trap 'rm -f "$once"' EXIT
    head -c "$repeat_at" "$corpus" > "$once"
    echo "== matching on text met once (the corpus's first $repeat_at bytes, before its pages repeat)"
    "$bench" match "$once" "$glossary"
fi
echo "== end to end: annotate --format jsonl (issue: ≥ 0.40 of the bare ICU loop)"
"$bench" annotate "$corpus" "$glossary"
