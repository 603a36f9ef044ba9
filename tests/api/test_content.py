"""The knowledge bank in the API: each content type's list and detail with every field, the
filters, both languages, and nothing that is not published."""

import datetime

import pytest

from .conftest import fetch

pytestmark = pytest.mark.django_db

COLLECTIONS = ["methods", "publications", "research-summaries", "case-studies", "news", "pages"]


def slugs(answer: dict) -> list[str]:
    return [item["slug"] for item in answer["results"]]


def test_a_method_shows_every_structured_field_in_the_language_asked_for(client, bank):
    response, method = fetch(client, "/api/v1/methods/mentorskap/?lang=en")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    assert method["id"] == bank.method.pk
    assert method["type"] == "method"
    assert method["title"] == {"value": "Mentoring for students at risk", "lang": "en"}
    assert method["target_group"] == {"value": "Students with high absence", "lang": "en"}
    terms = method["terms"]
    assert set(terms) == {
        "target_group",
        "intervention_type",
        "phase",
        "prevention_level",
        "scope",
        "organiser",
    }
    # In the vocabulary's order (methods/vocabulary.py), not the order they were chosen in.
    assert [term["slug"] for term in terms["target_group"]] == ["elever-i-riskzon", "hog-franvaro"]
    assert terms["prevention_level"] == [
        {
            "slug": "forebyggande",
            "label": {"value": "Preventive", "lang": "en"},
            "url": "http://testserver/en/methods/?niva=forebyggande",
            "api_url": "http://testserver/api/v1/methods/?prevention_level=forebyggande",
        }
    ]
    assert [term["slug"] for term in terms["scope"]] == ["individ"]
    assert [term["slug"] for term in terms["phase"]] == ["under-gymnasiet"]
    assert [term["slug"] for term in terms["intervention_type"]] == ["mentorskap"]
    assert terms["organiser"] == []
    assert method["scientific_basis"] == {"value": 2, "label": {"value": "Moderate", "lang": "en"}}
    assert method["proven_experience"]["value"] == 3
    assert method["cost_level"] == {"value": 2, "label": {"value": "Moderate", "lang": "en"}}
    # The cost is written in Swedish only: given in Swedish, and marked so.
    assert method["cost"] == {"value": "En halv tjänst per skola.", "lang": "sv"}
    assert method["startup_time"] == {"value": "One term.", "lang": "en"}
    assert method["staff_and_training"] is None
    assert method["success_factors"] is None
    assert method["contact"] == {
        "name": "Anna Andersson",
        "organisation": None,
        "email": "anna@example.se",
        "phone": None,
    }
    assert method["body_html"] == {
        "value": "<p>The mentor meets the student <strong>every week</strong>.</p>",
        "lang": "en",
    }
    assert method["body_markdown"]["value"] == "The mentor meets the student **every week**."
    assert method["url"] == "http://testserver/en/methods/mentorskap/"
    assert method["api_url"] == "http://testserver/api/v1/methods/mentorskap/"
    assert [tag["slug"] for tag in method["tags"]] == ["frånvaro", "mentorskap"]
    assert method["tags"][1]["name"] == {"value": "mentoring", "lang": "en"}
    assert method["tags"][0]["name"] == {"value": "frånvaro", "lang": "sv"}
    assert [region["code"] for region in method["regions"]] == ["14"]
    assert method["municipalities"][0] == {
        "code": "1441",
        "name": "Lerum",
        "url": "http://testserver/en/statistics/municipality/1441/",
        "api_url": "http://testserver/api/v1/municipalities/1441/",
    }


