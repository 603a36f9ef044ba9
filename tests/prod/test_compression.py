"""Pages and JSON go compressed to browsers that accept gzip, except a response with a CSRF token
(BREACH): the login form, and every page a signed-in visitor sees (its logout button)."""

import gzip
import json

import pytest
from django.urls import reverse

from tests.factories import MethodFactory
from tests.stats.conftest import areas, sample_data  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_an_anonymous_page_is_compressed_for_a_browser_that_accepts_it(client):
    MethodFactory.create_batch(3)
    plain = client.get("/metoder/")
    compressed = client.get("/metoder/", **GZIP)
    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    unpacked = gzip.decompress(compressed.content)
    assert unpacked == plain.content
    assert len(compressed.content) < len(unpacked) / 3


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_login_form_with_its_csrf_token_is_never_compressed(client, language):
    path = "/mina-sidor/konto/logga-in/" if language == "sv" else "/en/my-pages/account/login/"
    response = client.get(path, **GZIP)
    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "Content-Encoding" not in response


def test_no_page_a_signed_in_visitor_sees_is_compressed(client, user):
    MethodFactory.create_batch(3)
    client.force_login(user)
    for path in ["/", "/metoder/", reverse("accounts:dashboard")]:
        response = client.get(path, **GZIP)
        assert response.status_code == 200, path
        assert 'name="csrfmiddlewaretoken"' in response.content.decode(), path
        assert "Content-Encoding" not in response, path


def test_statistics_as_json_are_compressed(client, sample_data):  # noqa: F811
    url = reverse("stats:municipality", kwargs={"code": "1441"}) + "?format=json"
    response = client.get(url, **GZIP)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))
