"""Methods, case studies and statistics meet: a case study shows its municipality's figures
around the project; a municipality's and a region's page list the case studies about it and
the methods its municipalities use; /metoder/anvands/ shows where each method is used."""

import re

import pytest
from django.utils import translation

from accounts.models import MethodUse
from content.models import Status
from stats import charts
from stats.figures import Figure
from stats.models import Municipality, Region
from tests.factories import CaseStudyFactory, MethodFactory, UserFactory
from tests.site.html import page, text

from .conftest import source_value

pytestmark = pytest.mark.django_db


def municipality(code: str) -> Municipality:
    return Municipality.objects.get(code=code)


# A case study's figures ------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_case_study_shows_its_municipalitys_figures_around_the_project(
    client, sample_data, language
):
    case = CaseStudyFactory(municipality=municipality("1402"), first_year=2017, last_year=2018)
    with translation.override(language):
        url = case.get_absolute_url()
        statistics = municipality("1402").get_absolute_url()
    response = client.get(url)
    parsed = page(response)
    section = parsed.find("section", **{"aria-labelledby": "figures-heading"})
    # Three years before the project and three after, as far as Kolada has them.
    rows = [row for row in parsed.find_all("tr") if row.children[0].get("scope") == "row"]
    years = [int(re.match(r"\d{4}", row.children[0].text.strip()).group()) for row in rows]
    assert years == list(range(2014, 2022))
    project = "projektet" if language == "sv" else "the project"
    marked = [
        year for year, row in zip(years, rows, strict=True) if project in row.children[0].text
    ]
    assert marked == [2017, 2018]
    # The figures are Kolada's, for all students.
    first_indicator = parsed.find("table", **{"class": "stats-table"}).children[1].children[0]
    assert (
        "Examen inom 4 år" in first_indicator.text
        or "Diploma within 4 years" in first_indicator.text
    )
    row_2017 = rows[years.index(2017)]
    with translation.override(language):
        expected = charts.describe(
            Figure(float(source_value("N17461", "1402", 2017, "T")["value"]))
        )
    assert row_2017.children[1].text.strip() == expected
    svg = next(
        svg for svg in parsed.find_all("svg", role="img") if svg in section.children[2].children
    )
    title_id, description_id = svg.get("aria-labelledby").split()
    assert "Partille" in parsed.by_id(title_id).text
    assert "2017–2018" in parsed.by_id(description_id).text
    chart_text = response.content.decode()
    assert 'class="chart-period"' in chart_text  # the project's years shaded
    assert "Källa: Kolada" in text(response)
    assert parsed.find_all("a", href=statistics)


def test_a_case_study_without_its_years_or_without_figures_says_so(client, sample_data):
    no_years = CaseStudyFactory(municipality=municipality("1402"))
    assert "Projektets år är inte angivna" in text(client.get(no_years.get_absolute_url()))
    no_figures = CaseStudyFactory(
        municipality=municipality("0180"), first_year=2016, last_year=2016
    )
    body = text(client.get(no_figures.get_absolute_url()))
    assert "Det finns ännu inga siffror för Stockholm kring projektets år." in body
    assert page(client.get(no_figures.get_absolute_url())).find_all(
        "a", href="/statistik/kommun/0180/"
    )


def test_the_years_of_a_project_come_in_order(client, sample_data):
    from django.core.exceptions import ValidationError

    case = CaseStudyFactory.build(
        municipality=municipality("1402"), first_year=2018, last_year=2016
    )
    with pytest.raises(ValidationError):
        case.full_clean()


# The statistics pages ------------------------------------------------------------------------


def section_of(response, anchor: str) -> dict:
    return next(
        extra["context"]
        for extra in response.context["extra_sections"]
        if extra["context"].get("anchor") == anchor
    )


@pytest.fixture
def in_use(sample_data):
    """Methods used in Lerum and Partille (Västra Götaland) and in Stockholm."""
    coach = MethodFactory(title_sv="Närvarocoach", title_en="Attendance coach")
    mentoring = MethodFactory(title_sv="Mentorskap", title_en="Mentoring")
    draft = MethodFactory(title_sv="Utkastet", status=Status.DRAFT, published_at=None)
    user, other = UserFactory(email="anna@example.se"), UserFactory()
    for method, code, year, by in [
        (coach, "1441", 2019, user),
        (coach, "1441", 2017, other),  # the earliest start of Lerum's users counts
        (coach, "1402", 2020, user),
        (mentoring, "0180", 2018, user),
        (draft, "1441", 2021, user),
    ]:
        MethodUse.objects.create(
            user=by,
            method=method,
            municipality=municipality(code),
            start_year=year,
            show_contact=True,
        )
    return {"coach": coach, "mentoring": mentoring}


