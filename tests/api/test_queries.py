"""The number of queries an answer costs does not grow with the page size: what each item
shows (tags, areas, links, uses) is read for the whole page at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import MethodUse, Moderation
from casestudies.models import CaseStudy
from research.models import Publication
from tests.db import shared_rows
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    PublicationFactory,
    ResearchSummaryFactory,
    UserFactory,
)

from .conftest import build_bank

pytestmark = pytest.mark.django_db

MANY = 30
LISTS = [
    "/api/v1/methods/",
    "/api/v1/methods/?scope=individ&scope=grupp&target_group=hog-franvaro",
    "/api/v1/vocabularies/",
    "/api/v1/publications/",
    "/api/v1/publications/?from_year=2000&to_year=2020",
    "/api/v1/references/",
    "/api/v1/research-summaries/",
    "/api/v1/case-studies/",
    "/api/v1/news/",
    "/api/v1/pages/",
    "/api/v1/tags/",
    "/api/v1/regions/",
    "/api/v1/municipalities/",
    "/api/v1/indicators/",
    "/api/v1/observations/",
    "/api/v1/search/",
    "/api/v1/search/?q=metod",
]
# A list: the count, the page, the type's rows, tags, regions, municipalities, Last-Modified;
# the search also its facets and snippets.
MOST_QUERIES = 12


def build_many():
    bank = build_bank()
    user = UserFactory()
    for number in range(MANY):
        tags = [f"tagg-{number % 7}", f"tagg-{number % 5}"]
        method = MethodFactory(
            title_sv=f"Metod nummer {number}",
            tags=tags,
            terms={
                "target_group": ["hog-franvaro", "nyanlanda"],
                "scope": ["individ" if number % 2 else "grupp"],
                "organiser": ["skola"],
            },
        )
        method.regions.add(bank.west)
        method.municipalities.add(bank.lerum, bank.partille)
        publication = PublicationFactory(tags=tags)
        summary = ResearchSummaryFactory(tags=tags)
        summary.publications.add(publication)
        case_study = CaseStudyFactory(municipality=bank.lerum, tags=tags)
        method.related_articles.add(publication, summary, case_study)
        method.scientific_basis_sources.add(publication)
        method.proven_experience_sources.add(publication)
        MethodUse.objects.create(
            user=user,
            method=method,
            municipality=bank.alvesta,
            start_year=2020,
            moderation=Moderation.APPROVED,
        )
        ArticleFactory(kind="news", tags=tags)
        ArticleFactory(kind="page", tags=tags)
    return bank


@pytest.fixture(scope="module")
def many(django_db_setup, django_db_blocker):
    yield from shared_rows(django_db_blocker, build_many)


@pytest.fixture(autouse=True)
def _every_request_reaches_the_view(settings):
    settings.PAGE_CACHE_SECONDS = 0


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content[:300])
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", LISTS)
def test_a_list_costs_as_many_queries_for_one_item_a_page_as_for_a_hundred(client, many, url):
    joiner = "&" if "?" in url else "?"
    client.get(f"{url}{joiner}page_size=1")  # facets and caches of the process warmed alike
    small = queries(client, f"{url}{joiner}page_size=1")
    large = queries(client, f"{url}{joiner}page_size=100")
    assert small == large, url
    assert large <= MOST_QUERIES, url


def test_the_lists_really_hold_many_items(client, many):
    assert client.get("/api/v1/methods/?page_size=100").json()["count"] > MANY
    assert CaseStudy.objects.count() > MANY and Publication.objects.count() > MANY


# A detail: the article, its tags, areas, links and its type's own relations.
DETAIL_QUERIES = 10

DETAILS = [
    "/api/v1/publications/avhopp-rapport/",
    "/api/v1/publications/avhopp-rapport/csl-json/",
    "/api/v1/research-summaries/vad-fungerar/",
    "/api/v1/case-studies/plug-in-lerum/",
    "/api/v1/news/nyhet/",
    "/api/v1/pages/om-plug-in/",
    "/api/v1/municipalities/1441/",
    "/api/v1/regions/14/",
    "/api/v1/indicators/N17461/",
    "/api/v1/tags/mentorskap/",
]


@pytest.mark.parametrize(
    ("url", "most"),
    [
        # Also a method's terms and the publications behind each of its two ratings.
        ("/api/v1/methods/mentorskap/", DETAIL_QUERIES + 2),
        *((url, DETAIL_QUERIES) for url in DETAILS),
    ],
)
def test_a_detail_costs_a_few_queries(client, many, django_assert_max_num_queries, url, most):
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
