import pytest
from django.urls import reverse
from django.utils import translation

from content.models import Status
from stats.figures import weakest_indicator
from stats.importer import import_files
from stats.models import Indicator, Municipality, Region
from tests.factories import CaseStudyFactory, MethodFactory
from tests.site.html import text

HEADER = "kpi,municipality_code,municipality_name,county_code,year,gender,value,status\n"


def page(client, code: str, language: str = "en"):
    with translation.override(language):
        return client.get(reverse("stats:municipality", kwargs={"code": code}))


def section_of(response, anchor: str) -> dict:
    """What a section that an app adds to the page shows (stats/extensions.py)."""
    return next(
        section["context"]
        for section in response.context["extra_sections"]
        if section["context"]["anchor"] == anchor
    )


def action_section(response) -> dict:
    """What "From statistics to action" shows (a section the site adds to the page)."""
    return section_of(response, "action")


SWEDISH = {
    "From statistics to action": "Från statistik till handling",
    "The method bank has no method yet of the types": "Metodbanken har ännu ingen metod av de typer",
    "Following up young people with high absence": "Uppföljning av unga med hög frånvaro",
    "These methods have one of them": "De här metoderna har något av dem",
    "This is a suggestion, not evidence of effect.": "Det här är ett förslag, inte belägg för effekt.",
}


def text_of(english: str, language: str) -> str:
    return SWEDISH[english] if language == "sv" else english


@pytest.fixture
def absence_is_lerums_weakest(areas, write_file):
    """Lerum best of three on completion, worst on study grants withdrawn for absence."""
    rows = [
        "N17461,1441,Lerum,14,2022,T,90.0,",
        "N17461,1402,Partille,14,2022,T,70.0,",
        "N17461,0114,Upplands Väsby,01,2022,T,60.0,",
        "N17625,1441,Lerum,14,2022,T,9.0,",
        "N17625,1402,Partille,14,2022,T,3.0,",
        "N17625,0114,Upplands Väsby,01,2022,T,2.0,",
    ]
    import_files([write_file("figures.csv", HEADER + "\n".join(rows) + "\n")])


def test_the_weakest_indicator_is_where_most_municipalities_do_better():
    completion = Indicator(pk=1, kpi="N17461", higher_is_better=True)
    absence = Indicator(pk=2, kpi="N17625", higher_is_better=False)
    matrix = {10: {1: 90.0, 2: 9.0}, 11: {1: 70.0, 2: 3.0}, 12: {1: 60.0, 2: 2.0}}
    latest = {1: 2022, 2: 2022}

    weakest = weakest_indicator(10, [completion, absence], latest, matrix)
    assert (weakest.indicator.kpi, weakest.value, weakest.better_share) == ("N17625", 9.0, 1.0)
    # For Upplands Väsby (12) completion is weakest: a high absence value is bad, a low one good.
    assert weakest_indicator(12, [completion, absence], latest, matrix).indicator.kpi == "N17461"


@pytest.mark.django_db
def test_high_absence_suggests_methods_that_follow_up_absence(client, absence_is_lerums_weakest):
    absence = MethodFactory(terms={"intervention_type": ["franvaro"]}, title_en="Absence follow-up")
    mentoring = MethodFactory(terms={"intervention_type": ["mentorskap"]}, title_en="Mentoring")
    MethodFactory(
        terms={"intervention_type": ["franvaro"]},
        title_en="Draft method",
        status=Status.DRAFT,
        published_at=None,
    )

    response = page(client, "1441")

    assert response.context["weakest"].indicator.kpi == "N17625"
    assert [m.pk for m in action_section(response)["suggested_methods"]] == [absence.pk]
    html = response.content.decode()
    assert "This is a suggestion, not evidence of effect." in html
    assert "Absence follow-up" in html
    assert mentoring.title_en not in html
    assert "Draft method" not in html


@pytest.mark.django_db
def test_low_completion_suggests_mentoring_and_identification(client, absence_is_lerums_weakest):
    mentoring = MethodFactory(terms={"intervention_type": ["mentorskap"]}, title_en="Mentoring")
    MethodFactory(terms={"intervention_type": ["franvaro"]}, title_en="Absence follow-up")

    response = page(client, "0114")

    assert response.context["weakest"].indicator.kpi == "N17461"
    assert [m.pk for m in action_section(response)["suggested_methods"]] == [mentoring.pk]


@pytest.mark.django_db
def test_a_method_for_the_target_group_is_suggested_too_those_matching_both_first(
    client, absence_is_lerums_weakest
):
    for_the_group = MethodFactory(
        terms={"target_group": ["hog-franvaro"]}, title_en="For students with high absence"
    )
    both = MethodFactory(
        terms={"target_group": ["hog-franvaro"], "intervention_type": ["franvaro"]},
        title_en="Both",
    )
    MethodFactory(terms={"target_group": ["alla-elever"]}, title_en="For all students")

    suggested = action_section(page(client, "1441"))["suggested_methods"]

    assert [method.pk for method in suggested] == [both.pk, for_the_group.pk]


@pytest.mark.django_db
def test_the_suggestion_is_said_plainly_in_swedish_too(client, absence_is_lerums_weakest):
    MethodFactory(terms={"intervention_type": ["franvaro"]})
    html = page(client, "1441", "sv").content.decode()
    assert "Det här är ett förslag, inte belägg för effekt." in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_without_a_matching_method_the_page_says_so_plainly_and_invites_a_proposal(
    client, absence_is_lerums_weakest, language
):
    MethodFactory(terms={"intervention_type": ["mentorskap"]}, title_en="Mentoring")

    response = page(client, "1441", language)

    assert action_section(response)["suggested_methods"] == []
    section = text(response).split(text_of("From statistics to action", language))[-1]
    assert text_of("The method bank has no method yet of the types", language) in section
    # It names what it looked for, and never says in the same breath that methods match.
    assert text_of("Following up young people with high absence", language) in section
    assert text_of("These methods have one of them", language) not in section
    assert text_of("This is a suggestion, not evidence of effect.", language) not in section
    with translation.override(language):
        proposal = reverse("accounts:propose_method")
    assert f'href="{proposal}"' in response.content.decode()


@pytest.mark.django_db
def test_methods_and_case_studies_of_the_municipality_and_its_region_are_listed(
    client, absence_is_lerums_weakest
):
    lerum = Municipality.objects.get(code="1441")
    here = CaseStudyFactory(municipality=lerum, title_en="Lerum case")
    neighbour = CaseStudyFactory(
        municipality=Municipality.objects.get(code="1402"), title_en="Partille case"
    )
    regional = MethodFactory(title_en="Regional method")
    regional.regions.add(Region.objects.get(code="14"))
    local = MethodFactory(title_en="Local method")
    local.municipalities.add(lerum)
    elsewhere = CaseStudyFactory(
        municipality=Municipality.objects.get(code="0114"), title_en="Väsby case"
    )

    response = page(client, "1441")
    concerning = {a.pk for a in action_section(response)["concerning"]}

    # The case study about Lerum itself is in the section of Lerum's case studies instead.
    assert concerning == {neighbour.pk, regional.pk, local.pk}
    assert elsewhere.pk not in concerning
    assert [case.pk for case in section_of(response, "case-studies")["case_studies"]] == [here.pk]
