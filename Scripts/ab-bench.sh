#!/usr/bin/env bash
# Alternates two glossa-bench binaries on the matching benchmarks and prints medians and minima:
# the way to compare builds on a machine whose timings drift more than one change gains.
#
#   bash Scripts/ab-bench.sh OLD_BENCH NEW_BENCH [RUNS] [GLOSSARY] [MODE]
#
# MODE pieces (default): `glossa-bench pieces-once` with GLOSSA_PIECES_AGAIN=2, the goal line's
# pieces matched once (first figure) and the best of two passes with the memory they left
# (second). MODE once: `glossa-bench match-once` with GLOSSA_BENCH_WARM_RUNS=3, the corpus as one
# document (first document; best warm run). RUNS alternations (default 6); GLOSSARY defaults to
# bench-data/ding-de-en.tsv; CORPUS=FILE replaces the corpus. Build the old binary in a worktree (`git worktree add ../old REV`,
# then `swift build -c release --product glossa-bench` there) and copy each binary aside.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: ab-bench.sh OLD_BENCH NEW_BENCH [RUNS] [GLOSSARY] [MODE]}
new=${2:?usage: ab-bench.sh OLD_BENCH NEW_BENCH [RUNS] [GLOSSARY] [MODE]}
runs=${3:-6}
glossary=${4:-bench-data/ding-de-en.tsv}
mode=${5:-pieces}
corpus=${CORPUS:-bench-data/corpus-de.txt}
for file in "$corpus" "$glossary" "$old" "$new"; do
    [ -e "$file" ] || { echo "ab-bench: $file is missing" >&2; exit 2; }
done
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for _ in $(seq "$runs"); do
    for bench in "$old" "$new"; do
        if [ "$mode" = once ]; then
            out=$(GLOSSA_BENCH_WARM_RUNS=3 "$bench" match-once "$corpus" "$glossary")
        else
            out=$(GLOSSA_PIECES_AGAIN=2 "$bench" pieces-once "$corpus" "$glossary")
        fi
        first=$(echo "$out" | sed -n 1p | awk '{ print $(NF - 1) }')
        again=$(echo "$out" | sed -n '2,$p' | awk '{ print $(NF - 1) }' | sort -n | head -n 1)
        echo "$bench $first $again" >> "$results"
    done
done
python3 - "$results" "$mode" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(lambda: ([], []))
for line in open(sys.argv[1]):
    bench, first, again = line.split()
    runs[bench][0].append(float(first))
    runs[bench][1].append(float(again))
names = ("first pass of the pieces", "again, memory warm") if sys.argv[2] != "once" else ("first document", "warm memory")
for bench, (first, again) in runs.items():
    print(f"{bench}: {names[0]} median {statistics.median(first):.3f} s (min {min(first):.3f}), "
          f"{names[1]} median {statistics.median(again):.3f} s (min {min(again):.3f}), {len(first)} runs")
PY
