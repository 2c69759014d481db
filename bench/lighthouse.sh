#!/usr/bin/env bash
# Mobile Lighthouse scores (performance, accessibility, best practices, SEO) of the pages a
# practitioner uses most, against a running site (`make run`), with Debian's Chromium.
#
#   bash bench/lighthouse.sh [BASE_URL]        (default http://127.0.0.1:8000)
#
# Lighthouse 12.2.3 (pinned in bench/lighthouse/package-lock.json; 13 needs a newer Node) is
# installed on first use into bench/lighthouse/node_modules: the tests do not need it. Reports go
# to var/lighthouse/. Aim (issue 18): 95 or more in every category on every page.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE="${1:-http://127.0.0.1:8000}"
CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}"
export CHROME_PATH
[ -x bench/lighthouse/node_modules/.bin/lighthouse ] || \
    npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
OUT=var/lighthouse
mkdir -p "$OUT"

# The template form, a method, a legal page, a guide and a course, found through the page API.
first_url() {
    curl -sf "$BASE/api/v2/pages/?type=$1&locale=da&limit=1&fields=_,html_url" |
        python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['meta']['html_url'])" |
        sed "s#^http://localhost#$BASE#"
}
template=$(first_url downloads.TemplatePage)
declare -a PAGES=(
    "home $BASE/"
    "search $BASE/soeg/?q=skp"
    "method $(first_url methods.MethodPage)"
    "legal $(first_url legal.LegalPage)"
    "situation $(first_url situations.SituationPage)"
    "course $(first_url courses.CoursePage)"
    "template-form ${template%/}/udfyld/"
)

printf "%-14s %5s %5s %5s %5s  %s\n" page perf a11y best seo url
for entry in "${PAGES[@]}"; do
    name=${entry%% *}
    url=${entry#* }
    # Headless Chromium now and then loses the trace (NO_NAVSTART): such a run is made again.
    for attempt in 1 2 3; do
        bench/lighthouse/node_modules/.bin/lighthouse "$url" --quiet --output=json \
            --output-path="$OUT/$name.json" --form-factor=mobile \
            --only-categories=performance,accessibility,best-practices,seo \
            --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null 2>&1 || true
        python3 -c "import json,sys; sys.exit(bool(json.load(open(sys.argv[1])).get('runtimeError')))" \
            "$OUT/$name.json" 2>/dev/null && break
    done
    python3 - "$OUT/$name.json" "$name" "$url" <<'PY'
import json, sys
path, name, url = sys.argv[1:]
try:
    report = json.load(open(path))
except (OSError, ValueError):
    print(f"{name:<14} failed: no report ({url})")
    sys.exit()
scores = [report["categories"][c]["score"] for c in ("performance", "accessibility", "best-practices", "seo")]
cells = " ".join(f"{round(s * 100):>5}" if s is not None else "    -" for s in scores)
print(f"{name:<14} {cells}  {url}")
PY
done
