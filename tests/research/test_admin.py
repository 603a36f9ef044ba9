"""Editors write references in the admin: authors as rows (persons or organisations) in their
order, identifiers checked and normalised, as on every other content type."""

import pytest

from research.models import Publication
from tests.factories import PublicationFactory
from tests.site.test_editors import admin_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/research/publication/add/"


def _authors(*rows: tuple[str, str, str, str]) -> dict:
    """The authors' rows as the form sends them: (place, family, given, organisation)."""
    data = {"authors-rows": str(len(rows))}
    for index, (order, family, given, literal) in enumerate(rows):
        data.update(
            {
                f"authors-{index}-order": order,
                f"authors-{index}-family": family,
                f"authors-{index}-given": given,
                f"authors-{index}-literal": literal,
            }
        )
    return data


def _form(editor_client, form_address=ADD_URL, **fields) -> dict:
    data = admin_form_data(editor_client.get(form_address))
    data.pop("authors", None)
    data.update(fields)
    data["_save"] = "Spara"
    return data


def test_an_editor_adds_a_publication_with_authors_in_order(editor_client):
    page = editor_client.get(ADD_URL).content.decode()
    assert 'aria-label="Rad 1: efternamn"' in page and 'name="authors-rows" value="3"' in page
    data = _form(
        editor_client,
        title_sv="Detta ideliga mötande",
        slug="detta-ideliga-motande",
        year="2009",
        doi="https://doi.org/10.1234/ABC",
        isbn="9789162878405",
        **_authors(
            ("2", "Pianta", "R.C.", ""),
            ("1", "Hamre", "B.K.", ""),
            ("3", "", "", "Skolverket"),
            ("4", "", "", ""),
        ),
    )
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    publication = Publication.objects.get(slug="detta-ideliga-motande")
    assert publication.authors == [
        {"family": "Hamre", "given": "B.K."},
        {"family": "Pianta", "given": "R.C."},
        {"literal": "Skolverket"},
    ]
    assert (publication.doi, publication.isbn) == ("10.1234/ABC", "978-91-628-7840-5")


def test_the_authors_rows_show_the_stored_authors_and_remove_an_emptied_one(editor_client):
    publication = PublicationFactory(
        authors=[{"family": "Hamre", "given": "B.K."}, {"family": "Pianta", "given": "R.C."}]
    )
    change_url = f"/admin/research/publication/{publication.pk}/change/"
    page = editor_client.get(change_url).content.decode()
    assert 'name="authors-0-family" value="Hamre"' in page
    assert 'name="authors-1-given" value="R.C."' in page
    assert 'name="authors-rows" value="5"' in page  # two authors and three empty rows
    data = _form(
        editor_client, change_url, **_authors(("1", "", "", ""), ("2", "Pianta", "R.C.", ""))
    )
    assert editor_client.post(change_url, data).status_code == 302
    publication.refresh_from_db()
    assert publication.authors == [{"family": "Pianta", "given": "R.C."}]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            ("1", "Hamre", "B.K.", "Skolverket"),
            "Rad 1: en person (efternamn och förnamn) eller en organisation, inte båda.",
        ),
        (("1", "", "B.K.", ""), "Rad 1: ange efternamnet också."),
        (("första", "Hamre", "", ""), "Rad 1: platsen i listan är ett heltal."),
    ],
)
def test_a_wrong_author_row_is_refused_with_its_row_named(editor_client, row, message):
    data = _form(editor_client, title_sv="Titel", slug="titel", **_authors(row))
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    typed = next(part for part in row[1:] if part)
    assert f'value="{typed}"' in response.content.decode()  # what was typed stays
    assert not Publication.objects.exists()


def test_wrong_identifiers_are_refused_next_to_their_fields(editor_client):
    data = _form(
        editor_client,
        title_sv="Titel",
        slug="titel",
        doi="nej",
        isbn="123",
        url="javascript:alert(1)",
        **_authors(),
    )
    response = editor_client.post(ADD_URL, data)
    errors = response.context["adminform"].form.errors
    assert set(errors) >= {"doi", "isbn", "url"}
    assert not Publication.objects.exists()


def test_a_doi_already_used_is_refused(editor_client):
    PublicationFactory(doi="10.1234/abc")
    data = _form(editor_client, title_sv="Titel", slug="titel", doi="10.1234/ABC", **_authors())
    response = editor_client.post(ADD_URL, data)
    assert "En annan publikation har redan denna DOI." in response.content.decode()
    assert Publication.objects.count() == 1


def test_the_literature_list_in_the_admin_shows_authors_and_year(editor_client, abrami):
    html = editor_client.get("/admin/research/publication/").content.decode()
    assert "Abrami, P.C. m.fl." in html and "2008" in html
