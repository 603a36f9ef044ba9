"""Input no page can use answers 4xx in the visitor's language, never a 500; a bad Host header
is logged in one line."""

import io
import json
import logging

import pytest
from django.conf import settings
from django.urls import NoReverseMatch, get_resolver, reverse
from django.utils import translation

from accounts.models import SavedSearch
from pluginnovation.models import ContactMessage
from tests.accounts.factories import VerifiedUserFactory
from tests.factories import MethodFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    MunicipalityFactory()
    return MethodFactory(title_sv="Mentorskap")


def url_names(resolver=None, prefix=""):
    """(name, parameter names) of every named URL of the site."""
    resolver = resolver or get_resolver()
    for key in resolver.reverse_dict:
        if isinstance(key, str):
            for possibilities, _pattern, _defaults, _converters in resolver.reverse_dict.getlist(
                key
            ):
                yield prefix + key, tuple(possibilities[0][1])
    for namespace, (_prefix, sub) in resolver.namespace_dict.items():
        yield from url_names(sub, f"{prefix}{namespace}:")


def addresses_with_a_nul_in_each_parameter():
    found = []
    for name, parameters in sorted(set(url_names())):
        if not parameters:
            continue
        for language in ("sv", "en"):
            with translation.override(language):
                try:
                    found.append(reverse(name, kwargs=dict.fromkeys(parameters, "x\x00y")))
                except NoReverseMatch:  # the parameter takes no NUL (a number, a slug)
                    continue
    return sorted(set(found))


def test_a_nul_anywhere_in_an_address_of_the_site_answers_4xx_never_500(client, content):
    addresses = addresses_with_a_nul_in_each_parameter()
    assert "/statistik/kommun/x%00y/" in addresses  # the one PostgreSQL answered with a 500
    client.raise_request_exception = False
    answers = {address: client.get(address).status_code for address in addresses}
    assert all(400 <= status < 500 for status in answers.values()), answers


@pytest.mark.parametrize(
    ("path", "language", "text"),
    [
        ("/statistik/kommun/%00/", "sv", "Förfrågan gick inte att förstå"),
        ("/en/statistics/municipality/%00/", "en", "The request could not be understood"),
    ],
)
def test_a_nul_in_the_path_gets_the_400_page_in_the_language_of_the_address(
    client, content, path, language, text
):
    response = client.get(path)
    assert response.status_code == 400
    body = response.content.decode()
    assert f'<html lang="{language}">' in body and text in body


@pytest.mark.parametrize(
    "params",
    [{"q": "mentor\x00"}, {"q\x00": "mentor"}, {"page": "1\x00"}, {"typ": ["metoder", "\x00"]}],
)
def test_a_nul_in_any_parameter_is_a_400(client, content, params):
    assert client.get(reverse("search:results"), params).status_code == 400


def test_a_nul_in_a_form_is_a_400_and_nothing_is_stored(client):
    response = client.post(
        reverse("contact"),
        {"name": "A\x00", "email": "a@example.se", "subject": "S", "message": "M"},
    )
    assert response.status_code == 400
    assert not ContactMessage.objects.exists()


def test_a_nul_in_a_cookie_is_a_400_not_a_session_lookup(client, content):
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijklmnop"
    assert client.get("/").status_code == 400


@pytest.mark.parametrize("address", ["http://[::1/sok/", "http://[::1/sok/?q=mentor", "//["])
def test_a_malformed_address_for_a_saved_search_is_a_form_error(client, address):
    user = VerifiedUserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:saved_search_new"), {"name": "X", "url": address})
    assert response.status_code == 200
    assert response.context["form"].errors["url"]
    assert not SavedSearch.objects.exists()
    # Offered from a page of results, the same address only fills in the form.
    assert client.get(reverse("accounts:saved_search_new"), {"url": address}).status_code == 200


def test_a_bad_host_header_is_logged_in_one_line_without_a_traceback(client):
    handler = logging.getLogger("django.security").handlers[0]
    output = io.StringIO()
    previous = handler.setStream(output)
    try:
        client.raise_request_exception = False
        assert client.get("/", HTTP_HOST="evil.example").status_code == 400
    finally:
        handler.setStream(previous)
    lines = output.getvalue().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert "evil.example" in entry["message"]
    assert "exception" not in entry and "Traceback" not in lines[0]


@pytest.mark.parametrize("address", ["http://[::1/", "//[", "http://[::1/mina-sidor/"])
def test_a_malformed_next_address_on_the_account_pages_is_ignored_never_a_500(client, address):
    member = VerifiedUserFactory()
    client.raise_request_exception = False
    login = reverse("account_login")
    assert client.get(login, {"next": address}).status_code == 200
    assert client.get(reverse("account_signup"), {"next": address}).status_code == 200
    response = client.post(
        f"{login}?next={address}",
        {"login": member.email, "password": "correct-horse-battery-staple"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:dashboard")  # not the malformed address
    assert client.post(reverse("account_logout"), {"next": address}).status_code == 302
