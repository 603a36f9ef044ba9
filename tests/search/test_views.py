"""The Artikelsök pages: filters, facets, links, bad input and the number of queries."""

import re
from datetime import date, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from taggit.models import Tag

from casestudies.models import CaseStudy
from content.models import PAGE, TagName
from search.api import run_search
from search.backends import get_backend
from search.results import HeadFirstResults
from search.views import MAX_PAGES
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db
URL = "/sok/"


def links(response, css_class_text: str = "") -> dict[str, str]:
    """Facet links on the page: label text -> href."""
    body = response.content.decode()
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href.replace("&amp;", "&")
        for href, text in re.findall(r'<a href="(\?[^"]*)" rel="nofollow">(.*?)</a>', body)
    }


def count_in(label: str, response) -> int:
    for text, _href in links(response).items():
        if text.startswith(label):
            return int(re.search(r"\((\d+)\)$", text).group(1))
    raise AssertionError(f"no facet {label}")


def slugs(response) -> list[str]:
    return [article.slug for article in response.context["articles"]]


def test_the_results_page_answers_in_both_languages(client, corpus):
    assert client.get(URL, {"q": "mentorskap"}).status_code == 200
    response = client.get("/en/search/", {"q": "mentorskap"})
    assert response.status_code == 200
    assert b"results for" in response.content


def test_results_are_ranked_and_marked(client, corpus):
    response = client.get(URL, {"q": "mentorskap"})
    assert set(slugs(response)) == {"m1", "p1", "c1", "n1"}
    assert "draft" not in slugs(response)
    assert b"<mark>" in response.content or b"Mentorskap" in response.content


def test_snippets_mark_the_words_found_in_the_text(client):
    ArticleFactory(title_sv="Rubrik", summary_sv="", body_sv="Eleverna fick en mentor varje vecka.")
    response = client.get(URL, {"q": "mentor"})
    assert "<mark>mentor</mark>" in response.content.decode()


def test_a_snippet_comes_from_the_text_in_the_language_its_result_is_shown_in(client):
    ArticleFactory(
        title_sv="Rubrik",
        title_en="Title",
        summary_sv="",
        summary_en="",
        body_sv="Eleverna fick en mentor varje vecka.",
        body_en="The students met a mentor every week.",
    )
    ArticleFactory(
        title_sv="Bara svenska",
        title_en="",
        summary_en="",
        body_sv="En mentor & en coach.",
        body_en="",
    )
    swedish = client.get(URL, {"q": "mentor"}).content.decode()
    english = client.get("/en/search/", {"q": "mentor"}).content.decode()
    assert "fick en <mark>mentor</mark> varje vecka" in swedish
    assert "met a <mark>mentor</mark> every week" in english
    assert "Eleverna" not in english
    # Shown in Swedish on the English page: its Swedish text, escaped.
    assert "En <mark>mentor</mark> &amp; en coach" in english


def test_each_result_lists_its_tags_as_links_to_their_results(client, corpus):
    response = client.get(URL, {"q": "coachning"})
    assert slugs(response) == ["m2"]
    tags = re.search(r'<ul class="tags"[^>]*>(.*?)</ul>', response.content.decode(), re.S)
    assert tags, "the result shows no tags"
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', tags.group(1)) == [
        ("/sok/?tag=gymnasiet", "gymnasiet")
    ]


def test_english_pages_show_a_tags_english_name_or_its_swedish_one_marked_swedish(client, corpus):
    TagName.objects.create(tag=Tag.objects.get(slug="gymnasiet"), name="Upper secondary school")
    english = client.get("/en/search/", {"q": "coachning", "tag": "gymnasiet"})
    body = english.content.decode()
    card_tags = re.search(r'<ul class="tags"[^>]*>(.*?)</ul>', body, re.S).group(1)
    assert ">Upper secondary school</a>" in card_tags
    assert "Tag: Upper secondary school" in re.sub(r"<[^>]+>", "", body)  # the chosen filter
    facets = client.get("/en/search/", {"q": "mentorskap"}).content.decode()
    assert ">Upper secondary school <span" in facets
    # No English name: the Swedish one, marked as Swedish for screen readers.
    assert 'lang="sv">mentorskap <span' in facets
    swedish = client.get(URL, {"q": "mentorskap"}).content.decode()
    assert ">gymnasiet <span" in swedish and "Upper secondary" not in swedish