def test_a_method_links_to_its_research_case_studies_and_where_it_is_used(client, bank):
    _response, method = fetch(client, "/api/v1/methods/mentorskap/")
    assert [item["slug"] for item in method["research"]] == ["vad-fungerar", "avhopp-rapport"] or [
        item["slug"] for item in method["research"]
    ] == ["avhopp-rapport", "vad-fungerar"]
    assert {item["type"] for item in method["research"]} == {"publication", "summary"}
    assert [item["slug"] for item in method["case_studies"]] == ["plug-in-lerum"]
    assert method["case_studies"][0]["api_url"].endswith("/api/v1/case-studies/plug-in-lerum/")
    assert {item["slug"] for item in method["related"]} == {
        "avhopp-rapport",
        "vad-fungerar",
        "plug-in-lerum",
        "nyhet",
    }
    # Published publications only: the one still in review is left out.
    assert [item["slug"] for item in method["scientific_basis_sources"]] == ["avhopp-rapport"]
    assert method["proven_experience_sources"] == []
    # Approved uses only: Alvesta's waits for an editor.
    assert method["used_in"] == [
        {
            "municipality": {
                "code": "1402",
                "name": "Partille",
                "url": "http://testserver/statistik/kommun/1402/",
                "api_url": "http://testserver/api/v1/municipalities/1402/",
            },
            "since": 2019,
        }
    ]


def test_the_method_list_filters_by_the_structured_fields_and_artikelsoks_filters(client, bank):
    _r, answer = fetch(client, "/api/v1/methods/")
    assert slugs(answer) == ["mentorskap", "studiestod"]
    assert answer["count"] == 2
    assert slugs(fetch(client, "/api/v1/methods/?scope=grupp")[1]) == ["studiestod"]
    assert slugs(fetch(client, "/api/v1/methods/?intervention_type=mentorskap")[1]) == [
        "mentorskap"
    ]
    assert slugs(fetch(client, "/api/v1/methods/?scientific_basis=2")[1]) == ["mentorskap"]
    assert slugs(fetch(client, "/api/v1/methods/?cost_level=2")[1]) == ["mentorskap"]
    assert slugs(fetch(client, "/api/v1/methods/?cost_level=1")[1]) == []
    assert slugs(fetch(client, "/api/v1/methods/?tag=mentorskap")[1]) == ["mentorskap"]
    assert slugs(fetch(client, "/api/v1/methods/?tag=frånvaro&tag=mentorskap")[1]) == ["mentorskap"]
    assert slugs(fetch(client, "/api/v1/methods/?region=07")[1]) == ["studiestod"]
    assert slugs(fetch(client, "/api/v1/methods/?municipality=1441")[1]) == ["mentorskap"]
    assert slugs(fetch(client, "/api/v1/methods/?q=mentorer")[1]) == ["mentorskap"]
    # The year a method's page shows: its last review (never the day it went on the site).
    assert slugs(fetch(client, "/api/v1/methods/?year=2021")[1]) == ["studiestod"]
    assert slugs(fetch(client, f"/api/v1/methods/?year={bank.method.published_at.year}")[1]) == []
    assert slugs(fetch(client, "/api/v1/methods/?sort=datum&phase=overgang")[1]) == []


def test_terms_of_one_vocabulary_widen_and_vocabularies_narrow_as_in_the_finder(client, bank):
    either = "/api/v1/methods/?scope=individ&scope=grupp"
    assert slugs(fetch(client, either)[1]) == ["mentorskap", "studiestod"]
    both = "/api/v1/methods/?scope=individ&scope=grupp&intervention_type=studiestod"
    assert slugs(fetch(client, both)[1]) == ["studiestod"]
    none = "/api/v1/methods/?scope=grupp&target_group=hog-franvaro"
    assert slugs(fetch(client, none)[1]) == []
    # The same selection as the method finder's link with its own parameter names.
    finder = client.get("/metoder/?omfattning=individ&omfattning=grupp&insats=studiestod")
    assert [method.slug for method in finder.context["page_obj"]] == ["studiestod"]


def test_an_unknown_term_is_a_400_naming_the_parameter(client, bank):
    response, problem = fetch(client, "/api/v1/methods/?phase=overgang&scope=ingen-sadan")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["parameter"] for error in problem["errors"]] == ["scope"]
    assert "ingen-sadan" in problem["errors"][0]["detail"]
    # A term of another vocabulary is not a term of this one.
    assert fetch(client, "/api/v1/methods/?scope=mentorskap")[0].status_code == 400


