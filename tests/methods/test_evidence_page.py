""" "Så bedömer vi evidens" (/metoder/evidens/, /en/methods/evidence/): an information page
editors edit, shown in the method bank with how many methods are at each level."""

import pytest

from content.models import PAGE, Status
from methods.models import CostLevel, EvidenceRating
from methods.views import EVIDENCE_PAGE
from tests.factories import ArticleFactory, MethodFactory
from tests.site.html import page, text

pytestmark = pytest.mark.django_db


def evidence_page(**fields):
    defaults = {
        "kind": PAGE,
        "slug": EVIDENCE_PAGE,
        "title_sv": "Så bedömer vi evidens",
        "title_en": "How we assess evidence",
        "summary_sv": "Vad nivåerna betyder.",
        "summary_en": "What the levels mean.",
        "body_sv": "## Vetenskaplig grund\n\n- **Hög:** flera studier av god kvalitet.",
        "body_en": "## Scientific basis\n\n- **High:** several studies of good quality.",
    }
    return ArticleFactory(**{**defaults, **fields})


def test_the_page_editors_write_is_shown_in_both_languages(client):
    evidence_page()
    swedish = client.get("/metoder/evidens/")
    assert swedish.status_code == 200
    assert page(swedish).find("h1").text == "Så bedömer vi evidens"
    assert "Hög: flera studier av god kvalitet." in text(swedish)
    english = client.get("/en/methods/evidence/")
    assert page(english).find("h1").text == "How we assess evidence"
    assert "High: several studies of good quality." in text(english)
    assert page(english).html_lang == "en"


def test_the_page_counts_the_methods_at_each_level_and_links_to_them(client):
    evidence_page()
    MethodFactory(scientific_basis=EvidenceRating.HIGH, cost_level=CostLevel.LOW)
    MethodFactory(scientific_basis=EvidenceRating.HIGH)
    MethodFactory(status=Status.DRAFT, published_at=None, scientific_basis=EvidenceRating.HIGH)
    body = text(client.get("/metoder/evidens/"))
    assert "Hög: 2 metoder" in body
    assert "Låg: 1 metod" in body  # the cost scale
    parsed = page(client.get("/metoder/evidens/"))
    assert parsed.find_all("a", href="/metoder/?vetenskap=hog")
    assert not parsed.find_all("a", href="/metoder/?vetenskap=mattlig")  # no method: no link


def test_a_draft_is_shown_to_editors_only_and_visitors_see_the_scales_still(client, editor):
    evidence_page(status=Status.DRAFT, published_at=None, body_sv="Utkastets text.")
    visitor = client.get("/metoder/evidens/")
    assert visitor.status_code == 200
    assert "Utkastets text." not in text(visitor)
    assert "Redaktionen har ännu inte beskrivit" in text(visitor)
    assert "Ej bedömd" in text(visitor)  # the levels are listed all the same
    client.force_login(editor)
    preview = text(client.get("/metoder/evidens/"))
    assert "Utkastets text." in preview and "Förhandsvisning" in preview


def test_every_link_to_the_page_leads_to_the_method_banks_address(client):
    evidence = evidence_page()
    assert evidence.get_absolute_url() == "/metoder/evidens/"
    response = client.get("/om/sa-bedomer-vi-evidens/")
    assert response.status_code == 301 and response["Location"] == "/metoder/evidens/"
    english = client.get("/en/about/sa-bedomer-vi-evidens/")
    assert english["Location"] == "/en/methods/evidence/"
    # Artikelsök and the About page link to it where it is shown.
    assert 'href="/metoder/evidens/"' in client.get("/sok/", {"q": "evidens"}).content.decode()
    assert 'href="/metoder/evidens/"' in client.get("/om/").content.decode()


def test_the_finders_evidence_facets_link_to_the_page(client):
    MethodFactory()
    parsed = page(client.get("/metoder/"))
    links = [a for a in parsed.find_all("a", href="/metoder/evidens/")]
    assert len(links) == 3  # scientific basis, proven experience, cost
