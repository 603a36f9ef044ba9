"""`manage.py bench_search`: how fast Artikelsök answers on a large synthetic corpus.

A benchmark, not a test. It works in a throwaway database (Django's test database for the
configured one: a file in /tmp for SQLite, test_<name> on PostgreSQL), never in the site's
own, and fills it with N synthetic articles (slugs `synthetic-…`, titles marked
"(syntetisk)") with tags, kinds, regions, municipalities and text in both languages. Then it
prints the median server time of:

- a results page: free text + two filters + facet counts (facets computed afresh each time),
- a word found in most articles, also with every article's facet counts cached (as the page
  without a query leaves them on a running site: its facets are counted as those counts less
  the articles the word misses),
- the same results page with a plain `icontains` search instead of the index, and the ratio,

the number of queries per results page at 100 articles and at N, and how much of a results
page's time its database statements take. Each time is the median
and 90th percentile of `--runs` requests, with every cache cleared before each request
("uncached": facets computed afresh) and with the facets left cached ("cached"), as a
visitor paging through results or a popular query sees them.

`--keepdb` keeps the database afterwards and `--reuse` measures again in a kept one without
writing the corpus anew (the queries at 100 articles are then not counted).
"""

from __future__ import annotations

import itertools
import random
import statistics
import time
from datetime import UTC, datetime, timedelta
from unittest import mock

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, reset_queries
from django.db.models import Q
from django.test import Client
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from benchmarks.throwaway import throwaway_database
from content.models import PAGE, Article, Status
from content.registry import content_types
from search import filters as search_filters
from search.api import rebuild_index, run_search
from search.backends import get_backend
from search.text import ParsedQuery
from stats.models import Municipality, Region

SWEDISH = [
    "skola",
    "elev",
    "elever",
    "lärare",
    "mentor",
    "mentorskap",
    "coachning",
    "frånvaro",
    "närvaro",
    "gymnasiet",
    "studieavbrott",
    "avhopp",
    "studiestöd",
    "motivation",
    "relation",
    "samverkan",
    "kommun",
    "uppföljning",
    "övergång",
    "grundskola",
    "yrkesprogram",
    "introduktionsprogram",
    "elevhälsa",
    "kurator",
    "vägledning",
    "studie-",
    "yrkesvägledning",
    "bemötande",
    "struktur",
    "trygghet",
    "lärmiljö",
    "undervisning",
    "pedagogik",
    "familj",
    "föräldrar",
    "socialtjänst",
    "insats",
    "metod",
    "forskning",
    "resultat",
    "examen",
    "behörighet",
    "betyg",
    "lärling",
    "praktik",
    "arbetsliv",
    "ungdomar",
    "individ",
    "grupp",
    "organisation",
    "förebyggande",
    "åtgärdande",
    "främjande",
    "tidiga",
    "signaler",
    "risk",
    "skolans",
    "arbete",
    "stöd",
    "planering",
]
ENGLISH = [
    "school",
    "student",
    "students",
    "teacher",
    "mentor",
    "mentoring",
    "coaching",
    "absence",
    "attendance",
    "upper",
    "secondary",
    "dropout",
    "prevention",
    "support",
    "motivation",
    "relationship",
    "cooperation",
    "municipality",
    "follow-up",
    "transition",
    "guidance",
    "counselling",
    "structure",
    "safety",
    "learning",
    "environment",
    "teaching",
    "family",
    "parents",
    "social",
    "services",
    "intervention",
    "method",
    "research",
    "results",
    "diploma",
    "eligibility",
    "grades",
    "apprenticeship",
    "work",
    "young",
    "people",
    "individual",
    "group",
    "organisation",
    "preventive",
    "early",
    "signals",
    "risk",
    "planning",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ra",
    "su",
    "te",
    "vo",
    "bi",
    "da",
    "fe",
    "gu",
    "hi",
    "jo",
    "ku",
    "la",
    "ma",
    "no",
    "pe",
    "ri",
    "sa",
    "ta",
    "ve",
    "yn",
]
# Every registered kind but information pages (a handful on a real site).
KINDS = [item.kind for item in content_types() if item.kind != PAGE]
COMMON_SV, COMMON_EN = "elever", "students"
QUERY_WORD = "mentorskap"


