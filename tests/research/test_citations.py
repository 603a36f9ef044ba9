"""References formatted in APA 7 and Harvard, and written in RIS, BibTeX and CSL-JSON: each
export is read back by the library that reads that format, Swedish letters intact."""

import json

import bibtexparser
import pytest
import rispy
from bibtexparser import middlewares
from django.utils import translation

from research import citations, importer
from research.names import organisation, person
from tests.factories import PublicationFactory

pytestmark = pytest.mark.django_db


def _text(publication, style, language):
    with translation.override(language):
        return citations.format_reference(publication, style).text


def test_a_journal_article_in_apa_7(hamre):
    assert _text(hamre, "apa", "en") == (
        "Hamre, B. K., & Pianta, R. C. (2005). Can instructional and emotional support in the "
        "first-grade classroom make a difference for children at risk of school failure? "
        "Child Development, 76(5), 949–967. https://doi.org/10.1111/j.1467-8624.2005.00889.x"
    )


def test_a_journal_article_in_harvard_in_each_language(hamre):
    assert _text(hamre, "harvard", "en") == (
        "Hamre, B.K. and Pianta, R.C. (2005) ‘Can instructional and emotional support in the "
        "first-grade classroom make a difference for children at risk of school failure?’, "
        "Child Development, 76(5), pp. 949–967. "
        "Available at: https://doi.org/10.1111/j.1467-8624.2005.00889.x."
    )
    assert _text(hamre, "harvard", "sv") == (
        "Hamre, B.K. och Pianta, R.C. (2005) ”Can instructional and emotional support in the "
        "first-grade classroom make a difference for children at risk of school failure?”, "
        "Child Development, 76(5), s. 949–967. "
        "Tillgänglig vid: https://doi.org/10.1111/j.1467-8624.2005.00889.x."
    )


def test_a_swedish_thesis_and_an_organisation_as_author(mollas, finland):
    assert _text(mollas, "apa", "sv") == (
        "Möllås, G. (2009). Detta ideliga mötande: En studie av hur kommunikation och samspel "
        "konstituerar gymnasieelevers skolpraktik. Högskolan för lärande och kommunikation."
    )
    assert _text(finland, "apa", "sv") == (
        "Utbildningsstyrelsen i Finland. (2003). Grunderna för gymnasiets läroplan 2003."
    )


def test_more_than_twenty_authors_and_et_al_follow_each_style(abrami):
    assert _text(abrami, "apa", "sv").startswith(
        "Abrami, P. C., Bernard, R., Schmid, R. M., Janosz, M., Wade, A., & Gerard, C. (2008)."
    )
    assert _text(abrami, "harvard", "sv").startswith("Abrami, P.C. m.fl. (2008)")
    assert _text(abrami, "harvard", "en").startswith("Abrami, P.C. et al. (2008)")


def test_the_html_of_a_reference_is_escaped_and_keeps_only_its_italics():
    hostile = PublicationFactory(
        slug="hostile",
        title_sv='<script>alert("x")</script> & <b>fet</b>',
        title_en='<script>alert("x")</script> & <b>fet</b>',
        authors=[person("O'Brien <img src=x onerror=alert(1)>", "A.")],
        container_title="<i>Journal</i>",
        publication_type="tidskriftsartikel",
    )
    reference = citations.format_reference(hostile, "apa")
    assert "<script" not in reference.html and "<img" not in reference.html
    assert "&lt;script&gt;" in reference.html and "&lt;b&gt;fet&lt;/b&gt;" in reference.html
    assert "<i>&lt;i&gt;Journal&lt;/i&gt;</i>" in reference.html
    assert reference.text.startswith("O'Brien <img")  # the plain text is text


def test_a_bibliography_is_ordered_as_the_style_orders_it(hamre, mollas, abrami, finland):
    ordered = citations.format_references([finland, mollas, hamre, abrami], "apa")
    assert [publication.slug for publication, _reference in ordered] == [
        abrami.slug,
        hamre.slug,
        mollas.slug,
        finland.slug,
    ]


def test_the_csl_item_holds_every_field(hamre):
    item = citations.to_csl(hamre)
    assert item == {
        "id": "hamre-pianta-2005",
        "type": "article-journal",
        "title": hamre.title_sv,
        "author": [{"family": "Hamre", "given": "B.K."}, {"family": "Pianta", "given": "R.C."}],
        "issued": {"date-parts": [[2005]]},
        "container-title": "Child Development",
        "volume": "76",
        "issue": "5",
        "page": "949-967",
        "DOI": "10.1111/j.1467-8624.2005.00889.x",
        "ISSN": "0009-3920",
        "URL": hamre.url,
        "language": "en",
        "abstract": hamre.abstract_en,
    }


