"""The editors' admin in a real browser: two editors on one article (the second save refused,
the text recovered), and an image uploaded with its alternative text and shown on the page."""

import re

import pytest
from playwright.sync_api import expect

from content.models import ArticleImage
from methods.models import Method
from tests.content.files import image_bytes
from tests.factories import PASSWORD, MethodFactory, UserFactory

from .test_flows import editor_group

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def admin_login(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label(re.compile("Användarnamn|Username")).fill(username)
    page.get_by_label(re.compile("Lösenord|Password")).fill(PASSWORD)
    page.locator("input[type=submit], button[type=submit]").first.click()
    expect(page.locator("#site-name")).to_be_visible()


def make_editor(username: str, first_name: str):
    editor = UserFactory(
        username=username, first_name=first_name, last_name="Redaktör", is_staff=True
    )
    editor.groups.add(editor_group())
    return editor


def test_two_editors_the_second_save_is_refused_and_the_text_is_recovered(live_server, browser):
    make_editor("berit", "Berit")
    make_editor("anna", "Anna")
    method = MethodFactory(
        title_sv="Mentorskap", summary_sv="Den gamla sammanfattningen.", author=UserFactory()
    )
    change = f"{live_server.url}/admin/methods/method/{method.pk}/change/"
    berit = browser.new_context(locale="sv-SE").new_page()
    anna = browser.new_context(locale="sv-SE").new_page()
    admin_login(berit, live_server, "berit")
    admin_login(anna, live_server, "anna")
    berit.goto(change)
    anna.goto(change)
    # The second to open it is told that the first has it open.
    expect(anna.locator(".editing-notice")).to_contain_text("Berit Redaktör")

    berit.locator("#id_summary_sv").fill("Berits nya sammanfattning.")
    berit.locator("input[name=_save]").first.click()
    expect(berit.locator(".messagelist")).to_be_visible()

    typed = "Annas långa text, skriven medan Berit sparade. Den får inte gå förlorad."
    anna.locator("#id_body_sv").fill(typed)
    anna.locator("input[name=_continue]").first.click()

    expect(anna.locator(".errornote")).to_be_visible()
    expect(anna.locator(".errorlist.nonfield")).to_contain_text("Berit Redaktör sparade artikeln")
    expect(anna.locator(".edit-conflict")).to_contain_text("Sammanfattning (Svenska)")
    expect(anna.locator("#id_body_sv")).to_have_value(typed)
    # The field Anna had not touched now holds Berit's text; saving keeps both.
    expect(anna.locator("#id_summary_sv")).to_have_value("Berits nya sammanfattning.")
    anna.locator("input[name=_continue]").first.click()
    expect(anna.locator(".messagelist .success")).to_be_visible()

    saved = Method.objects.get(pk=method.pk)
    assert saved.body_sv == typed
    assert saved.summary_sv == "Berits nya sammanfattning."
    berit.context.close()
    anna.context.close()


def test_an_image_uploaded_with_alt_text_is_shown_on_the_public_page(
    live_server, page, browser, tmp_path
):
    make_editor("redaktor", "Rut")
    method = MethodFactory(title_sv="Mentorskap", title_en="Mentoring", slug="mentorskap")
    picture = tmp_path / "mentor.jpg"
    picture.write_bytes(image_bytes(size=(1200, 800)))

    admin_login(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/admin/methods/method/{method.pk}/change/")
    page.locator("#images-group .add-row a").click()
    page.locator("input[name='images-0-upload']").set_input_files(str(picture))
    page.locator("input[name='images-0-alt_sv']").fill("En mentor samtalar med en elev")
    page.locator("input[name='images-0-alt_en']").fill("A mentor talks with a student")
    page.locator("input[name='images-0-credit']").fill("Foto: Rut Redaktör")
    page.locator("input[name=_save]").first.click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert ArticleImage.objects.filter(article=method).count() == 1

    visitor = browser.new_context(locale="sv-SE").new_page()
    visitor.goto(f"{live_server.url}/metoder/mentorskap/")
    image = visitor.get_by_role("img", name="En mentor samtalar med en elev")
    expect(image).to_be_visible()
    # The browser has loaded it (from the site itself, as the page's policy allows).
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    expect(visitor.locator("figcaption")).to_have_text("Foto: Rut Redaktör")
    visitor.goto(f"{live_server.url}/en/methods/mentorskap/")
    expect(visitor.get_by_role("img", name="A mentor talks with a student")).to_be_visible()
    visitor.context.close()


def test_the_markdown_preview_follows_the_typing_under_the_strict_policy(live_server, browser):
    make_editor("redaktor", "Rut")
    method = MethodFactory(body_sv="Gammal text.")
    # A context of its own: the page fixture's lets axe-core past the policy; this one does not.
    page = browser.new_context(locale="sv-SE").new_page()
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    admin_login(page, live_server, "redaktor")
    page.goto(f"{live_server.url}/admin/methods/method/{method.pk}/change/")
    preview = page.locator("#id_body_sv-preview")
    expect(preview).to_contain_text("Gammal text.")
    page.locator("#id_body_sv").fill("Ett **viktigt** ord <script>alert(1)</script>")
    expect(preview.locator("strong")).to_have_text("viktigt")
    assert "script" not in preview.inner_html()
    assert not [error for error in errors if "Content Security Policy" in error]
    page.context.close()
