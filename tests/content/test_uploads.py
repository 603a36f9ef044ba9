"""Images and documents on articles: every upload path in the real admin, good and bad files,
what is stored and under which name, what the public page shows, and a PDF found by its text."""

import io
import os
import re

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from content import revisions
from content.models import ArticleDocument, ArticleImage
from search.api import run_search
from tests.admin_helpers import admin_form_data
from tests.factories import ArticleFactory, MethodFactory

from .files import (
    docx_bytes,
    encrypted_pdf_bytes,
    image_bytes,
    odt_bytes,
    pdf_bytes,
    upload,
)
from .test_revisions import change_url


@pytest.fixture
def method(db):
    return MethodFactory(title_sv="Mentorskap", title_en="Mentoring", slug="mentorskap")


def stored_files(media_root) -> list[str]:
    if not media_root.exists():
        return []
    return sorted(
        str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
    )


def post_image(client, article, file, **fields):
    data = admin_form_data(client.get(change_url(article)))
    data.update(
        {
            "images-TOTAL_FORMS": "1",
            "images-0-upload": file,
            "images-0-alt_sv": "En mentor och en elev vid ett bord",
            "images-0-alt_en": "A mentor and a student at a table",
            "images-0-credit": "Foto: Anna Svensson",
            "images-0-position": "0",
            **fields,
        }
    )
    return client.post(change_url(article), data)


def post_document(client, article, file, **fields):
    data = admin_form_data(client.get(change_url(article)))
    data.update(
        {
            "documents-TOTAL_FORMS": "1",
            "documents-0-upload": file,
            "documents-0-title": "",
            "documents-0-language": "sv",
            "documents-0-position": "0",
            **fields,
        }
    )
    return client.post(change_url(article), data)


def inline_errors(response, prefix: str) -> str:
    formset = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == prefix
    )
    return " ".join(str(error) for form in formset.forms for error in form.errors.values())


# Images ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_image_is_stored_without_its_metadata_in_a_few_widths_under_a_new_name(
    editor_client, method, _media_root
):
    response = post_image(
        editor_client, method, upload("IMG 0042 (kopia).JPG", image_bytes(exif=True), "image/png")
    )
    assert response.status_code == 302
    image = ArticleImage.objects.get(article=method)
    assert re.fullmatch(r"images/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", image.file.name)
    with default_storage.open(image.file.name) as stored:
        picture = Image.open(io.BytesIO(stored.read()))
        assert picture.format == "JPEG"
        assert dict(picture.getexif()) == {}  # no camera, place or orientation left
        # Turned upright as the camera meant: 1600 × 900 taken sideways is 900 × 1600.
        assert picture.size == (900, 1600) == (image.width, image.height)
    assert [copy["width"] for copy in image.renditions] == [480]
    for copy in image.renditions:
        assert default_storage.exists(copy["name"])
    assert len(stored_files(_media_root)) == 2
    assert image.alt_sv and image.credit == "Foto: Anna Svensson"


@pytest.mark.django_db
@pytest.mark.parametrize("image_format, extension", [("PNG", "png"), ("WEBP", "webp")])
def test_png_and_webp_images_are_kept_in_their_format(
    editor_client, method, image_format, extension
):
    response = post_image(
        editor_client, method, upload(f"bild.{extension}", image_bytes(image_format, (2400, 1000)))
    )
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    assert image.file.name.endswith(f".{extension}")
    # Wider than the site ever shows: stored at 2000 px, with copies at 480, 960 and 1440.
    assert image.width == 2000
    assert [copy["width"] for copy in image.renditions] == [480, 960, 1440]


@pytest.mark.django_db
def test_the_public_page_shows_the_image_with_its_widths_alt_text_and_credit(editor_client, method):
    post_image(editor_client, method, upload("bild.jpg", image_bytes()))
    image = ArticleImage.objects.get()
    visitor = Client()
    for path, alt in [
        ("/metoder/mentorskap/", "En mentor och en elev vid ett bord"),
        ("/en/methods/mentorskap/", "A mentor and a student at a table"),
    ]:
        page = visitor.get(path).content.decode()
        tag = re.search(r"<img [^>]*srcset[^>]*>", page).group()
        assert f'alt="{alt}"' in tag
        assert f"{image.file.url} 1600w" in tag and "480w" in tag and "960w" in tag
        assert 'width="1600" height="900"' in tag
        assert "Foto: Anna Svensson" in page
    served = visitor.get(image.file.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data, message",
    [
        (
            "inte-en-bild.jpg",
            "Hej, jag är en textfil.\n".encode() * 10,
            "Filen är inte en bild i JPEG",
        ),
        ("skript.png", b"<svg onload=alert(1)></svg>", "Filen är inte en bild i JPEG"),
        ("trasig.jpg", image_bytes()[:300], "Bilden kunde inte läsas"),
        ("tom.jpg", b"", "Den skickade filen är tom"),
        ("bild.gif", b"GIF89a" + b"\x00" * 40, "Filen är inte en bild i JPEG"),
    ],
)
def test_a_bad_image_gets_a_clear_message_and_nothing_is_stored(
    editor_client, method, _media_root, name, data, message
):
    response = post_image(editor_client, method, upload(name, data, "image/jpeg"))
    assert response.status_code == 200
    assert message in inline_errors(response, "images")
    assert not ArticleImage.objects.exists()
    assert stored_files(_media_root) == []


