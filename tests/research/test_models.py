"""A publication's fields: what is accepted, how it is normalised, what is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from research import identifiers, names
from research.models import Publication
from tests.factories import PublicationFactory


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("10.1111/j.1467-8624.2005.00889.x", "10.1111/j.1467-8624.2005.00889.x"),
        ("https://doi.org/10.1111/j.1467-8624.2005.00889.x", "10.1111/j.1467-8624.2005.00889.x"),
        ("http://dx.doi.org/10.1037/0022-0663.98.3.489", "10.1037/0022-0663.98.3.489"),
        ("doi: 10.1037/0022-0663.98.3.489 ", "10.1037/0022-0663.98.3.489"),
        ("https://doi.org/10.1002%2F%28SICI%291097-4571", "10.1002/(SICI)1097-4571"),
    ],
)
def test_a_doi_is_read_from_the_ways_people_write_it(typed, stored):
    assert identifiers.normal_doi(typed) == stored


@pytest.mark.parametrize("typed", ["11.1234/x", "10.12/x", "10.1234", "10.1234/ has space", "x"])
def test_a_doi_that_is_not_one_is_refused(typed):
    with pytest.raises(ValidationError):
        identifiers.normal_doi(typed)


def test_a_doi_links_to_its_resolver(settings):
    assert (
        identifiers.doi_url("10.1002/(SICI)1097-4571#x")
        == "https://doi.org/10.1002/(SICI)1097-4571%23x"
    )
    settings.DOI_RESOLVER = "http://127.0.0.1:9/"
    assert identifiers.doi_url("10.1/x") == "http://127.0.0.1:9/10.1/x"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("9789162878405", "978-91-628-7840-5"),
        ("978 91 628 7840 5", "978-91-628-7840-5"),
        ("0-306-40615-2", "0-306-40615-2"),
        ("0306406152", "0-306-40615-2"),
    ],
)
def test_an_isbn_is_checked_and_hyphenated(typed, stored):
    assert identifiers.normal_isbn(typed) == stored


@pytest.mark.parametrize("typed", ["978-91-628-7840-6", "12345", "isbn"])
def test_an_isbn_with_a_wrong_check_digit_or_length_is_refused(typed):
    with pytest.raises(ValidationError, match="ISBN"):
        identifiers.normal_isbn(typed)


def test_an_issn_is_checked_and_written_with_its_hyphen():
    assert identifiers.normal_issn("00093920") == "0009-3920"
    with pytest.raises(ValidationError, match="ISSN"):
        identifiers.normal_issn("0009-3921")


def test_a_link_must_be_a_web_address_and_its_host_is_lower_cased():
    assert (
        identifiers.normal_url(" HTTPS://Example.ORG/Path?A=1 ") == "https://example.org/Path?A=1"
    )
    for wrong in ["javascript:alert(1)", "ftp://example.org/x", "example", "https://"]:
        with pytest.raises(ValidationError):
            identifiers.normal_url(wrong)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("949–967", "949-967"),
        ("949 - 967", "949-967"),
        ("e1002", "e1002"),
        ("S12-S19, 23", "S12-S19, 23"),
    ],
)
def test_pages_are_a_number_or_a_range(typed, stored):
    assert identifiers.normal_pages(typed) == stored


def test_pages_that_are_prose_are_refused():
    with pytest.raises(ValidationError):
        identifiers.normal_pages("see chapter three")


@pytest.mark.django_db
def test_clean_normalises_every_identifier_and_reports_each_wrong_field():
    publication = PublicationFactory.build(
        slug="x",
        doi="https://doi.org/10.1111/ABC",
        isbn="9789162878405",
        issn="00093920",
        url="HTTPS://EXAMPLE.ORG/a",
        pages="1–10",
    )
    publication.full_clean()
    assert (
        publication.doi,
        publication.isbn,
        publication.issn,
        publication.url,
        publication.pages,
    ) == (
        "10.1111/ABC",
        "978-91-628-7840-5",
        "0009-3920",
        "https://example.org/a",
        "1-10",
    )
    wrong = PublicationFactory.build(slug="y", doi="nej", isbn="1", issn="2", url="nej", pages="?")
    with pytest.raises(ValidationError) as raised:
        wrong.full_clean()
    assert {"doi", "isbn", "issn", "url", "pages"} <= set(raised.value.message_dict)


@pytest.mark.django_db
def test_two_publications_cannot_share_a_doi_whatever_its_case(hamre):
    twin = PublicationFactory.build(slug="twin", doi=hamre.doi.upper())
    with pytest.raises(ValidationError) as raised:
        twin.full_clean()
    assert raised.value.message_dict["__all__"] == ["En annan publikation har redan denna DOI."]
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationFactory(slug="twin", doi=hamre.doi.upper())
    PublicationFactory(slug="no-doi-1", doi="")
    PublicationFactory(slug="no-doi-2", doi="")  # any number without a DOI


@pytest.mark.django_db
def test_the_year_is_checked_and_a_full_date_must_agree_with_it(time_machine):
    time_machine.move_to(datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC))
    PublicationFactory.build(slug="next-year", year=2027).full_clean()  # forthcoming
    for year in (2028, 1399):
        with pytest.raises(ValidationError) as raised:
            PublicationFactory.build(slug="x", year=year).full_clean()
        assert "year" in raised.value.message_dict
    disagreeing = PublicationFactory.build(slug="x", year=2005, date=datetime.date(2006, 1, 2))
    with pytest.raises(ValidationError) as raised:
        disagreeing.full_clean()
    assert "date" in raised.value.message_dict
    dated = PublicationFactory(slug="dated", year=None, date=datetime.date(2005, 9, 1))
    assert dated.year == 2005  # a date without a year gives its year


@pytest.mark.django_db
def test_a_date_without_a_year_is_refused_by_the_database():
    publication = PublicationFactory(slug="p", year=2005, date=datetime.date(2005, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Publication.objects.filter(pk=publication.pk).update(year=None)


@pytest.mark.parametrize(
    "authors",
    [
        "Möllås, G.",
        [{"family": ""}],
        [{"given": "G."}],
        [{"family": "Möllås", "literal": "Högskolan"}],
        [{"family": "Möllås", "middle": "X"}],
        [{"family": "x" * 201}],
        [{"literal": "Org"}] * 201,
        ["Möllås, G."],
    ],
)
def test_authors_that_are_not_a_list_of_names_are_refused(authors):
    with pytest.raises(ValidationError):
        names.validate_authors(authors)


def test_persons_and_organisations_are_accepted_in_order():
    names.validate_authors([names.person("Möllås", "G."), names.organisation("Skolverket")])
    names.validate_authors([names.person("Hattie")])  # given names unknown


@pytest.mark.django_db
def test_the_authors_names_are_kept_as_text_for_the_search_index(abrami):
    assert abrami.author_names.startswith("Abrami, P.C.; Bernard, R.; Schmid, R.M.")


@pytest.mark.django_db
def test_up_to_three_authors_are_named_and_more_are_shortened_in_each_language(abrami, hamre):
    assert hamre.short_authors == "Hamre, B.K. & Pianta, R.C."
    three = PublicationFactory.build(
        authors=[names.person("A", "X."), names.person("B", "Y."), names.organisation("C")]
    )
    assert three.short_authors == "A, X., B, Y. & C"
    with translation.override("sv"):
        assert abrami.short_authors == "Abrami, P.C. m.fl."
    with translation.override("en"):
        assert abrami.short_authors == "Abrami, P.C. et al."
    assert PublicationFactory.build(authors=[]).short_authors == ""


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Abrami, P.C.", {"family": "Abrami", "given": "P.C."}),
        ("Utbildningsstyrelsen i Finland", {"literal": "Utbildningsstyrelsen i Finland"}),
        ("{Skolverket, enheten för analys}", {"literal": "Skolverket, enheten för analys"}),
        ("  Hattie ,  John  ", {"family": "Hattie", "given": "John"}),
        ("Hattie,", {"family": "Hattie"}),
    ],
)
def test_a_name_written_in_one_field_is_read_as_reference_managers_write_it(written, name):
    assert names.parse_name(written) == name


def test_names_and_titles_are_compared_without_case_accents_or_punctuation():
    assert names.folded("Möllås, G.") == names.folded("MOLLAS g") == "mollas g"
    assert names.folded("Visible Learning: A synthesis") == names.folded(
        "visible learning. a synthesis"
    )
