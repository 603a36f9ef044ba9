"""The main journeys, in a real browser: publish, search and save, statistics and export."""

import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from content.models import Status
from tests.factories import PASSWORD, MethodFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def editor_group():
    """Redaktör as its migration makes it (a transactional test before this one may have flushed it)."""
    from django.contrib.auth.models import Group, Permission

    from accounts.roles import EDITOR_GROUP, editor_permission_codenames

    group, _created = Group.objects.get_or_create(name=EDITOR_GROUP)
    for app_label, codename in editor_permission_codenames():
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def test_an_editor_publishes_a_method_in_the_admin_and_visitors_see_it(live_server, page, browser):
    editor = UserFactory(username="redaktor", is_staff=True)
    editor.groups.add(editor_group())
    MethodFactory(title_sv="Synlig metod")
    draft = MethodFactory(title_sv="Studiecoachning", status=Status.DRAFT, published_at=None)

    # An anonymous visitor looks first, so the list is in the page cache without the draft.
    visitor = browser.new_context(locale="sv-SE").new_page()
    visitor.goto(f"{live_server.url}/metoder/")
    expect(visitor.get_by_text("Synlig metod")).to_be_visible()
    expect(visitor.get_by_text("Studiecoachning")).to_have_count(0)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label(re.compile("Användarnamn|Username")).fill("redaktor")
    page.get_by_label(re.compile("Lösenord|Password")).fill(PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    page.goto(f"{live_server.url}/admin/methods/method/")
    page.locator(f"input[name=_selected_action][value='{draft.pk}']").check()
    page.select_option("select[name=action]", "publish")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    page.goto(f"{live_server.url}/metoder/")  # the editor sees it on the site too
    page.get_by_role("link", name="Studiecoachning").click()
    expect(page.locator("h1")).to_have_text("Studiecoachning")
    expect(page.locator(".draft-notice, .preview-notice")).to_have_count(0)

    visitor.reload()
    expect(visitor.get_by_text("Studiecoachning")).to_be_visible()
    visitor.get_by_role("link", name="Studiecoachning").click()
    expect(visitor.locator("h1")).to_have_text("Studiecoachning")
    visitor.context.close()


def log_in(page, live_server, user) -> None:
    page.goto(f"{live_server.url}/mina-sidor/konto/logga-in/")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_search_filter_open_an_article_and_save_it(live_server, page):
    from tests.accounts.factories import VerifiedUserFactory

    user = VerifiedUserFactory()
    MethodFactory(
        title_sv="Mentorskap i gymnasiet",
        summary_sv="Mentorer stöttar elever som riskerar att avbryta.",
        tags=["mentorskap"],
    )
    from tests.factories import ArticleFactory

    ArticleFactory(title_sv="Nyhet om mentorskap", summary_sv="Mentorskap i nyheterna.")
    log_in(page, live_server, user)

    page.goto(f"{live_server.url}/")
    page.locator("#header-search-q").fill("mentorskap")
    page.locator("#header-search-q").press("Enter")
    page.wait_for_load_state()
    assert "/sok/" in page.url
    expect(page.get_by_role("link", name="Nyhet om mentorskap")).to_be_visible()

    page.locator(".search-facets, main").get_by_role(
        "link", name=re.compile(r"^Metoder")
    ).first.click()
    page.wait_for_load_state()
    assert "typ=metoder" in page.url
    expect(page.get_by_role("link", name="Nyhet om mentorskap")).to_have_count(0)

    page.get_by_role("link", name="Mentorskap i gymnasiet").first.click()
    expect(page.locator("h1")).to_have_text("Mentorskap i gymnasiet")
    page.get_by_role("button", name=re.compile("^Spara")).click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name=re.compile("^Sparad"))).to_be_visible()

    page.goto(f"{live_server.url}/mina-sidor/")
    expect(page.get_by_role("link", name="Mentorskap i gymnasiet")).to_be_visible()


def test_statistics_to_a_municipality_and_its_export(live_server, page):
    call_command("import_kolada", shipped=True, verbosity=0)
    page.goto(f"{live_server.url}/statistik/")
    page.locator("summary", has_text="tabell").first.click()
    page.locator("main table").get_by_role("link", name="Partille").click()
    expect(page.locator("h1")).to_contain_text("Partille")
    assert "/statistik/kommun/1402/" in page.url

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("CSV")).first.click()
    download = download_info.value
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";" if text[:500].count(";") else ","))
    assert len(rows) > 10
    assert any("Partille" in cell or "1402" in cell for row in rows for cell in row)
    assert "Kolada" in text


@pytest.mark.parametrize(
    ("swedish", "english"),
    [
        ("/sok/?q=mentorskap", "/en/search/?q=mentorskap"),
        ("/statistik/kommun/1402/", "/en/statistics/municipality/1402/"),
        ("/tillganglighet/", "/en/accessibility/"),
    ],
)
def test_switching_language_keeps_the_page_and_its_query(live_server, page, swedish, english):
    from tests.factories import MunicipalityFactory

    MunicipalityFactory()
    page.goto(f"{live_server.url}{swedish}")
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}{english}"
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".language-switcher").get_by_role("link", name="Svenska").click()
    page.wait_for_load_state()
    assert page.url == f"{live_server.url}{swedish}"