def test_the_vocabularies_list_every_term_in_the_answer_s_language(client, bank):
    response, answer = fetch(client, "/api/v1/vocabularies/?lang=en")
    assert response.status_code == 200
    vocabularies = {item["key"]: item for item in answer["results"]}
    assert list(vocabularies) == [
        "target_group",
        "intervention_type",
        "phase",
        "prevention_level",
        "scope",
        "organiser",
    ]
    assert answer["count"] == 6
    scope = vocabularies["scope"]
    assert scope["label"] == {"value": "Scope", "lang": "en"}
    assert [term["slug"] for term in scope["terms"]] == ["individ", "grupp", "organisation"]
    assert scope["terms"][1]["label"] == {"value": "Group", "lang": "en"}
    swedish = fetch(client, "/api/v1/vocabularies/?lang=sv")[1]["results"]
    assert swedish[4]["terms"][1]["label"] == {"value": "Grupp", "lang": "sv"}
    assert swedish[4]["terms"][1]["url"] == "http://testserver/metoder/?omfattning=grupp"
    # Every term a method shows is listed, and its api_url finds the method.
    _r, method = fetch(client, "/api/v1/methods/mentorskap/?lang=en")
    for key, terms in method["terms"].items():
        listed = {term["slug"]: term for term in vocabularies[key]["terms"]}
        for term in terms:
            assert listed[term["slug"]] == term
            assert "mentorskap" in slugs(client.get(term["api_url"]).json())


def test_a_publication_shows_its_whole_reference_summaries_and_methods(client, bank):
    _r, publication = fetch(client, "/api/v1/publications/avhopp-rapport/?lang=en")
    assert publication["authors"] == [
        {"family": "Möllås", "given": "Gunilla", "literal": None},
        {"family": None, "given": None, "literal": "Skolverket"},
    ]
    assert publication["year"] == 2009
    assert publication["publisher"] == "Skolverket"
    assert publication["place"] == "Stockholm"
    assert publication["publication_type"] == {
        "value": "rapport",
        "label": {"value": "Report", "lang": "en"},
    }
    assert publication["doi"] == "10.1234/avhopp.2009"
    assert publication["doi_url"] == "https://doi.org/10.1234/avhopp.2009"
    assert publication["link"] == "https://example.se/rapport"
    assert publication["full_text_url"] == "https://example.se/rapport.pdf"
    assert publication["language"] == {"value": "sv", "label": {"value": "Swedish", "lang": "en"}}
    assert publication["open_access"] is True
    assert publication["abstract"] == {"value": "Varför elever hoppar av.", "lang": "sv"}
    assert publication["study_design"]["value"] == "kvalitativ"
    assert publication["context"] is None
    assert publication["volume"] is None
    assert publication["csl_json_url"] == (
        "http://testserver/api/v1/publications/avhopp-rapport/csl-json/"
    )
    assert [item["slug"] for item in publication["summaries"]] == ["vad-fungerar"]
    assert [item["slug"] for item in publication["methods"]] == ["mentorskap"]
    apa = next(c for c in publication["citations"] if c["style"] == "apa")
    assert apa["text"]["value"].startswith("Möllås, G., & Skolverket. (2009).")
    assert apa["text"]["lang"] == "en"
    assert "<i>" in apa["html"]["value"]
    assert {c["style"] for c in publication["citations"]} == {"apa", "harvard"}


def test_the_publication_list_filters_by_the_reference_s_fields(client, bank):
    assert slugs(fetch(client, "/api/v1/publications/?publication_type=rapport")[1]) == [
        "avhopp-rapport"
    ]
    assert slugs(fetch(client, "/api/v1/publications/?publication_type=bok")[1]) == []
    assert slugs(fetch(client, "/api/v1/publications/?study_design=kvalitativ")[1]) == [
        "avhopp-rapport"
    ]
    assert slugs(fetch(client, "/api/v1/publications/?language=en")[1]) == []
    assert slugs(fetch(client, "/api/v1/publications/?open_access=true")[1]) == ["avhopp-rapport"]
    assert slugs(fetch(client, "/api/v1/publications/?open_access=false")[1]) == []
    # Artikelsök's year is literature's year of publication.
    assert slugs(fetch(client, "/api/v1/publications/?year=2009")[1]) == ["avhopp-rapport"]


