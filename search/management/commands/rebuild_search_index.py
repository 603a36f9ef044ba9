"""`manage.py rebuild_search_index`: index every article again, with a progress display."""

import sys
import time

from django.core.management.base import BaseCommand
from django.db import connection

from search.api import rebuild_index


class Command(BaseCommand):
    help = (
        "Rebuild Artikelsök's index (FTS5 on SQLite, tsvectors on PostgreSQL) from every article. "
        "Run it after a bulk load that bypassed save() or after restoring a database: it also "
        "refreshes the planner's statistics (ANALYZE) of the tables a results page reads."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--chunk", type=int, default=500, help="Articles per batch.")

    def handle(self, *args, chunk: int, **options) -> None:
        started = time.monotonic()
        interactive = (
            self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()
        )

        def progress(done: int, total: int) -> None:
            share = done / total if total else 1
            bar = "#" * int(share * 30)
            line = f"Indexing: [{bar:<30}] {done}/{total} ({share:.0%})"
            if interactive:
                self.stdout.write(f"\r{line}", ending="")
                self.stdout.flush()
            else:
                self.stdout.write(line)

        count = rebuild_index(progress=progress, chunk=max(1, chunk))
        if interactive:
            self.stdout.write("")
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {count} articles on {connection.vendor} in {elapsed:.1f} s."
            )
        )
