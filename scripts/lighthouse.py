"""Lighthouse 12 (npm) with Debian's Chromium on a phone profile (its default: a mid-range phone,
simulated slow 4G and a CPU four times slower than this machine's) over the home page, search
results, a method, the statistics overview and a municipality page, served as production does
(scripts/demo_site.py).

Prints each page's scores and what cost points; fails unless accessibility, best practices and
SEO are 100 and performance at least 95. Search pages are `noindex` on purpose, so their SEO
score is printed and not held to 100.

Performance moves with the machine's load: other work only ever slows a run, while a real
regression shows in every run. A page below the bar is measured twice more and the best run
counts. Lighthouse measures the machine's speed before each run (its benchmark index, printed
beside each score); below 1000 it warns that the machine is slower than its fourfold CPU
slowdown assumes and asks for the slowdown to be calibrated. The runs again therefore scale the
slowdown by index / 1000 (the index of the run before), to simulate about the same phone.

    .venv/bin/python scripts/lighthouse.py [--keep DIR]
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from demo_site import DemoSite, node_tool, run_check

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
# Lighthouse's default CPU slowdown, and the benchmark index it expects of the machine for it
# (core/gather/driver/environment.js: SLOW_CPU_BENCHMARK_INDEX_THRESHOLD).
SLOWDOWN, EXPECTED_SPEED = 4.0, 1000


def run(url: str, report: Path, slowdown: float = SLOWDOWN) -> dict:
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
            f"--throttling.cpuSlowdownMultiplier={slowdown}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    result = json.loads(report.read_text(encoding="utf-8"))
    speed = round(result["environment"]["benchmarkIndex"])
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
    return {"scores": scores, "lost": lost, "speed": speed, "slowdown": slowdown}


def describe(result: dict) -> str:
    return f"{result['scores']['performance']} @{result['speed']}×{result['slowdown']:g}"


def audit(site: DemoSite, out: Path) -> bool:
    """Lighthouse over the pages of the running site (reports in `out`); print the figures."""
    started = time.monotonic()
    results, failures = {}, []
    paths = {p.label: p.path for p in site.pages(signed_in=False) if p.language == "sv"}
    for label, name in PAGES:
        url = site.url + paths[label]
        runs = [run(url, out / f"{name}.json")]
        while (
            len(runs) < 3 and max(r["scores"]["performance"] for r in runs) < MINIMUM["performance"]
        ):
            slowdown = round(SLOWDOWN * min(1.0, runs[-1]["speed"] / EXPECTED_SPEED), 1)
            runs.append(run(url, out / f"{name}-{len(runs) + 1}.json", slowdown))
        # Performance: the best run; the other categories do not vary with load: the worst.
        scores = {c: min(r["scores"][c] for r in runs) for c in CATEGORIES}
        scores["performance"] = max(r["scores"]["performance"] for r in runs)
        results[name] = (paths[label], {"scores": scores, "lost": runs[-1]["lost"], "runs": runs})
    widths = {"performance": 40, "accessibility": 15, "best-practices": 16, "seo": 13}
    print(f"\n== Lighthouse 12, phone profile ({CHROMIUM}); performance: the best run counts,")
    print("   each run as score @ benchmark index × CPU slowdown")
    print(f"{'page':<14}{'path':<40}" + "".join(f"{c:>{widths[c]}}" for c in CATEGORIES))
    for name, (path, result) in results.items():
        cells = []
        for category in CATEGORIES:
            score = result["scores"][category]
            cell = str(score)
            if category == "performance":
                cell += " (" + ", ".join(describe(r) for r in result["runs"]) + ")"
            if category == "seo" and name in NOINDEX:
                cell += " noindex"
            elif score < MINIMUM[category]:
                cell += " !"
                failures.append(f"{name} {category} {score} < {MINIMUM[category]}")
            cells.append(f"{cell:>{widths[category]}}")
        print(f"{name:<14}{path[:38]:<40}" + "".join(cells))
    for name, (_path, result) in results.items():
        for category, audits in result["lost"].items():
            if audits:
                print(f"   {name} {category}: {', '.join(audits)}")
    print(f"== Lighthouse: {time.monotonic() - started:.0f} s")
    for failure in failures:
        print("FAIL", failure)
    return not failures


def main() -> int:
    return run_check(
        __doc__.splitlines()[0],
        audit,
        keep_help="keep the JSON reports in this directory",
        missing=None
        if Path(CHROMIUM).exists()
        else f"lighthouse.py needs Chromium at {CHROMIUM}: apt-get install chromium",
    )


if __name__ == "__main__":
    sys.exit(main())
