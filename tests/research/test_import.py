"""Importing references in the admin: a preview before anything is written, then all or
nothing, as drafts in review, never twice; every kind of bad file refused with a reason."""

import codecs
import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from content.models import Article, Status
from research import importer
from research.models import Publication, ReferenceUpload
from tests.factories import PublicationFactory, UserFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/research/publication/import/"


def _upload(client, content: bytes, name: str = "referenser.ris"):
    return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content)})


def _preview(client, content: bytes, name: str = "referenser.ris"):
    """Upload a file and follow to its preview page."""
    response = _upload(client, content, name)
    assert response.status_code == 302, response.content.decode()[:2000]
    return client.get(response["Location"]), response["Location"]


def _rows(response) -> list[tuple[int, str]]:
    return [(row.line, row.status) for row in response.context["preview"].rows]


RIS = """TY  - JOUR
AU  - Ek, Åsa
AU  - Öberg, Lars
TI  - Närvaro och frånvaro i gymnasieskolan
T2  - Pedagogisk forskning i Sverige
PY  - 2014
VL  - 19
IS  - 2
SP  - 101
EP  - 120
DO  - 10.15626/pfs19.2.01
ER  -

TY  - BOOK
AU  - Ärlig, Per
TI  - Skolan och de unga
PY  - 2011
PB  - Studentlitteratur
CY  - Lund
SN  - 978-91-628-7840-5
ER  -
"""


def test_a_ris_file_is_previewed_before_anything_is_written(editor_client, files):
    preview, _url = _preview(editor_client, (files / "zotero.ris").read_bytes())
    assert preview.status_code == 200
    assert _rows(preview) == [(1, "new"), (20, "new"), (31, "new")]
    assert Publication.objects.count() == 0
    html = preview.content.decode()
    assert "referenser.ris (RIS) innehåller 3 referenser." in html
    assert "Nya: 3. Finns redan: 0. Kan inte importeras: 0." in html
    assert "Möllås, Gunilla (2009)." in html  # Swedish letters as written
    assert 'class="default" value="Importera 3 referenser som utkast för granskning"' in html


