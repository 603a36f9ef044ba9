"""The strict Content-Security-Policy, enforced by a real browser: no page breaks any rule."""

import pytest

from tests.factories import UserFactory

from .content import make_content, page_types, url_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def strict_page(browser):
    """A tab that enforces the CSP (the shared context bypasses it so that axe can run)."""
    context = browser.new_context(bypass_csp=False, locale="sv-SE")
    page = context.new_page()
    page.violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.violations.append(message.text)
        ),
    )
    yield page
    context.close()


def test_no_page_type_breaks_the_content_security_policy(live_server, strict_page):
    content = make_content()
    for language in ("sv", "en"):
        for label, name, kwargs in page_types(content):
            path = url_in(language, name, kwargs)
            if path is None:
                continue
            strict_page.goto(f"{live_server.url}{path}")
            strict_page.wait_for_load_state("load")
            assert strict_page.violations == [], f"{label} {path}"


def test_the_admin_works_under_the_policy(live_server, strict_page):
    from tests.factories import PASSWORD

    UserFactory(username="admin", is_staff=True, is_superuser=True)
    content = make_content(statistics=False)
    strict_page.goto(f"{live_server.url}/admin/")
    strict_page.locator("#id_username").fill("admin")
    strict_page.locator("#id_password").fill(PASSWORD)
    strict_page.locator("input[type=submit]").click()
    for path in [
        "/admin/",
        "/admin/methods/method/",
        f"/admin/methods/method/{content.method.pk}/change/",
        "/admin/methods/method/add/",
    ]:
        response = strict_page.goto(f"{live_server.url}{path}")
        strict_page.wait_for_load_state("load")
        assert response.status == 200, path
        assert strict_page.violations == [], path


def test_the_browser_reports_a_violation_when_there_is_one(live_server, strict_page):
    strict_page.goto(f"{live_server.url}/")
    strict_page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.x = 1'; document.body.append(s); }"
    )
    strict_page.wait_for_timeout(200)
    assert any("script-src" in v for v in strict_page.violations)
