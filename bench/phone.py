"""How the site holds up on a phone: every page of the running site at 320 and 390 CSS px wide.

    .venv/bin/python bench/phone.py [--base http://127.0.0.1:8000] [--all] [--widths 320,390]

Against a running site (`make run`). For one page of each page type (every page with --all), in
Danish and English: whether the page scrolls sideways (WCAG 1.4.10, reflow), which elements clip
their text (content wider than the box that hides it), and the page's height in px and in phone
screens. At 390 × 844 also the header's height (its share of the screen) and, on the search page,
where the first result starts. Measurements, not tests: tests/browser checks the limits.
"""

import argparse
import os
import sys
from collections import defaultdict

from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HEIGHT = 844
SEARCHES = {"da": "/soeg/?q=skp", "en": "/en/soeg/?q=skp"}

# Elements that clip: content wider than the box, where the box hides the rest (a box that
# scrolls on purpose, such as a wide table's own scroll box, does not count).
CLIPPED = """() => {
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
        if (el.closest('[data-scroll-box], .skipnav, .sr-only, script, style, datalist')) continue;
        const style = getComputedStyle(el);
        const hides = ['hidden', 'clip'].includes(style.overflowX)
            || style.textOverflow === 'ellipsis';
        if (hides && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 1) {
            out.push((el.className || el.tagName).toString().slice(0, 60) + ': ' +
                     (el.textContent || '').trim().slice(0, 40));
        }
    }
    return out;
}"""


def pages(api_client, base, every):
    """(type, language, url) of one page per type, or of every page, from the page API."""
    found = []
    for language in ("da", "en"):
        seen = set()
        offset = 0
        while True:
            api = f"{base}/api/v2/pages/?limit=100&offset={offset}&locale={language}"
            items = api_client.get(api).json()["items"]
            if not items:
                break
            for item in items:
                kind = item["meta"]["type"]
                if every or kind not in seen:
                    seen.add(kind)
                    url = item["meta"]["html_url"].replace("http://localhost", base)
                    found.append((kind, language, url))
            offset += 100
        found.append(("search results", language, base + SEARCHES[language]))
    return found


def measure(page, url):
    response = page.goto(url, wait_until="load")
    return {
        "status": response.status if response else None,
        "sideways": page.evaluate("document.documentElement.scrollWidth > window.innerWidth"),
        "clipped": page.evaluate(CLIPPED),
        "height": page.evaluate("document.documentElement.scrollHeight"),
        "header": page.evaluate(
            "(() => { const h = document.querySelector('header'); "
            "return h ? h.getBoundingClientRect().height : 0; })()"
        ),
        "first_result": page.evaluate(
            "(() => { const r = document.querySelector('.search-result'); "
            "return r ? r.getBoundingClientRect().top + window.scrollY : null; })()"
        ),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--all", action="store_true", help="every page, not one per type")
    parser.add_argument("--widths", default="320,390")
    args = parser.parse_args()
    widths = [int(w) for w in args.widths.split(",")]
    problems = 0
    with sync_playwright() as playwright:
        targets = pages(playwright.request.new_context(), args.base.rstrip("/"), args.all)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": HEIGHT})
            sideways = defaultdict(list)
            print(f"\n{width} × {HEIGHT} CSS px, {len(targets)} pages")
            for kind, language, url in targets:
                m = measure(page, url)
                bad = m["sideways"] or m["clipped"] or m["status"] != 200
                problems += bool(bad)
                if m["sideways"]:
                    sideways[kind].append(url)
                line = (
                    f"  {kind:<34} {language}  {m['height']:>6} px = {m['height'] / HEIGHT:4.1f} "
                    f"screens  header {m['header']:.0f} px ({m['header'] / HEIGHT:.0%})"
                )
                if m["first_result"] is not None:
                    line += f"  first result at {m['first_result']:.0f} px"
                if m["sideways"]:
                    line += "  SCROLLS SIDEWAYS"
                if m["status"] != 200:
                    line += f"  HTTP {m['status']}"
                if not args.all or bad:
                    print(line)
                for clip in m["clipped"][:3]:
                    print(f"      clips {clip}")
            kinds = {kind for kind, _, _ in targets}
            print(f"  page types that scroll sideways: {len(sideways)} of {len(kinds)}")
            page.close()
        browser.close()
    print(f"\npages with a problem (sideways, clipped or not 200): {problems}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
