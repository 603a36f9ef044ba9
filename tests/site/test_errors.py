"""404 and 500 pages in the site's own look, in both languages."""

from unittest import mock
from urllib.parse import urlsplit

import pytest

from .html import page, text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, language, heading, home",
    [
        ("/finns-inte/", "sv", "Sidan finns inte", "/"),
        ("/metoder/finns-inte/", "sv", "Sidan finns inte", "/"),
        ("/en/nowhere/", "en", "Page not found", "/en/"),
        ("/en/methods/nowhere/", "en", "Page not found", "/en/"),
    ],
)
def test_a_missing_page_is_a_404_in_the_sites_look_and_language(
    client, path, language, heading, home
):
    response = client.get(path)
    assert response.status_code == 404
    parsed = page(response)
    assert parsed.html_lang == language
    assert [h for h in parsed.headings() if h[0] == 1] == [(1, heading)]
    assert parsed.find("header", **{"class": "site-header"})
    assert parsed.find("a", href=home)
    # The switcher leads somewhere real in the other language, never to the same dead address.
    hrefs = {a.get("href") for a in parsed.find_all("a") if a.get("hreflang")}
    assert hrefs and path not in hrefs


@pytest.mark.django_db
def test_a_404_switcher_offers_the_other_languages_home_page(client):
    switch = page(client.get("/finns-inte/")).find("a", hreflang="en")
    assert switch.get("href") == "/en/"
    switch = page(client.get("/en/nowhere/")).find("a", hreflang="sv")
    assert switch.get("href") == "/"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["//evil.example/", "///evil.example/en/", "//evil.example/sok/"])
def test_a_path_that_names_another_host_never_links_there(client, path):
    # As gunicorn passes it on: the test client would tidy "//host/" in the address itself.
    response = client.get("/", PATH_INFO=path)
    hrefs = [a.get("href") for a in page(response).find_all("a")]
    hrefs += [link.get("href") for link in page(response).find_all("link")]
    assert hrefs
    assert {urlsplit(href).netloc for href in hrefs if href} <= {"", "testserver"}


@pytest.mark.django_db
@pytest.mark.urls("tests.site.urls")
@pytest.mark.parametrize(
    "path, language, heading",
    [("/trasig/", "sv", "Något gick fel"), ("/en/trasig/", "en", "Something went wrong")],
)
def test_a_failing_page_shows_the_500_page_in_the_sites_look_and_language(
    client, path, language, heading
):
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == 500
    parsed = page(response)
    assert parsed.html_lang == language
    assert parsed.find("h1").text == heading
    assert parsed.find("header", **{"class": "site-header"})
    assert "RuntimeError" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.urls("tests.site.urls")
def test_the_500_page_falls_back_to_plain_text_when_even_it_fails(client):
    client.raise_request_exception = False
    with mock.patch("infra.middleware.loader.render_to_string", side_effect=RuntimeError):
        response = client.get("/trasig/")
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/plain")
    assert "Serverfel" in response.content.decode() and "Server error" in response.content.decode()


@pytest.mark.django_db
def test_nonsense_in_the_address_never_gives_a_500(client):
    for path in ["/metoder/%00/", "/metoder/?page=%00", "/en/methods/" + "x" * 300 + "/"]:
        assert client.get(path).status_code in {200, 400, 404}, path  # NUL: 400 (infra.badinput)
    assert "Sidan finns inte" in text(client.get("/metoder/%C3%A5%C3%A4/"))