def test_an_articles_page_shows_its_tags_in_the_visitors_language(client, corpus):
    TagName.objects.create(tag=Tag.objects.get(slug="gymnasiet"), name="Upper secondary school")
    method = corpus["m1"]
    english = client.get(f"/en/methods/{method.slug}/").content.decode()
    assert ">Upper secondary school</a>" in english and 'lang="sv">mentorskap</a>' in english
    swedish = client.get(f"/metoder/{method.slug}/").content.decode()
    assert ">gymnasiet</a>" in swedish and "Upper secondary" not in swedish


def test_type_facet_counts_agree_with_the_filtered_results(client, corpus):
    ArticleFactory(kind=PAGE, slug="om-mentorskap", title_sv="Om mentorskap")
    response = client.get(URL, {"q": "mentorskap"})
    for label, value in [
        ("Metoder", "metoder"),
        ("Forskning", "forskning"),
        ("Fallstudier", "fallstudier"),
        ("Aktuellt", "aktuellt"),
        ("Informationssidor", "information"),
    ]:
        shown = count_in(label, response)
        filtered = client.get(URL, {"q": "mentorskap", "typ": value})
        assert filtered.context["total"] == shown == len(slugs(filtered))


def test_the_content_types_count_every_result(client, corpus):
    ArticleFactory(kind=PAGE, slug="om-mentorskap", title_sv="Om mentorskap")
    response = client.get(URL, {"q": "mentorskap"})
    types = {
        value: count for value, _label, count, _link, _chosen in response.context["type_options"]
    }
    assert types["information"] == 1
    assert sum(types.values()) == response.context["total"] == 5
    assert slugs(client.get(URL, {"q": "mentorskap", "typ": "information"})) == ["om-mentorskap"]


def test_a_content_type_without_results_is_shown_but_is_no_link(client, corpus):
    response = client.get(URL, {"q": "mentorskap"})
    assert "Fallstudier (1)" in links(response)
    assert not [text for text in links(response) if text.startswith("Informationssidor")]
    shown = '<span class="facet-none">Informationssidor <span class="facet-count">(0)</span>'
    assert shown in response.content.decode()


def test_the_results_link_to_the_filters_for_those_far_below_them(client, corpus):
    body = client.get(URL, {"q": "mentorskap"}).content.decode()
    assert '<a href="#filters">Filtrera</a>' in body
    assert 'id="filters"' in body
    # The results come first, the filters after them (site.css sets them beside on a wide screen).
    assert body.index('id="results"') < body.index('id="filters"')
    chosen = client.get(URL, {"q": "mentorskap", "typ": "metoder", "region": "14"})
    assert '<a href="#filters">Filtrera <span class="filter-count">(2 valda)</span></a>' in (
        chosen.content.decode()
    )
    nothing = client.get(URL, {"q": "finnsinte"}).content.decode()
    assert 'href="#filters"' not in nothing


def test_research_covers_literature_and_summaries(client, corpus):
    response = client.get(URL, {"typ": "forskning"})
    assert sorted(slugs(response)) == ["p1", "s1"]


# The years of the dates the corpus's articles show (see corpus).
LAST_YEAR = (timezone.localdate() - timezone.timedelta(days=400)).year
THIS_YEAR = timezone.localdate().year


@pytest.mark.parametrize(
    "params",
    [
        {"tag": "gymnasiet"},
        # Type and year are counted in one pass: each with the other one applied.
        {"typ": "metoder", "year": LAST_YEAR},
        {"typ": "forskning"},
        {"q": "mentorskap", "year": THIS_YEAR},
        {"q": "mentorskap -partille", "region": "14", "typ": "metoder"},
    ],
)
def test_every_facet_option_gives_the_count_it_shows(client, corpus, params):
    response = client.get(URL, params)
    options = links(response)
    assert options, "no facet links"
    for text, href in options.items():
        counted = re.search(r"\((\d+)\)$", text)
        if not counted:  # the sort order's links
            continue
        followed = client.get(URL + href)
        assert followed.context["total"] == int(counted.group(1)) == len(slugs(followed)), text


