"""CI's front-end checks on one demo site: the Nu Html Checker (validate_html.py), then
Lighthouse (lighthouse.py); fails if either does, and prints how long each part took.

    .venv/bin/python scripts/front_end_checks.py
"""

import shutil
import sys
import tempfile
import time
from pathlib import Path

from demo_site import DemoSite
from lighthouse import audit
from validate_html import validate


def main() -> int:
    started = time.monotonic()
    out = Path(tempfile.mkdtemp(prefix="pluginnovation-front-end-"))
    try:
        with DemoSite() as site:
            ready = time.monotonic()
            html = validate(site, out)
            checked = time.monotonic()
            lighthouse = audit(site, out)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    print(
        f"== front-end checks: {time.monotonic() - started:.0f} s (demo site ready "
        f"{ready - started:.0f} s, Nu Html Checker {checked - ready:.0f} s, Lighthouse "
        f"{time.monotonic() - checked:.0f} s)"
    )
    return 0 if html and lighthouse else 1


if __name__ == "__main__":
    sys.exit(main())