@pytest.mark.django_db
def test_an_image_over_the_size_limit_is_refused(editor_client, method, settings, _media_root):
    settings.UPLOAD_MAX_IMAGE_BYTES = 10_000
    noise = io.BytesIO()
    Image.frombytes("RGB", (100, 100), os.urandom(30_000)).save(noise, format="PNG")
    response = post_image(editor_client, method, upload("stor.png", noise.getvalue()))
    assert "Filen är för stor: högst 9,8\xa0kB." in inline_errors(response, "images")
    assert not ArticleImage.objects.exists() and stored_files(_media_root) == []


@pytest.mark.django_db
def test_an_image_of_too_many_pixels_is_refused_before_it_is_decoded(editor_client, method):
    # A small file that would decode to 100 megapixels (a decompression bomb).
    huge = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(huge, format="PNG")
    response = post_image(editor_client, method, upload("bomb.png", huge.getvalue()))
    assert "Bilden är för stor" in inline_errors(response, "images")
    assert not ArticleImage.objects.exists()


@pytest.mark.django_db
def test_alternative_text_is_required_in_each_language_of_the_article(editor_client, method):
    response = post_image(
        editor_client, method, upload("bild.jpg", image_bytes()), **{"images-0-alt_en": ""}
    )
    assert "Beskriv bilden på engelska" in inline_errors(response, "images")
    assert not ArticleImage.objects.exists()
    swedish_only = ArticleFactory(title_en="", summary_en="", body_en="")
    response = post_image(
        editor_client, swedish_only, upload("bild.jpg", image_bytes()), **{"images-0-alt_en": ""}
    )
    assert response.status_code == 302
    assert ArticleImage.objects.get().alt_en == ""


@pytest.mark.django_db
def test_an_image_is_part_of_the_articles_revision(editor_client, method):
    post_image(editor_client, method, upload("bild.jpg", image_bytes()))
    kept = revisions.stored_snapshot(revisions.latest_note(method.pk))
    assert [row["alt_sv"] for row in kept.images] == ["En mentor och en elev vid ett bord"]


# Documents ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_pdf_is_stored_listed_with_title_type_and_size_and_found_by_its_text(
    editor_client, method
):
    data = pdf_bytes("Rapporten beskriver studieavbrott i Ljungby.", "Mentorer hjälper.")
    response = post_document(
        editor_client, method, upload("Slutrapport_2021.pdf", data, "text/plain")
    )
    assert response.status_code == 302
    document = ArticleDocument.objects.get()
    assert document.title == "Slutrapport 2021"  # from the file's name, left empty
    assert document.file_type == "pdf" and document.size == len(data)
    assert re.fullmatch(
        r"documents/\d{4}/\d{2}/[0-9a-f]{32}/slutrapport-2021\.pdf", document.file.name
    )
    assert "studieavbrott i Ljungby" in document.text

    page = Client().get("/metoder/mentorskap/").content.decode()
    assert f'<a href="{document.file.url}" hreflang="sv">Slutrapport 2021</a>' in page
    assert "(PDF, " in page

    assert [article.pk for article in run_search({"q": "ljungby"})] == [method.pk]
    results = Client().get("/sok/", {"q": "ljungby"})
    result = results.context["articles"][0]
    assert result.search_snippet_source == "Slutrapport 2021"
    assert "<mark>Ljungby</mark>" in result.search_snippet
    assert "I dokumentet ”Slutrapport 2021”:" in results.content.decode()


