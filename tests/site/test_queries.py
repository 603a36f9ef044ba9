"""Pages read the database a fixed number of times, however many articles there are.

Each page is measured with 30 articles of every kind, tagged and linked, so that one query per
article (an N+1) would blow the bound many times over.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import MethodUse
from content.models import PAGE
from infra.cache import forget_in_process
from tests.db import shared_rows
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
    ResearchSummaryFactory,
    UserFactory,
)

MANY = 30


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Measure the views themselves: a page served from the anonymous page cache reads nothing."""
    settings.PAGE_CACHE_SECONDS = 0


pytestmark = pytest.mark.django_db


def _many_articles() -> dict:
    region = RegionFactory()
    made = {}
    terms = {
        "target_group": ["alla-elever", "hog-franvaro"],
        "phase": ["under-gymnasiet"],
        "intervention_type": ["mentorskap", "franvaro"],
    }
    for kind, factory in [
        ("method", lambda **kw: MethodFactory(terms=terms, **kw)),
        ("publication", PublicationFactory),
        ("summary", ResearchSummaryFactory),
        ("casestudy", CaseStudyFactory),
        ("news", ArticleFactory),
        ("page", lambda **kw: ArticleFactory(kind=PAGE, **kw)),
    ]:
        made[kind] = [factory(tags=["mentorskap", f"tagg-{n % 5}"]) for n in range(MANY)]
        for article in made[kind]:
            article.regions.add(region)
    # Links across kinds, as the demo content has them.
    for method, case, publication in zip(
        made["method"], made["casestudy"], made["publication"], strict=True
    ):
        method.related_articles.add(case, publication)
        method.scientific_basis_sources.add(publication)
        method.proven_experience_sources.add(publication)
    # Every method in use somewhere (/metoder/anvands/, the method's page).
    user, municipality = UserFactory(), MunicipalityFactory(region=region)
    for method in made["method"]:
        MethodUse.objects.create(
            user=user, method=method, municipality=municipality, start_year=2020
        )
    made["summary"][0].publications.add(*made["publication"])
    ArticleFactory(kind=PAGE, slug="om-plug-in")
    return made


@pytest.fixture(scope="module")
def many_articles(django_db_setup, django_db_blocker):
    """Made once for the module: its tests only read them."""
    yield from shared_rows(django_db_blocker, _many_articles)


# The bounds: what each page needs today. A new query is fine if it is one, not one per article.
PAGE_BOUNDS = {
    "/": 6,
    "/en/": 6,
    # The method finder: the vocabularies, every facet's counts with the total, the page of
    # methods and their terms.
    "/metoder/": 4,
    "/en/methods/": 4,
    "/metoder/?vy=tabell&malgrupp=alla-elever&fas=under-gymnasiet&vetenskap=hog&sort=kostnad": 4,
    "/metoder/?q=metod&insats=mentorskap&insats=franvaro": 4,
    "/metoder/evidens/": 2,
    "/metoder/anvands/": 2,
    "/forskning/": 2,
    "/fallstudier/": 2,
    "/aktuellt/": 2,
    "/om/": 3,
    "/kontakt/": 1,
}


@pytest.mark.parametrize("path", PAGE_BOUNDS)
def test_home_and_list_pages_have_a_bounded_number_of_queries(
    client, many_articles, django_assert_max_num_queries, path
):
    with django_assert_max_num_queries(PAGE_BOUNDS[path]):
        response = client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/metoder/", "/forskning/", "/fallstudier/", "/aktuellt/"])
def test_list_pages_read_no_tags_as_their_cards_show_none(client, many_articles, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    assert not [query["sql"] for query in queries if "taggit_tag" in query["sql"]]


# The article with its type's row, tags, images and documents, links, similar articles, …
DETAIL_BOUND = 10
# A method also reads its terms and the publications behind each of its two ratings.
DETAIL_BOUNDS = {"method": 11}


@pytest.mark.parametrize("kind", ["method", "publication", "summary", "casestudy", "news", "page"])
def test_detail_pages_have_a_bounded_number_of_queries(
    client, many_articles, django_assert_max_num_queries, kind
):
    article = many_articles[kind][0]
    url = article.get_absolute_url()
    with django_assert_max_num_queries(DETAIL_BOUNDS.get(kind, DETAIL_BOUND)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["similar_articles"] or response.context["linked_articles"]


def test_an_editors_list_page_is_bounded_too(
    client, editor, many_articles, django_assert_max_num_queries
):
    client.force_login(editor)
    # Session, user and the editor's permissions come on top of the visitor's queries.
    with django_assert_max_num_queries(PAGE_BOUNDS["/metoder/"] + 4):
        assert client.get("/metoder/").status_code == 200


def test_the_query_count_does_not_grow_with_the_page_size(client, many_articles, settings):
    def count(path):
        # Each page from nothing cached (the finder keeps its counts and vocabularies).
        cache.clear()
        forget_in_process()
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        return len(queries)

    second_page = count("/metoder/?page=3")  # 6 methods
    first_page = count("/metoder/")  # 12 methods
    assert first_page == second_page
