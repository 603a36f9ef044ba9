"""Forskning as researchers read it: the list with authors and years, its order and filters,
a publication's page with its full reference, and the links between research and practice."""

import datetime
import re

import pytest
from django.utils import timezone

from content.models import Status
from research.names import person
from tests.factories import (
    CaseStudyFactory,
    MethodFactory,
    PublicationFactory,
    ResearchSummaryFactory,
)
from tests.site.html import page

pytestmark = pytest.mark.django_db

LOADED = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 0))


def _titles(response) -> list[str]:
    cards = page(response).find_all("h2", **{"class": "card-title"})
    return [" ".join(h.text.split()) for h in cards]


def _bylines(response) -> list[str]:
    bylines = page(response).find_all("p", **{"class": "card-meta card-reference"})
    return [" ".join(p.text.split()) for p in bylines]


def _facts(response) -> dict[str, str]:
    """The publication's facts: each <dt> with its <dd>."""
    parsed = page(response)
    return {
        " ".join(dt.text.split()): " ".join(dd.text.split())
        for dt, dd in zip(parsed.find_all("dt"), parsed.find_all("dd"), strict=True)
    }


def test_cards_show_authors_and_year_of_publication_never_the_day_it_was_loaded(
    client, abrami, hamre
):
    for publication in (abrami, hamre):
        publication.published_at = LOADED
        publication.save()
    response = client.get("/forskning/")
    assert _bylines(response) == [
        "Abrami, P.C. m.fl. (2008) · Systematisk översikt",
        "Hamre, B.K. & Pianta, R.C. (2005) · Tidskriftsartikel",
    ]
    assert "3 december 2026" not in response.content.decode()
    english = client.get("/en/research/")
    assert _bylines(english)[0] == "Abrami, P.C. et al. (2008) · Systematic review"


def test_a_card_says_when_authors_or_year_are_not_stated(client):
    PublicationFactory(title_sv="Okänd", authors=[], year=None, publication_type="")
    assert _bylines(client.get("/forskning/")) == ["Författare saknas (år saknas)"]


@pytest.fixture
def shelf(db):
    """Three publications and a summary, published on the site in the opposite order."""
    made = {
        "old": PublicationFactory(
            title_sv="Öppna skolor", authors=[person("Berg", "A.")], year=1999
        ),
        "new": PublicationFactory(title_sv="Avbrott", authors=[person("Ceder", "B.")], year=2020),
        "mid": PublicationFactory(
            title_sv="Mentorskap", authors=[person("Almgren", "C.")], year=2010
        ),
        "summary": ResearchSummaryFactory(title_sv="Bästa sammanfattningen"),
    }
    for days, key in enumerate(["new", "mid", "old"]):
        made[key].published_at = timezone.now() - datetime.timedelta(days=days + 1)
        made[key].save()
    made["summary"].published_at = timezone.now() - datetime.timedelta(days=400 * 20)
    made["summary"].save()
    return made


def test_the_list_is_sorted_by_year_of_publication_by_default(client, shelf):
    assert _titles(client.get("/forskning/")) == [
        "Avbrott",
        "Mentorskap",
        "Bästa sammanfattningen",  # a summary's year is the year it went on the site
        "Öppna skolor",
    ]


def test_the_list_is_sorted_by_first_author_or_title(client, shelf):
    by_author = _titles(client.get("/forskning/?sortering=forfattare"))
    assert by_author == ["Mentorskap", "Öppna skolor", "Avbrott", "Bästa sammanfattningen"]
    by_title = _titles(client.get("/forskning/?sortering=titel"))
    assert by_title[:3] == ["Avbrott", "Bästa sammanfattningen", "Mentorskap"]


def test_the_sort_links_keep_the_filters_and_show_the_chosen_order(client, shelf):
    response = client.get("/forskning/?innehall=litteratur&sortering=titel")
    html = response.content.decode()
    assert '<strong aria-current="true">Titel</strong>' in html
    assert 'href="?innehall=litteratur&amp;sortering=forfattare"' in html