@pytest.mark.django_db
def test_a_removed_document_is_no_longer_found(editor_client, method):
    post_document(editor_client, method, upload("r.pdf", pdf_bytes("Ljungbymodellen")))
    assert run_search({"q": "ljungbymodellen"}).count() == 1
    data = admin_form_data(editor_client.get(change_url(method)))
    data["documents-0-DELETE"] = "on"
    assert editor_client.post(change_url(method), data).status_code == 302
    assert run_search({"q": "ljungbymodellen"}).count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data, file_type, text",
    [
        ("mall.docx", docx_bytes("Samtalsmall för mentorer"), "docx", "Samtalsmall för mentorer"),
        ("mall.odt", odt_bytes("Samtalsmall för mentorer"), "odt", "Samtalsmall för mentorer"),
    ],
)
def test_word_and_opendocument_texts_are_accepted_and_read(
    editor_client, method, name, data, file_type, text
):
    response = post_document(editor_client, method, upload(name, data))
    assert response.status_code == 302
    document = ArticleDocument.objects.get()
    assert document.file_type == file_type and document.text == text
    assert document.file.name.endswith(f".{file_type}")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, data, message",
    [
        ("rapport.pdf", b"Detta \xe4r ingen pdf", "Bara dokument i PDF, Word"),
        ("rapport.pdf", pdf_bytes("x")[:120], "PDF-filen kunde inte läsas"),
        ("rapport.pdf", encrypted_pdf_bytes(), "PDF-filen är lösenordsskyddad"),
        ("makro.docx", docx_bytes("x", macros=True), "Dokument med makron kan inte laddas upp"),
        ("arkiv.docx", b"PK\x03\x04" + b"\x00" * 50, "Dokumentet kunde inte läsas"),
        ("bild.pdf", image_bytes(), "Bara dokument i PDF, Word"),
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 100, "Bara dokument i PDF, Word"),
    ],
)
def test_a_bad_document_gets_a_clear_message_and_nothing_is_stored(
    editor_client, method, _media_root, name, data, message
):
    response = post_document(editor_client, method, upload(name, data, "application/pdf"))
    assert response.status_code == 200
    assert message in inline_errors(response, "documents")
    assert not ArticleDocument.objects.exists()
    assert stored_files(_media_root) == []


@pytest.mark.django_db
def test_a_document_over_the_size_limit_is_refused(editor_client, method, settings, _media_root):
    settings.UPLOAD_MAX_DOCUMENT_BYTES = 200
    response = post_document(editor_client, method, upload("r.pdf", pdf_bytes("x" * 400)))
    assert "Filen är för stor" in inline_errors(response, "documents")
    assert stored_files(_media_root) == []


@pytest.mark.django_db
def test_a_failing_save_removes_the_files_it_wrote(editor_client, method, _media_root, monkeypatch):
    from content import admin as content_admin

    def fail(*args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(content_admin.ArticleAdmin, "log_change", fail)
    with pytest.raises(RuntimeError):
        post_image(editor_client, method, upload("bild.jpg", image_bytes()))
    assert not ArticleImage.objects.exists()
    assert stored_files(_media_root) == []


# Who may ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_plain_user_cannot_upload(client, user, method, _media_root):
    client.force_login(user)
    data = {
        "images-TOTAL_FORMS": "1",
        "images-INITIAL_FORMS": "0",
        "images-0-upload": upload("bild.jpg", image_bytes()),
        "images-0-alt_sv": "x",
    }
    response = client.post(change_url(method), data)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not ArticleImage.objects.exists() and stored_files(_media_root) == []


@pytest.mark.django_db
def test_the_longest_document_text_is_indexed_on_either_database(method):
    from content.uploads import MAX_TEXT_CHARACTERS

    # Words that never repeat: the largest search vector a document can make.
    words = (f"ord{number:06d}x" for number in range(MAX_TEXT_CHARACTERS // 11))
    text = " ".join(words)[:MAX_TEXT_CHARACTERS]
    ArticleDocument.objects.create(article=method, title="Lång", file_type="pdf", text=text)
    assert [article.pk for article in run_search({"q": "ord000123x"})] == [method.pk]


@pytest.mark.django_db
def test_an_article_knows_whether_it_has_documents_whatever_saves_it(editor_client, method):
    stale = type(method).objects.get(pk=method.pk)  # loaded before the document is added
    post_document(editor_client, method, upload("r.pdf", pdf_bytes("Ljungby")))
    method.refresh_from_db()
    assert method.has_documents
    stale.save()
    stale.refresh_from_db()
    assert stale.has_documents
    ArticleDocument.objects.all().delete()
    method.refresh_from_db()
    assert not method.has_documents
