"""The documentation page as served: our own Swagger UI under the strict CSP, the licences,
the limits, examples that work and an explanation for every problem type."""

import re

import pytest

from api.problems import PROBLEMS

from .conftest import fetch

pytestmark = pytest.mark.django_db


def test_the_docs_page_uses_only_our_static_files_and_no_inline_script(client, bank):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert "/static/api/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/api/swagger-ui/swagger-ui.css" in sources
    elsewhere = ("http:", "https:", "//")
    assert not [s for s in sources if s.startswith(elsewhere) and "//testserver/" not in s]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_the_docs_page_states_the_licences_and_the_limits(client, bank, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the page is drawn again after each change of settings
    settings.API_RATE_LIMIT = 77
    # From an address of its own: the other tests' requests count against 127.0.0.1.
    client.defaults["REMOTE_ADDR"] = "192.0.2.77"
    html = client.get("/api/v1/docs/?lang=en").content.decode()
    assert "77 requests every 60 seconds" in html
    assert "CC BY 4.0" in html and "Källa: Kolada" in html
    assert "the editors have not stated a licence yet" in html
    settings.CONTENT_LICENCE_NAME = "CC0 1.0"
    settings.CONTENT_LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/"
    stated = client.get("/api/v1/docs/?lang=en").content.decode()
    assert '<a href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>' in stated


def test_every_problem_type_is_explained_where_its_type_points(client, bank):
    html = client.get("/api/v1/docs/").content.decode()
    for slug in PROBLEMS:
        assert f'id="problem-{slug}"' in html
    problem = fetch(client, "/api/v1/methods/?x=1")[1]
    assert problem["type"] == "http://testserver/api/v1/docs/#problem-invalid-parameters"


def test_the_docs_page_comes_in_both_languages(client, bank):
    swedish = client.get("/api/v1/docs/").content.decode()
    english = client.get("/api/v1/docs/", headers={"Accept-Language": "en"}).content.decode()
    assert '<html lang="sv">' in swedish and "Öppet API" in swedish
    assert '<html lang="en">' in english and "Open API" in english
    assert 'data-openapi-url="/api/v1/openapi.json?lang=en"' in english


def test_the_examples_on_the_docs_page_answer(client, bank):
    html = client.get("/api/v1/docs/").content.decode()
    examples = re.findall(r'<a href="(/api/v1/[^"]+)"><code>', html)
    assert len(examples) == 5
    assert "/api/v1/methods/?tag=fr%C3%A5nvaro&amp;sort=datum" in examples
    for url in examples:
        assert client.get(url.replace("&amp;", "&")).status_code == 200, url