def test_filters_combine_and_can_be_removed_one_by_one(client, corpus):
    response = client.get(URL, {"q": "mentorskap", "typ": "metoder", "region": "14"})
    assert slugs(response) == ["m1"]
    active = response.context["active_filters"]
    assert [(what, value) for what, value, _link in active] == [
        ("Innehållstyp", "Metoder"),
        ("Region", "Västra Götalands län"),
    ]
    without_type = active[0][2]
    assert parse_qs(urlsplit(without_type).query) == {"q": ["mentorskap"], "region": ["14"]}
    assert sorted(slugs(client.get(URL + without_type))) == ["c1", "m1"]


def test_tags_narrow_the_results_each(client, corpus):
    both = client.get(URL + "?tag=mentorskap&tag=gymnasiet")
    assert slugs(both) == ["m1"]


def test_municipality_and_year_filter(client, corpus):
    assert slugs(client.get(URL, {"kommun": "1402"})) == ["c1"]
    assert sorted(slugs(client.get(URL, {"year": LAST_YEAR}))) == ["m2", "s1"]


def test_sort_by_date_and_by_relevance(client, corpus):
    by_date = client.get(URL, {"q": "mentorskap", "sort": "datum"})
    dates = [a.published_at for a in by_date.context["articles"]]
    assert dates == sorted(dates, reverse=True)
    by_relevance = client.get(URL, {"q": "mentorskap", "sort": "relevans"})
    assert sorted(slugs(by_relevance)) == sorted(slugs(by_date))


def test_an_empty_query_lists_everything_newest_first(client, corpus):
    response = client.get(URL)
    assert response.context["total"] == 6
    dates = [a.published_at for a in response.context["articles"]]
    assert dates == sorted(dates, reverse=True)


def test_did_you_mean_suggests_a_known_word(client, corpus):
    response = client.get(URL, {"q": "mentorskapp"})
    assert response.context["total"] == 0
    assert response.context["suggestion"] == "mentorskap"
    assert "Menade du" in response.content.decode()


def test_what_the_user_typed_is_escaped(client, corpus):
    evil = '<script>alert(1)</script>"><img src=x>'
    response = client.get(URL, {"q": evil, "tag": evil, "region": evil})
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "<img src=x>" not in body


@pytest.mark.parametrize(
    "params",
    [
        {"q": "x" * 5000},
        # A NUL byte never reaches the search: tests/infra/test_bad_input.py.
        {"q": '"""'},
        {"q": "- OR OR -- \" '"},
        {"q": "NEAR(a b) title_sv:x* {a b}: ^c AND ) ("},
        {"q": "'); DROP TABLE pluginnovation_article; --"},
        {"typ": "nonsense"},
        {"region": "99"},
        {"kommun": "abcdef"},
        {"year": "abc"},
        {"year": "99999"},
        {"sort": "sideways"},
        {"tag": ["a b c", "ok"]},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "¹"},
        {"page": "٣"},
        {"page": "99999999999999999999"},
    ],
)
def test_bad_input_is_answered_not_crashed(client, corpus, params):
    response = client.get(URL, params)
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert (
            'class="errors"' in response.content.decode()
            or "form-errors" in response.content.decode()
        )


def test_a_too_long_query_is_explained_in_swedish(client, corpus):
    response = client.get(URL, {"q": "x" * 5000})
    assert response.status_code == 400
    assert "Skriv högst 200 tecken" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client):
    ArticleFactory.create_batch(15)
    response = client.get(URL, {"page": "9"})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 2
    assert response.context["page_missing"]


def test_result_pages_are_capped(client, settings):
    settings.PAGE_SIZE = 1
    ArticleFactory.create_batch(MAX_PAGES + 3)
    response = client.get(URL, {"page": MAX_PAGES + 2})
    assert response.status_code == 200
    assert response.context["total"] == MAX_PAGES + 3
    assert response.context["page_obj"].paginator.num_pages == MAX_PAGES
    assert response.context["page_obj"].number == MAX_PAGES
    assert response.context["capped"]


