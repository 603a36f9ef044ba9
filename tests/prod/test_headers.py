"""Security headers on every kind of response, and the production settings behind them."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import MethodFactory

ROOT = Path(__file__).resolve().parents[2]

STRICT_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
]


@pytest.fixture
def method(db):
    return MethodFactory(title_sv="Mentorskap", title_en="Mentoring")


def page_paths(method) -> list[str]:
    return [
        "/",
        "/en/",
        reverse("methods:list"),
        method.get_absolute_url(),
        reverse("contact"),
        reverse("search:results") + "?q=mentor",
        reverse("accessibility"),
        "/finns-inte/",  # the 404 page
        "/robots.txt",
        "/health/",
        "/sitemap.xml",
        reverse("feeds:news"),
    ]


@pytest.mark.django_db
def test_every_page_type_sends_a_strict_content_security_policy(client, method):
    for path in page_paths(method):
        response = client.get(path)
        csp = response.headers.get("Content-Security-Policy", "")
        for directive in STRICT_CSP:
            assert directive in csp, (path, directive)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, path


@pytest.mark.django_db
def test_every_page_type_refuses_framing_sniffing_and_device_features(client, method):
    for path in page_paths(method):
        response = client.get(path)
        assert response.headers["X-Frame-Options"] == "DENY", path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert "camera=()" in response.headers["Permissions-Policy"], path
        assert "geolocation=()" in response.headers["Permissions-Policy"], path


@pytest.mark.django_db
def test_https_requests_get_hsts_with_subdomains_and_preload(client, method):
    response = client.get(method.get_absolute_url(), secure=True)
    assert response.headers["Strict-Transport-Security"] == (
        "max-age=31536000; includeSubDomains; preload"
    )


@pytest.mark.django_db
def test_plain_http_is_redirected_to_https_in_production(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/metoder/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/metoder/"


@pytest.mark.django_db
def test_a_forwarded_https_request_from_the_proxy_is_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/", headers={"X-Forwarded-Proto": "https"}).status_code == 200


@pytest.mark.django_db
def test_cookies_are_secure_http_only_and_same_site(client):
    response = client.get(reverse("contact"))  # the form sets the CSRF cookie
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


@pytest.mark.django_db
def test_the_session_cookie_is_secure_http_only_and_same_site(client, superuser):
    from tests.factories import PASSWORD

    response = client.post("/admin/login/", {"username": superuser.username, "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True and session["httponly"] is True
    assert session["samesite"] == "Lax"


def run_deploy_check(**environment: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deploy_check_passes_with_the_production_environment():
    result = run_deploy_check(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
        DJANGO_ALLOWED_HOSTS="pluginnovation.se",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_deploy_check_fails_with_the_development_key():
    result = run_deploy_check(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="pluginnovation.se")
    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr
