"""Artikelsök shows the method finder's facets when the type is Metoder, counts them as the
finder does, and finds a method by the names of its structured fields in both languages."""

import pytest

from methods.models import EvidenceRating
from search.api import run_search
from tests.factories import ArticleFactory, MethodFactory, PublicationFactory
from tests.site.html import page, text

pytestmark = pytest.mark.django_db

URL = "/sok/"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request reaches the view (the tests read its context)."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def methods():
    return {
        "coach": MethodFactory(
            title_sv="Närvarocoach",
            title_en="Attendance coach",
            summary_sv="En coach för eleverna.",
            summary_en="A coach for the students.",
            scientific_basis=EvidenceRating.MODERATE,
            terms={
                "target_group": ["hog-franvaro"],
                "intervention_type": ["franvaro"],
                "phase": ["under-gymnasiet"],
            },
        ),
        "mentoring": MethodFactory(
            title_sv="Mentorskap",
            title_en="Mentoring",
            summary_sv="Mentorer för eleverna.",
            summary_en="Mentors for the students.",
            terms={
                "target_group": ["elever-i-riskzon"],
                "intervention_type": ["mentorskap"],
                "phase": ["under-gymnasiet"],
            },
        ),
        "handover": MethodFactory(
            title_sv="Överlämning",
            title_en="Handover",
            summary_sv="Skolorna lämnar över eleverna.",
            summary_en="The schools hand the students over.",
            terms={"target_group": ["arskurs-8-9"], "phase": ["overgang"]},
        ),
        # Not a method: never in the method facets.
        "news": ArticleFactory(title_sv="Nyhet om eleverna", summary_sv="Om elever."),
        "publication": PublicationFactory(title_sv="Forskning om elever"),
    }


def titles(response) -> set[str]:
    return {article.title for article in response.context["articles"]}


def facet_options(response) -> dict[str, dict[str, tuple[int, bool]]]:
    """{facet label: {option label: (count, chosen)}}."""
    return {
        str(group["facet"].label): {
            str(option["label"]): (option["count"], option["chosen"]) for option in group["options"]
        }
        for group in response.context["type_facets"]
    }


def test_the_method_facets_appear_when_the_type_is_metoder_only(client, methods):
    assert client.get(URL).context["type_facets"] == []
    assert client.get(URL, {"typ": "forskning"}).context["type_facets"] == []
    shown = facet_options(client.get(URL, {"typ": "metoder"}))
    assert list(shown) == [
        "Målgrupp",
        "Insatstyp",
        "Fas",
        "Nivå av förebyggande arbete",
        "Insatsnivå",
        "Anordnare",
        "Vetenskaplig grund",
        "Beprövad erfarenhet",
        "Kostnad",
    ]
    assert shown["Fas"]["Under gymnasiet"] == (2, False)
    assert shown["Vetenskaplig grund"]["Måttlig"] == (1, False)
    assert shown["Vetenskaplig grund"]["Ej bedömd"] == (2, False)
    english = facet_options(client.get("/en/search/", {"typ": "metoder"}))
    assert english["Phase"]["During upper secondary school"] == (2, False)


def test_a_facet_narrows_and_several_options_widen(client, methods):
    one = client.get(URL, {"typ": "metoder", "malgrupp": "hog-franvaro"})
    assert titles(one) == {"Närvarocoach"}
    two = client.get(URL, {"typ": "metoder", "malgrupp": ["hog-franvaro", "arskurs-8-9"]})
    assert titles(two) == {"Närvarocoach", "Överlämning"}
    both = client.get(URL, {"typ": "metoder", "fas": "under-gymnasiet", "insats": "mentorskap"})
    assert titles(both) == {"Mentorskap"}
    # The other facets and the content types count the narrowed results.
    assert both.context["total"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"typ": "metoder", "q": "elever"},
        {"typ": "metoder", "fas": "under-gymnasiet", "malgrupp": "elever-i-riskzon"},
    ],
)
def test_each_options_count_is_what_choosing_it_gives(client, methods, params):
    response = client.get(URL, params)
    for group in response.context["type_facets"]:
        param = group["facet"].param
        for value, _label in group["facet"].options():
            option = next(o for o in group["options"] if str(o["label"]) == str(_label))
            chosen = client.get(URL, {**params, param: value})
            assert chosen.context["total"] == option["count"], (param, value)


def test_an_option_is_a_link_that_adds_it_and_a_chosen_one_takes_it_away(client, methods):
    response = client.get(URL, {"typ": "metoder", "fas": "overgang"})
    [phase] = [g for g in response.context["type_facets"] if g["facet"].param == "fas"]
    options = {str(o["label"]): o for o in phase["options"]}
    chosen = options["Övergången från grundskola till gymnasieskola"]
    assert chosen["chosen"] and chosen["link"] == "?typ=metoder"
    during = options["Under gymnasiet"]
    assert during["link"] == "?typ=metoder&fas=overgang&fas=under-gymnasiet"
    parsed = page(response)
    assert parsed.find_all("a", href="?typ=metoder", **{"aria-current": "true"})
    # Choosing another content type leaves the method facets behind.
    types = {
        value: link for value, _label, _count, link, _chosen in response.context["type_options"]
    }
    assert types["forskning"] == "?typ=forskning"
    active = {what: link for what, _value, link in response.context["active_filters"]}
    assert active["Fas"] == "?typ=metoder"
    assert active["Innehållstyp"] == "?"


def test_method_facets_without_the_type_are_left_out(client, methods):
    response = client.get(URL, {"malgrupp": "hog-franvaro"})
    assert response.status_code == 200
    assert response.context["total"] == 5  # every article: the facet does not apply
    bad = client.get(URL, {"typ": "metoder", "malgrupp": "finns-inte"})
    assert bad.status_code == 400
    assert "Målgrupp" in text(bad)


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("sv", "hög frånvaro"),
        ("sv", "uppföljning"),
        ("en", "high absence"),
        ("en", "following up"),
    ],
)
def test_the_names_of_a_methods_terms_are_searched_in_both_languages(
    client, methods, language, query
):
    url = "/en/search/" if language == "en" else URL
    found = titles(client.get(url, {"q": query}))
    expected = "Attendance coach" if language == "en" else "Närvarocoach"
    assert found == {expected}


def test_a_phase_is_found_by_its_name(client, methods):
    found = titles(client.get(URL, {"q": "övergången"}))
    assert found == {"Överlämning"}
    assert titles(client.get("/en/search/", {"q": "compulsory"})) == {"Handover"}


def test_a_saved_search_runs_with_its_method_facets(methods):
    found = run_search({"typ": "metoder", "malgrupp": ["hog-franvaro", "elever-i-riskzon"]})
    assert {article.title_sv for article in found} == {"Närvarocoach", "Mentorskap"}


def test_the_page_with_method_facets_takes_a_fixed_number_of_queries(
    client, methods, django_assert_max_num_queries
):
    client.get(URL, {"typ": "metoder"})  # the vocabularies, read once per process
    from django.core.cache import cache

    cache.clear()
    # A results page (6 at most) and one statement counting the method facets' every option.
    with django_assert_max_num_queries(7):
        client.get(URL, {"typ": "metoder", "q": "elever", "malgrupp": "hog-franvaro"})