def test_the_help_page_answers_in_both_languages(client):
    assert client.get("/sok/hjalp/").status_code == 200
    assert client.get("/en/search/help/").status_code == 200


def _build(count: int, start: int = 0):
    region = RegionFactory(code="14", name="Västra Götalands län")
    municipality = MunicipalityFactory(code="1402", name="Partille", region=region)
    for i in range(start, start + count):
        article = (MethodFactory if i % 3 else ArticleFactory)(
            title_sv=f"Mentorskap nummer {i}", tags=[f"tagg{i % 7}", "gemensam"]
        )
        if i % 2:
            article.regions.add(region)
            article.municipalities.add(municipality)
    # Statistics of these rows, as after any bulk load: PostgreSQL estimates from them whether
    # fewer articles miss a query than match it. Else they are whatever autovacuum last saw,
    # which may change between two pages and with them the facets' road (a query more or less).
    get_backend().optimize()


# A whole results page; a content type's own facets (typ=metoder) are one statement more.
PAGE_QUERIES, TYPE_FACET_QUERIES = 6, 1


def _queries_for(client, url: str, django_assert_max_num_queries) -> int:
    cache.clear()  # facets computed afresh: the worst case
    bound = PAGE_QUERIES + (TYPE_FACET_QUERIES if "typ=metoder" in url else 0)
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["articles"]
    return len(captured.captured_queries)


def test_a_results_page_takes_the_same_few_queries_whatever_the_corpus(
    client, django_assert_max_num_queries
):
    pages = [
        URL + "?q=mentorskap&typ=metoder&tag=gemensam&region=14",
        URL + "?kommun=1402&sort=datum",
        URL,
    ]
    _build(100)
    client.get(pages[0])  # content types and the like, cached for the life of the process
    at_100 = [_queries_for(client, url, django_assert_max_num_queries) for url in pages]
    _build(60, start=100)
    at_160 = [_queries_for(client, url, django_assert_max_num_queries) for url in pages]
    assert at_100 == at_160


def test_a_page_read_in_two_parts_takes_no_more_queries(
    client, monkeypatch, django_assert_max_num_queries
):
    """Many matches (here: any number) make the page two reads joined in one statement."""
    _build(100)
    url = URL + "?q=mentorskap"
    client.get(url)
    in_one = _queries_for(client, url, django_assert_max_num_queries)
    monkeypatch.setattr(get_backend(), "reads_in_two_parts", lambda matches, most_match: True)
    assert _queries_for(client, url, django_assert_max_num_queries) == in_one


@pytest.mark.parametrize(
    "params",
    [
        {"q": "mentorskap"},
        {"q": "mentorskap", "sort": "datum"},
        {"q": "mentorskap -partille", "tag": "mentorskap"},
        {"q": "skolan OR coachning", "typ": "metoder"},
        {"q": "mentorskap", "region": "14", "year": str(timezone.now().year)},
        {"q": "ingenting"},
    ],
)
@pytest.mark.parametrize("limit", [1000, 1], ids=["listed", "too many to list"])
def test_pages_of_the_results_the_facets_listed_follow_the_whole_ranking(
    client, corpus, settings, monkeypatch, params, limit
):
    """The facets list the ids of few results; the page reads just those, in the same order."""
    from search import facets
    from search.filters import SearchFilterSet

    monkeypatch.setattr(get_backend(), "fewer_non_matches", lambda parsed: False)
    monkeypatch.setattr(facets, "RESULT_IDS", limit)
    given = []
    results = SearchFilterSet.results

    def spied(self, matches, most_match, listed=None):
        given.append(listed)
        return results(self, matches, most_match, listed)

    monkeypatch.setattr(SearchFilterSet, "results", spied)
    settings.PAGE_SIZE = 2
    expected = [article.slug for article in run_search(params)]
    shown, number = [], 1
    while True:
        response = client.get(URL, {**params, "page": number})
        shown += slugs(response)
        if not response.context["page_obj"].has_next():
            break
        number += 1
    assert shown == expected
    listed = given[0]
    if len(expected) <= limit:
        assert sorted(listed) == sorted(corpus[slug].pk for slug in expected)
    else:
        assert listed is None


