"""The API's documentation page in a real browser: Swagger UI from our own static files, under
the site's strict Content-Security-Policy, with no request to any other address, every endpoint
listed, and "Try it out" answering from the API."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from api.core import api
from tests.api.conftest import build_bank

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def strict_page(browser):
    """A tab that enforces the CSP and records every request and every policy violation."""
    context = browser.new_context(bypass_csp=False, locale="sv-SE")
    page = context.new_page()
    page.requests, page.violations, page.errors = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.violations.append(message.text)
        ),
    )
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_the_docs_page_loads_swagger_ui_with_no_external_request(live_server, strict_page):
    build_bank()
    page = strict_page
    response = page.goto(f"{live_server.url}/api/v1/docs/")
    assert response.status == 200
    # Swagger UI has read the schema and drawn every operation.
    page.locator(".opblock").first.wait_for(timeout=20_000)
    assert page.locator(".opblock-summary-path").count() == len(api.get_openapi_schema()["paths"])
    assert page.get_by_text("/api/v1/observations/", exact=True).count() == 1
    origin = urlsplit(live_server.url).netloc
    elsewhere = [url for url in page.requests if urlsplit(url).netloc not in (origin, "")]
    assert elsewhere == []
    assert any(url.endswith("/static/api/swagger-ui/swagger-ui-bundle.js") for url in page.requests)
    assert any("/api/v1/openapi.json?lang=sv" in url for url in page.requests)
    assert page.violations == []
    assert page.errors == []
    # The schema's texts come in the page's language.
    assert page.get_by_text("Metoder", exact=True).first.is_visible()


def test_try_it_out_asks_the_api_and_shows_its_answer(live_server, strict_page):
    build_bank()
    page = strict_page
    page.goto(f"{live_server.url}/api/v1/docs/?lang=en")
    page.locator("#operations-Statistics-list_regions").wait_for(timeout=20_000)
    page.locator("#operations-Statistics-list_regions .opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    answer = page.locator(
        "#operations-Statistics-list_regions .responses-wrapper .live-responses-table"
    )
    answer.wait_for(timeout=20_000)
    assert "Västra Götalands län" in answer.inner_text()
    assert page.violations == []
    origin = urlsplit(live_server.url).netloc
    assert [url for url in page.requests if urlsplit(url).netloc not in (origin, "")] == []


def assert_no_violations(page, where: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


def test_the_docs_and_open_data_pages_have_no_wcag_violations(live_server, page):
    build_bank()
    for path in ("/api/v1/docs/", "/api/v1/docs/?lang=en", "/oppna-data/", "/en/open-data/"):
        page.goto(f"{live_server.url}{path}")
        if "docs" in path:
            page.locator(".opblock").first.wait_for(timeout=20_000)
        assert_no_violations(page, path)
    # An operation opened, ready to try, and answered.
    operation = page.goto(f"{live_server.url}/api/v1/docs/?lang=en") and page.locator(
        "#operations-Methods-list_methods"
    )
    operation.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    assert_no_violations(page, "an operation opened to try")
    page.get_by_role("button", name="Execute").click()
    operation.locator(".live-responses-table").wait_for(timeout=20_000)
    assert_no_violations(page, "an operation tried")
