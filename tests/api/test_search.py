"""Artikelsök in the API: the same results in the same order, and the same facet counts, as the
site's search, for the same parameters."""

import pytest
from django.http import QueryDict

from search.api import run_search, search_page

from .conftest import fetch

pytestmark = pytest.mark.django_db

QUERIES = [
    "",
    "q=mentorskap",
    "q=mentor",
    "typ=metoder",
    "typ=metoder&omfattning=grupp&omfattning=individ",
    "typ=metoder&malgrupp=hog-franvaro&vetenskap=mattlig",
    "tag=frånvaro",
    "region=14&sort=datum",
    "kommun=1441",
    "q=gymnasiet OR mentorer",
    'q="varje vecka"',
    "q=mentorskap -studiestöd",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_api_finds_what_artikelsok_finds_in_the_same_order(client, bank, query):
    response, answer = fetch(client, f"/api/v1/search/?{query}&page_size=100")
    assert response.status_code == 200
    expected = [article.slug for article in run_search(QueryDict(query))]
    assert [item["slug"] for item in answer["results"]] == expected
    assert answer["count"] == len(expected)


@pytest.mark.parametrize("query", QUERIES)
def test_the_facet_counts_are_artikelsoks(client, bank, query):
    _r, answer = fetch(client, f"/api/v1/search/?{query}")
    facets = search_page(QueryDict(query)).facets
    assert {option["value"]: option["count"] for option in answer["facets"]["typ"]} == {
        value: facets.type_count(value) for value in {o["value"] for o in answer["facets"]["typ"]}
    }
    assert [(o["value"], o["count"]) for o in answer["facets"]["region"]] == [
        (code, count) for code, _name, count in facets.regions
    ]
    assert [(o["value"], o["count"]) for o in answer["facets"]["kommun"]] == [
        (code, count) for code, _name, count in facets.municipalities
    ]
    assert [(o["value"], o["count"]) for o in answer["facets"]["tag"]] == [
        (slug, count) for slug, _names, count in facets.tags
    ]
    assert [(o["value"], o["count"]) for o in answer["facets"]["year"]] == facets.years
    assert {
        own["param"]: {o["value"]: o["count"] for o in own["options"] if o["count"]}
        for own in answer["facets"]["own"]
    } == {
        param: {value: count for value, count in counts.items() if count}
        for param, counts in facets.type_facets.items()
    }


def test_the_chosen_type_s_own_facets_are_listed_with_their_options(client, bank):
    _r, answer = fetch(client, "/api/v1/search/?typ=metoder&omfattning=grupp&lang=en")
    assert [item["slug"] for item in answer["results"]] == ["studiestod"]
    own = {facet["param"]: facet for facet in answer["facets"]["own"]}
    assert list(own)[:6] == ["malgrupp", "insats", "fas", "niva", "omfattning", "anordnare"]
    assert own["omfattning"]["label"] == {"value": "Scope", "lang": "en"}
    scope = {option["value"]: option for option in own["omfattning"]["options"]}
    assert scope["grupp"] == {
        "value": "grupp",
        "label": {"value": "Group", "lang": "en"},
        "count": 1,
        "chosen": True,
    }
    # Counted with every other filter kept but its own facet's: choosing it too widens.
    assert (scope["individ"]["count"], scope["individ"]["chosen"]) == (1, False)
    # Without a type, no type's facets.
    assert fetch(client, "/api/v1/search/")[1]["facets"]["own"] == []


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("malgrupp=hog-franvaro", "malgrupp"), ("typ=forskning&fas=under-gymnasiet", "fas")],
)
def test_a_type_s_facet_without_its_type_is_a_400(client, bank, query, parameter):
    response, problem = fetch(client, f"/api/v1/search/?{query}")
    assert response.status_code == 400
    assert [error["parameter"] for error in problem["errors"]] == [parameter]


def test_facets_say_which_options_are_chosen_in_the_answers_language(client, bank):
    _r, answer = fetch(client, "/api/v1/search/?typ=metoder&lang=en")
    methods = next(o for o in answer["facets"]["typ"] if o["value"] == "metoder")
    assert methods["chosen"] is True
    assert methods["label"] == {"value": "Methods", "lang": "en"}
    assert methods["count"] == 2
    mentoring = next(o for o in answer["facets"]["tag"] if o["value"] == "mentorskap")
    assert mentoring["label"] == {"value": "mentoring", "lang": "en"}


def test_results_carry_the_words_found_marked_in_their_language(client, bank):
    _r, answer = fetch(client, "/api/v1/search/?q=mentorer&lang=sv")
    snippet = answer["results"][0]["snippet_html"]
    assert snippet["lang"] == "sv"
    assert "<mark>" in snippet["value"]


def test_a_search_without_results_suggests_a_spelling(client, bank):
    _r, answer = fetch(client, "/api/v1/search/?q=mentorskpa")
    assert answer["count"] == 0
    assert answer["suggestion"] == "mentorskap"


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("typ=filmer", "typ"),
        ("tag=finns-inte", "tag"),
        ("kommun=9999", "kommun"),
        ("region=99", "region"),
        ("year=20x", "year"),
        ("q=" + "x" * 201, "q"),
        ("q=a%00b", "q"),
        ("municipality=1441", "municipality"),
        ("typ=metoder&malgrupp=ingen-sadan", "malgrupp"),
    ],
)
def test_invalid_search_parameters_are_a_400(client, bank, query, parameter):
    response, problem = fetch(client, f"/api/v1/search/?{query}")
    assert response.status_code == 400
    assert parameter in [error["parameter"] for error in problem["errors"]]