def _vocabulary(rng: random.Random, base: list[str], size: int) -> list[str]:
    made = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(size * 2)
    }
    return base + sorted(made)[:size]


class Corpus:
    """Synthetic articles written straight into the tables, then indexed in bulk."""

    def __init__(self, seed: int = 20261123):
        self.rng = random.Random(seed)
        # The measured words occur only where add() puts them, at known frequencies.
        measured = {COMMON_SV, COMMON_EN, QUERY_WORD}
        self.sv = _vocabulary(
            self.rng, [w for w in SWEDISH if not w.startswith(("elev", "mentor"))], 4000
        )
        self.en = _vocabulary(self.rng, [w for w in ENGLISH if w not in measured], 4000)
        # Zipf-like: the first words of each vocabulary are by far the most frequent.
        self.sv_weights = list(itertools.accumulate(1 / (r + 1) for r in range(len(self.sv))))
        self.en_weights = list(itertools.accumulate(1 / (r + 1) for r in range(len(self.en))))
        self.made = 0
        self._geography()
        self.tags = [
            Tag.objects.get_or_create(name=f"syntetisk tagg {i}", slug=f"synthetic-tag-{i}")[0]
            for i in range(60)
        ]

    def _geography(self) -> None:
        self.regions = list(Region.objects.order_by("code"))
        if not self.regions:
            self.regions = [
                Region.objects.create(code=f"{n:02d}", name=f"Län {n:02d} (syntetiskt)")
                for n in range(1, 22)
            ]
        self.municipalities = list(Municipality.objects.all()[:300])
        if not self.municipalities:
            self.municipalities = [
                Municipality.objects.create(
                    code=f"{region.code}{m:02d}",
                    name=f"Kommun {region.code}{m:02d} (syntetisk)",
                    region=region,
                )
                for region in self.regions
                for m in range(1, 4)
            ]

    def _text(self, words: list[str], cum_weights: list[float], count: int) -> str:
        return " ".join(self.rng.choices(words, cum_weights=cum_weights, k=count))

    def add(self, count: int, chunk: int = 2000) -> None:
        rng = self.rng
        start = datetime(2015, 1, 1, tzinfo=UTC)
        span = (datetime(2026, 1, 1, tzinfo=UTC) - start).total_seconds()
        region_link = Article.regions.through
        municipality_link = Article.municipalities.through
        tag_link = Article.tags.through
        for offset in range(0, count, chunk):
            articles = []
            for _ in range(min(chunk, count - offset)):
                n = self.made
                self.made += 1
                body_sv = self._text(self.sv, self.sv_weights, 80)
                body_en = self._text(self.en, self.en_weights, 80)
                if rng.random() < 0.95:  # the word found in most articles
                    body_sv += f" {COMMON_SV}"
                    body_en += f" {COMMON_EN}"
                if rng.random() < 0.03:  # the word of the typical query: in 3 % of them
                    body_sv += f" {QUERY_WORD}"
                articles.append(
                    Article(
                        kind=rng.choice(KINDS),
                        slug=f"synthetic-{n}",
                        status=Status.PUBLISHED,
                        published_at=start + timedelta(seconds=rng.random() * span),
                        title_sv=f"{self._text(self.sv, self.sv_weights, 5)} (syntetisk)",
                        title_en=f"{self._text(self.en, self.en_weights, 5)} (synthetic)",
                        summary_sv=self._text(self.sv, self.sv_weights, 20),
                        summary_en=self._text(self.en, self.en_weights, 20),
                        body_sv=body_sv,
                        body_en=body_en,
                        body_html_sv=f"<p>{body_sv}</p>",
                        body_html_en=f"<p>{body_en}</p>",
                    )
                )
            # bulk_create sends no signals: the index is rebuilt in bulk afterwards.
            Article.objects.bulk_create(articles)
            regions, municipalities, tagged = [], [], []
            for article in articles:
                region = rng.choice(self.regions)
                regions.append(region_link(article_id=article.pk, region_id=region.pk))
                if rng.random() < 0.5:
                    municipality = rng.choice(self.municipalities)
                    municipalities.append(
                        municipality_link(article_id=article.pk, municipality_id=municipality.pk)
                    )
                for tag in rng.sample(self.tags, rng.randint(1, 4)):
                    tagged.append(tag_link(tag=tag, content_object_id=article.pk))
            region_link.objects.bulk_create(regions)
            municipality_link.objects.bulk_create(municipalities)
            tag_link.objects.bulk_create(tagged)