def test_the_list_filters_by_kind_type_year_and_open_access(client, shelf):
    shelf["mid"].publication_type = "tidskriftsartikel"
    shelf["mid"].open_access = True
    shelf["mid"].save()
    assert _titles(client.get("/forskning/?innehall=sammanfattningar")) == [
        "Bästa sammanfattningen"
    ]
    assert _titles(client.get("/forskning/?typ=tidskriftsartikel")) == ["Mentorskap"]
    assert _titles(client.get("/forskning/?oppen=ja")) == ["Mentorskap"]
    assert _titles(client.get("/forskning/?innehall=litteratur&fran=2000&till=2015")) == [
        "Mentorskap"
    ]
    empty = client.get("/forskning/?fran=2030")
    assert "Ingenting matchar filtren du valt" in empty.content.decode()


def test_an_invalid_filter_is_reported_and_ignored(client, shelf):
    response = client.get("/forskning/?fran=abc&typ=roman")
    assert response.status_code == 400
    assert len(_titles(response)) == 4
    assert "Fyll i ett heltal." in response.content.decode()


def test_the_results_come_before_the_filters_with_a_link_that_counts_the_chosen_ones(client, shelf):
    parsed = page(client.get("/forskning/?innehall=litteratur&fran=2000&sortering=titel"))
    where = {id(element): index for index, element in enumerate(parsed.elements)}
    first_card = where[id(parsed.find("h2", **{"class": "card-title"}))]
    filters = parsed.by_id("filters")
    assert filters.tag == "aside"
    assert first_card < where[id(filters)]
    assert any(e.tag == "form" for e in filters.children)
    link = parsed.find("p", **{"class": "filter-link"}).children[0]
    assert (link.get("href"), " ".join(link.text.split())) == ("#filters", "Filtrera (2 valda)")
    # What could not be used is said above the results too, not only at its field below them.
    invalid = page(client.get("/forskning/?fran=abc"))
    where = {id(element): index for index, element in enumerate(invalid.elements)}
    alert = invalid.find("div", **{"class": "form-errors"})
    assert "Fyll i ett heltal." in alert.text
    assert where[id(alert)] < where[id(invalid.find("h2", **{"class": "card-title"}))]


def test_drafts_are_not_listed(client, shelf):
    shelf["old"].status = Status.REVIEW
    shelf["old"].save()
    assert "Öppna skolor" not in _titles(client.get("/forskning/"))


def test_the_research_list_has_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    for n in range(30):
        PublicationFactory(authors=[person(f"Författare{n}", "A.")] * 4, year=2000 + n % 20)
    with django_assert_max_num_queries(2):
        assert client.get("/forskning/?sortering=forfattare").status_code == 200


# -- A publication's page


def test_a_publication_page_shows_the_full_reference_and_its_links(client, hamre):
    response = client.get(hamre.get_absolute_url())
    html = response.content.decode()
    parsed = page(response)
    assert _facts(response) == {
        "Författare": "Hamre, B.K.; Pianta, R.C.",
        "År": "2005",
        "Typ": "Tidskriftsartikel",
        "Tidskrift": "Child Development, vol. 76 (5), s. 949-967",
        "Utgivare": "Uppgift saknas",
        "Språk": "Engelska",
        "Öppet tillgänglig": "Nej",
        "Studiens upplägg": "Kvasiexperimentell studie",
        "Land eller sammanhang": "USA",
        "DOI": "10.1111/j.1467-8624.2005.00889.x",
        "ISSN": "0009-3920",
    }
    assert f'href="https://doi.org/{hamre.doi}"' in html
    assert f'href="{hamre.url}"' in html and f'href="{hamre.pdf_url}"' in html
    abstract = parsed.find("section", **{"aria-labelledby": "abstract-heading"})
    assert hamre.abstract_en in abstract.text
    assert 'lang="en">This study examined' in html  # the abstract is English on a Swedish page


def test_what_the_sources_do_not_say_reads_not_stated(client):
    bare = PublicationFactory(authors=[], year=None, publication_type="")
    response = client.get(bare.get_absolute_url())
    assert set(_facts(response).values()) == {"Uppgift saknas"}
    assert len(_facts(response)) == 8
    assert "Ingen länk angiven." in response.content.decode()
    assert "Publicerad" not in response.content.decode()  # the day it went on the site


