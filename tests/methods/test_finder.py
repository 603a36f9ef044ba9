"""/metoder/ is a method finder: free text within the methods, a facet with counts for every
structured field, three orders, cards and a comparison table, shareable links, exports."""

import csv
import io
import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from methods.finder import FACETS
from tests.site.html import page, text

pytestmark = pytest.mark.django_db

URL = "/metoder/"


def shown(response) -> list[str]:
    """The slugs of the methods a finder page lists, in its order (cards or table)."""
    return [method.slug for method in response.context["methods"]]


def slugs(bank, *names) -> list[str]:
    return [bank[name].slug for name in names]


def option_counts(response) -> dict[tuple[str, str], int]:
    return {
        (group["facet"].param, option["value"]): option["count"]
        for group in response.context["facets"]
        for option in group["options"]
    }


# Facets --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"malgrupp": "hog-franvaro"}, ["coach"]),
        ({"malgrupp": "elever-i-riskzon"}, ["coach", "mentoring"]),
        ({"insats": "overgangar"}, ["handover"]),
        ({"fas": "under-gymnasiet"}, ["coach", "mentoring"]),
        ({"niva": "atgardande"}, ["outreach"]),
        ({"omfattning": "grupp"}, ["mentoring"]),
        ({"omfattning": "individ"}, ["coach", "mentoring", "outreach"]),
        ({"anordnare": "arbetsformedlingen"}, ["outreach"]),
        ({"anordnare": "skola"}, ["coach", "handover", "mentoring"]),
        ({"vetenskap": "hog"}, ["coach"]),
        ({"vetenskap": "ej-bedomd"}, ["outreach"]),
        ({"erfarenhet": "hog"}, ["mentoring"]),
        ({"erfarenhet": "lag"}, ["handover"]),
        ({"kostnad": "lag"}, ["coach"]),
        ({"kostnad": "hog"}, ["handover"]),
    ],
)
def test_every_facet_narrows_to_the_methods_that_carry_the_option(client, bank, params, expected):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert sorted(shown(response)) == sorted(slugs(bank, *expected))


def test_several_options_of_one_facet_widen_the_choice(client, bank):
    response = client.get(URL, {"malgrupp": ["hog-franvaro", "arskurs-8-9"]})
    assert sorted(shown(response)) == sorted(slugs(bank, "coach", "handover"))


def test_facets_combine_with_and(client, bank):
    response = client.get(URL, {"malgrupp": "elever-i-riskzon", "insats": "mentorskap"})
    assert shown(response) == slugs(bank, "mentoring")
    both_widened = client.get(
        URL, {"fas": ["under-gymnasiet", "overgang"], "kostnad": ["mattlig", "hog"]}
    )
    assert sorted(shown(both_widened)) == sorted(slugs(bank, "mentoring", "handover"))


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"malgrupp": "elever-i-riskzon", "fas": "under-gymnasiet", "vetenskap": "mattlig"},
        {"q": "skola", "anordnare": ["kommun", "skola"], "kostnad": "hog"},
    ],
)
def test_each_options_count_is_what_choosing_it_gives(client, bank, params):
    """Every option of every facet: its count equals the number of results when it alone is
    chosen in its facet, the other facets' choices kept."""
    response = client.get(URL, params)
    counts = option_counts(response)
    assert response.context["total"] == len(shown(response))
    assert {param for param, _value in counts} == {facet.param for facet in FACETS}
    for (param, value), count in counts.items():
        chosen = client.get(URL, {**params, param: value})
        assert len(shown(chosen)) == count, (param, value)


def test_counts_leave_drafts_out_and_the_page_shows_them(client, bank):
    response = client.get(URL)
    counts = option_counts(response)
    assert counts["malgrupp", "hog-franvaro"] == 1  # the draft about absence is not counted
    assert counts["malgrupp", "elever-i-riskzon"] == 2
    assert counts["vetenskap", "ej-bedomd"] == 1
    assert counts["kostnad", "mattlig"] == 1
    assert counts["malgrupp", "nyanlanda"] == 0  # an option without methods is listed, at 0
    parsed = page(response)
    checkbox = parsed.find("input", name="malgrupp", value="elever-i-riskzon")
    label = parsed.find("label", **{"for": checkbox.get("id")})
    assert " ".join(label.text.split()) == "Elever som riskerar att avbryta sina studier (2)"


