#!/usr/bin/env bash
# Counts the instructions (callgrind) of one benchmark stage on a slice of the corpus: the A/B
# measure for changes whose wall-clock effect is below this machine's noise (±10–15%).
#
#   bash Scripts/instructions.sh match [SLICE_BYTES] [GLOSSARY]     Matcher.matches(in:memory:), a first and a warm run
#   bash Scripts/instructions.sh tokenize [SLICE_BYTES]             one Document build
#   bash Scripts/instructions.sh annotate [SLICE_BYTES] [GLOSSARY]  annotate --format jsonl on one thread (two runs)
#
# Defaults: the first 2,000,000 bytes of bench-data/corpus-de.txt, the Ding glossary. With
# CACHE_SIM=1 callgrind also simulates the caches and prints data reads and writes with their
# first-level and "last-level" misses, the last level modelled as this machine's 1 MiB
# second-level cache per core (what the matcher's tables overflow; its 32 MiB third level holds
# them): a deterministic measure for memory-bound changes, of a model rather than the machine. Needs
# valgrind (apt-get install valgrind). The release binary is copied and stripped of debug
# information first (valgrind cannot read the debug information of the C targets' objects).
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:-match}
bytes=${2:-2000000}
glossary=${3:-bench-data/ding-de-en.tsv}
command -v valgrind >/dev/null || { echo "instructions: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[ -f bench-data/corpus-de.txt ] || { echo "instructions: bench-data/corpus-de.txt is missing (bash Scripts/make-corpus.sh)" >&2; exit 2; }
swift build -c release --product glossa-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c "$bytes" bench-data/corpus-de.txt > "$work/slice.txt"
cache=()
if [ "${CACHE_SIM:-0}" = 1 ]; then cache=(--cache-sim=yes --LL=1048576,16,64); fi
cp .build/release/glossa-bench "$work/bench"
strip -g "$work/bench"
case "$stage" in
    match)
        symbol=$(nm "$work/bench" | awk '/MatcherV7matches2in6memory/ { symbol = $3 } END { print symbol }')
        valgrind --tool=callgrind "${cache[@]}" --callgrind-out-file="$work/out" --toggle-collect="$symbol" \
            "$work/bench" match-once "$work/slice.txt" "$glossary" > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
        grep -E "matches|refs|misses|miss rate" "$work/log"
        ;;
    tokenize)
        valgrind --tool=callgrind "${cache[@]}" --callgrind-out-file="$work/out" "$work/bench" tokenize-once "$work/slice.txt" > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
        grep -E "tokens|refs|misses|miss rate" "$work/log"
        ;;
    annotate)
        symbol=$(nm "$work/bench" | awk '/StreamingAnnotationO10jsonlBytes/ && / T / { symbol = $3 } END { print symbol }')
        valgrind --tool=callgrind "${cache[@]}" --callgrind-out-file="$work/out" --toggle-collect="$symbol" \
            "$work/bench" annotate "$work/slice.txt" "$glossary" --jobs 1 > "$work/log" 2>&1 || { cat "$work/log" >&2; exit 1; }
        grep -E "annotations|refs|misses|miss rate" "$work/log"
        ;;
    *)
        echo "usage: bash Scripts/instructions.sh match|tokenize|annotate [SLICE_BYTES] [GLOSSARY]" >&2
        exit 2
        ;;
esac