def test_ris_export_is_read_back_by_rispy_with_swedish_letters(mollas, hamre, finland):
    records = rispy.loads(citations.export([mollas, hamre, finland], "ris"))
    assert [record["type_of_reference"] for record in records] == ["THES", "JOUR", "GEN"]
    thesis, article, curriculum = records
    assert thesis["authors"] == ["Möllås, Gunilla"]
    assert thesis["title"].startswith("Detta ideliga mötande: En studie")
    assert (thesis["publisher"], thesis["place_published"]) == (
        "Högskolan för lärande och kommunikation",
        "Jönköping",
    )
    assert thesis["issn"] == "978-91-628-7840-5"  # RIS's SN holds an ISBN too
    assert article["doi"] == hamre.doi
    assert (article["start_page"], article["end_page"]) == ("949", "967")
    assert curriculum["authors"] == ["Utbildningsstyrelsen i Finland"]


def test_bibtex_export_is_read_back_by_bibtexparser_with_swedish_letters(mollas, hamre, finland):
    exported = citations.export([mollas, hamre, finland], "bib")
    library = bibtexparser.parse_string(
        exported,
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.LatexDecodingMiddleware()],
    )
    assert not library.failed_blocks
    thesis, article, curriculum = library.entries
    assert (thesis.entry_type, thesis.key) == ("phdthesis", "mollas2009")
    assert thesis["author"] == ["Möllås, Gunilla"]
    assert thesis["school"] == "Högskolan för lärande och kommunikation"
    assert thesis["address"] == "Jönköping"
    assert article["pages"] == "949–967"  # "--" read as the en dash it stands for
    assert article["doi"] == hamre.doi
    assert curriculum["author"] == ["{Utbildningsstyrelsen i Finland}"]  # an organisation


def test_bibtex_escapes_what_latex_would_read_as_commands():
    odd = PublicationFactory(slug="odd", title_sv="Skola & hem: 50 % _mer_ #1", authors=[])
    exported = citations.export([odd], "bib")
    assert r"Skola \& hem: 50 \% \_mer\_ \#1" in exported
    back = bibtexparser.parse_string(
        exported, append_middleware=[middlewares.LatexDecodingMiddleware()]
    )
    assert back.entries[0]["title"] == "Skola & hem: 50 % _mer_ #1"


def test_two_references_by_the_same_author_and_year_get_their_own_bibtex_keys():
    first = PublicationFactory(slug="a", authors=[person("Möllås", "G.")], year=2009)
    second = PublicationFactory(slug="b", authors=[person("Möllås", "G.")], year=2009)
    keys = [
        entry.key
        for entry in bibtexparser.parse_string(citations.export([first, second], "bib")).entries
    ]
    assert keys == ["mollas2009", "mollas2009a"]


def test_csl_json_export_is_read_back_with_swedish_letters(mollas):
    items = json.loads(citations.export([mollas], "json"))
    assert items[0]["author"] == [{"family": "Möllås", "given": "Gunilla"}]
    assert items[0]["publisher-place"] == "Jönköping"
    assert "Möllås" in citations.export([mollas], "json")  # written as letters, not \\u escapes


@pytest.mark.parametrize("format_key", ["ris", "bib", "json"])
def test_a_reference_exported_and_imported_again_keeps_its_fields(
    format_key, hamre, mollas, finland
):
    originals = [hamre, mollas, finland]
    exported = citations.export(originals, format_key)
    parsed = importer.parse(exported, importer.detect_format(exported))
    for (_line, item, reason), original in zip(parsed, originals, strict=True):
        assert not reason
        fields = citations.fields_from_csl(item)
        for name in ("authors", "year", "container_title", "volume", "issue", "pages", "doi"):
            assert fields[name] == getattr(original, name), (format_key, name)
        assert fields["title_sv"] == original.full_title
        assert fields["publisher"] == original.publisher
        assert fields["language"] == original.language


def test_a_publication_without_authors_or_year_is_still_a_reference():
    bare = PublicationFactory(slug="bare", title_sv="Utan uppgifter", authors=[], year=None)
    for format_key in citations.FORMATS:
        assert "Utan uppgifter" in citations.export([bare], format_key)
    with translation.override("sv"):
        # (citeproc-py repeats a title that stands in for the author: a known limitation.)
        assert citations.format_reference(bare, "apa").text.startswith("Utan uppgifter. (u.å.).")


def test_an_organisation_with_a_comma_stays_one_author_in_csl_json():
    group = PublicationFactory(slug="g", authors=[organisation("Skolverket, enheten för analys")])
    item = json.loads(citations.export([group], "json"))[0]
    assert citations.fields_from_csl(item)["authors"] == [
        {"literal": "Skolverket, enheten för analys"}
    ]