def test_within_a_chosen_facet_the_other_options_keep_their_own_counts(client, bank):
    counts = option_counts(client.get(URL, {"malgrupp": "elever-i-riskzon"}))
    assert counts["malgrupp", "arskurs-8-9"] == 1  # not narrowed by its own facet
    assert counts["insats", "overgangar"] == 0  # narrowed by the target group
    assert counts["insats", "mentorskap"] == 1


def test_the_facets_are_in_english_on_english_pages(client, bank):
    english = text(client.get("/en/methods/"))
    for label in ["Target group", "Students with high absence (1)", "Phase", "Organiser"]:
        assert label in english
    assert "Scientific basis" in english and "Not assessed (1)" in english


# Free text -----------------------------------------------------------------------------------


def test_free_text_searches_within_the_methods_only(client, bank):
    response = client.get(URL, {"q": "skola"})  # skolan, skolor: summaries and term names
    assert set(shown(response)) <= {m.slug for m in bank.values()}
    assert bank["handover"].slug in shown(response)
    assert response.context["sort"] == "relevans"
    assert shown(client.get(URL, {"q": "närvaro"})) == slugs(bank, "coach")


def test_free_text_finds_a_method_by_the_names_of_its_terms(client, bank):
    # "Elever med hög frånvaro" is only the coach's target group, not in its text.
    assert shown(client.get(URL, {"q": "hög frånvaro"})) == slugs(bank, "coach")
    assert shown(client.get("/en/methods/", {"q": "high absence"})) == slugs(bank, "coach")


def test_free_text_and_facets_combine(client, bank):
    response = client.get(URL, {"q": "elever", "anordnare": "kommun"})
    assert bank["coach"].slug not in shown(response)
    assert bank["mentoring"].slug in shown(response)


# Order ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sort", "language", "expected"),
    [
        ("", "sv", ["mentoring", "coach", "outreach", "handover"]),  # name, Ö last
        ("namn", "en", ["coach", "handover", "mentoring", "outreach"]),
        ("-namn", "sv", ["handover", "outreach", "coach", "mentoring"]),
        ("nyast", "sv", ["handover", "mentoring", "coach", "outreach"]),
        ("evidens", "sv", ["coach", "mentoring", "handover", "outreach"]),
        ("-evidens", "sv", ["outreach", "handover", "mentoring", "coach"]),
        ("erfarenhet", "sv", ["mentoring", "coach", "handover", "outreach"]),
        ("kostnad", "sv", ["coach", "mentoring", "handover", "outreach"]),  # unknown last
        ("-kostnad", "sv", ["handover", "mentoring", "coach", "outreach"]),  # unknown last
    ],
)
def test_the_methods_sort_by_name_newest_or_strength_of_evidence(
    client, bank, sort, language, expected
):
    with translation.override(language):
        url = reverse("methods:list")
    response = client.get(url, {"sort": sort} if sort else {})
    assert shown(response) == slugs(bank, *expected)


def test_the_sort_links_keep_the_selection(client, bank):
    parsed = page(client.get(URL, {"malgrupp": "elever-i-riskzon", "vy": "tabell"}))
    links = {
        a.text.strip(): a.get("href")
        for a in parsed.find_all("a")
        if "sort=" in (a.get("href") or "")
    }
    assert links["Nyast först"] == "?malgrupp=elever-i-riskzon&vy=tabell&sort=nyast"
    assert "?malgrupp=elever-i-riskzon&vy=tabell&sort=evidens" in links.values()


# Views: cards and the comparison table -------------------------------------------------------


def test_the_cards_say_for_whom_when_what_and_how_well_founded(client, bank):
    parsed = page(client.get(URL, {"malgrupp": "hog-franvaro"}))
    card = parsed.find("article", **{"class": "card method-card"})
    facts = " ".join(card.text.split())
    assert "För vem Elever som riskerar att avbryta sina studier, Elever med hög frånvaro" in facts
    assert "Fas Under gymnasiet" in facts
    assert "Vetenskaplig grund Hög" in facts and "Kostnad Låg" in facts


