"""`manage.py bench_indexing`: how fast Artikelsök indexes articles.

A benchmark, not a test. In a throwaway database it writes N synthetic articles (bench_search's
corpus: Swedish and English words, compounds among them, tags and places) and rebuilds the
whole index `--runs` times, printing articles indexed per second:

- cold: the first rebuild in a fresh process, as `manage.py rebuild_search_index` runs it
  (whatever the index reads once per process, such as a lexicon, is read then);
- warm: the median of the later rebuilds, as a running site indexes an article on save.

Run on two revisions by benchmarks/before_after.py, it shows what a change costs.
"""

from __future__ import annotations

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection

from benchmarks.management.commands.bench_search import Corpus
from benchmarks.throwaway import throwaway_database
from search.api import rebuild_index


class Command(BaseCommand):
    help = "Articles indexed per second by a full rebuild of Artikelsök's index."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=5_000, help="N (default 5000).")
        parser.add_argument("--runs", type=int, default=4, help="Rebuilds (default 4).")

    def handle(self, *args, articles: int, runs: int, **options) -> None:
        with throwaway_database("bench-indexing"):
            Corpus().add(articles)
            times = []
            for _run in range(max(runs, 2)):
                started = time.perf_counter()
                rebuild_index()
                times.append(time.perf_counter() - started)
        cold, warm = times[0], statistics.median(times[1:])
        self.stdout.write(
            f"== bench_indexing on {connection.vendor}: {articles} synthetic articles, "
            f"{len(times)} full rebuilds"
        )
        self.stdout.write(f"  cold  {cold:6.2f} s  {articles / cold:8.0f} articles/s")
        self.stdout.write(f"  warm  {warm:6.2f} s  {articles / warm:8.0f} articles/s (median)")
