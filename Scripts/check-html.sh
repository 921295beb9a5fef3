#!/usr/bin/env bash
# Renders Glossa's HTML output in headless Chromium and checks what a reader would get.
#
#   Scripts/check-html.sh FILE.html [OUT.png] [GLOSSES]
#   Scripts/check-html.sh --fixture NAME [OUT.png]
#
# FILE.html: a page written by OutputFormat.html. GLOSSES: the expected glosses, either a JSON
# file as written by OutputFormat.json (its "annotations"[].gloss) or a text file with one gloss
# per line; by default the JSON file next to FILE.html (FILE.json).
# --fixture NAME renders Fixtures/de/NAME.txt through the test-only export path (the
# exportRenderings test with GLOSSA_RENDER_OUT set; run `swift build --build-tests` first) into
# bench-data/html/ (git-ignored) and takes the expected glosses from `glossa match`, which
# shares no code with the writers.
#
# Checks, on the DOM Chromium builds (--dump-dom):
#   - every expected gloss is shown (as ruby text over its span), as often as expected;
#   - the number of its-term="yes" elements equals the number of expected glosses;
#   - no <script> element and no external resource;
#   - at phone width (390x844) the page does not scroll sideways.
# With OUT.png, writes screenshots: OUT.png (1280x2000), OUT-phone.png (390x844) and
# OUT-tip.png (phone width, first tooltip forced open) to look at.
# Exit status 0 when every check passes, 1 otherwise, 2 on usage or tool errors.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
if [[ -z "$chromium" ]]; then
    echo "check-html: chromium not found (apt-get install -y chromium)" >&2
    exit 2
fi
command -v python3 >/dev/null || { echo "check-html: python3 not found" >&2; exit 2; }

glosses=""
if [[ "${1:-}" == "--fixture" ]]; then
    name="${2:?usage: check-html.sh --fixture NAME [OUT.png]}"
    out_png="${3:-}"
    text="$root/Fixtures/de/$name.txt"
    [[ -f "$text" ]] || { echo "check-html: no fixture $text" >&2; exit 2; }
    dir="$root/bench-data/html"
    mkdir -p "$dir"
    (cd "$root" && GLOSSA_RENDER_OUT="$dir" swift test --skip-build --filter exportRenderings >/dev/null) \
        || { echo "check-html: export failed (run swift build --build-tests first)" >&2; exit 2; }
    html="$dir/$name.html"
    glosses="$dir/$name.expected.txt"
    (cd "$root" && .build/debug/glossa match "$text") | tail -n +2 | cut -f4 > "$glosses"
else
    html="${1:?usage: check-html.sh FILE.html [OUT.png] [GLOSSES]}"
    out_png="${2:-}"
    glosses="${3:-${html%.html}.json}"
fi
[[ -f "$html" ]] || { echo "check-html: no file $html" >&2; exit 2; }
[[ -f "$glosses" ]] || { echo "check-html: no expected glosses $glosses" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
html_abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

run_chromium() {
    # Chromium logs D-Bus noise on stderr in containers; keep it out of the way.
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>"$tmp/chromium.log"
}

run_chromium --dump-dom "file://$html_abs" > "$tmp/dom.html"

# A wrapper page showing FILE in a 390x844 iframe (srcdoc: same origin, so the wrapper can
# measure it; Chromium's window has a minimum width of 500 px), and a copy with the first
# tooltip forced open for the screenshot.
python3 - "$html_abs" "$tmp/measure.html" "$tmp/tip.html" <<'PY'
import html, sys
page = open(sys.argv[1], encoding="utf-8").read()
wrapper = ('<!DOCTYPE html><html><body style="margin:0">'
           '<iframe id="f" style="border:0;width:390px;height:844px" srcdoc="' + html.escape(page, quote=True) + '"'
           ' onload="var d=this.contentDocument.documentElement;'
           'document.body.setAttribute(\'data-scroll-width\', d.scrollWidth + \'/\' + this.contentWindow.innerWidth)">'
           '</iframe></body></html>')
open(sys.argv[2], "w", encoding="utf-8").write(wrapper)
open(sys.argv[3], "w", encoding="utf-8").write(page.replace("</head>", "<style>#tip1{display:block}</style></head>"))
PY
run_chromium --window-size=800,900 --dump-dom "file://$tmp/measure.html" > "$tmp/measured.html"

status=0
python3 - "$tmp/dom.html" "$glosses" "$tmp/measured.html" <<'PY' || status=$?
import collections, json, re, sys
from html.parser import HTMLParser

dom_path, glosses_path, measured_path = sys.argv[1:4]

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.rt, self.terms, self.scripts, self.external = [], [], 0, 0, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("its-term") == "yes": self.terms += 1
        if tag == "script": self.scripts += 1
        for key in ("src", "href"):
            if re.match(r"(?i)\s*(https?:)?//", a.get(key) or ""): self.external.append(a[key])
        if tag == "link": self.external.append(a.get("href", "<link>"))
        if tag == "rt": self.rt.append("")
        if tag not in ("meta", "br", "img", "link", "input", "hr", "wbr"): self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag: pass
    def handle_data(self, data):
        if "rt" in self.stack and self.rt: self.rt[-1] += data

page = Page()
page.feed(open(dom_path, encoding="utf-8").read())

raw = open(glosses_path, encoding="utf-8").read()
if glosses_path.endswith(".json"):
    expected = [a["gloss"] for a in json.loads(raw)["annotations"]]
else:
    expected = [line for line in raw.split("\n") if line.strip()]

failures = []
shown = collections.Counter(g.strip() for g in page.rt)
for gloss, count in collections.Counter(expected).items():
    if shown[gloss] < count:
        failures.append(f"gloss {gloss!r} shown {shown[gloss]} time(s), expected {count}")
if page.terms != len(expected):
    failures.append(f"{page.terms} its-term=\"yes\" elements, expected {len(expected)}")
if page.scripts:
    failures.append(f"{page.scripts} <script> element(s) in the page")
if page.external:
    failures.append(f"external resources: {page.external[:5]}")
m = re.search(r'data-scroll-width="(\d+)/(\d+)"', open(measured_path, encoding="utf-8").read())
if not m:
    failures.append("could not measure the page width at phone size")
elif int(m.group(1)) > int(m.group(2)):
    failures.append(f"page is {m.group(1)} px wide in a {m.group(2)} px viewport (scrolls sideways)")

width = f", phone page width {m.group(1)} px in a {m.group(2)} px viewport" if m else ""
print(f"check-html: {len(expected)} expected glosses, {len(page.rt)} shown, {page.terms} ITS terms{width}")
for f in failures: print("FAIL:", f)
sys.exit(1 if failures else 0)
PY

if [[ -n "$out_png" ]]; then
    base="${out_png%.png}"
    run_chromium --window-size=1280,2000 --screenshot="$base.png" "file://$html_abs" >/dev/null
    run_chromium --window-size=390,844 --screenshot="$base-phone.png" "file://$html_abs" >/dev/null
    run_chromium --window-size=390,844 --screenshot="$base-tip.png" "file://$tmp/tip.html" >/dev/null
    echo "check-html: screenshots $base.png $base-phone.png $base-tip.png"
fi
exit $status