def test_the_year_facet_counts_the_year_an_article_shows_never_the_day_it_went_on_the_site(
    client,
):
    went_on = datetime(2025, 3, 14, 10, 0, tzinfo=timezone.get_current_timezone())
    ArticleFactory(slug="dated-news", published_at=went_on, dated_on=date(2022, 10, 28))
    ArticleFactory(slug="undated-news", published_at=went_on)
    MethodFactory(slug="reviewed", published_at=went_on, last_reviewed_at=date(2024, 5, 3))
    MethodFactory(slug="never-reviewed", published_at=went_on)
    # An information page does not show its review: it has no year either.
    ArticleFactory(slug="page", kind=PAGE, published_at=went_on, last_reviewed_at=date(2023, 1, 2))
    PublicationFactory(slug="book", published_at=went_on, year=2009)
    response = client.get(URL)
    assert response.context["total"] == 6
    years = {year: count for year, count, _link, _chosen in response.context["year_options"]}
    assert years == {2024: 1, 2022: 1, 2009: 1}
    for year, expected in ((2024, ["reviewed"]), (2022, ["dated-news"]), (2009, ["book"])):
        assert slugs(client.get(URL, {"year": year})) == expected
    for year in (2025, 2023):
        assert slugs(client.get(URL, {"year": year})) == []


def test_type_and_year_counts_each_apply_the_other_filter(client, corpus):
    response = client.get(URL, {"typ": "metoder", "year": LAST_YEAR})
    assert slugs(response) == ["m2"]
    years = {year: count for year, count, _link, _chosen in response.context["year_options"]}
    assert years == {THIS_YEAR: 1, LAST_YEAR: 1}  # methods: m1 this year, m2 last year
    types = {
        value: count for value, _label, count, _link, _chosen in response.context["type_options"]
    }
    assert types == {
        "metoder": 1,
        "forskning": 1,
        "fallstudier": 0,
        "aktuellt": 0,
        "information": 0,
    }


def test_a_case_study_is_found_under_its_own_municipality_and_region(client):
    kronoberg = RegionFactory(code="07", name="Kronobergs län")
    ljungby = MunicipalityFactory(code="0781", name="Ljungby", region=kronoberg)
    # The editor chose the municipality but no links: the case study links itself.
    CaseStudyFactory(slug="ljungby", title_sv="Fallstudie Ljungby", municipality=ljungby)
    assert slugs(client.get(URL, {"kommun": "0781"})) == ["ljungby"]
    assert slugs(client.get(URL, {"region": "07"})) == ["ljungby"]
    everything = client.get(URL)
    assert count_in("Ljungby", everything) == 1
    assert count_in("Kronobergs län", everything) == 1


def test_a_case_study_keeps_its_own_municipality_when_its_links_are_set(client):
    # The admin sets the links from its form after saving the case study.
    other = MunicipalityFactory(code="1401", name="Härryda")
    case_study = CaseStudyFactory(slug="partille")
    case_study.municipalities.set([other])
    case_study.regions.clear()
    assert sorted(case_study.municipalities.values_list("code", flat=True)) == ["1401", "1402"]
    assert list(case_study.regions.all()) == [case_study.municipality.region]


def test_a_case_study_moved_to_another_municipality_leaves_the_former_one(client):
    kronoberg = RegionFactory(code="07", name="Kronobergs län")
    ljungby = MunicipalityFactory(code="0781", name="Ljungby", region=kronoberg)
    almhult = MunicipalityFactory(code="0765", name="Älmhult", region=kronoberg)
    partille = MunicipalityFactory(code="1402", name="Partille")
    case_study = CaseStudyFactory(slug="flyttad", municipality=ljungby)
    case_study.municipality = almhult  # the same region: its link stays
    case_study.save()
    assert area_links(case_study) == (["0765"], ["07"])
    case_study = CaseStudy.objects.get(pk=case_study.pk)  # as loaded, not as created
    case_study.municipality = partille
    case_study.save()
    assert area_links(case_study) == (["1402"], ["14"])
    assert slugs(client.get(URL, {"kommun": "0765"})) == []
    assert slugs(client.get(URL, {"region": "07"})) == []
    assert slugs(client.get(URL, {"kommun": "1402"})) == ["flyttad"]


