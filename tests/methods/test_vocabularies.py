"""The method bank's controlled vocabularies: shipped with the site, managed by editors in the
admin, and followed at once by the finder and by Artikelsök's index."""

import pytest

from methods.models import Term, Vocabulary
from methods.vocabulary import DEFAULT_TERMS
from tests.factories import MethodFactory, term
from tests.site.html import page, text

pytestmark = pytest.mark.django_db


def test_the_site_ships_the_eight_types_of_intervention_the_seeds_list():
    types = list(Term.objects.of(Vocabulary.INTERVENTION_TYPE).order_by("position"))
    assert [t.name_en for t in types] == [
        "Mentoring and coaching",
        "Identifying and surveying students at risk",
        "Transition from compulsory to upper secondary school",
        "Following up young people with high absence",
        "Methods to increase self-esteem",
        "Motivational interviewing",
        "Academic support",
        "Holistic support (academic and socio-emotional)",
    ]
    assert all(t.name_sv for t in types)


def test_every_vocabulary_has_its_terms_in_both_languages():
    for vocabulary in Vocabulary:
        terms = Term.objects.of(vocabulary)
        assert terms.count() == len(DEFAULT_TERMS[vocabulary.value]), vocabulary
        assert all(t.name_sv and t.name_en for t in terms)
    target_groups = set(Term.objects.of(Vocabulary.TARGET_GROUP).values_list("name_en", flat=True))
    assert {
        "Students at risk of dropping out",
        "Students with high absence",
        "Newly arrived students",
        "Students in introduction programmes",
        "Young people who have left school (the municipal activity responsibility)",
        "All students",
    } <= target_groups


def test_an_editor_adds_a_term_and_the_finder_offers_it_at_once(client, editor):
    client.force_login(editor)
    assert "Nya målgruppen" not in text(client.get("/metoder/"))
    response = client.post(
        "/admin/methods/term/add/",
        {
            "vocabulary": Vocabulary.TARGET_GROUP,
            "name_sv": "Nya målgruppen",
            "name_en": "The new target group",
            "slug": "nya-malgruppen",
            "position": 5,
            "_save": "Spara",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    finder = page(client.get("/metoder/"))
    assert finder.find_all("input", name="malgrupp", value="nya-malgruppen")
    assert client.get("/metoder/", {"malgrupp": "nya-malgruppen"}).status_code == 200


def test_a_term_needs_a_name_and_a_slug_of_its_own_in_its_vocabulary(client, editor):
    client.force_login(editor)
    response = client.post(
        "/admin/methods/term/add/",
        {
            "vocabulary": Vocabulary.PHASE,
            "name_sv": "Efter avbrott igen",
            "slug": "efter-avbrott",
            "position": 1,
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert response.context["adminform"].form.errors
    # The same slug in another vocabulary is another term.
    Term.objects.create(vocabulary=Vocabulary.ORGANISER, slug="efter-avbrott", name_sv="X")


def test_the_method_form_shows_a_list_per_vocabulary_with_the_methods_terms_checked(client, editor):
    method = MethodFactory(terms={"phase": ["overgang"], "organiser": ["kommun"]})
    client.force_login(editor)
    parsed = page(client.get(f"/admin/methods/method/{method.pk}/change/"))
    for name in (
        "target_groups",
        "intervention_types",
        "phases",
        "prevention_levels",
        "scopes",
        "organisers",
    ):
        assert parsed.find_all("input", type="checkbox", name=name), name
    checked = {
        (box.get("name"), int(box.get("value")))
        for box in parsed.find_all("input", type="checkbox")
        if "checked" in box.attrs and box.get("name") in {"phases", "organisers", "target_groups"}
    }
    assert checked == {
        ("phases", term("phase", "overgang").pk),
        ("organisers", term("organiser", "kommun").pk),
    }


def test_a_renamed_term_is_searched_by_its_new_name_in_both_languages(client):
    method = MethodFactory(
        title_sv="Stödet", title_en="The support", terms={"organiser": ["region"]}
    )
    organiser = term("organiser", "region")
    assert method.title_sv not in text(client.get("/sok/", {"q": "Landstinget"}))
    organiser.name_sv, organiser.name_en = "Landstinget", "County council"
    organiser.save()
    assert "Stödet" in text(client.get("/sok/", {"q": "Landstinget"}))
    assert "The support" in text(client.get("/en/search/", {"q": "county council"}))
    # The finder names it so at once too.
    assert "Landstinget (1)" in text(client.get("/metoder/"))


def test_a_method_is_found_by_its_terms_only_while_it_has_them(client):
    method = MethodFactory(title_sv="Stödet", terms={"intervention_type": ["motiverande-samtal"]})
    assert "Stödet" in text(client.get("/sok/", {"q": "motiverande samtal"}))
    method.terms.remove(term("intervention_type", "motiverande-samtal"))
    assert "Stödet" not in text(client.get("/sok/", {"q": "motiverande samtal"}))
    method.terms.add(term("intervention_type", "sjalvkansla"))
    assert "Stödet" in text(client.get("/sok/", {"q": "självkänslan"}))
    term("intervention_type", "sjalvkansla").delete()
    assert "Stödet" not in text(client.get("/sok/", {"q": "självkänslan"}))


def test_a_term_added_from_the_terms_side_is_indexed_too(client):
    method = MethodFactory(title_sv="Stödet")
    term("scope", "grupp").methods.add(method)
    assert "Stödet" in text(client.get("/sok/", {"q": "grupp"}))
    term("scope", "grupp").methods.clear()
    assert "Stödet" not in text(client.get("/sok/", {"q": "grupp"}))
