# ruff: noqa: S603, S607 - runs git and manage.py of this repository, with our own arguments.
"""Artikelsök before and after a change: relevance and indexing speed of two revisions.

    .venv/bin/python benchmarks/before_after.py REV [--articles N]     (make bench-compare BEFORE=REV)

Exports revision REV of this repository (`git archive`) into a temporary directory, puts this
checkout's benchmarks/ in it (the same judged queries, corpus and commands for both), and runs
`bench_relevance` and `bench_indexing` there and then here: on SQLite, and on PostgreSQL too
when DATABASE_URL is set. Prints each run's own output, then a table of the figures side by
side. Figures, never a test: nothing passes or fails.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIGURES = {
    "recall@10": re.compile(r"^  all\s+recall@10 ([\d.]+)", re.M),
    "MRR": re.compile(r"^  all\s+recall@10 [\d.]+  MRR ([\d.]+)", re.M),
    "indexing cold, articles/s": re.compile(r"^  cold .*?(\d+) articles/s", re.M),
    "indexing warm, articles/s": re.compile(r"^  warm .*?(\d+) articles/s", re.M),
}


def git(*arguments: str) -> bytes:
    return subprocess.run(["git", *arguments], cwd=ROOT, check=True, capture_output=True).stdout


def export(revision: str, into: Path) -> str:
    """The revision's files in `into`, with this checkout's benchmarks; its short hash."""
    short = git("rev-parse", "--short", revision).decode().strip()
    archive = git("archive", "--format=tar", revision)
    archive_path = into.parent / "revision.tar"
    archive_path.write_bytes(archive)
    with tarfile.open(archive_path) as tar:
        tar.extractall(into, filter="data")
    shutil.rmtree(into / "benchmarks", ignore_errors=True)
    shutil.copytree(
        ROOT / "benchmarks", into / "benchmarks", ignore=shutil.ignore_patterns("__pycache__")
    )
    return short


def run(where: Path, command: list[str], postgres: bool, articles: int) -> str:
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchmarks.settings"}
    if not postgres:
        environment.pop("DATABASE_URL", None)
    if command[0] == "bench_indexing":
        command = [*command, "--articles", str(articles)]
    result = subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=where,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + (result.stderr if result.returncode else "")
    print(output, flush=True)
    return output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revision", help="the revision before the change (e.g. main's commit)")
    parser.add_argument("--articles", type=int, default=5_000, help="bench_indexing's N")
    options = parser.parse_args()
    databases = ["sqlite"] + (["postgresql"] if os.environ.get("DATABASE_URL") else [])
    figures: dict[tuple[str, str], dict[str, str]] = {}
    with tempfile.TemporaryDirectory(prefix="pluginnovation-before-") as temporary:
        before = Path(temporary) / "tree"
        before.mkdir()
        short = export(options.revision, before)
        sides = {f"before ({short})": before, "after (this checkout)": ROOT}
        for database in databases:
            for side, where in sides.items():
                print(f"==== {side} on {database}", flush=True)
                output = "".join(
                    run(where, [command], database == "postgresql", options.articles)
                    for command in ("bench_relevance", "bench_indexing")
                )
                figures[(database, side)] = {
                    name: (found.group(1) if (found := pattern.search(output)) else "?")
                    for name, pattern in FIGURES.items()
                }
    print("==== before and after")
    print(f"{'':36}" + "".join(f"{name:>27}" for name in FIGURES))
    for (database, side), values in figures.items():
        label = f"{database}, {side}"
        print(f"{label:36}" + "".join(f"{values[name]:>27}" for name in FIGURES))


if __name__ == "__main__":
    main()
