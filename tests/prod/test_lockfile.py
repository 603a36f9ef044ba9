"""Installs are reproducible: the lock file pins everything pyproject.toml asks for, with hashes,
and the environment the tests run in is exactly what it pins."""

import importlib.metadata
import re
import sys

from django.conf import settings
from packaging.markers import Marker
from packaging.utils import canonicalize_name

sys.path.insert(0, str(settings.BASE_DIR / "scripts"))
import lockfile  # noqa: E402


def test_the_lock_file_pins_every_dependency_with_hashes():
    assert lockfile.problems() == []


def test_the_installed_packages_are_exactly_the_locked_versions():
    locked = re.findall(
        r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)(?: ; ([^\\]+?))? \\$",
        lockfile.LOCK.read_text(),
        flags=re.MULTILINE,
    )
    assert len(locked) > 30
    wrong = {}
    for name, version, marker in locked:
        if marker and not Marker(marker).evaluate():
            continue  # another platform's or Python's package
        installed = importlib.metadata.version(canonicalize_name(name))
        if installed != version:
            wrong[name] = (installed, version)
    assert wrong == {}
