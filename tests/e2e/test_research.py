"""An editor imports a RIS file in the admin, publishes one of its references, and a visitor
downloads it as BibTeX from its page: in a real browser."""

import re
from pathlib import Path

import bibtexparser
import pytest
from bibtexparser import middlewares
from playwright.sync_api import expect

from content.models import Status
from research.models import Publication
from tests.factories import PASSWORD, UserFactory

from .test_flows import editor_group

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RIS_FILE = Path(__file__).resolve().parent.parent / "research" / "files" / "zotero.ris"


def test_an_editor_imports_a_ris_file_publishes_a_reference_and_it_exports_as_bibtex(
    live_server, page, browser
):
    editor = UserFactory(username="redaktor", is_staff=True)
    editor.groups.add(editor_group())

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label(re.compile("Användarnamn|Username")).fill("redaktor")
    page.get_by_label(re.compile("Lösenord|Password")).fill(PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()

    page.goto(f"{live_server.url}/admin/research/publication/")
    page.get_by_role("link", name="Importera referenser").click()
    page.get_by_label("Fil med referenser").set_input_files(str(RIS_FILE))
    page.get_by_role("button", name="Läs filen").click()

    # The preview: three new references, nothing written yet.
    expect(page.locator("#reference-preview tbody tr")).to_have_count(3)
    expect(page.locator("#reference-preview")).to_contain_text("Möllås, Gunilla (2009)")
    assert Publication.objects.count() == 0
    page.get_by_role("button", name="Importera 3 referenser som utkast för granskning").click()
    expect(page.locator(".messagelist")).to_contain_text("3 referenser importerade")
    assert set(Publication.objects.values_list("status", flat=True)) == {Status.REVIEW}

    thesis = Publication.objects.get(isbn="978-91-628-7840-5")
    page.locator(f"input[name=_selected_action][value='{thesis.pk}']").check()
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()

    # A visitor finds it in Forskning and downloads its reference.
    visitor = browser.new_context(locale="sv-SE", accept_downloads=True).new_page()
    visitor.goto(f"{live_server.url}/forskning/")
    expect(visitor.locator(".card-reference")).to_have_text("Möllås, Gunilla (2009) · Avhandling")
    visitor.get_by_role("link", name=re.compile("^Detta ideliga mötande")).click()
    expect(visitor.locator("#citation-apa")).to_contain_text("Möllås, G. (2009).")
    with visitor.expect_download() as download_info:
        visitor.get_by_role("link", name="BibTeX").click()
    download = download_info.value
    assert download.suggested_filename == f"{thesis.slug}.bib"
    library = bibtexparser.parse_string(
        Path(download.path()).read_text(encoding="utf-8"),
        append_middleware=[middlewares.SeparateCoAuthors(), middlewares.LatexDecodingMiddleware()],
    )
    (entry,) = library.entries
    assert entry.entry_type == "phdthesis"
    assert entry["author"] == ["Möllås, Gunilla"]
    assert entry["school"] == "Högskolan för lärande och kommunikation"
    assert entry["address"] == "Jönköping"
    assert entry["isbn"] == "978-91-628-7840-5"
    visitor.context.close()