def test_the_table_compares_the_methods_with_sortable_column_links(client, bank):
    response = client.get(URL, {"vy": "tabell", "sort": "vetenskap"})
    parsed = page(response)
    table = parsed.find("table", **{"class": "compare-table"})
    headers = [" ".join(th.text.split()) for th in table.children[1].children[0].children]
    assert headers[:4] == ["Metod", "För vem", "Fas", "Insatstyp"]
    assert [h.rstrip(" ▲▼") for h in headers[4:]] == [
        "Vetenskaplig grund",
        "Beprövad erfarenhet",
        "Kostnad",
    ]
    rows = [
        row
        for row in parsed.find_all("tr")
        if row.children and row.children[0].get("scope") == "row"
    ]
    assert [" ".join(row.children[0].text.split()) for row in rows] == [
        "Närvarocoach",
        "Mentorskap i gymnasiet",
        "Överlämning mellan skolor",
        "Uppsökande team",
    ]
    assert "Uppgift saknas" in " ".join(rows[-1].text.split())  # the outreach team's cost
    # The sorted column says so, and its link reverses the order; the others sort by theirs.
    sorted_th = parsed.find("th", **{"aria-sort": "descending"})
    assert "Vetenskaplig grund" in sorted_th.text
    assert sorted_th.children[0].get("href") == "?vy=tabell&sort=-vetenskap"
    cost_link = next(a for a in table.children[1].children[0].children if "Kostnad" in a.text)
    assert cost_link.children[0].get("href") == "?vy=tabell&sort=kostnad"
    reversed_page = page(client.get(URL, {"vy": "tabell", "sort": "-vetenskap"}))
    assert "Vetenskaplig grund" in reversed_page.find("th", **{"aria-sort": "ascending"}).text
    by_name = page(client.get(URL, {"vy": "tabell"}))
    assert "Metod" in by_name.find("th", **{"aria-sort": "ascending"}).text


def test_cards_and_table_show_the_same_selection(client, bank):
    params = {"fas": "under-gymnasiet", "sort": "nyast"}
    cards = client.get(URL, params)
    table = client.get(URL, {**params, "vy": "tabell"})
    assert shown(cards) == shown(table) == slugs(bank, "mentoring", "coach")
    assert not page(cards).find_all("table", **{"class": "compare-table"})


# Links, errors, phones -----------------------------------------------------------------------


def test_every_choice_is_a_link_and_each_can_be_taken_away_again(client, bank):
    response = client.get(
        URL, {"q": "elever", "malgrupp": ["elever-i-riskzon", "hog-franvaro"], "fas": "overgang"}
    )
    active = {(what, value): link for what, value, link in response.context["active_filters"]}
    assert active["Målgrupp", "Elever med hög frånvaro"] == (
        "?q=elever&fas=overgang&malgrupp=elever-i-riskzon"
    )
    assert active["Fas", "Övergången från grundskola till gymnasieskola"] == (
        "?q=elever&malgrupp=elever-i-riskzon&malgrupp=hog-franvaro"
    )
    assert (
        active["Sök", "elever"] == "?malgrupp=elever-i-riskzon&malgrupp=hog-franvaro&fas=overgang"
    )
    assert response.context["clear_link"] == "?"
    # The filter form sends the same choices again, as a plain GET form.
    form = page(response).find("form", method="get", action=URL)
    assert form is not None


def test_the_filters_work_without_javascript_and_are_reached_from_the_results(client, bank):
    parsed = page(client.get(URL))
    assert not parsed.find_all("script", src=re.compile("finder"))  # nothing needed
    filter_link = parsed.find("a", href="#filters")
    assert filter_link.text.strip() == "Filtrera"
    aside = parsed.by_id("filters")
    assert aside.tag == "aside"
    # Results come first in the page's order, then the filters.
    order = [
        element.get("id")
        for element in parsed.elements
        if element.get("id") in {"results-heading", "filters"}
    ]
    assert order == ["results-heading", "filters"]
    legends = [" ".join(legend.text.split()) for legend in parsed.find_all("legend")]
    assert legends == [
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


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"malgrupp": "finns-inte"}, "Målgrupp"),
        ({"vetenskap": "superhog"}, "Vetenskaplig grund"),
        ({"sort": "slump"}, "Sortera efter"),
        ({"vy": "karta"}, "Visning"),
        ({"format": "xlsx"}, "Format"),
        ({"q": "x" * 201}, "Sök bland metoderna"),
    ],
)
def test_a_wrong_value_is_reported_in_the_visitors_language_and_left_out(
    client, bank, params, field
):
    response = client.get(URL, {**params, "fas": "overgang"})
    assert response.status_code == 400
    errors = page(response).find("div", **{"class": "form-errors"}) if "q" not in params else None
    if errors is not None:
        assert f"{field}:" in " ".join(errors.text.split())
    else:  # the search field's own error stands next to it
        assert page(response).by_id("finder-q-errors").text.strip()
    assert shown(response) == slugs(bank, "handover")  # the valid choice still applies


