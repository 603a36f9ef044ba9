"""`manage.py bench_api`: how fast the open API (/api/v1/) answers at N synthetic articles.

A benchmark, not a test. Like bench_search it works in a throwaway database (never the site's
own): N articles of every type with their own rows (methods, publications, summaries, case
studies, news and pages), tags, regions, municipalities, links between articles and methods in
use, and the shipped statistics. Then it prints, for list and detail endpoints, the median and
90th percentile server time of `--runs` requests with nothing cached (the page cache off), with
what answers share kept (a list's count), with the answers cached, and a conditional request
answered 304; and the queries per
request at page sizes 1 and 100 (which must be equal). Target: median ≤ 20 ms on PostgreSQL.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from accounts.models import MethodUse, Moderation
from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article, Status
from methods.models import CostLevel, Method, Term
from methods.vocabulary import ensure_default_terms
from research.models import Publication, PublicationType, ResearchSummary
from stats.models import Municipality, Region

from .bench_search import _machine_speed

# How many of every 100 articles are of each kind.
MIX = [
    (Method, 25),
    (Publication, 25),
    (ResearchSummary, 10),
    (CaseStudy, 15),
    (Article, 20),  # news
    (Article, 5),  # information pages
]
WORDS = [
    "skola",
    "elev",
    "mentor",
    "frånvaro",
    "gymnasiet",
    "studieavbrott",
    "stöd",
    "motivation",
    "samverkan",
    "kommun",
    "uppföljning",
    "övergång",
    "vägledning",
    "trygghet",
    "undervisning",
    "familj",
    "insats",
    "metod",
    "resultat",
]


class Corpus:
    """Synthetic articles written straight into the tables (each type's own rows too)."""

    def __init__(self, seed: int = 20261203):
        self.rng = random.Random(seed)
        self.made = 0
        self.regions = list(Region.objects.order_by("code"))
        self.municipalities = list(Municipality.objects.order_by("code"))
        self.tags = [
            Tag.objects.get_or_create(name=f"syntetisk tagg {n}", slug=f"synthetic-tag-{n}")[0]
            for n in range(60)
        ]
        self.user = None
        ensure_default_terms(Term)
        self.terms: dict[str, list[Term]] = {}
        for term in Term.objects.order_by("pk"):
            self.terms.setdefault(term.vocabulary, []).append(term)

    def _words(self, count: int) -> str:
        return " ".join(self.rng.choices(WORDS, k=count))

    def _kind(self, model, share_index: int) -> str:
        if model is not Article:
            return model.KIND
        return NEWS if share_index == 4 else PAGE

    def add(self, count: int, chunk: int = 2000) -> None:
        kinds = [(model, index) for index, (model, share) in enumerate(MIX) for _ in range(share)]
        start = datetime(2015, 1, 1, tzinfo=UTC)
        for offset in range(0, count, chunk):
            batch = []
            for _ in range(min(chunk, count - offset)):
                model, index = kinds[self.made % len(kinds)]
                self.made += 1
                body_sv, body_en = self._words(80), self._words(80)
                batch.append(
                    (
                        model,
                        Article(
                            kind=self._kind(model, index),
                            slug=f"synthetic-{self.made}",
                            status=Status.PUBLISHED,
                            published_at=start + timedelta(minutes=self.made),
                            title_sv=f"{self._words(5)} (syntetisk)",
                            title_en=f"{self._words(5)} (synthetic)",
                            summary_sv=self._words(20),
                            summary_en=self._words(20),
                            body_sv=body_sv,
                            body_en=body_en,
                            body_html_sv=f"<p>{body_sv}</p>",
                            body_html_en=f"<p>{body_en}</p>",
                        ),
                    )
                )
            Article.objects.bulk_create([article for _model, article in batch])
            self._children(batch)
            self._links([article for _model, article in batch])

    def _children(self, batch: list) -> None:
        """Each type's own row, sharing the article's id (bulk_create cannot do multi-table
        inheritance, so the child rows are inserted as save_base(raw=True) would)."""
        rng = self.rng
        by_model: dict[type, list] = {}
        for model, article in batch:
            if model is Article:
                continue
            child = model(article_ptr_id=article.pk)
            if model is Method:
                child.target_group_sv = self._words(6)
                child.scientific_basis = rng.randint(0, 3)
                child.proven_experience = rng.randint(0, 3)
                child.cost_level = rng.choice(CostLevel.values)
                child.cost_sv = self._words(8)
            elif model is Publication:
                child.authors = [{"family": "Syntetisk", "given": "A."}]
                child.author_names = "Syntetisk, A."
                child.year = rng.randint(1990, 2025)
                child.publication_type = rng.choice(PublicationType.values)
            elif model is CaseStudy:
                child.municipality_id = rng.choice(self.municipalities).pk
                child.period = "2015–2018"
            by_model.setdefault(model, []).append(child)
        for model, children in by_model.items():
            model._base_manager._insert(
                children, fields=model._meta.local_concrete_fields, raw=True
            )

    def _links(self, articles: list[Article]) -> None:
        rng = self.rng
        regions, municipalities, tagged, related = [], [], [], []
        region_link = Article.regions.through
        municipality_link = Article.municipalities.through
        tag_link = Article.tags.through
        related_link = Article.related_articles.through
        for article in articles:
            regions.append(
                region_link(article_id=article.pk, region_id=rng.choice(self.regions).pk)
            )
            if rng.random() < 0.5:
                municipality = rng.choice(self.municipalities)
                municipalities.append(
                    municipality_link(article_id=article.pk, municipality_id=municipality.pk)
                )
            for tag in rng.sample(self.tags, rng.randint(1, 4)):
                tagged.append(tag_link(tag=tag, content_object_id=article.pk))
            for other in rng.sample(articles, 2):
                if other.pk != article.pk:
                    related.append(related_link(from_article_id=article.pk, to_article_id=other.pk))
                    related.append(related_link(from_article_id=other.pk, to_article_id=article.pk))
        region_link.objects.bulk_create(regions)
        municipality_link.objects.bulk_create(municipalities)
        tag_link.objects.bulk_create(tagged)
        related_link.objects.bulk_create(related, ignore_conflicts=True)
        methods = [a for a in articles if a.kind == Method.KIND]
        # One or two terms of every vocabulary, as an editor would describe a method.
        term_link = Method.terms.through
        term_link.objects.bulk_create(
            [
                term_link(method_id=method.pk, term_id=term.pk)
                for method in methods
                for terms in self.terms.values()
                for term in rng.sample(terms, min(len(terms), rng.randint(1, 2)))
            ]
        )
        MethodUse.objects.bulk_create(
            [
                MethodUse(
                    user=self.user,
                    method_id=method.pk,
                    municipality=rng.choice(self.municipalities),
                    start_year=rng.randint(2010, 2025),
                    moderation=Moderation.APPROVED,
                )
                for method in methods[::5]
            ],
            ignore_conflicts=True,
        )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Command(BaseCommand):
    help = "Benchmark the open API on N synthetic articles in a throwaway database."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=100_000, help="N (default 100000).")
        parser.add_argument("--runs", type=int, default=30, help="Timed requests per figure.")
        parser.add_argument("--keepdb", action="store_true", help="Keep the database afterwards.")
        parser.add_argument(
            "--reuse", action="store_true", help="Measure in a kept database that holds N articles."
        )

    def handle(self, *args, articles: int, runs: int, keepdb: bool, reuse: bool, **options):
        settings.PAGE_CACHE_SECONDS = 0  # the view itself; the cached figure sets it back
        settings.SECURE_SSL_REDIRECT = False
        settings.DEBUG = False
        settings.API_RATE_LIMIT = 10**9
        test_settings = connection.settings_dict.setdefault("TEST", {})
        if connection.vendor == "sqlite":
            test_settings["NAME"] = "/tmp/pluginnovation-bench-api.sqlite3"  # noqa: S108
        else:
            test_settings["NAME"] = f"bench_api_{connection.settings_dict['NAME']}"
        old_name = connection.settings_dict["NAME"]
        connection.creation.create_test_db(
            verbosity=0, autoclobber=True, keepdb=reuse, serialize=False
        )
        try:
            self._run(articles, runs, reuse)
        finally:
            if not (keepdb or reuse):
                connection.creation.destroy_test_db(old_name, verbosity=0)

    def _load(self, total: int, reuse: bool) -> None:
        present = Article.objects.count()
        if reuse and present == total:
            self.stdout.write(f"reusing the kept benchmark database ({present} articles)")
            return
        if present:
            raise CommandError(f"The kept database holds {present} articles, not {total}.")
        started = time.monotonic()
        call_command("import_kolada", shipped=True, verbosity=0)
        corpus = Corpus()
        corpus.user = get_user_model().objects.create_user("bench", "bench@example.se")
        corpus.add(total)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # As autovacuum leaves a table that has settled: statistics and visibility map.
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"corpus written in {time.monotonic() - started:.1f} s")

    def _run(self, total: int, runs: int, reuse: bool) -> None:
        out = self.stdout.write
        out(f"== bench_api on {connection.vendor}: {total} synthetic articles")
        out(f"machine: 10 million Python additions take {_machine_speed():.2f} s")
        self._load(total, reuse)
        method = (
            Article.objects.filter(kind=Method.KIND)
            .order_by("-pk")
            .values_list("slug", flat=True)[0]
        )
        case_study = Article.objects.filter(kind=CaseStudy.KIND).values_list("slug", flat=True)[0]
        publication = Article.objects.filter(kind=Publication.KIND).values_list("slug", flat=True)[
            0
        ]
        middle = max(1, Article.objects.filter(kind=Method.KIND).count() // 40)
        endpoints = [
            ("methods, first page", "/api/v1/methods/"),
            ("methods, 100 a page", "/api/v1/methods/?page_size=100"),
            ("methods, a tag and a type", "/api/v1/methods/?tag=synthetic-tag-3&scope=grupp"),
            (
                "methods, terms of two vocabularies",
                "/api/v1/methods/?target_group=hog-franvaro&scope=individ&scope=grupp",
            ),
            ("vocabularies", "/api/v1/vocabularies/"),
            ("methods, a middle page", f"/api/v1/methods/?page={middle}"),
            ("publications", "/api/v1/publications/"),
            ("publications, a year range", "/api/v1/publications/?from_year=2000&to_year=2010"),
            ("references (CSL-JSON)", "/api/v1/references/"),
            ("case studies", "/api/v1/case-studies/"),
            ("news", "/api/v1/news/"),
            ("tags", "/api/v1/tags/"),
            ("method detail", f"/api/v1/methods/{method}/"),
            ("publication detail", f"/api/v1/publications/{publication}/"),
            ("case study detail", f"/api/v1/case-studies/{case_study}/"),
            ("municipalities", "/api/v1/municipalities/"),
            ("municipality detail", "/api/v1/municipalities/1441/"),
            ("indicators", "/api/v1/indicators/"),
            (
                "observations, Kolada's query",
                "/api/v1/observations/?indicator=N17461&municipality=1441",
            ),
            ("observations, every figure", "/api/v1/observations/?page_size=100"),
        ]
        uncached_medians, warm_medians = [], []
        out(
            f"{'endpoint':32} {'uncached (median / p90)':>24} {'counts cached':>20}"
            f" {'page cached':>12} {'304':>8}  queries (1 / 100)"
        )
        for label, url in endpoints:
            uncached = self._timings(url, runs)
            warm = self._timings(url, runs, warm=True)
            cached = self._timings(url, runs, cached=True)
            revalidated = self._timings(url, runs, cached=True, conditional=True)
            small, large = self._queries(Client(), url)
            uncached_medians.append(statistics.median(uncached))
            warm_medians.append(statistics.median(warm))
            out(
                f"{label:32} {statistics.median(uncached):9.1f} / {_percentile(uncached, 0.9):6.1f} ms"
                f" {statistics.median(warm):9.1f} / {_percentile(warm, 0.9):6.1f} ms"
                f" {statistics.median(cached):6.1f} ms {statistics.median(revalidated):5.1f} ms"
                f"  {small} / {large}"
            )
        out(
            f"slowest median, nothing cached: {max(uncached_medians):.1f} ms; with counts cached:"
            f" {max(warm_medians):.1f} ms (target ≤ 20 ms on PostgreSQL)"
        )

    @staticmethod
    def _timings(
        url: str, runs: int, cached: bool = False, conditional: bool = False, warm: bool = False
    ) -> list[float]:
        """Server times in ms. Nothing cached by default; `warm`: what the answers share kept
        (a list's count, Artikelsök's facets), the page cache off; `cached`: the page cache on
        (read when a client's first request builds its middleware); `conditional`: asking with
        the answer's ETag."""
        settings.PAGE_CACHE_SECONDS = 300 if cached else 0
        client = Client()
        cache.clear()
        first = client.get(url)  # warms the database's and the process's caches
        assert first.status_code == 200, (url, first.status_code, first.content[:200])
        headers = {"If-None-Match": first["ETag"]} if conditional else {}
        times = []
        for _ in range(runs):
            if not (cached or warm):
                cache.clear()
            started = time.perf_counter()
            response = client.get(url, headers=headers)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == (304 if conditional else 200), response.status_code
        settings.PAGE_CACHE_SECONDS = 0
        return times

    @staticmethod
    def _queries(client: Client, url: str) -> tuple[int, int]:
        """Queries of the answer at page sizes 1 and 100 (a detail: the same answer twice)."""
        path, _mark, query = url.partition("?")
        is_list = path.count("/") == 4 and "page" not in query
        counts = []
        for size in (1, 100):
            sized = f"{url}{'&' if query else '?'}page_size={size}" if is_list else url
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                client.get(sized)
            counts.append(len(captured.captured_queries))
        return counts[0], counts[1]