def test_importing_creates_drafts_in_review_with_every_field(editor_client, editor, files):
    _preview_page, url = _preview(editor_client, (files / "zotero.ris").read_bytes())
    response = editor_client.post(url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/research/publication/?status__exact=review"
    assert Publication.objects.count() == 3
    assert set(Publication.objects.values_list("status", flat=True)) == {Status.REVIEW}
    assert not Article.objects.published().exists()
    hamre = Publication.objects.get(doi="10.1111/j.1467-8624.2005.00889.x")
    assert hamre.authors == [
        {"family": "Hamre", "given": "Bridget K."},
        {"family": "Pianta", "given": "Robert C."},
    ]
    assert (hamre.year, str(hamre.date), hamre.container_title, hamre.volume, hamre.issue) == (
        2005,
        "2005-09-01",
        "Child Development",
        "76",
        "5",
    )
    assert (hamre.pages, hamre.issn, hamre.language, hamre.publication_type) == (
        "949-967",
        "0009-3920",
        "en",
        "tidskriftsartikel",
    )
    assert hamre.abstract_en.startswith("This study examined") and not hamre.abstract_sv
    assert hamre.author == editor
    mollas = Publication.objects.get(isbn="978-91-628-7840-5")
    assert mollas.authors == [{"family": "Möllås", "given": "Gunilla"}]
    assert (mollas.publisher, mollas.place) == (
        "Högskolan för lärande och kommunikation",
        "Jönköping",
    )
    assert mollas.abstract_sv.startswith("Avhandlingen handlar") and mollas.language == "sv"
    # The title's first 80 characters as a slug, and the year.
    assert (
        mollas.slug
        == "detta-ideliga-motande-en-studie-av-hur-kommunikation-och-samspel-konstituerar-gy-2009"
    )
    skolverket = Publication.objects.get(publication_type="rapport")
    assert skolverket.authors == [{"literal": "Skolverket"}]
    assert not ReferenceUpload.objects.exists()  # the upload is let go once imported


def test_a_second_import_of_the_same_file_adds_nothing(editor_client, files):
    content = (files / "zotero.ris").read_bytes()
    _page, url = _preview(editor_client, content)
    editor_client.post(url)
    again, again_url = _preview(editor_client, content)
    assert _rows(again) == [(1, "duplicate"), (20, "duplicate"), (31, "duplicate")]
    assert "Alla referenser i den här filen finns redan här." in again.content.decode()
    assert 'class="default" value="Importera' not in again.content.decode()
    response = editor_client.post(again_url, follow=True)
    assert (
        "Alla referenser i filen finns redan här; ingenting importerades."
        in response.content.decode()
    )
    assert Publication.objects.count() == 3


@pytest.mark.parametrize("name", ["mendeley.bib", "zotero.json"])
def test_bibtex_and_csl_json_from_reference_managers_are_imported_too(editor_client, files, name):
    preview, url = _preview(editor_client, (files / name).read_bytes(), name)
    assert [status for _line, status in _rows(preview)] == ["new", "new", "new"]
    editor_client.post(url)
    assert set(Publication.objects.values_list("title_sv", flat=True)) >= {
        "Åtgärder för att öka genomströmningen"
    }
    assert Publication.objects.get(publication_type="rapport").authors == [
        {"literal": "Skolverket, enheten för analys"}
    ]
    assert Publication.objects.get(isbn="978-91-628-7840-5").authors == [
        {"family": "Möllås", "given": "Gunilla"}
    ]


def test_a_reference_already_here_is_found_by_doi_whatever_its_case(editor_client):
    existing = PublicationFactory(doi="10.15626/PFS19.2.01", title_sv="Något helt annat")
    preview, _url = _preview(editor_client, RIS.encode())
    rows = preview.context["preview"].rows
    assert [(row.status, row.duplicate_by) for row in rows] == [("duplicate", "doi"), ("new", "")]
    assert rows[0].duplicate_of == existing
    assert f"/admin/research/publication/{existing.pk}/change/" in preview.content.decode()


def test_a_reference_already_here_is_found_by_title_year_and_first_author(editor_client):
    PublicationFactory(
        title_sv="SKOLAN OCH DE UNGA.", authors=[{"family": "Arlig", "given": "P."}], year=2011
    )
    preview, _url = _preview(editor_client, RIS.encode())
    assert [(row.status, row.duplicate_by) for row in preview.context["preview"].rows] == [
        ("new", ""),
        ("duplicate", "title"),
    ]


def test_a_reference_twice_in_one_file_is_imported_once(editor_client):
    twice = RIS + RIS.split("\n\n")[0] + "\n"
    preview, url = _preview(editor_client, twice.encode())
    rows = preview.context["preview"].rows
    assert [(row.status, row.duplicate_line) for row in rows] == [
        ("new", None),
        ("new", None),
        ("duplicate", 1),
    ]
    editor_client.post(url)
    assert Publication.objects.count() == 2


def test_invalid_rows_are_listed_with_their_lines_and_reasons_and_nothing_can_be_imported(
    editor_client, files
):
    preview, url = _preview(editor_client, (files / "bad-rows.ris").read_bytes())
    rows = {row.line: row for row in preview.context["preview"].rows}
    assert [row.status for row in rows.values()] == ["invalid"] * 4
    assert rows[1].errors == [
        "DOI: 11.1234/fel är inte en DOI. En DOI börjar med 10. och ett snedstreck följer "
        "prefixet, t.ex. 10.1111/j.1467-8624.2005.00889.x."
    ]
    assert rows[8].errors == ["Referensen saknar titel."]
    assert any("Året kan inte vara senare än" in error for error in rows[13].errors)
    assert any(
        "ISBN: 978-91-628-7840-6 är inte ett giltigt ISBN" in error for error in rows[13].errors
    )
    assert rows[20].errors == ["Referensen saknar slut (ER): filen kan vara avklippt."]
    html = preview.content.decode()
    assert "en fil importeras hel eller inte alls. Ingenting har importerats." in html
    assert 'type="submit" class="default" value="Importera' not in html
    response = editor_client.post(url, follow=True)  # even if the button is forced
    assert (
        "Filen har referenser som inte kan importeras; ingenting importerades."
        in response.content.decode()
    )
    assert Publication.objects.count() == 0


def test_one_bad_reference_among_good_ones_stops_the_whole_file(editor_client, files):
    mixed = (files / "zotero.ris").read_text() + "\nTY  - JOUR\nTI  - Utan slut\n"
    preview, url = _preview(editor_client, mixed.encode())
    assert [status for _line, status in _rows(preview)] == ["new", "new", "new", "invalid"]
    editor_client.post(url)
    assert Publication.objects.count() == 0


def test_a_failure_while_writing_leaves_nothing_written(editor_client, files, monkeypatch):
    _page, url = _preview(editor_client, (files / "zotero.ris").read_bytes())
    saved = []
    original = Publication.save

    def save_then_fail(self, *args, **kwargs):
        if saved:
            raise IntegrityError("disk full")
        saved.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Publication, "save", save_then_fail)
    response = editor_client.post(url, follow=True)
    assert "Referenserna kunde inte sparas; ingenting importerades." in response.content.decode()
    assert len(saved) == 1 and Publication.objects.count() == 0
    assert ReferenceUpload.objects.count() == 1  # the preview can be imported again


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-16-le", b""),
        ("cp1252", b""),
        ("latin-1", b""),
    ],
)
def test_swedish_letters_survive_the_encodings_reference_managers_write(
    editor_client, encoding, bom
):
    content = bom + RIS.replace("\n", "\r\n").encode(encoding)
    _page, url = _preview(editor_client, content)
    editor_client.post(url)
    article = Publication.objects.get(publication_type="tidskriftsartikel")
    assert article.authors == [
        {"family": "Ek", "given": "Åsa"},
        {"family": "Öberg", "given": "Lars"},
    ]
    assert article.title_sv == "Närvaro och frånvaro i gymnasieskolan"
    assert Publication.objects.get(publication_type="bok").authors[0]["family"] == "Ärlig"