@pytest.mark.parametrize("bad_page", ["99", "abc", "0"])
def test_a_page_that_is_not_there_is_a_404(client, bank, bad_page):
    assert client.get(URL, {"page": bad_page}).status_code == 404


def test_a_nul_byte_anywhere_in_the_finders_address_is_refused_before_the_finder(client, bank):
    # infra.badinput refuses it for every page (PostgreSQL cannot compare text holding one).
    assert client.get(URL, {"q": "noll\x00tecken"}).status_code == 400
    assert client.get(URL, {"page": "\x00"}).status_code == 400


def test_no_match_says_why_and_how_to_widen_the_choice(client, bank):
    body = text(client.get(URL, {"malgrupp": "nyanlanda"}))
    assert "Ingen metod stämmer med alla de här valen." in body
    assert "0 metoder" in body


# Exports -------------------------------------------------------------------------------------


def test_the_selection_exports_as_csv_in_the_pages_order_and_language(client, bank):
    response = client.get(URL, {"anordnare": "skola", "sort": "nyast", "format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="metoder.csv"' in response["Content-Disposition"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:3] == ["Metod", "Adress", "Målgrupp"]
    assert [row[0] for row in rows[1:]] == [
        "Överlämning mellan skolor",
        "Mentorskap i gymnasiet",
        "Närvarocoach",
    ]
    coach = rows[3]
    assert coach[1].endswith("/metoder/narvarocoach/")
    assert "Elever med hög frånvaro" in coach[2]
    assert coach[-4:-1] == ["Hög", "Måttlig", "Låg"]
    assert coach[-1] == "Uppgift saknas"  # never reviewed


def test_the_csv_neutralises_text_a_spreadsheet_would_run(client, bank):
    from tests.factories import MethodFactory

    MethodFactory(title_sv='=HYPERLINK("http://example.com")')
    content = client.get(URL, {"format": "csv"}).content.decode("utf-8")
    assert "'=HYPERLINK" in content


def test_the_selection_exports_as_json_with_slugs_both_names_and_nulls_for_unknowns(client, bank):
    response = client.get("/en/methods/", {"niva": "atgardande", "format": "json"})
    data = json.loads(response.content)
    [outreach] = data["methods"]
    assert outreach["title"] == {"sv": "Uppsökande team", "en": "Outreach team"}
    assert outreach["url"].endswith("/en/methods/uppsokande-team/")
    assert outreach["phase"] == [
        {"slug": "efter-avbrott", "sv": "Efter avbrott", "en": "After leaving school"}
    ]
    assert outreach["scientific_basis"] == {"value": 0, "label": "Not assessed"}
    assert outreach["cost_level"] is None
    assert outreach["last_reviewed"] is None
    assert "/en/methods/evidence/" in data["note"]


def test_the_export_links_carry_the_selection(client, bank):
    links = client.get(URL, {"fas": "overgang", "vy": "tabell"}).context["export_links"]
    assert links == {
        "csv": "?fas=overgang&vy=tabell&format=csv",
        "json": "?fas=overgang&vy=tabell&format=json",
    }


# Cost -----------------------------------------------------------------------------------------


def test_the_finder_page_takes_a_fixed_number_of_queries(
    client, bank, django_assert_max_num_queries
):
    for params in ({}, {"vy": "tabell", "malgrupp": "elever-i-riskzon", "sort": "kostnad"}):
        with django_assert_max_num_queries(4):
            assert client.get(URL, params).status_code == 200


def test_the_strength_of_evidence_weighs_both_ratings_and_research_first_among_equals(client):
    from methods.models import EvidenceRating as Rating
    from tests.factories import MethodFactory

    experienced = MethodFactory(
        slug="erfaren", scientific_basis=Rating.LOW, proven_experience=Rating.HIGH
    )
    researched = MethodFactory(
        slug="beforskad", scientific_basis=Rating.MODERATE, proven_experience=Rating.LOW
    )
    level = MethodFactory(slug="jamn", scientific_basis=Rating.HIGH, proven_experience=Rating.LOW)
    mine = {experienced.slug, researched.slug, level.slug}  # the module's bank may be there too
    by_evidence = [slug for slug in shown(client.get(URL, {"sort": "evidens"})) if slug in mine]
    assert by_evidence == [level.slug, experienced.slug, researched.slug]
    by_research = [slug for slug in shown(client.get(URL, {"sort": "vetenskap"})) if slug in mine]
    assert by_research == [level.slug, researched.slug, experienced.slug]