def test_a_municipalitys_page_lists_the_case_studies_about_it_and_the_methods_it_uses(
    client, in_use
):
    lerum = municipality("1441")
    about = CaseStudyFactory(municipality=lerum, title_sv="Fallet Lerum")
    CaseStudyFactory(
        municipality=lerum, title_sv="Opublicerat", status=Status.DRAFT, published_at=None
    )
    CaseStudyFactory(municipality=municipality("1402"), title_sv="Fallet Partille")
    response = client.get("/statistik/kommun/1441/")
    assert [case.pk for case in section_of(response, "case-studies")["case_studies"]] == [about.pk]
    used = section_of(response, "methods-in-use")["methods"]
    assert [
        (entry.method.title_sv, [(p.municipality.code, p.since) for p in entry.places])
        for entry in used
    ] == [("Närvarocoach", [("1441", 2017)])]
    body = text(response)
    assert "Fallstudier om Lerum" in body and "Fallet Lerum" in body
    assert "Metoder som används i Lerum" in body and "Närvarocoach: sedan 2017" in body
    assert "Utkastet" not in body and "Opublicerat" not in body
    assert "anna@example.se" not in body  # the statistics pages name no one
    nav = page(response).find("nav", **{"class": "stats-toc"})
    toc = [item.children[0].get("href") for item in nav.children[0].children]
    assert toc[-3:] == ["#case-studies", "#methods-in-use", "#action"]


def test_a_regions_page_lists_the_case_studies_and_methods_of_its_municipalities(client, in_use):
    CaseStudyFactory(municipality=municipality("1402"), title_sv="Fallet Partille")
    CaseStudyFactory(municipality=municipality("0180"), title_sv="Fallet Stockholm")
    response = client.get("/statistik/region/14/")
    assert response.status_code == 200
    body = text(response)
    assert "Fallstudier om Västra Götalands län" in body and "Fallet Partille · Partille" in body
    assert "Fallet Stockholm" not in body
    used = section_of(response, "methods-in-use")["methods"]
    assert [(e.method.title_sv, [p.municipality.name for p in e.places]) for e in used] == [
        ("Närvarocoach", ["Lerum", "Partille"])
    ]
    english = text(client.get("/en/statistics/region/14/"))
    assert "Case studies about Västra Götalands län" in english
    assert "Methods used in Västra Götalands län" in english and "Attendance coach" in english


def test_without_case_studies_or_methods_the_pages_say_so(client, sample_data):
    body = text(client.get("/statistik/kommun/2506/"))
    assert "Kunskapsbanken har ännu ingen fallstudie om Arjeplog." in body
    assert "Ingen har ännu angett att Arjeplog använder en metod ur banken." in body
    region = text(client.get("/en/statistics/region/25/"))
    assert "The knowledge bank has no case study about Norrbottens län yet." in region


# Where the methods are used ------------------------------------------------------------------


def test_the_methods_in_use_page_lists_them_by_method_and_by_region_on_the_map(client, in_use):
    response = client.get("/metoder/anvands/")
    assert response.status_code == 200
    parsed = page(response)
    by_method = [
        (e.method.title_sv, [p.municipality.code for p in e.places])
        for e in response.context["in_use"]
    ]
    assert by_method == [("Mentorskap", ["0180"]), ("Närvarocoach", ["1441", "1402"])]
    regions = [
        (r.region.code, [m.municipality.code for m in r.municipalities])
        for r in response.context["regions"]
    ]
    assert regions == [("01", ["0180"]), ("14", ["1441", "1402"])]
    body = text(response)
    assert "Närvarocoach: Lerum (sedan 2017), Partille (sedan 2020)" in body
    assert "Utkastet" not in body and "anna@example.se" not in body
    assert "3 kommuner använder metoder ur banken." in body
    # The map marks the three municipalities, each a link to its statistics named with its count.
    svg = parsed.find("svg", **{"class": "map"})
    links = {
        a.get("href"): a.get("aria-label")
        for a in parsed.find_all("a")
        if a.get("aria-label") and "/statistik/kommun/" in a.get("href", "")
    }
    assert links == {
        "/statistik/kommun/1441/": "Lerum: använder 1 metod",
        "/statistik/kommun/1402/": "Partille: använder 1 metod",
        "/statistik/kommun/0180/": "Stockholm: använder 1 metod",
    }
    assert svg.get("aria-labelledby")
    assert response.content.decode().count('class="map-area map-marked"') == 3
    english = client.get("/en/methods/in-use/")
    assert english.status_code == 200 and "Where the methods are used" in text(english)


def test_the_methods_in_use_page_says_so_when_none_are(client, sample_data):
    response = client.get("/metoder/anvands/")
    assert response.status_code == 200
    assert "Ingen kommun har ännu angett att den använder en metod ur banken." in text(response)
    assert not page(response).find_all("svg", **{"class": "map"})


def test_the_methods_in_use_page_is_linked_from_the_statistics_pages(client, in_use):
    parsed = page(client.get("/statistik/kommun/1441/"))
    assert parsed.find_all("a", href="/metoder/anvands/")
    assert Region.objects.filter(code="14").exists()