def test_a_moved_case_study_keeps_the_links_its_editor_chose(client):
    kronoberg = RegionFactory(code="07", name="Kronobergs län")
    ljungby = MunicipalityFactory(code="0781", name="Ljungby", region=kronoberg)
    almhult = MunicipalityFactory(code="0765", name="Älmhult", region=kronoberg)
    case_study = CaseStudyFactory(slug="flyttad", municipality=ljungby)
    case_study.municipalities.add(almhult)  # a second municipality, chosen by the editor
    case_study.municipality = MunicipalityFactory(code="1402", name="Partille")
    case_study.save()
    # Ljungby goes; Kronobergs län stays, as Älmhult is still linked and lies in it.
    assert area_links(case_study) == (["0765", "1402"], ["07", "14"])


def area_links(case_study) -> tuple[list[str], list[str]]:
    return (
        sorted(case_study.municipalities.values_list("code", flat=True)),
        sorted(case_study.regions.values_list("code", flat=True)),
    )


def test_facets_count_the_same_without_the_materialized_hint(client, corpus, monkeypatch):
    """SQLite before 3.35 has no MATERIALIZED: the statement must work and count alike."""
    from search import facets

    params = {"q": "mentorskap", "region": "14"}
    hinted = client.get(URL, params).context
    cache.clear()
    monkeypatch.setattr(facets, "_materialized", lambda: "")
    plain = client.get(URL, params).context
    for name in ("type_options", "region_options", "municipality_options", "year_options"):
        assert hinted[name] == plain[name], name
    assert hinted["total"] == plain["total"] == 2


@pytest.mark.parametrize(
    "params",
    [
        {"q": "lärling"},
        {"q": "lärling", "typ": "metoder"},
        {"q": "lärling -annat"},
        {"q": "lärling OR kort"},
        {"q": '"om lärlingar"', "region": "14"},
    ],
)
@pytest.mark.parametrize("forced", [True, False], ids=["two parts", "as the backend decides"])
def test_pages_by_relevance_show_the_whole_ranking_in_order(
    client, settings, monkeypatch, params, forced
):
    """Each page is read in two parts (head hits, then the rest): together, run_search's order."""
    if forced:  # as for many matches, on either database
        monkeypatch.setattr(get_backend(), "reads_in_two_parts", lambda matches, most_match: True)
    # Every query here matches most articles: SQLite reads them in two parts, PostgreSQL (from
    # TWO_PARTS_FROM matches) in one statement.
    two_parts = forced or connection.vendor == "sqlite"
    settings.PAGE_SIZE = 2  # small pages over more matches: each part is cut short
    west = RegionFactory(code="14", name="Västra Götalands län")
    now = timezone.now()
    for i in range(4):
        head = MethodFactory(
            slug=f"head-{i}", title_sv=f"Lärlingar {i}", published_at=now - timezone.timedelta(i)
        )
        head.regions.add(west)
    for i in range(9):
        body = (MethodFactory if i % 2 else ArticleFactory)(
            slug=f"body-{i}",
            title_sv=f"Text {i}",
            summary_sv="Kort.",
            body_sv="Om lärlingar och annat." if i % 3 else "Om lärlingar.",
            published_at=now - timezone.timedelta(days=i, hours=12),
        )
        body.regions.add(west)
    expected = [article.slug for article in run_search(params)]
    assert expected, "nothing to page through"
    shown, number = [], 1
    while True:
        response = client.get(URL, {**params, "page": number})
        object_list = response.context["page_obj"].paginator.object_list
        assert isinstance(object_list, HeadFirstResults) == two_parts
        shown += slugs(response)
        if not response.context["page_obj"].has_next():
            break
        number += 1
    assert shown == expected
    heads = [slug for slug in shown if slug.startswith("head")]
    assert shown[: len(heads)] == heads  # head hits first
