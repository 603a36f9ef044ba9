"""Artikelsök and literature: the year facet and filter mean the year of publication, result
cards show authors and year, and the literature among the results downloads as references."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.utils import timezone

from research.names import person
from search.api import run_search
from search.facets import compute_facets
from search.filters import SearchFilterSet
from tests.factories import ArticleFactory, MethodFactory, PublicationFactory
from tests.site.html import page

pytestmark = pytest.mark.django_db

THIS_YEAR = timezone.localdate().year


@pytest.fixture
def library(db):
    """Two books from 2009 and one from 2005 put on the site today, one without a year, and
    a method reviewed and a news item dated this year (the dates their pages show)."""
    return {
        "hattie": PublicationFactory(
            title_sv="Visible learning", authors=[person("Hattie", "John")], year=2009
        ),
        "mollas": PublicationFactory(
            title_sv="Detta ideliga mötande", authors=[person("Möllås", "G.")], year=2009
        ),
        "hamre": PublicationFactory(
            title_sv="First grade", authors=[person("Hamre", "B.K.")], year=2005
        ),
        "undated": PublicationFactory(title_sv="Okänt år", year=None),
        "method": MethodFactory(title_sv="Mentorskap", last_reviewed_at=timezone.localdate()),
        "news": ArticleFactory(title_sv="Nyhet", dated_on=timezone.localdate()),
    }


def _years(params=None) -> dict[int, int]:
    cache.clear()
    return dict(compute_facets(SearchFilterSet(params or {})).years)


def test_the_year_facet_counts_literature_by_its_year_of_publication(library):
    assert _years() == {THIS_YEAR: 2, 2009: 2, 2005: 1}
    assert _years({"typ": "forskning"}) == {2009: 2, 2005: 1}  # none under this year


def test_the_year_filter_finds_literature_by_its_year_of_publication(library):
    assert {a.title for a in run_search({"year": "2009"})} == {
        "Visible learning",
        "Detta ideliga mötande",
    }
    assert {a.title for a in run_search({"year": str(THIS_YEAR)})} == {"Mentorskap", "Nyhet"}
    cache.clear()
    facets = compute_facets(SearchFilterSet({"year": "2009"}))
    assert facets.total == 2 == facets.type_count("forskning")


def test_literature_without_a_year_is_counted_under_no_year_but_still_found(library):
    cache.clear()
    facets = compute_facets(SearchFilterSet({"typ": "forskning"}))
    assert facets.total == 4
    assert sum(dict(facets.years).values()) == 3
    assert "Okänt år" in {a.title for a in run_search({"typ": "forskning"})}


@pytest.mark.parametrize("query", ["", "learning OR mötande"])
def test_year_facets_and_results_agree_with_a_query_too(library, query):
    for year in (2009, 2005, THIS_YEAR):
        params = {"q": query, "year": str(year)}
        cache.clear()
        assert compute_facets(SearchFilterSet(params)).total == run_search(params).count()


def test_result_cards_show_authors_and_year_not_the_day_the_publication_went_on_the_site(
    client, library
):
    library["hattie"].published_at = timezone.make_aware(datetime.datetime(2026, 12, 3, 12))
    library["hattie"].save()
    response = client.get("/sok/?q=visible")
    cards = page(response).find_all("p", **{"class": "card-meta card-reference"})
    assert [" ".join(card.text.split()) for card in cards] == ["Hattie, John (2009)"]
    assert "3 december 2026" not in response.content.decode()


def test_a_results_page_with_literature_stays_within_its_query_bound(
    client, library, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/sok/?typ=forskning")
    cache.clear()
    with django_assert_max_num_queries(6):
        assert client.get("/sok/?typ=forskning").status_code == 200


def test_the_literature_among_a_searchs_results_downloads_in_their_order(client, library):
    response = client.get("/sok/?q=learning+OR+mötande+OR+mentorskap")
    html = response.content.decode()
    assert 'href="/forskning/sokresultat.ris?q=learning+OR+m%C3%B6tande+OR+mentorskap"' in html
    download = client.get("/forskning/sokresultat.json?q=learning+OR+mötande+OR+mentorskap")
    assert download["Content-Disposition"] == 'attachment; filename="sokresultat.json"'
    titles = [item["title"] for item in json.loads(download.content)]
    assert sorted(titles) == ["Detta ideliga mötande", "Visible learning"]  # not the method


def test_a_search_export_holds_at_most_the_cap(client, library, settings):
    settings.REFERENCE_EXPORT_MAX = 2
    items = json.loads(client.get("/forskning/sokresultat.json?typ=forskning").content)
    assert len(items) == 2


def test_a_search_export_never_holds_drafts(client, library):
    library["hattie"].status = "review"
    library["hattie"].save()
    items = json.loads(client.get("/forskning/sokresultat.json?q=learning").content)
    assert items == []
