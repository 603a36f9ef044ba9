"""`manage.py bench_relevance`: how well Artikelsök finds what searchers look for.

A benchmark, not a test. In a throwaway database it loads the demo content, then runs every
judged query of benchmarks/relevance.toml as /sok/ runs it (`run_search`, by relevance, in
the query's page language) and prints, over the first ten results:

- recall@10: the share of the judged articles found among them, averaged over the queries;
- MRR: the mean over the queries of 1 / the rank of the first judged article (0 if none);

each also by capability (exact, compound, folding, synonym, field, english), and the queries
that miss. A change that makes search worse shows as a lower figure.
"""

from __future__ import annotations

import statistics
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import translation

from benchmarks.throwaway import throwaway_database
from demo.loader import load_demo
from search.api import rebuild_index, run_search

JUDGEMENTS = Path(__file__).resolve().parents[2] / "relevance.toml"
TOP = 10


@dataclass(frozen=True)
class Judged:
    q: str
    language: str
    capability: str
    find: tuple[str, ...]


def judged_queries(path: Path = JUDGEMENTS) -> list[Judged]:
    with path.open("rb") as file:
        data = tomllib.load(file)
    return [
        Judged(item["q"], item["language"], item["capability"], tuple(item["find"]))
        for item in data["query"]
    ]


def scores(found: list[str], wanted: tuple[str, ...]) -> tuple[float, float]:
    """(recall at TOP, reciprocal rank of the first wanted article) of one ranked list."""
    top = found[:TOP]
    recall = len(set(top) & set(wanted)) / len(wanted)
    rank = next((position for position, slug in enumerate(top, 1) if slug in wanted), None)
    return recall, (1 / rank if rank else 0.0)


class Command(BaseCommand):
    help = "Recall@10 and MRR of Artikelsök over the judged queries, on the demo content."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--verbose-misses", action="store_true", help="List every result.")

    def handle(self, *args, verbose_misses: bool = False, **options) -> None:
        with throwaway_database("bench-relevance"):
            load_demo()
            rebuild_index()
            self._run(verbose_misses)

    def _run(self, verbose: bool) -> None:
        out = self.stdout
        queries = judged_queries()
        by_capability: dict[str, list[tuple[float, float]]] = {}
        misses = []
        for judged in queries:
            with translation.override(judged.language):
                found = [article.slug for article in run_search({"q": judged.q})[:TOP]]
            recall, reciprocal = scores(found, judged.find)
            by_capability.setdefault(judged.capability, []).append((recall, reciprocal))
            by_capability.setdefault("all", []).append((recall, reciprocal))
            if recall < 1 or reciprocal < 1:
                misses.append((judged, recall, reciprocal, found))
        every = by_capability.pop("all")
        out.write(
            f"== bench_relevance on {connection.vendor}: {len(queries)} judged queries "
            f"over the demo content"
        )
        out.write(
            f"  all           recall@{TOP} {statistics.mean(r for r, _ in every):.3f}"
            f"  MRR {statistics.mean(rr for _, rr in every):.3f}"
        )
        for capability, values in sorted(by_capability.items()):
            out.write(
                f"  {capability:<13} recall@{TOP} {statistics.mean(r for r, _ in values):.3f}"
                f"  MRR {statistics.mean(rr for _, rr in values):.3f}  ({len(values)} queries)"
            )
        for judged, recall, reciprocal, found in misses:
            missing = [slug for slug in judged.find if slug not in found]
            line = (
                f"  miss: {judged.q!r} ({judged.language}) recall {recall:.2f} RR {reciprocal:.2f}"
            )
            out.write(line + (f"; not in the top {TOP}: {', '.join(missing)}" if missing else ""))
            if verbose:
                out.write(f"        found: {', '.join(found) or '(nothing)'}")