def test_letters_written_as_letter_and_accent_become_one_character(editor_client):
    decomposed = RIS.replace("Å", "A\u030a").replace("Ö", "O\u0308").encode()
    _page, url = _preview(editor_client, decomposed)
    editor_client.post(url)
    assert Publication.objects.filter(author_names__startswith="Ek, Åsa; Öberg").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Den skickade filen är tom."),  # Django's own check
        (b"   \n\n", "Filen är tom."),
        (b"%PDF-1.7\n\x00\x01\x02\x03binary\xff\xfe", "Det här är inte en textfil"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Det här är inte en textfil"),
        (b"PK\x03\x04\x14\x00\x06\x00", "Det här är inte en textfil"),
        ("Namn;År\nMöllås;2009\n".encode(), "Det här är inte en RIS-, BibTeX- eller CSL-JSON-fil."),
        (b'[{"type": "book", "title": "Avklippt', "Filen är inte giltig CSL-JSON"),
        (b"[" * 100_000, "Filen är inte giltig CSL-JSON"),
        (b"[]", "Filen innehåller inga referenser."),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "Filen säger att den är UTF-16-LE men är det inte"),
    ],
)
def test_a_bad_file_gets_a_clear_message_and_nothing_is_stored(editor_client, content, message):
    response = _upload(editor_client, content, "fel.ris")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Filen kunde inte läsas. Ingenting har importerats." in response.content.decode()
    assert not ReferenceUpload.objects.exists() and not Publication.objects.exists()


def test_a_file_too_large_is_refused_before_it_is_read(editor_client, settings):
    settings.REFERENCE_IMPORT_MAX_BYTES = 1000
    response = _upload(editor_client, RIS.encode() * 10)
    assert response.status_code == 400
    assert "en fil med referenser får vara högst" in response.content.decode()


def test_a_file_with_too_many_references_is_refused(editor_client, settings):
    settings.REFERENCE_IMPORT_MAX_ROWS = 1
    response = _upload(editor_client, RIS.encode())
    assert response.status_code == 400
    assert (
        "Filen innehåller 2 referenser; importera högst 1 åt gången." in response.content.decode()
    )


def test_a_csl_json_item_that_is_not_an_object_is_an_invalid_row(editor_client):
    content = json.dumps(
        [{"type": "book", "title": "En bok", "issued": {"date-parts": [[2001]]}}, "text"]
    )
    preview, _url = _preview(editor_client, content.encode(), "x.json")
    assert [(line, status) for line, status in _rows(preview)] == [(1, "new"), (1, "invalid")]


def test_only_those_who_may_add_literature_may_import(client, editor, user):
    assert client.get(IMPORT_URL).status_code == 302  # to the admin's login
    client.force_login(user)
    assert client.get(IMPORT_URL).status_code == 302
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_publication"))
    client.force_login(staff)
    assert client.get(IMPORT_URL).status_code == 403
    assert _upload(client, RIS.encode()).status_code == 403
    client.force_login(editor)
    page = client.get("/admin/research/publication/")
    assert 'href="/admin/research/publication/import/"' in page.content.decode()
    assert client.get(IMPORT_URL).status_code == 200


def test_an_editor_cannot_see_or_import_another_editors_upload(client, editor, files):
    client.force_login(editor)
    _page, url = _preview(client, (files / "zotero.ris").read_bytes())
    other = UserFactory(is_staff=True)
    other.groups.set(editor.groups.all())
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Publication.objects.count() == 0


def test_importing_twice_from_the_same_preview_imports_once(editor_client, files):
    _page, url = _preview(editor_client, (files / "zotero.ris").read_bytes())
    editor_client.post(url)
    response = editor_client.post(url)
    assert response.status_code == 404  # the upload is gone
    assert Publication.objects.count() == 3


def test_the_importer_refuses_an_upload_that_is_gone():
    with pytest.raises(importer.NothingToImport):
        importer.import_references(12345, UserFactory())


def test_the_import_preview_page_has_a_csrf_protected_form(editor_client, files):
    preview, _url = _preview(editor_client, (files / "zotero.ris").read_bytes())
    assert 'name="csrfmiddlewaretoken"' in preview.content.decode()
