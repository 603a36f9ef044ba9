"""A method's page says for whom and what in structured fields, each rating with the
publications behind it and a link to "Så bedömer vi evidens"; an unknown value says so."""

import pytest

from content.models import Status
from methods.models import CostLevel, EvidenceRating
from tests.factories import MethodFactory, PublicationFactory
from tests.site.html import page, text

pytestmark = pytest.mark.django_db


def facts(response) -> dict[str, str]:
    """The method in brief: {name: value} as the visitor reads them."""
    section = page(response).find("section", **{"aria-labelledby": "facts-heading"})
    dl = next(child for child in section.children if child.tag == "dl")
    names = [child for child in dl.children if child.tag == "dt"]
    values = [child for child in dl.children if child.tag == "dd"]
    return {
        " ".join(name.text.split()): " ".join(value.text.split())
        for name, value in zip(names, values, strict=True)
    }


FIELDS_SV = [
    "Målgrupp",
    "Insatstyp",
    "Fas",
    "Nivå av förebyggande arbete",
    "Insatsnivå",
    "Anordnare",
    "Vetenskaplig grund",
    "Beprövad erfarenhet",
    "Kostnad",
    "Tid att komma i gång",
    "Personal och utbildning som behövs",
    "Kontakt",
]


@pytest.mark.parametrize(
    ("language", "not_stated", "not_assessed"),
    [("sv", "Uppgift saknas", "Ej bedömd"), ("en", "Not stated", "Not assessed")],
)
def test_every_field_is_listed_and_an_unknown_one_says_not_stated(
    client, language, not_stated, not_assessed
):
    method = MethodFactory(slug="tom-metod")
    prefix = "/en/methods/" if language == "en" else "/metoder/"
    response = client.get(f"{prefix}{method.slug}/")
    shown = facts(response)
    assert len(shown) == len(FIELDS_SV)
    if language == "sv":
        assert list(shown) == FIELDS_SV
    for name, value in shown.items():
        if name in {
            "Vetenskaplig grund",
            "Beprövad erfarenhet",
            "Scientific basis",
            "Proven experience",
        }:
            assert value.startswith(not_assessed), name
        else:
            assert value == not_stated, name
    body = text(response)
    # The texts of their own: said to be unknown, not left out.
    for heading in (
        ("Framgångsfaktorer", "Om evidensen")
        if language == "sv"
        else (
            "Success factors",
            "About the evidence",
        )
    ):
        assert f"{heading} {not_stated}" in body
    assert (
        "Senast granskad: Uppgift saknas" if language == "sv" else "Last reviewed: Not stated"
    ) in body


def test_known_values_are_shown_in_the_visitors_language(client):
    method = MethodFactory(
        terms={
            "target_group": ["hog-franvaro", "elever-i-riskzon"],
            "intervention_type": ["franvaro"],
            "phase": ["under-gymnasiet"],
            "organiser": ["skola", "socialtjanst"],
        },
        target_group_sv="Elever i årskurs 1.",
        target_group_en="Students in year 1.",
        cost_level=CostLevel.MODERATE,
        cost_sv="En halvtidstjänst.",
        cost_en="A half-time post.",
        startup_time_sv="En termin.",
        staff_and_training_en="Two days of training.",
        contact_name="Anna Andersson",
        contact_email="anna@example.se",
    )
    swedish = facts(client.get(method.get_absolute_url()))
    assert swedish["Målgrupp"] == (
        "Elever som riskerar att avbryta sina studier, Elever med hög frånvaro Elever i årskurs 1."
    )
    assert swedish["Insatstyp"] == "Uppföljning av unga med hög frånvaro"
    assert swedish["Anordnare"] == "Skola, Socialtjänst"
    assert swedish["Kostnad"] == "Måttlig En halvtidstjänst."
    assert swedish["Tid att komma i gång"] == "En termin."
    # Only in English: shown, marked as English.
    assert swedish["Personal och utbildning som behövs"] == "Two days of training."
    assert swedish["Kontakt"] == "Anna Andersson anna@example.se"
    english = facts(client.get(f"/en/methods/{method.slug}/"))
    assert english["Target group"].startswith("Students at risk of dropping out, Students with")
    assert english["Phase"] == "During upper secondary school"
    assert english["Cost"] == "Moderate A half-time post."
    assert english["Time to get started"] == "En termin."  # the Swedish text, marked so
    marked = page(client.get(f"/en/methods/{method.slug}/")).find_all("span", lang="sv")
    assert any("En termin." in span.text for span in marked)


def test_each_rating_links_to_how_we_assess_evidence_and_lists_its_publications(client):
    hattie = PublicationFactory(title_sv="Visible Learning", title_en="Visible Learning")
    abrami = PublicationFactory(title_sv="Dropout prevention", title_en="Dropout prevention")
    unpublished = PublicationFactory(
        title_sv="Opublicerad rapport", status=Status.DRAFT, published_at=None
    )
    method = MethodFactory(
        scientific_basis=EvidenceRating.HIGH, proven_experience=EvidenceRating.LOW
    )
    method.scientific_basis_sources.add(hattie, abrami, unpublished)
    method.proven_experience_sources.add(abrami)

    response = client.get(method.get_absolute_url())
    shown = facts(response)
    assert shown["Vetenskaplig grund"] == (
        "Hög Så bedömer vi evidens Bygger på: Dropout prevention Visible Learning"
    )
    assert shown["Beprövad erfarenhet"] == "Låg Så bedömer vi evidens Bygger på: Dropout prevention"
    parsed = page(response)
    assert len(parsed.find_all("a", href="/metoder/evidens/")) == 2
    assert parsed.find_all("a", href=hattie.get_absolute_url())
    assert "Opublicerad rapport" not in text(response)
    english = page(client.get(f"/en/methods/{method.slug}/"))
    assert len(english.find_all("a", href="/en/methods/evidence/")) == 2


def test_the_publications_behind_a_rating_are_chosen_among_the_research_librarys_only():
    from methods.admin import MethodAdminForm

    other_method, publication = MethodFactory(), PublicationFactory()
    form = MethodAdminForm()
    for name in ("scientific_basis_sources", "proven_experience_sources"):
        offered = set(form.fields[name].queryset.values_list("pk", flat=True))
        assert publication.pk in offered
        assert other_method.pk not in offered


def test_a_method_cannot_take_the_address_of_a_page_of_the_method_bank():
    from django.core.exceptions import ValidationError

    for slug in ("evidens", "evidence", "anvands", "in-use"):
        method = MethodFactory.build(slug=slug)
        with pytest.raises(ValidationError) as error:
            method.full_clean()
        assert "slug" in error.value.message_dict
