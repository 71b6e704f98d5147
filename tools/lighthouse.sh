#!/usr/bin/env bash
# Lighthouse on the real site: build it (mkdocs build --strict), serve it on 127.0.0.1, and run the
# pinned Lighthouse (node_modules, 12.2.3) with Debian's Chromium on the home page and one entry.
# Prints the four scores (performance, accessibility, best practices, SEO) per page, from the run
# with the median performance score of LIGHTHOUSE_RUNS runs (default 3), and every audit that cost
# points. Exits 1 if a score is under LIGHTHOUSE_MIN (default 95).
#
#   tools/lighthouse.sh                  # Lighthouse's default: a phone on a throttled network
#   LIGHTHOUSE_PRESET=desktop tools/lighthouse.sh
#   LIGHTHOUSE_OUT=/tmp/lh tools/lighthouse.sh   # keep the HTML and JSON reports
#
# Environment: CHROMIUM_PATH (default /usr/bin/chromium), PYTHON (default .venv/bin/python),
# LIGHTHOUSE_PAGES (space-separated paths; default: the home page and one entry).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
LIGHTHOUSE=node_modules/.bin/lighthouse
export CHROME_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
MIN=${LIGHTHOUSE_MIN:-95}
RUNS=${LIGHTHOUSE_RUNS:-3}
PRESET=${LIGHTHOUSE_PRESET:-}
PAGES=${LIGHTHOUSE_PAGES:-"/ /entries/bloomberg-reports-us-citizen-released/"}
CHROME_FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking"

for tool in "$PYTHON" "$LIGHTHOUSE" "$CHROME_PATH"; do
  [ -x "$tool" ] || command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 2; }
done

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
origin="http://127.0.0.1:$port"

echo "== build (site_url $origin/)"
# The canonical links and sitemap then name the address Lighthouse reads the pages from.
SITE_URL="$origin/" NO_MKDOCS_2_WARNING=1 "$PYTHON" -m mkdocs build --strict --quiet -d "$work/site"

echo "== serve on $origin (gzip: ${LIGHTHOUSE_GZIP:-1})"
# GitHub Pages sends HTML, CSS, JS, JSON and XML gzipped; `python -m http.server` sends nothing
# compressed, which alone costs the phone profile ~290 KiB and ~1.5 s of first paint. So the pages
# are served gzipped, as readers get them; LIGHTHOUSE_GZIP=0 serves them plain.
if [ "${LIGHTHOUSE_GZIP:-1}" = 0 ]; then
  "$PYTHON" -m http.server --bind 127.0.0.1 "$port" --directory "$work/site" >/dev/null 2>&1 &
else
  "$PYTHON" - "$port" "$work/site" >/dev/null 2>&1 <<'PY' &
import functools, gzip, http.server, io, os, sys

TEXT = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv", "/")

class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        wants = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants and self.path.split("?")[0].endswith(TEXT) and os.path.isfile(path)):
            return super().send_head()
        with open(path, "rb") as file:
            body = gzip.compress(file.read(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

port, folder = int(sys.argv[1]), sys.argv[2]
server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=folder))
server.serve_forever()
PY
fi
server_pid=$!
"$PYTHON" - "$origin/" <<'PY'
import sys, time, urllib.request
for _ in range(100):
    try:
        urllib.request.urlopen(sys.argv[1], timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("the server did not start")
PY

out=${LIGHTHOUSE_OUT:-$work/reports}
mkdir -p "$out"
status=0
for path in $PAGES; do
  name=$(echo "$path" | tr -c 'a-zA-Z0-9\n' '-' | sed 's/^-*//; s/-*$//')
  name=${name:-home}
  reports=()
  for run in $(seq "$RUNS"); do
    echo "== lighthouse $origin$path, run $run of $RUNS${PRESET:+ (preset $PRESET)}"
    "$LIGHTHOUSE" "$origin$path" --quiet \
      --only-categories=performance,accessibility,best-practices,seo \
      ${PRESET:+--preset="$PRESET"} \
      --chrome-flags="$CHROME_FLAGS" \
      --output=json --output=html --output-path="$out/$name-$run" >/dev/null
    reports+=("$out/$name-$run.report.json")
  done
  "$PYTHON" - "$MIN" "$path" "${reports[@]}" <<'PY' || status=1
import json, sys
minimum, path, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
KEYS = ("performance", "accessibility", "best-practices", "seo")
runs = [json.load(open(file)) for file in files]

def scores(report):
    return {key: round((report["categories"][key]["score"] or 0) * 100) for key in KEYS}

# The run with the median performance score, as Lighthouse's own docs advise: a page's
# performance score moves from run to run on a busy machine; the other three do not.
ranked = sorted(range(len(runs)), key=lambda i: scores(runs[i])["performance"])
median = runs[ranked[len(ranked) // 2]]
final = scores(median)
titles = {key: median["categories"][key]["title"] for key in KEYS}
print(f"{path}: " + " | ".join(f"{titles[key]} {final[key]}" for key in KEYS)
      + (f"   (median of {len(runs)} runs; performance per run: "
         + ", ".join(str(scores(run)["performance"]) for run in runs) + ")" if len(runs) > 1 else ""))
for key in KEYS:
    for ref in median["categories"][key]["auditRefs"]:
        audit = median["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            print(f"    {key}: {ref['id']} (score {audit['score']:.2f}, weight {ref['weight']}) "
                  f"{audit.get('displayValue') or ''}")
sys.exit(1 if min(final.values()) < minimum else 0)
PY
done
if [ -n "${LIGHTHOUSE_OUT:-}" ]; then echo "reports in $out"; fi
if [ "$status" -ne 0 ]; then echo "a score is under $MIN" >&2; fi
exit "$status"
