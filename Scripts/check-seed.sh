#!/usr/bin/env bash
# Acceptance check on the seed article (../shared/seed/*.txt, or the files given): every output
# format is produced, the JSON offsets hold (input[start:end] == text), the XLIFF validates
# against the official OASIS schemas, and headless Chromium shows every gloss of the HTML page.
#
#   bash Scripts/check-seed.sh [ARTICLE.txt...]
#
# Needs a built `glossa` (swift build), xmllint (libxml2-utils) and chromium. Writes its outputs
# to .build/seed-check/. Exit status 0 when everything holds, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
shared="${GLOSSA_SHARED:-$root/../shared}"
glossa="$root/.build/debug/glossa"
[ -x "$glossa" ] || { echo "check-seed: build glossa first (swift build)" >&2; exit 2; }
articles=("$@")
[ ${#articles[@]} -gt 0 ] || articles=("$shared"/seed/*.txt)
out="$root/.build/seed-check"
mkdir -p "$out"
status=0
for article in "${articles[@]}"; do
    name="$(basename "$article" .txt)"
    for format in text markdown html json jsonl xliff; do
        ext=$format; [ "$format" = markdown ] && ext=md; [ "$format" = xliff ] && ext=xlf; [ "$format" = text ] && ext=txt
        "$glossa" annotate --quiet --format "$format" -o "$out/$name.$ext" "$article"
        [ -s "$out/$name.$ext" ] || { echo "check-seed: $format output is empty" >&2; status=1; }
    done
    python3 - "$article" "$out/$name.json" <<'PY' || status=1
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
if text.startswith("\ufeff"):
    text = text[1:]
doc = json.load(open(sys.argv[2], encoding="utf-8"))
bad = [a for a in doc["annotations"] if text[a["start"]:a["end"]] != a["text"]]
print(f"check-seed: {len(doc['annotations'])} annotations, {len(bad)} offset mismatches")
sys.exit(1 if bad or not doc["annotations"] else 0)
PY
    (cd "$shared/schemas" && xmllint --nonet --noout --schema xliff/drivers/xliff21-core+modules.xsd "$out/$name.xlf") || status=1
    bash "$root/Scripts/check-html.sh" "$out/$name.html" "$out/$name.png" "$out/$name.json" || status=1
done
exit $status