def test_research_filters_by_forskning_s_year_range_of_publication_not_of_the_site(client, bank):
    # The report went on the site this year; it was published in 2009.
    assert slugs(fetch(client, "/api/v1/publications/?from_year=2009&to_year=2009")[1]) == [
        "avhopp-rapport"
    ]
    assert slugs(fetch(client, "/api/v1/publications/?from_year=2010")[1]) == []
    assert slugs(fetch(client, "/api/v1/publications/?to_year=2008")[1]) == []
    assert slugs(fetch(client, "/api/v1/publications/?q=avhopp&from_year=2009")[1]) == [
        "avhopp-rapport"
    ]
    _r, references = fetch(client, "/api/v1/references/?to_year=2009")
    assert [item["id"] for item in references] == ["avhopp-rapport"]
    assert fetch(client, "/api/v1/references/?from_year=2010")[1] == []
    # A research summary counts by the date its page shows, as on Forskning: never the day it
    # went on the site (this year).
    bank.summary.dated_on = datetime.date(2019, 5, 1)
    bank.summary.save()
    assert slugs(fetch(client, "/api/v1/research-summaries/?from_year=2019")[1]) == ["vad-fungerar"]
    assert slugs(fetch(client, "/api/v1/research-summaries/?to_year=2018")[1]) == []
    this_year = bank.summary.published_at.year
    assert slugs(fetch(client, f"/api/v1/research-summaries/?from_year={this_year}")[1]) == []


def test_a_research_summary_lists_only_its_published_publications(client, bank):
    _r, summary = fetch(client, "/api/v1/research-summaries/vad-fungerar/")
    assert [item["slug"] for item in summary["publications"]] == ["avhopp-rapport"]


def test_a_case_study_shows_its_municipality_region_results_and_methods(client, bank):
    _r, case_study = fetch(client, "/api/v1/case-studies/plug-in-lerum/?lang=en")
    assert case_study["municipality"]["code"] == "1441"
    assert case_study["region"]["code"] == "14"
    assert case_study["period"] == "2015–2018"
    assert (case_study["first_year"], case_study["last_year"]) == (2015, 2018)
    assert case_study["results"] == {"value": "Fewer dropouts.", "lang": "en"}
    assert case_study["team"] is None
    # Links go both ways: the method that links to it, and the one it links to.
    assert [item["slug"] for item in case_study["methods"]] == ["mentorskap", "studiestod"]
    assert case_study["url"] == "http://testserver/en/case-studies/plug-in-lerum/"
    assert slugs(fetch(client, "/api/v1/case-studies/?municipality=1441")[1]) == ["plug-in-lerum"]
    assert slugs(fetch(client, "/api/v1/case-studies/?region=07")[1]) == []


def test_news_and_information_pages_have_lists_and_details(client, bank):
    assert slugs(fetch(client, "/api/v1/news/")[1]) == ["nyhet", "bara-svenska"]
    assert slugs(fetch(client, "/api/v1/pages/")[1]) == ["om-plug-in"]
    response, page = fetch(client, "/api/v1/pages/om-plug-in/?lang=en")
    assert response.status_code == 200
    assert page["url"] == "http://testserver/en/about/om-plug-in/"
    # An article of another type is not found under this one's address.
    assert fetch(client, "/api/v1/pages/nyhet/")[0].status_code == 404


def test_a_text_missing_in_english_comes_in_swedish_marked_as_swedish(client, bank):
    _r, news = fetch(client, "/api/v1/news/bara-svenska/", HTTP_ACCEPT_LANGUAGE="en")
    assert news["title"] == {"value": "Bara på svenska", "lang": "sv"}
    assert news["summary"] == {"value": "Ingen översättning.", "lang": "sv"}
    assert news["languages"] == ["sv"]
    assert news["body_html"]["lang"] == "sv"


@pytest.mark.parametrize(
    ("header", "language"),
    [("en-GB,en;q=0.9", "en"), ("sv-SE", "sv"), ("de, en;q=0.5", "en"), ("fr", "sv"), ("", "sv")],
)
def test_the_language_follows_accept_language_when_lang_is_not_given(
    client, bank, header, language
):
    response = client.get("/api/v1/methods/mentorskap/", headers={"Accept-Language": header})
    assert response["Content-Language"] == language
    assert response.json()["terms"]["prevention_level"][0]["label"]["lang"] == language
    assert "Accept-Language" in response["Vary"]