def _icontains(queryset, query: str, narrowed: bool = False):
    """The naive search the index replaces: a substring in any text field, newest first."""
    match = Q()
    for field in ("title", "summary", "body"):
        for language in ("sv", "en"):
            match |= Q(**{f"{field}_{language}__icontains": query})
    return (queryset.filter(match) if query else queryset), ParsedQuery()


def _machine_speed() -> float:
    """Seconds for a fixed loop: the figures of two machines compare in proportion to it."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - started


class Command(BaseCommand):
    help = "Benchmark Artikelsök on N synthetic articles in a throwaway database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=20_000, help="N (default 20000).")
        parser.add_argument("--runs", type=int, default=15, help="Timed requests per figure.")
        parser.add_argument(
            "--keepdb", action="store_true", help="Keep the benchmark database afterwards."
        )
        parser.add_argument(
            "--reuse",
            action="store_true",
            help="Measure in a kept benchmark database that already holds N articles.",
        )

    def handle(self, *args, articles: int, runs: int, keepdb: bool, reuse: bool, **options) -> None:
        settings.PAGE_CACHE_SECONDS = 0  # time the view, not the whole-page cache
        settings.SECURE_SSL_REDIRECT = False
        settings.DEBUG = False
        with throwaway_database("bench-search", keep=keepdb, reuse=reuse):
            self._run(articles, runs, reuse=reuse)

    def _run(self, total: int, runs: int, reuse: bool = False) -> None:
        out = self.stdout
        client = Client()
        corpus = Corpus()
        page = f"/sok/?q={QUERY_WORD}&typ=metoder&region={corpus.regions[0].code}"
        common = f"/sok/?q={COMMON_SV}"
        # Counted on a page that has results at 100 articles too (a page, its tags, snippets).
        counted = f"/sok/?q={COMMON_SV}&typ=metoder"
        out.write(f"== bench_search on {connection.vendor}: {total} synthetic articles")
        out.write(f"machine: 10 million Python additions take {_machine_speed():.2f} s")

        present = Article.objects.count()
        if reuse and present == total:
            queries_small = None
            out.write(f"reusing the kept benchmark database ({present} articles)")
        else:
            if present:
                raise CommandError(
                    f"The kept benchmark database holds {present} articles, not {total}: "
                    "run without --reuse."
                )
            corpus.add(min(100, total))
            rebuild_index()
            queries_small = self._queries(client, counted)
            started = time.monotonic()
            corpus.add(total - min(100, total))
            loaded = time.monotonic() - started
            started = time.monotonic()
            rebuild_index()  # ANALYZE and merging the index on both databases
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")  # the link tables were bulk-loaded too
            indexed = time.monotonic() - started
            out.write(f"corpus written in {loaded:.1f} s, indexed in {indexed:.1f} s")
        queries_large = self._queries(client, counted)

        matches = self._total(page)
        common_matches = self._total(common)
        fts = self._timings(client, page, runs)
        fts_parts = self._breakdown(client, page, runs)
        fts_warm = self._timings(client, page, runs, warm=True)
        common_time = self._timings(client, common, runs)
        # What a running site has: every article's counts, cached by the page without a query.
        common_every = self._timings(client, common, runs, before="/sok/")
        common_warm = self._timings(client, common, runs, warm=True)
        # No index at all: the text filtered with icontains, the facets counted from the
        # articles, the results unranked (newest first).
        with (
            mock.patch.object(search_filters, "search", _icontains),
            mock.patch.object(type(get_backend()), "facets_from_index", False),
            mock.patch.object(search_filters.SearchFilterSet, "parsed", ParsedQuery()),
        ):
            plain_matches = self._total(page)
            plain = self._timings(client, page, max(3, runs // 3))

        def figures(timings: tuple[float, float]) -> str:
            return f"median {timings[0]:7.1f} ms  p90 {timings[1]:7.1f} ms"

        out.write(f"results page  {page}  ({matches} results)")
        out.write(f"  uncached (facets computed)  {figures(fts)}")
        out.write(
            f"    of which the database (uncached, medians): {fts_parts[0]:.1f} ms in"
            f" {fts_parts[1]} statements; the rest (Python) {fts_parts[2]:.1f} ms"
        )
        if connection.vendor == "sqlite":
            out.write(
                "    (SQLite reads rows as they are fetched: some database time is in the rest)"
            )
        out.write(f"  facets cached               {figures(fts_warm)}")
        out.write(
            f"common word   {common}  ({common_matches} results, {common_matches / total:.0%})"
        )
        out.write(f"  uncached (facets computed)  {figures(common_time)}")
        out.write("  every article's counts cached (by /sok/), the rest computed")
        out.write(f"                              {figures(common_every)}")
        out.write(f"  facets cached               {figures(common_warm)}")
        out.write(f"icontains     same results page ({plain_matches} results)")
        out.write(f"  uncached                    {figures(plain)}")
        out.write(f"  ratio icontains / index (medians, uncached): {plain[0] / fts[0]:.1f}x")
        small = "not counted (--reuse)" if queries_small is None else str(queries_small)
        out.write(
            f"queries per results page {counted}: {small} at 100 articles, "
            f"{queries_large} at {total}"
        )

    @staticmethod
    def _total(url: str) -> int:
        from django.http import QueryDict

        return run_search(QueryDict(url.split("?", 1)[1])).count()

    @staticmethod
    def _queries(client: Client, url: str) -> int:
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured.captured_queries)

    @staticmethod
    def _breakdown(client: Client, url: str, runs: int) -> tuple[float, int, float]:
        """(database ms, statements, the rest in ms): medians over uncached requests; the
        database's share is the time spent inside the driver's execute calls."""
        spent: list[float] = []

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent.append((time.perf_counter() - started) * 1000)

        database, statements, rest = [], [], []
        for _ in range(runs):
            cache.clear()
            spent.clear()
            with connection.execute_wrapper(timed):
                started = time.perf_counter()
                client.get(url)
                total = (time.perf_counter() - started) * 1000
            database.append(sum(spent))
            statements.append(len(spent))
            rest.append(total - sum(spent))
        return statistics.median(database), max(statements), statistics.median(rest)

    @staticmethod
    def _timings(
        client: Client, url: str, runs: int, warm: bool = False, before: str = ""
    ) -> tuple[float, float]:
        """(median, 90th percentile) in ms; `warm` leaves the facets (and all else) cached;
        `before`: a page requested (untimed) after the cache is cleared, before each request."""
        cache.clear()
        client.get(url)  # warm the database's own caches (and, if `warm`, the facets) once
        times = []
        for _ in range(runs):
            if not warm:
                cache.clear()
                if before:
                    client.get(before)
            reset_queries()
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        times.sort()
        return statistics.median(times), times[min(len(times) - 1, round(0.9 * (len(times) - 1)))]
