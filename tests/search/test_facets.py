"""Facet counts by either road: the matches counted, or every article less those missed."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.utils import timezone
from taggit.models import Tag

from content.models import Status
from search.api import rebuild_index, run_search
from search.backends import get_backend
from search.facets import EVERY_CACHE_SECONDS, _every_seconds, compute_facets
from search.filters import SearchFilterSet
from search.text import parse_query
from stats.models import Municipality, Region
from tests.factories import ArticleFactory, MethodFactory

pytestmark = pytest.mark.django_db

QUERIES = [
    "mentorskap",
    "skolan",
    "mentorskap -partille",
    '"mentorskap i"',
    "coachning OR forskning",
    "elever OR skolan OR mentorskap",
]
FILTERS = [
    {},
    {"typ": "metoder"},
    {"tag": "gymnasiet"},
    {"region": "14"},
    {"kommun": "1402"},
    {"year": timezone.now().year},
    {"typ": "forskning", "region": "14", "tag": "mentorskap"},
]


def _params(**values) -> QueryDict:
    params = QueryDict(mutable=True)
    for name, value in values.items():
        params[name] = str(value)
    return params


@pytest.mark.parametrize("filters", FILTERS)
@pytest.mark.parametrize("query", QUERIES)
def test_counting_the_articles_a_query_misses_gives_the_same_facets(
    corpus,
    monkeypatch,
    query,
    filters,
):
    params = _params(q=query, **filters)
    backend = get_backend()
    facets = {}
    for fewer_missed in (False, True):
        monkeypatch.setattr(backend, "fewer_non_matches", lambda parsed, f=fewer_missed: f)
        cache.clear()
        facets[fewer_missed] = compute_facets(SearchFilterSet(params))
    assert facets[True] == facets[False]
    assert facets[True].total == run_search(params).count()


def test_every_articles_counts_are_shared_by_queries_and_follow_edits(corpus):
    """Cached for every query with the same filters, and missed once content changes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(get_backend(), "fewer_non_matches", lambda parsed: True)
        assert compute_facets(SearchFilterSet(_params(q="mentorskap"))).total == 4
        assert compute_facets(SearchFilterSet(_params(q="skolan"))).total == 2
        MethodFactory(slug="m3", title_sv="Mentorskap för nyanlända")
        assert compute_facets(SearchFilterSet(_params(q="mentorskap"))).total == 5
        assert compute_facets(SearchFilterSet(_params(q="skolan"))).total == 2


def test_the_index_knows_when_most_articles_match():
    # Words enough for PostgreSQL's statistics to estimate a prefix (it needs 100 or more).
    for number in range(12):
        own_words = " ".join(f"ord{number}x{other}" for other in range(10))
        ArticleFactory(title_sv=f"Gemensam rubrik {number}", body_sv=f"Om elever. {own_words}")
    ArticleFactory(title_sv="Ovanlig rubrik", body_sv="Sällsynt ord: kvartsfinal.")
    rebuild_index()  # with the statistics the planner estimates from
    backend = get_backend()
    assert backend.fewer_non_matches(parse_query("gemensam"))
    assert backend.fewer_non_matches(parse_query("rubrik"))
    assert not backend.fewer_non_matches(parse_query("kvartsfinal"))
    assert not backend.fewer_non_matches(parse_query("gemensam kvartsfinal"))


def test_an_article_published_since_every_articles_counts_changes_no_count(corpus):
    """Its time came after the counts were cached: counted in neither part, not subtracted."""
    MethodFactory(slug="soon", title_sv="Coachning", published_at=timezone.now() + timedelta(1))
    backend = get_backend()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(backend, "fewer_non_matches", lambda parsed: True)
        compute_facets(SearchFilterSet(_params(q="skolan")))  # every article's counts cached
        tomorrow = timezone.now() + timedelta(days=2)
        patch.setattr(timezone, "now", lambda: tomorrow)
        assert "soon" in {article.slug for article in run_search(_params())}
        from_cached = compute_facets(SearchFilterSet(_params(q="mentorskap")))
        cache.clear()
        patch.setattr(backend, "fewer_non_matches", lambda parsed: False)
        counted = compute_facets(SearchFilterSet(_params(q="mentorskap")))
    assert from_cached == counted


def test_every_articles_counts_are_kept_until_the_next_publication_time():
    now = timezone.now()
    assert _every_seconds(now) == EVERY_CACHE_SECONDS
    MethodFactory(published_at=now + timedelta(minutes=5))
    MethodFactory(published_at=now + timedelta(minutes=2))
    MethodFactory(status=Status.DRAFT, published_at=now + timedelta(seconds=30))
    assert _every_seconds(now) == 120
    assert _every_seconds(now + timedelta(days=1)) == EVERY_CACHE_SECONDS


def _facets(monkeypatch, fewer_missed: bool, **params):
    """The facets of /sok/ with `params`, counted afresh by the road chosen."""
    monkeypatch.setattr(get_backend(), "fewer_non_matches", lambda parsed: fewer_missed)
    cache.clear()
    return compute_facets(SearchFilterSet(_params(**params)))


