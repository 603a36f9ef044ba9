"""manage.py bench_stats: time the full import of the shipped data and the municipality page.

Runs inside a transaction that is rolled back, so the database is left as it was.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from stats.geography import load_areas
from stats.importer import import_files
from stats.indicators import SHIPPED_FILES, load_indicators
from stats.models import Municipality, Observation


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark: full import of the shipped Kolada data, and the municipality page's server time."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=60)

    def handle(self, *args, requests: int, **options):
        try:
            with transaction.atomic():
                self._run(requests)
                raise _Rollback
        except _Rollback:
            pass

    def _run(self, requests: int) -> None:
        out = self.stdout.write
        Observation.objects.all().delete()  # an empty table, as on a first `make run`
        started = time.perf_counter()
        load_areas()
        load_indicators()
        report = import_files(list(SHIPPED_FILES))
        imported = time.perf_counter()
        again = import_files(list(SHIPPED_FILES))
        reimported = time.perf_counter()
        out(
            f"stats: full import of the shipped data: {imported - started:.2f} s "
            f"({report.created} figures; target ≤ 10 s)"
        )
        out(
            f"stats: second import (no change, {again.unchanged} unchanged): {reimported - imported:.2f} s"
        )

        codes = list(Municipality.objects.values_list("code", flat=True))
        rng = random.Random(4)
        # Measure the view itself: no page cache, no HTTPS redirect.
        with override_settings(PAGE_CACHE_SECONDS=0, SECURE_SSL_REDIRECT=False):
            client = Client()
            translation.activate("sv")
            urls = {code: reverse("stats:municipality", kwargs={"code": code}) for code in codes}
            client.get(urls[codes[0]])  # warm up templates
            timings, query_counts = [], set()
            for _ in range(requests):
                code = rng.choice(codes)
                with CaptureQueriesContext(connection) as queries:
                    begin = time.perf_counter()
                    response = client.get(urls[code])
                    timings.append((time.perf_counter() - begin) * 1000)
                assert response.status_code == 200, (code, response.status_code)
                query_counts.add(len(queries))
        out(
            f"stats: municipality page, median of {requests}: {statistics.median(timings):.1f} ms "
            f"(p90 {sorted(timings)[int(len(timings) * 0.9)]:.1f} ms; target ≤ 50 ms), "
            f"queries per page: {', '.join(map(str, sorted(query_counts)))}"
        )
