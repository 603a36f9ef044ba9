"""Check that the lock file (requirements.txt) pins every dependency pyproject.toml asks for, at a
version it allows. `make lock` rewrites the lock (uv pip compile); `make lint` runs this, so a
dependency added to pyproject.toml without `make lock` fails before CI installs anything.

    python scripts/lockfile.py check
"""

import re
import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.txt"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def pinned() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text().splitlines():
        match = PIN.match(line)
        if match:
            pins[canonicalize_name(match[1])] = match[2]
    return pins


def problems() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = project["dependencies"] + project["optional-dependencies"]["dev"]
    pins = pinned()
    found = []
    for text in wanted:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate():
            continue
        version = pins.get(canonicalize_name(requirement.name))
        if version is None:
            found.append(f"{requirement.name} is not in {LOCK.name}")
        elif not requirement.specifier.contains(version, prereleases=True):
            found.append(f"{requirement.name}=={version} in {LOCK.name} is not {text!r}")
    if "--hash=sha256:" not in LOCK.read_text():
        found.append(f"{LOCK.name} has no hashes")
    return found


if __name__ == "__main__":
    if sys.argv[1:] != ["check"]:
        sys.exit(__doc__)
    errors = problems()
    for error in errors:
        print(f"  {error}")
    if errors:
        sys.exit("The lock file is out of step with pyproject.toml: run `make lock`.")