def test_lang_wins_over_accept_language(client, bank):
    response = client.get("/api/v1/methods/mentorskap/?lang=sv", headers={"Accept-Language": "en"})
    assert response.json()["title"]["value"] == "Mentorskap för elever i riskzon"


def test_drafts_articles_in_review_and_scheduled_ones_are_never_shown(client, bank):
    hidden = {article.slug for article in bank.hidden}
    seen: set[str] = set()
    pages = [f"/api/v1/{name}/?page_size=100" for name in COLLECTIONS]
    pages += ["/api/v1/search/?page_size=100", "/api/v1/search/?q=hemlig"]
    details = [
        "/api/v1/methods/mentorskap/",
        "/api/v1/research-summaries/vad-fungerar/",
        "/api/v1/municipalities/1441/",
        "/api/v1/regions/14/",
    ]
    for url in pages + details:
        response = client.get(url)
        assert response.status_code == 200, url
        seen |= {slug for slug in hidden if slug in response.content.decode()}
    assert seen == set()
    for article in bank.hidden:
        for name in COLLECTIONS:
            assert client.get(f"/api/v1/{name}/{article.slug}/").status_code == 404


def test_a_tag_carried_only_by_drafts_is_not_shown(client, bank):
    _r, tags = fetch(client, "/api/v1/tags/?page_size=100")
    assert [tag["slug"] for tag in tags["results"]] == ["frånvaro", "mentorskap"]
    assert client.get("/api/v1/tags/utkast-tagg/").status_code == 404


def test_tags_give_both_names_and_where_to_find_their_articles(client, bank):
    _r, tag = fetch(client, "/api/v1/tags/mentorskap/?lang=en")
    assert tag["names"] == {"sv": "mentorskap", "en": "mentoring"}
    assert tag["name"] == {"value": "mentoring", "lang": "en"}
    assert tag["url"] == "http://testserver/en/search/?tag=mentorskap"
    assert tag["search_api_url"] == "http://testserver/api/v1/search/?tag=mentorskap"
    _r, swedish = fetch(client, "/api/v1/tags/fr%C3%A5nvaro/?lang=en")
    assert swedish["names"] == {"sv": "frånvaro", "en": None}
    assert swedish["name"] == {"value": "frånvaro", "lang": "sv"}


def test_lists_come_in_pages_with_links_to_the_next_and_previous(client, bank):
    _r, first = fetch(client, "/api/v1/news/?page_size=1&lang=en")
    assert first["count"] == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/news/?page_size=1&lang=en&page=2"
    _r, second = fetch(client, first["next"])
    assert slugs(second) == ["bara-svenska"]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/news/?page_size=1&lang=en&page=1"
    response, problem = fetch(client, "/api/v1/news/?page_size=1&page=3")
    assert response.status_code == 404
    assert problem["title"] == "Finns inte"


def test_an_empty_list_has_an_empty_first_page(client, bank):
    response, answer = fetch(client, "/api/v1/methods/?phase=efter-avbrott")
    assert response.status_code == 200
    assert answer == {
        "count": 0,
        "page": 1,
        "page_size": 20,
        "next": None,
        "previous": None,
        "results": [],
    }


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/methods/?tag=finns-inte", "tag"),
        ("/api/v1/methods/?region=99", "region"),
        ("/api/v1/methods/?municipality=9999", "municipality"),
        ("/api/v1/methods/?scope=stad", "scope"),
        ("/api/v1/methods/?sort=pris", "sort"),
        ("/api/v1/methods/?year=1800", "year"),
        ("/api/v1/methods/?q=" + "x" * 201, "q"),
        ("/api/v1/publications/?publication_type=blogg", "publication_type"),
        ("/api/v1/publications/?open_access=kanske", "open_access"),
        ("/api/v1/references/?language=xx", "language"),
        ("/api/v1/publications/?from_year=2010&to_year=2009", "to_year"),
        ("/api/v1/research-summaries/?from_year=1200", "from_year"),
        ("/api/v1/methods/?from_year=2009", "from_year"),
    ],
)
def test_an_unknown_value_is_a_400_naming_the_parameter(client, bank, url, parameter):
    response, problem = fetch(client, url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [error["parameter"] for error in problem["errors"]] == [parameter]
