"""Lighthouse 12 (npm) with Debian's Chromium on a phone profile (its default: a mid-range phone,
simulated slow 4G and a slower CPU) over the home page, search results, a method, the
statistics overview and a municipality page, served as production does (scripts/demo_site.py).

Prints each page's scores and what cost points; fails unless accessibility, best practices and
SEO are 100 and performance at least 95. Search pages are `noindex` on purpose, so their SEO
score is printed and not held to 100. A performance score below the bar is measured twice more
and the median counts (the figure moves with the machine's load).

    .venv/bin/python scripts/lighthouse.py [--keep DIR]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from demo_site import DemoSite, node_tool

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# (page label in tests/e2e/content.py, what it is called here)
PAGES = [
    ("home", "home"),
    ("search results", "search"),
    ("method", "method"),
    ("statistics", "statistics"),
    ("municipality", "municipality"),
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
NOINDEX = {"search"}


def run(url: str, report: Path) -> dict:
    """One Lighthouse run: its scores (0–100) and the audits below full marks, by category."""
    cli = node_tool("lighthouse/cli/index.js")
    subprocess.run(
        [
            "node",
            str(cli),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    audits = result["audits"]
    scores, lost = {}, {}
    for name in CATEGORIES:
        category = result["categories"][name]
        scores[name] = round((category["score"] or 0) * 100)
        lost[name] = [
            f"{ref['id']} ({audits[ref['id']].get('displayValue') or audits[ref['id']]['score']})"
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and (audits[ref["id"]]["score"] or 0) < 1
        ]
    return {"scores": scores, "lost": lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep the JSON reports in this directory")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        sys.exit(f"lighthouse.py needs Chromium at {CHROMIUM}: apt-get install chromium")
    started = time.monotonic()
    out = args.keep or Path(tempfile.mkdtemp(prefix="pluginnovation-lighthouse-"))
    out.mkdir(parents=True, exist_ok=True)
    results, failures = {}, []
    with DemoSite() as site:
        ready = time.monotonic()
        paths = {p.label: p.path for p in site.pages(signed_in=False) if p.language == "sv"}
        for label, name in PAGES:
            url = site.url + paths[label]
            result = run(url, out / f"{name}.json")
            performance = [result["scores"]["performance"]]
            if performance[0] < MINIMUM["performance"]:
                for attempt in (2, 3):
                    again = run(url, out / f"{name}-{attempt}.json")
                    performance.append(again["scores"]["performance"])
                result["scores"]["performance"] = round(statistics.median(performance))
            result["runs"] = performance
            results[name] = (paths[label], result)
    print(f"\n== Lighthouse 12, phone profile ({CHROMIUM})")
    print(f"{'page':<14}{'path':<46}" + "".join(f"{c[:13]:>15}" for c in CATEGORIES))
    for name, (path, result) in results.items():
        cells = []
        for category in CATEGORIES:
            score = result["scores"][category]
            cell = str(score)
            if category == "performance" and len(result["runs"]) > 1:
                cell += f" ({'/'.join(map(str, result['runs']))})"
            exempt = category == "seo" and name in NOINDEX
            if exempt:
                cell += " noindex"
            elif score < MINIMUM[category]:
                cell += " !"
                failures.append(f"{name} {category} {score} < {MINIMUM[category]}")
            cells.append(f"{cell:>15}")
        print(f"{name:<14}{path[:44]:<46}" + "".join(cells))
    for name, (_path, result) in results.items():
        for category, audits in result["lost"].items():
            if audits:
                print(f"   {name} {category}: {', '.join(audits)}")
    print(
        f"== time: site ready {ready - started:.0f} s, Lighthouse {time.monotonic() - ready:.0f} s, "
        f"total {time.monotonic() - started:.0f} s"
    )
    for failure in failures:
        print("FAIL", failure)
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