def _region_counts(facets) -> dict[str, int]:
    return {code: count for code, _name, count in facets.regions}


@pytest.mark.parametrize("fewer_missed", [False, True])
def test_facets_follow_an_articles_regions_and_municipalities(corpus, monkeypatch, fewer_missed):
    """PostgreSQL counts them from the index rows, which must follow every change of links."""
    south = Region.objects.get(code="12")
    malmo = Municipality.objects.get(code="1280")
    method = corpus["m1"]
    before = _region_counts(_facets(monkeypatch, fewer_missed, q="mentorskap"))
    assert "12" not in before

    method.regions.add(south)
    method.municipalities.add(malmo)
    facets = _facets(monkeypatch, fewer_missed, q="mentorskap")
    assert _region_counts(facets)["12"] == 1
    assert ("1280", "Malmö", 1) in facets.municipalities
    chosen = _facets(monkeypatch, fewer_missed, q="mentorskap", kommun="1280")
    assert chosen.total == run_search(_params(q="mentorskap", kommun="1280")).count() == 1

    south.articles.remove(method)  # from the region's side
    assert "12" not in _region_counts(_facets(monkeypatch, fewer_missed, q="mentorskap"))
    method.municipalities.clear()
    assert _facets(monkeypatch, fewer_missed, q="mentorskap", kommun="1280").total == 0


@pytest.mark.parametrize("fewer_missed", [False, True])
def test_facets_follow_a_deleted_municipality_and_tag(corpus, monkeypatch, fewer_missed):
    assert _facets(monkeypatch, fewer_missed, q="coachning").municipalities == [
        ("1280", "Malmö", 1)
    ]
    Municipality.objects.get(code="1280").delete()  # its links go with it, without m2m_changed
    assert _facets(monkeypatch, fewer_missed, q="coachning").municipalities == []
    Tag.objects.get(slug="mentorskap").delete()
    facets = _facets(monkeypatch, fewer_missed, q="mentorskap", tag="gymnasiet")
    assert "mentorskap" not in {slug for slug, _names, _count in facets.tags}
    assert facets.total == run_search(_params(q="mentorskap", tag="gymnasiet")).count() == 1


@pytest.mark.parametrize("fewer_missed", [False, True])
def test_facets_follow_publish_unpublish_and_a_new_date(corpus, monkeypatch, fewer_missed):
    method = corpus["m1"]
    this_year = timezone.localdate().year
    method.status = Status.DRAFT
    method.save()
    assert _facets(monkeypatch, fewer_missed, q="mentorskap").total == 3
    method.status = Status.PUBLISHED
    method.last_reviewed_at = timezone.localdate() - timedelta(days=800)
    method.save()
    facets = _facets(monkeypatch, fewer_missed, q="mentorskap", typ="metoder")
    assert facets.total == 1
    assert this_year not in dict(facets.years)
    assert (
        _facets(monkeypatch, fewer_missed, q="mentorskap", year=this_year).type_count("metoder")
        == run_search(_params(q="mentorskap", year=this_year, typ="metoder")).count()
    )


@pytest.mark.parametrize("fewer_missed", [False, True])
def test_unknown_tags_and_codes_give_no_results_in_the_facets_either(
    corpus, monkeypatch, fewer_missed
):
    for params in ({"tag": "finns-inte"}, {"tag": ["mentorskap", "finns-inte"]}):
        query = QueryDict(mutable=True)
        query.setlist("tag", params["tag"] if isinstance(params["tag"], list) else [params["tag"]])
        query["q"] = "mentorskap"
        monkeypatch.setattr(get_backend(), "fewer_non_matches", lambda parsed: fewer_missed)
        cache.clear()
        assert compute_facets(SearchFilterSet(query)).total == 0 == run_search(query).count()
    facets = _facets(monkeypatch, fewer_missed, q="mentorskap", region="99")
    assert facets.total == 0 == run_search(_params(q="mentorskap", region="99")).count()
    assert sum(count for _code, _name, count in facets.regions) > 0  # the others still offered


@pytest.mark.parametrize(
    "filters",
    [
        {"typ": "metoder", "region": "14"},
        {"typ": "fallstudier", "region": "14", "kommun": "1402", "year": timezone.now().year},
        {"region": "12", "kommun": "1280"},
        {"typ": "forskning", "year": timezone.now().year, "tag": "mentorskap"},
    ],
)
@pytest.mark.parametrize("query", ["", "mentorskap", "skolan OR coachning"])
@pytest.mark.parametrize("fewer_missed", [False, True])
def test_counting_only_the_rows_some_facet_needs_changes_no_count(
    corpus, monkeypatch, filters, query, fewer_missed
):
    """Rows failing two filters count in no facet: leaving them out must change nothing."""
    from search import facets as module

    params = {**filters, **({"q": query} if query else {})}
    narrowed = _facets(monkeypatch, fewer_missed, **params)
    # A facet that counts every row makes every row needed.
    monkeypatch.setitem(module.FACET_OWN_FILTERS, "every row", tuple(module.CONDITIONS))
    everything = _facets(monkeypatch, fewer_missed, **params)
    assert narrowed == everything
    assert narrowed.total == run_search(_params(**params)).count()
