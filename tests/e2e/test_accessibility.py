"""axe-core on every page type in both languages: zero WCAG 2.1 A/AA violations.

Also the keyboard: the first Tab reaches a visible skip link that moves focus to the main
content, and every focused element shows a visible focus indicator.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .content import make_content, page_types, url_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def assert_no_violations(page, where: str) -> None:
    results = AXE.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_type_has_no_wcag_21_aa_violations(live_server, page, language):
    content = make_content()
    checked = []
    for label, name, kwargs in page_types(content):
        path = url_in(language, name, kwargs)
        if path is None:
            continue  # a section not in the site yet
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 500, path
        assert page.locator("html").get_attribute("lang") == language, path
        assert_no_violations(page, f"{label} {path}")
        checked.append(label)
    assert len(checked) >= 12, checked
    print(language, "checked:", ", ".join(checked))


def test_the_check_finds_a_violation_when_there_is_one(live_server, page):
    page.goto(f"{live_server.url}/")
    page.evaluate("document.querySelector('main').append(document.createElement('img'))")
    results = AXE.run(page, options=WCAG_21_AA)
    assert "image-alt" in results.generate_snapshot()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_search_results_and_form_errors_have_no_violations(live_server, page, language):
    make_content(statistics=False)
    search = url_in(language, "search:results", {})
    page.goto(f"{live_server.url}{search}?q=mentor")
    assert_no_violations(page, "search results")
    page.goto(f"{live_server.url}{search}?q=zzzzqqq")
    assert_no_violations(page, "search without results")
    page.goto(f"{live_server.url}{url_in(language, 'contact', {})}")
    page.locator("main button[type=submit]").click()  # empty form: errors next to the fields
    page.wait_for_load_state()
    assert page.locator(".form-errors, .errorlist").count() > 0
    assert_no_violations(page, "contact form with errors")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_404_page_has_no_violations(live_server, page, language):
    prefix = "/en" if language == "en" else ""
    response = page.goto(f"{live_server.url}{prefix}/finns-inte/")
    assert response.status == 404
    assert_no_violations(page, "404")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_my_pages_have_no_violations(live_server, page, language):
    from tests.accounts.factories import SavedArticleFactory, VerifiedUserFactory
    from tests.factories import PASSWORD

    content = make_content(statistics=False)
    user = VerifiedUserFactory()
    SavedArticleFactory(user=user, article=content.method)
    page.goto(f"{live_server.url}{url_in(language, 'account_login', {})}")
    page.locator("input[name=login]").fill(user.email)
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()
    for name, kwargs in [
        ("accounts:dashboard", {}),
        ("accounts:settings", {}),
        ("accounts:saved_search_new", {}),
        ("accounts:propose_method", {}),
        ("accounts:method_use", {"slug": content.method.slug}),
        ("methods:detail", {"slug": content.method.slug}),  # with the save button
    ]:
        path = url_in(language, name, kwargs)
        if path is None:
            continue
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert_no_violations(page, path)


def focus_is_visible(page) -> bool:
    """The focused element draws an outline or a box shadow (the site's :focus-visible style)."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                || style.boxShadow !== 'none';
        }"""
    )


def test_the_first_tab_reaches_a_visible_skip_link_that_moves_focus_to_main(live_server, page):
    make_content(statistics=False)
    page.goto(f"{live_server.url}/metoder/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0 and box["width"] > 10
    assert skip.is_visible()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    assert page.url.endswith("#content")


def test_every_tab_stop_on_a_page_shows_where_the_focus_is(live_server, page):
    content = make_content(statistics=False)
    page.goto(f"{live_server.url}{content.method.get_absolute_url()}")
    seen = set()
    for _ in range(60):
        page.keyboard.press("Tab")
        tag = page.evaluate("document.activeElement.tagName")
        if tag == "BODY":
            break
        key = page.evaluate("document.activeElement.outerHTML.slice(0, 120)")
        if key in seen:
            break
        seen.add(key)
        assert focus_is_visible(page), key
    assert len(seen) > 10
