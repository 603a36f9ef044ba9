"""The Nu Html Checker (the W3C validator, npm vnu-jar) over every page type, anonymous and
signed in, in both languages.

Serves the demo site as production does (scripts/demo_site.py), saves every page, checks them
all in one run of vnu.jar, prints each error with its page and the counts, and fails on any
error, on a page that does not answer as expected (200, or 404 for the missing page), or when
the checker misses the errors of a known-invalid page checked with them.

    .venv/bin/python scripts/validate_html.py [--keep DIR]

Needs Java (Debian: default-jre-headless; .ci/run installs it) and npm.
"""

import json
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from demo_site import DemoSite, node_tool, run_check

# Checked with the pages: the checker must find the two errors the site once had (fractions of a
# second beyond three digits in <time datetime>, a stray </p>), or its silence proves nothing.
CANARY = (
    '<!DOCTYPE html><html lang="sv"><head><title>Kanarie</title></head><body>'
    '<p><time datetime="2026-12-03T10:00:00.123456+00:00">3 december 2026</time></p></p>'
    "</body></html>"
)


def check(files: list[Path]) -> list[dict]:
    """vnu's messages for the files: one Java start for all of them."""
    jar = node_tool("vnu-jar/build/dist/vnu.jar")
    result = subprocess.run(
        ["java", "-jar", str(jar), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        sys.exit(f"vnu gave no report (exit {result.returncode}):\n{result.stderr[-2000:]}")


def validate(site: DemoSite, out: Path) -> bool:
    """Save every page of the running site in `out`, check them all, print what was found."""
    started = time.monotonic()
    failures = []
    pages = {}
    for page in site.pages():
        status, body = site.get(page)
        expected = 404 if page.label == "not found" else 200
        if status != expected:
            failures.append(f"{page.name} {page.path}: answered {status}, not {expected}")
        (out / f"{page.name}.html").write_bytes(body)
        pages[f"{page.name}.html"] = page
    fetched = time.monotonic()
    canary = out / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    messages = check([canary, *(out / name for name in pages)])
    caught = [m for m in messages if m.get("url", "").endswith("/canary.html")]
    if sum(m.get("type") == "error" for m in caught) < 2:
        failures.append(f"the checker missed the canary page's two errors: {caught}")
    messages = [m for m in messages if m not in caught]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    by_page = Counter()
    for message in errors:
        page = pages.get(message.get("url", "").rsplit("/", 1)[-1])
        where = f"{page.name} {page.path}" if page else message.get("url", "?")
        by_page[where] += 1
        print(
            f"ERROR {where} line {message.get('lastLine', '?')}: {message.get('message')}\n"
            f"      {message.get('extract', '').strip()[:160]}"
        )
    languages = sorted({p.language for p in pages.values()})
    signed_in = sum(p.signed_in for p in pages.values())
    print(
        f"== Nu Html Checker: {len(pages)} pages ({len(pages) - signed_in} anonymous, "
        f"{signed_in} signed in; {', '.join(languages)}): {len(errors)} errors on "
        f"{len(by_page)} pages, {len(warnings)} warnings "
        f"(pages fetched in {fetched - started:.0f} s, checked in {time.monotonic() - fetched:.0f} s)"
    )
    for failure in failures:
        print("FAIL", failure)
    return not errors and not failures


def main() -> int:
    return run_check(
        __doc__.splitlines()[0],
        validate,
        keep_help="save the checked pages in this directory",
        missing=None
        if shutil.which("java")
        else "validate_html.py needs Java: apt-get install default-jre-headless",
    )


if __name__ == "__main__":
    sys.exit(main())