def test_a_publication_page_cites_it_in_apa_and_harvard_in_a_block_to_copy(client, hamre):
    response = client.get(hamre.get_absolute_url())
    html = response.content.decode()
    assert [h.text for h in page(response).find_all("h3") if "citation" in h.get("id", "")] == [
        "APA 7",
        "Harvard (Cite Them Right)",
    ]
    apa = page(response).find("p", id="citation-apa")
    assert " ".join(apa.text.split()).startswith("Hamre, B. K., & Pianta, R. C. (2005).")
    assert "<i>Child Development</i>" in html
    assert 'data-copy="Hamre, B. K., &amp; Pianta, R. C. (2005).' in html
    assert '<script src="/static/js/citation.js" defer></script>' in html


def test_every_publication_page_carries_the_highwire_citation_tags(client, hamre):
    hamre.date = datetime.date(2005, 9, 1)
    hamre.save()
    html = client.get(hamre.get_absolute_url()).content.decode()
    tags = re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', html)
    assert tags == [
        ("citation_title", hamre.title_sv),
        ("citation_author", "Hamre, B.K."),
        ("citation_author", "Pianta, R.C."),
        ("citation_publication_date", "2005/09/01"),
        ("citation_journal_title", "Child Development"),
        ("citation_volume", "76"),
        ("citation_issue", "5"),
        ("citation_firstpage", "949"),
        ("citation_lastpage", "967"),
        ("citation_doi", hamre.doi),
        ("citation_issn", "0009-3920"),
        ("citation_pdf_url", hamre.pdf_url),
        ("citation_language", "en"),
    ]


def test_a_thesis_names_its_institution_in_the_tags(client, mollas):
    html = client.get(mollas.get_absolute_url()).content.decode()
    assert (
        '<meta name="citation_dissertation_institution" content="Högskolan för lärande och kommunikation">'
        in html
    )
    assert '<meta name="citation_isbn" content="978-91-628-7840-5">' in html


def test_a_publication_lists_the_summaries_methods_and_case_studies_that_refer_to_it(client, hamre):
    summary = ResearchSummaryFactory(title_sv="Sammanfattningen")
    summary.publications.add(hamre)
    draft_summary = ResearchSummaryFactory(
        title_sv="Utkastet", status=Status.DRAFT, published_at=None
    )
    draft_summary.publications.add(hamre)
    method = MethodFactory(title_sv="Mentorskapsmetoden")
    case = CaseStudyFactory(title_sv="Fallet Partille")
    hamre.related_articles.add(method, case)
    parsed = page(client.get(hamre.get_absolute_url()))
    section = parsed.find("section", **{"aria-labelledby": "referred-heading"})
    headings = [
        (h.tag, " ".join(h.text.split()))
        for h in parsed.elements
        if h in _descendants(section) and h.tag in ("h3", "h4")
    ]
    assert headings == [
        ("h3", "Forskningssammanfattningar"),
        ("h4", "Sammanfattningen"),
        ("h3", "Metoder"),
        ("h4", "Mentorskapsmetoden"),
        ("h3", "Fallstudier"),
        ("h4", "Fallet Partille"),
    ]
    assert "Utkastet" not in section.text


def _descendants(element) -> list:
    found = []
    for child in element.children:
        found += [child, *_descendants(child)]
    return found


def test_a_summary_lists_its_published_publications_as_references(client, hamre, mollas):
    summary = ResearchSummaryFactory()
    mollas.status = Status.DRAFT
    mollas.save()
    summary.publications.add(hamre, mollas)
    section = page(client.get(summary.get_absolute_url())).find(
        "section", **{"aria-labelledby": "publications-heading"}
    )
    text = " ".join(section.text.split())
    assert "Hamre, B. K., & Pianta, R. C. (2005)." in text
    assert "Möllås" not in text
    empty = ResearchSummaryFactory()
    assert (
        "Vilka publikationer sammanfattningen bygger på är inte angivet."
        in client.get(empty.get_absolute_url()).content.decode()
    )


def test_a_publication_page_has_a_bounded_number_of_queries(
    client, hamre, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    for _n in range(10):
        summary = ResearchSummaryFactory()
        summary.publications.add(hamre)
        hamre.related_articles.add(MethodFactory(), CaseStudyFactory())
    with django_assert_max_num_queries(8):
        assert client.get(hamre.get_absolute_url()).status_code == 200
